/**
 * dkmio: decorated classes mapped to Amazon DynamoDB tables.
 * Everything public is listed here by name; nothing else is part of the API.
 */
import 'reflect-metadata';

export { Table, PartitionKey, SortKey, GlobalIndex, LocalIndex, Ttl, Attribute, Version } from './metadata/decorators';
export type { AttributeOptions, TableOptions, GlobalIndexOptions, LocalIndexOptions, IndexKeyName, IndexKeyCheck, IndexDecorator } from './metadata/decorators';
export type { EntityMetadata, AttributeMeta, IndexMeta } from './metadata/entity-metadata';
export { Entity } from './metadata/entity';
export type { EntityOptions, EntityDecorator, TemplateProperties, KeyNames } from './metadata/entity';
export type { TableClassOptions, TableIndexOptions, TableKeyOption, TableClassDecorator } from './metadata/table-class';
export type { IndexToken, IndexInfo, IndexSelectable } from './metadata/index-token';
export { entityMetadata } from './metadata/resolve';

export { DkmioClient } from './client/dkmio-client';
export type { DkmioClientOptions, SendingClient } from './client/dkmio-client';
export type { DkmioLogger } from './client/logger';
export type { CreateTablesOptions, CreateTablesResult } from './tables/create-tables';
export type { DeleteTablesOptions, DeleteTablesResult } from './tables/delete-tables';
export type { WaitOptions } from './tables/wait';
export type { ProvisionedThroughput, TableBuildOptions } from './operations/create-table';

export { Repository } from './repository/repository';
export type { IndexHandle, BatchGetOptions, BatchWriteOptions } from './repository/repository';
export type { EntityTarget } from './repository/entity-target';
export { RepositoryBatch, BatchWriter } from './batch/batch-writers';
export { TransactWriter } from './transactions/transact-write';
export type { TransactWriteOptions, TransactItemOptions, TransactUpdateOptions, TransactDeleteOptions } from './transactions/transact-write';
export { TransactReader, TransactGet } from './transactions/transact-get';
export type { TransactGetOptions, TransactGetResults } from './transactions/transact-get';
export { CircuitBreaker } from './resilience/circuit-breaker';
export type { CircuitState, CircuitBreakerOptions } from './resilience/circuit-breaker';
export type { BatchTuning } from './resilience/batch-settings';
export { QueryBuilder } from './repository/query-builder';
export { Collection, CollectionRead, CollectionQuery, collection } from './repository/collection';
export type { CollectionPage, CollectionItem, CollectionKey, CollectionToken, CollectionMembers, CommonProperties, AnyMemberProperty } from './repository/collection';
export { ScanBuilder } from './repository/scan-builder';
export { ReadBuilder } from './repository/read-builder';
export type { FetchAllOptions } from './repository/read-builder';
export type { Page, Explained, KeyInput, KeyValue, ItemInput, EntityData, PropertyName } from './repository/types';

export { and, or, not, ConditionNode } from './expressions/combinators';
export type { ConditionInput } from './expressions/combinators';
export type { ConditionObject, FreeCondition, AttributeTypeName, OrderableValue, ElementValue, OrderValueOf, PrefixValueOf, ContainsValueOf, OpsOf } from './expressions/types';
export { free } from './expressions/free';
export type { Free } from './expressions/free';
export type { DocumentPathOf, PathMap, PathEntry, PathEntryOf, LeafValue, Selected } from './expressions/path-types';
export type { UpdateActions, TypedUpdateActions, UntypedUpdateActions, RemovablePath, SetElement } from './expressions/update-types';
export type { DkmioTypeOptions, UndeclaredAttributes, UndeclaredPath } from './expressions/type-options';
export type { SortKeyCondition, SortKeyOperator, SortKeyValue } from './expressions/key-condition';
export { OPERATORS } from './expressions/operators';
export type { Operator } from './expressions/operators';
export type { GetOptions, PutOptions, UpdateOptions, DeleteOptions, WriteOptions, ReturnValues, BaseOptions, ConditionOptions, ItemConditionOptions, MustExistOption } from './operations/options';

export {
  DkmioError,
  ErrorCodes,
  InvalidDefinitionError,
  MissingKeyError,
  InvalidProjectionError,
  ValidationError,
  ConditionError,
  ItemNotFoundError,
  TableNotFoundError,
  ThrottlingError,
  CollectionSizeError,
  TransactionError,
  BatchWriteError,
  CircuitOpenError,
  RequestTimeoutError,
} from './errors/errors';
export type { ErrorCode, CancellationReason, UnprocessedWrite } from './errors/errors';
export { httpStatusOf } from './errors/http-status';

export { fromNow } from './ttl';
export type { Duration } from './ttl';

export { queryFilters, DEFAULT_IGNORED_PARAMS } from './http/query-filters';
export type { QueryParams, QueryFiltersOptions, FilterOperator, FilterableName } from './http/query-filters';
export type { CursorSecret } from './repository/cursor-seal';
export { toPlain } from './http/to-plain';
export type { Plain } from './http/to-plain';
export { httpErrorResponse, dkmioErrorHandler } from './http/error-response';
export type { DkmioHttpErrorBody, DkmioHttpErrorResponse, DkmioErrorHandlerOptions } from './http/error-response';
