/**
 * dkmio: decorated classes mapped to Amazon DynamoDB tables.
 * Everything public is listed here by name; nothing else is part of the API.
 */
import 'reflect-metadata';

export { Table, PartitionKey, SortKey, GlobalIndex, LocalIndex, Ttl, Attribute, Version } from './metadata/decorators';
export type {
  AttributeOptions,
  TableOptions,
  GlobalIndexOptions,
  LocalIndexOptions,
  IndexKeyName,
  IndexKeyCheck,
  IndexDecorator,
} from './metadata/decorators';
export type { EntityMetadata, AttributeMeta, IndexMeta } from './metadata/entity-metadata';
export { Entity } from './metadata/entity';
export type { EntityOptions, EntityDecorator, TemplateProperties, KeyNames } from './metadata/entity';
export type { TableClassOptions, TableIndexOptions, TableKeyOption, TableClassDecorator } from './metadata/table-class';
export type { IndexToken, IndexInfo, IndexSelectable } from './metadata/index-token';
export { entityMetadata } from './metadata/resolve';

export { DkmioClient } from './client/dkmio-client';
export type { DkmioClientOptions, SendingClient } from './client/dkmio-client';
export type { DkmioLogger } from './runtime/logger';
export type { CreateTablesOptions, CreateTablesResult } from './operations/tables/create';
export type { DeleteTablesOptions, DeleteTablesResult } from './operations/tables/delete';
export type { WaitOptions } from './operations/tables/wait';
export type { ProvisionedThroughput, TableBuildOptions } from './operations/tables/build';

export { Repository } from './repository/repository';
export type { IndexHandle, BatchGetOptions, BatchWriteOptions } from './repository/repository';
export type { EntityTarget } from './operations/targets/target';
export { RepositoryBatch, BatchWriter } from './operations/batch-write/writers';
export { TransactWriter } from './operations/transact-write/run';
export type {
  TransactWriteOptions,
  TransactItemOptions,
  TransactUpdateOptions,
  TransactDeleteOptions,
} from './operations/transact-write/run';
export { TransactReader, TransactGet } from './operations/transact-get/run';
export type { TransactGetOptions, TransactGetResults } from './operations/transact-get/run';
export { CircuitBreaker } from './runtime/circuit-breaker';
export type { CircuitState, CircuitBreakerOptions } from './runtime/circuit-breaker';
export type { BatchTuning } from './runtime/batch-settings';
export { QueryBuilder } from './operations/query/query-builder';
export { ScanBuilder } from './operations/scan/scan-builder';
export { ReadBuilder } from './operations/paged-read/read-builder';
export type { FetchAllOptions } from './operations/paged-read/read-builder';
export { Collection, collection } from './operations/collection/collection';
export { CollectionRead } from './operations/collection/collection-read';
export { CollectionQuery } from './operations/collection/collection-query';
export { CollectionScan } from './operations/collection/collection-scan';
export type { CollectionToken, CollectionMembers } from './operations/collection/collection';
export type {
  CollectionPage,
  CollectionItem,
  CollectionKey,
  CommonProperties,
  AnyMemberProperty,
} from './operations/collection/options';
export type { Page, Explained, KeyInput, KeyValue, ItemInput, EntityData, PropertyName } from './metadata/entity-types';

export { and, or, not, ConditionNode } from './expressions/combinators';
export type { ConditionInput } from './expressions/combinators';
export type {
  ConditionObject,
  FreeCondition,
  AttributeTypeName,
  OrderableValue,
  ElementValue,
  OrderValueOf,
  PrefixValueOf,
  ContainsValueOf,
  OpsOf,
} from './expressions/types';
export { free } from './expressions/free';
export type { Free } from './expressions/free';
export type { DocumentPathOf, PathMap, PathEntry, PathEntryOf, LeafValue, Selected } from './expressions/path-types';
export type {
  UpdateActions,
  TypedUpdateActions,
  UntypedUpdateActions,
  RemovablePath,
  SetElement,
} from './expressions/update-types';
export type { DkmioTypeOptions, UndeclaredAttributes, UndeclaredPath } from './expressions/type-options';
export type { SortKeyCondition, SortKeyOperator, SortKeyValue } from './expressions/key-condition';
export { OPERATORS } from './expressions/operators';
export type { Operator } from './expressions/operators';
export type { GetOptions } from './operations/get/options';
export type { PutOptions } from './operations/put/options';
export type { UpdateOptions } from './operations/update/options';
export type { DeleteOptions } from './operations/delete/options';
export type { BaseOptions } from './operations/context';
export type {
  WriteOptions,
  ReturnValues,
  ConditionOptions,
  ItemConditionOptions,
  MustExistOption,
} from './operations/item-write/options';

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

export { fromNow } from './metadata/ttl';
export type { Duration } from './metadata/ttl';

export { queryFilters, DEFAULT_IGNORED_PARAMS } from './http/query-filters';
export type { QueryParams, QueryFiltersOptions, FilterOperator, FilterableName } from './http/query-filters';
export type { CursorSecret } from './runtime/cursor-seal';
export { toPlain } from './http/to-plain';
export type { Plain } from './http/to-plain';
export { httpErrorResponse, dkmioErrorHandler } from './http/error-response';
export type { DkmioHttpErrorBody, DkmioHttpErrorResponse, DkmioErrorHandlerOptions } from './http/error-response';
