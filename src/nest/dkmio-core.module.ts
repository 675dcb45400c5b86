import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DkmioClient } from '../client/dkmio-client';
import type { Constructor } from '../metadata/records';
import { DKMIO_CLIENT, DKMIO_FEATURE_ENTITIES, DKMIO_MODULE_OPTIONS } from './dkmio.constants';
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
export class DkmioCoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DKMIO_CLIENT) private readonly client: DkmioClient,
    @Inject(DKMIO_MODULE_OPTIONS) private readonly options: DkmioModuleOptions,
    @Inject(DKMIO_FEATURE_ENTITIES) private readonly entities: Set<Constructor>,
  ) {}

  /** `createTables: true`: the missing tables of every forFeature entity, before the app serves. */
  async onModuleInit(): Promise<void> {
    const atBoot = this.options?.createTables;
    if (!atBoot || this.entities.size === 0) return;
    await this.client.createTables([...this.entities], atBoot === true ? undefined : atBoot);
  }

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
        // One set per application instance (a factory, not a value shared by two apps of one module).
        { provide: DKMIO_FEATURE_ENTITIES, useFactory: () => new Set<Constructor>() },
        // Lets services inject the client by its class too: constructor(private readonly db: DkmioClient).
        { provide: DkmioClient, useExisting: DKMIO_CLIENT },
      ],
      exports: [DKMIO_CLIENT, DkmioClient, DKMIO_FEATURE_ENTITIES],
    };
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
