import type { ModuleMetadata, Type } from '@nestjs/common';
import type { DkmioClientOptions } from '../client/dkmio-client';
import type { CreateTablesOptions } from '../operations/tables/create';

/** Options of `DkmioModule.forRoot()`: the {@link DkmioClientOptions} of the shared client, plus `createTables`. */
export interface DkmioModuleOptions extends DkmioClientOptions {
  /**
   * Creates the missing tables of every entity given to `forFeature` when the application starts
   * (during `app.init()`/`listen()`, before any `onApplicationBootstrap` hook), as
   * `db.createTables` does: existing tables are left alone. `true`, or the options of
   * `createTables` (`provisioned`, `pollIntervalMs`, ...). Default: off.
   */
  createTables?: boolean | CreateTablesOptions;
}

/** A class `forRootAsync({ useClass })` instantiates (or `useExisting` finds) to get the options. */
export interface DkmioOptionsFactory {
  createDkmioOptions(): DkmioModuleOptions | Promise<DkmioModuleOptions>;
}

/** A provider token Nest can inject (class, string or symbol). */
export type InjectionToken = string | symbol | Type<unknown> | Function;

/**
 * Options of `DkmioModule.forRootAsync()`: exactly one of `useFactory`, `useClass` or
 * `useExisting`, plus the modules and tokens the factory needs.
 *
 * @example
 * DkmioModule.forRootAsync({
 *   imports: [ConfigModule],
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ region: config.get('AWS_REGION') }),
 * })
 */
export interface DkmioModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory?: (...args: never[]) => DkmioModuleOptions | Promise<DkmioModuleOptions>;
  /** Tokens whose providers are passed to `useFactory`, in order. */
  inject?: InjectionToken[];
  useClass?: Type<DkmioOptionsFactory>;
  useExisting?: InjectionToken;
}
