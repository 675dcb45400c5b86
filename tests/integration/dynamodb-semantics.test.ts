/**
 * The DynamoDB behaviours tests/support/reference-evaluator.ts relies on, checked directly on
 * DynamoDB Local with raw requests (no dkmio). Where the fuzz and the evaluator disagreed, these
 * settled who was right; if an upgrade of DynamoDB Local changes one, this file says which.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { testClientConfig, uniqueTableName } from '../support/local';

const raw = new DynamoDBClient(testClientConfig());
const table = uniqueTableName('semantics');
const items: Record<string, AttributeValue> = {
  n: { N: '5' },
  s: { S: '😀x' },
  b: { B: new Uint8Array([1, 2, 3]) },
  l: { L: [{ NULL: true }, { BOOL: true }, { L: [{ S: 'x' }] }, { M: { k: { S: 'v' } } }] },
  m: { M: { k: { S: 'v' } } },
  ss: { SS: ['x', 'y'] },
  bool: { BOOL: true },
  none: { NULL: true },
};

beforeAll(async () => {
  await raw.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
  for (const [pk, a] of Object.entries(items))
    await raw.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, a } }));
  await raw.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'missing' } } }));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: table }));
  raw.destroy();
});

/** The pks matching `expr` over attribute `#a`, or the error message. */
async function match(expr: string, values: Record<string, AttributeValue>): Promise<string[] | string> {
  try {
    const out = await raw.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: expr,
        ExpressionAttributeNames: { '#a': 'a' },
        ExpressionAttributeValues: values,
      }),
    );
    return (out.Items ?? []).map((i) => i['pk'].S!).sort();
  } catch (error) {
    return (error as Error).message;
  }
}

test.each([
  [
    '<> is true where the attribute is missing',
    '#a <> :v',
    { ':v': { N: '5' } },
    ['b', 'bool', 'l', 'm', 'missing', 'none', 's', 'ss'],
  ],
  ['size() counts a string in UTF-16 code units ("😀x" is 3)', 'size(#a) = :v', { ':v': { N: '3' } }, ['b', 's']],
  [
    'size() of a type without size: <> is true',
    'size(#a) <> :v',
    { ':v': { N: '999' } },
    ['b', 'bool', 'l', 'm', 'missing', 'n', 'none', 's', 'ss'],
  ],
  ['contains takes a NULL operand (a list element)', 'contains(#a, :v)', { ':v': { NULL: true } }, ['l']],
  ['contains takes a BOOL operand', 'contains(#a, :v)', { ':v': { BOOL: true } }, ['l']],
  ['contains takes a list operand', 'contains(#a, :v)', { ':v': { L: [{ S: 'x' }] } }, ['l']],
  ['contains takes a map operand', 'contains(#a, :v)', { ':v': { M: { k: { S: 'v' } } } }, ['l']],
  ['contains finds a byte run in binary', 'contains(#a, :v)', { ':v': { B: new Uint8Array([2, 3]) } }, ['b']],
  ['size() compared with a string is accepted (and never true)', 'size(#a) > :v', { ':v': { S: 'a' } }, []],
  ['IN takes lists and maps', '#a IN (:v, :w)', { ':v': { L: [] }, ':w': { M: { k: { S: 'v' } } } }, ['m']],
])('%s', async (_label, expr, values, expected) => {
  expect(await match(expr, values as Record<string, AttributeValue>)).toEqual(expected);
});

test.each([
  [
    'begins_with refuses a number prefix',
    'begins_with(#a, :v)',
    { ':v': { N: '5' } },
    /Incorrect operand type.*begins_with/,
  ],
  ['> refuses a BOOL operand', '#a > :v', { ':v': { BOOL: true } }, /Incorrect operand type.*>/],
  ['> refuses a set operand', '#a > :v', { ':v': { SS: ['a'] } }, /Incorrect operand type/],
  [
    'BETWEEN refuses bounds of two types',
    '#a BETWEEN :v AND :w',
    { ':v': { N: '1' }, ':w': { S: 'a' } },
    /same data type/,
  ],
  [
    'BETWEEN refuses reversed bounds',
    'size(#a) BETWEEN :v AND :w',
    { ':v': { N: '4' }, ':w': { N: '3' } },
    /upper bound to be greater than or equal/,
  ],
  [
    'attribute_type refuses an unknown type name',
    'attribute_type(#a, :v)',
    { ':v': { S: 'X' } },
    /Invalid attribute type name/,
  ],
  [
    'a value holding an empty map key is refused',
    '#a = :v',
    { ':v': { M: { '': { S: 'x' } } } },
    /Empty attribute name/,
  ],
])('DynamoDB refuses: %s', async (_label, expr, values, message) => {
  expect(await match(expr, values as Record<string, AttributeValue>)).toMatch(message);
});

test('an item holding an empty map key is refused', async () => {
  await expect(
    raw.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'e' }, m: { M: { '': { S: 'x' } } } } })),
  ).rejects.toThrow(/Empty attribute name/);
});
