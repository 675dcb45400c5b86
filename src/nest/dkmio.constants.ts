// Registered symbols: the ESM and the CommonJS build of dkmio/nest agree on them.

/** Injection token of the {@link DkmioClient} the core module owns. */
export const DKMIO_CLIENT = Symbol.for('dkmio:DkmioClient');

/** Injection token of the resolved client options (used by `forRootAsync`). */
export const DKMIO_MODULE_OPTIONS = Symbol.for('dkmio:DkmioModuleOptions');
/** Injection token of the entity classes every `forFeature` of the app registered (for `createTables: true`). */
export const DKMIO_FEATURE_ENTITIES = Symbol.for('dkmio:FeatureEntities');
