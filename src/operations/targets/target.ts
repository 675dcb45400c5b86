import type { Constructor } from '../../metadata/records';
import type { Repository } from '../../repository/repository';

/** Where a cross-table operation writes or reads: a repository, or an entity class (its repository on this client). */
export type EntityTarget<T> = Repository<T> | Constructor<T>;

/** Turns a target into its repository (the client's `getRepository` for classes). */
export type RepositoryResolver = <T>(target: EntityTarget<T>) => Repository<T>;
