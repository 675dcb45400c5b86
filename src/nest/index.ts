/**
 * dkmio for NestJS: `DkmioModule`, `@InjectRepository`, `@InjectDkmioClient` and
 * `DkmioExceptionFilter`, `DkmioSerializerInterceptor`. Needs `@nestjs/common` (and `@nestjs/core` in the app); importing
 * `dkmio` alone never loads this entry point.
 *
 * @packageDocumentation
 */
export { DkmioModule } from './dkmio.module';
export { DkmioCoreModule } from './dkmio-core.module';
export { InjectRepository, InjectDkmioClient, InjectCollection } from './dkmio.decorators';
export { getRepositoryToken, getCollectionToken } from './dkmio.providers';
export { DKMIO_CLIENT } from './dkmio.constants';
export { DkmioExceptionFilter } from './dkmio-exception.filter';
export { DkmioSerializerInterceptor } from './dkmio-serializer.interceptor';
export type { DkmioHttpErrorBody } from '../http/error-response';
export type {
  DkmioModuleOptions,
  DkmioModuleAsyncOptions,
  DkmioOptionsFactory,
  InjectionToken,
} from './dkmio.interfaces';
