/** Injection token of the {@link DkmioClient} the core module owns. */
export const DKMIO_CLIENT = Symbol('dkmio:DkmioClient');

/** Injection token of the resolved client options (used by `forRootAsync`). */
export const DKMIO_MODULE_OPTIONS = Symbol('dkmio:DkmioModuleOptions');
/** Injection token of the entity classes every `forFeature` of the app registered (for `createTables: true`). */
export const DKMIO_FEATURE_ENTITIES = Symbol('dkmio:FeatureEntities');
