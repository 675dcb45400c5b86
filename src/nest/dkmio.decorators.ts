import { Inject } from '@nestjs/common';
import type { Constructor } from '../metadata/records';
import { DKMIO_CLIENT } from './dkmio.constants';
import { getCollectionToken, getRepositoryToken } from './dkmio.providers';
import type { CollectionToken } from '../operations/collection/collection';

/**
 * Injects a collection registered with `DkmioModule.forFeature([..., UserTimeline])`.
 *
 * @example
 * export const UserTimeline = collection([User, Order]);
 * constructor(\@InjectCollection(UserTimeline) readonly timeline: Collection<User | Order>) {}
 */
export function InjectCollection(collection: CollectionToken): ParameterDecorator & PropertyDecorator {
  return Inject(getCollectionToken(collection));
}

/**
 * Injects the `Repository` of an entity class registered with `DkmioModule.forFeature`.
 *
 * @example
 * constructor(\@InjectRepository(Order) private readonly orders: Repository<Order>) {}
 */
export function InjectRepository(entity: Constructor): ParameterDecorator & PropertyDecorator {
  return Inject(getRepositoryToken(entity));
}

/**
 * Injects the app's shared `DkmioClient` (for `createTables`, transactions, batches).
 *
 * @example
 * constructor(\@InjectDkmioClient() private readonly db: DkmioClient) {}
 */
export function InjectDkmioClient(): ParameterDecorator & PropertyDecorator {
  return Inject(DKMIO_CLIENT);
}
