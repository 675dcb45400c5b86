import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DkmioClient } from '../client/dkmio-client';
import { DKMIO_CLIENT, DKMIO_MODULE_OPTIONS } from './dkmio.constants';
import type { DkmioModuleAsyncOptions, DkmioModuleOptions } from './dkmio.interfaces';
import { clientProvider, createAsyncOptionsProviders } from './dkmio.providers';

/**
 * Global module that owns the one {@link DkmioClient} of the app: every `forFeature` module
 * takes its repositories from it, and it is destroyed when the application shuts down (after
 * every `onModuleDestroy`, so other providers can still use it while they close).
 * Imported for you by `DkmioModule.forRoot`/`forRootAsync`.
 */
@Global()
@Module({})
export class DkmioCoreModule implements OnApplicationShutdown {
  constructor(@Inject(DKMIO_CLIENT) private readonly client: DkmioClient) {}

  static forRoot(options: DkmioModuleOptions = {}): DynamicModule {
    return DkmioCoreModule.build([{ provide: DKMIO_MODULE_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: DkmioModuleAsyncOptions): DynamicModule {
    return { ...DkmioCoreModule.build(createAsyncOptionsProviders(options)), imports: options.imports ?? [] };
  }

  private static build(optionProviders: DynamicModule['providers'] & object): DynamicModule {
    return {
      module: DkmioCoreModule,
      providers: [
        ...optionProviders,
        clientProvider,
        // Lets services inject the client by its class too: constructor(private readonly db: DkmioClient).
        { provide: DkmioClient, useExisting: DKMIO_CLIENT },
      ],
      exports: [DKMIO_CLIENT, DkmioClient],
    };
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
