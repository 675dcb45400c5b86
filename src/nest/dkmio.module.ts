import { Module, type DynamicModule } from '@nestjs/common';
import type { Constructor } from '../metadata/records';
import type { CollectionToken } from '../operations/collection/collection';
import { DkmioCoreModule } from './dkmio-core.module';
import type { DkmioModuleAsyncOptions, DkmioModuleOptions } from './dkmio.interfaces';
import { createRepositoryProviders } from './dkmio.providers';

/**
 * dkmio for NestJS. Import `forRoot` (or `forRootAsync`) once, in the root module, and
 * `forFeature([...entities])` in each module whose providers inject repositories.
 *
 * @example
 * \@Module({ imports: [DkmioModule.forRoot({ region: 'us-east-1' }), DkmioModule.forFeature([Order])] })
 * export class AppModule {}
 */
@Module({})
export class DkmioModule {
  /** Creates the app's shared {@link DkmioClient} from these options. */
  static forRoot(options: DkmioModuleOptions = {}): DynamicModule {
    return { module: DkmioModule, imports: [DkmioCoreModule.forRoot(options)] };
  }

  /** Same as `forRoot`, with options from a factory, a class or an existing provider. */
  static forRootAsync(options: DkmioModuleAsyncOptions): DynamicModule {
    return { module: DkmioModule, imports: [DkmioCoreModule.forRootAsync(options)] };
  }

  /**
   * Provides `Repository<E>` for each entity class, injectable with `@InjectRepository(E)`, and a
   * `Collection` for each collection token, injectable with `@InjectCollection(token)`.
   */
  static forFeature(entities: readonly (Constructor | CollectionToken)[]): DynamicModule {
    const providers = createRepositoryProviders(entities);
    return { module: DkmioModule, providers, exports: providers };
  }
}
