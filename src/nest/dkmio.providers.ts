import type { FactoryProvider, Provider } from '@nestjs/common';
import { DkmioClient } from '../client/dkmio-client';
import { ValidationError } from '../errors/errors';
import type { Constructor } from '../metadata/records';
import type { CollectionToken } from '../operations/collection/collection';
import { DKMIO_CLIENT, DKMIO_FEATURE_ENTITIES, DKMIO_MODULE_OPTIONS } from './dkmio.constants';
import type { DkmioModuleAsyncOptions, DkmioModuleOptions, DkmioOptionsFactory } from './dkmio.interfaces';

// Keyed by the class itself: two entity classes both named `Order` (in two modules) get two
// distinct tokens, which a token built from the class name would not. The description is made
// unique too, because Nest deduplicates dynamic modules by a hash of their serialized metadata,
// in which a symbol is its description: two forFeature([Order]) of two different `Order`
// classes must not hash alike.
// Kept on globalThis under a registered symbol: dkmio/nest ships as ESM (for ESM-only Nest 12)
// and as CommonJS, and an app that loads both must still get one token per class.
const tokenStore = ((globalThis as unknown as Record<symbol, TokenStore | undefined>)[
  Symbol.for('dkmio.nest.repository-tokens.v1')
] ??= {
  tokens: new WeakMap<Function, symbol>(),
  namesSeen: new Map<string, number>(),
});
interface TokenStore {
  tokens: WeakMap<Function, symbol>;
  namesSeen: Map<string, number>;
  /** Collection tokens (`collection([...])`) -> their injection symbols. */
  collections?: WeakMap<object, symbol>;
}
const collectionTokens = (tokenStore.collections ??= new WeakMap<object, symbol>());

/**
 * The injection token of a collection (`collection([User, Order])`), the same symbol for the same token.
 *
 * @example
 * const timeline = moduleRef.get<Collection<User | Order>>(getCollectionToken(UserTimeline));
 */
export function getCollectionToken(collection: CollectionToken): symbol {
  if (!isCollectionToken(collection)) {
    throw new ValidationError('getCollectionToken takes a collection token made by collection([User, Order]).');
  }
  let token = collectionTokens.get(collection);
  if (!token) {
    token = newToken(`Collection<${collection.members.map((m) => m.name || 'anonymous').join(' | ')}>`);
    collectionTokens.set(collection, token);
  }
  return token;
}

function isCollectionToken(value: unknown): value is CollectionToken {
  return value !== null && typeof value === 'object' && Array.isArray((value as CollectionToken).members);
}
const repositoryTokens = tokenStore.tokens;
const namesSeen = tokenStore.namesSeen;

/**
 * The injection token of an entity's `Repository`, the same symbol for the same class.
 *
 * @example
 * const orders = moduleRef.get<Repository<Order>>(getRepositoryToken(Order));
 */
export function getRepositoryToken(entity: Constructor): symbol {
  if (typeof entity !== 'function') {
    throw new ValidationError(
      `getRepositoryToken takes an entity class, got ${entity === null ? 'null' : typeof entity}.`,
    );
  }
  let token = repositoryTokens.get(entity);
  if (!token) {
    const name = entity.name || 'anonymous';
    token = newToken(`Repository<${name}>`, name);
    repositoryTokens.set(entity, token);
  }
  return token;
}

/**
 * A new token described `dkmio:<label>`, with `#2`, `#3`, ... once `key` was used before. The
 * count is in the shared store, so the ESM and CommonJS copies never give two tokens one
 * description (see above).
 */
function newToken(label: string, key = label): symbol {
  const seen = (namesSeen.get(key) ?? 0) + 1;
  namesSeen.set(key, seen);
  return Symbol(`dkmio:${label}${seen > 1 ? `#${seen}` : ''}`);
}

/** One provider per entity: its repository, taken from the shared client (validated at boot). */
export function createRepositoryProviders(entities: readonly (Constructor | CollectionToken)[]): FactoryProvider[] {
  const given: unknown = entities; // JavaScript callers can pass anything
  if (!Array.isArray(given)) {
    throw new ValidationError(
      'DkmioModule.forFeature takes an array of entity classes, e.g. forFeature([Order, User]).',
    );
  }
  return entities.map((entity) =>
    isCollectionToken(entity) ? collectionProvider(entity) : repositoryProvider(entity),
  );
}

/** A collection's provider: `db.collection(token)` on the shared client; its members' tables count for createTables. */
function collectionProvider(token: CollectionToken): FactoryProvider {
  return {
    provide: getCollectionToken(token),
    useFactory: (client: DkmioClient, registered: Set<Constructor>) => {
      for (const m of token.members) registered.add(m);
      return client.collection(token);
    },
    inject: [DKMIO_CLIENT, DKMIO_FEATURE_ENTITIES],
  };
}

function repositoryProvider(entity: Constructor): FactoryProvider {
  return {
    provide: getRepositoryToken(entity),
    useFactory: (client: DkmioClient, registered: Set<Constructor>) => {
      // Every repository provider is made before any module init hook runs: by then the set
      // holds every entity of the app's forFeature calls (DkmioCoreModule's createTables).
      registered.add(entity);
      return client.getRepository(entity);
    },
    inject: [DKMIO_CLIENT, DKMIO_FEATURE_ENTITIES],
  };
}

/** The client provider, built from the options provider. */
export const clientProvider: FactoryProvider<DkmioClient> = {
  provide: DKMIO_CLIENT,
  useFactory: (options: DkmioModuleOptions) => {
    const { createTables: _atBoot, ...clientOptions } = options ?? {};
    return new DkmioClient(clientOptions);
  },
  inject: [DKMIO_MODULE_OPTIONS],
};

/** The providers that resolve the options for `forRootAsync`. */
export function createAsyncOptionsProviders(options: DkmioModuleAsyncOptions): Provider[] {
  const ways = [options?.useFactory, options?.useClass, options?.useExisting].filter((w) => w !== undefined);
  if (ways.length !== 1) {
    throw new ValidationError(
      `DkmioModule.forRootAsync needs exactly one of useFactory, useClass or useExisting (got ${ways.length === 0 ? 'none' : ways.length}).`,
    );
  }
  if (options.useFactory) {
    return [{ provide: DKMIO_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }];
  }
  const factoryToken = options.useClass ?? options.useExisting!;
  const providers: Provider[] = [
    {
      provide: DKMIO_MODULE_OPTIONS,
      useFactory: (factory: DkmioOptionsFactory) => factory.createDkmioOptions(),
      inject: [factoryToken],
    },
  ];
  if (options.useClass) providers.push({ provide: options.useClass, useClass: options.useClass });
  return providers;
}
