/**
 * Differential fuzz of the expression compiler against DynamoDB Local. Random items (nested maps
 * and lists, sets, binary, signed and decimal numbers, empty strings, unicode, names that need
 * escaping) and random conditions over every operator with and/or/not nesting run as scan filters
 * and as conditions of put/update/delete (condition, conditionOr, and both), and every outcome is
 * compared with tests/support/reference-evaluator.ts. A case either agrees with the evaluator or
 * is refused by dkmio with a ValidationError before anything is sent, exactly when DynamoDB would
 * refuse it; a DynamoDB ValidationException or a different result fails the test.
 *
 * Seeded and bounded: FUZZ_SEED, FUZZ_RUNS and FUZZ_TIME_MS change the run (`npm run fuzz`).
 */
import 'reflect-metadata';
import fc from 'fast-check';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  and,
  Attribute,
  ConditionError,
  DkmioClient,
  free,
  not,
  or,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  type ConditionInput,
  type Repository,
} from '../../src';
import { ALIAS, attributesArb, conditionArb, propertyOf } from '../support/fuzz-arbitraries';
import { testClientConfig, uniqueTableName } from '../support/local';
import { evaluate, leafKey, toAV, validity, type AV, type Condition } from '../support/reference-evaluator';

@Table('items')
class FuzzItem {
  @PartitionKey() pk!: string;
  @SortKey() sk!: string;
  @Attribute({ name: ALIAS.stored }) alias?: unknown;
}

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_240_607);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const TIME_LIMIT_MS = Number(process.env['FUZZ_TIME_MS'] ?? 25_000);

type WriteKind = 'put' | 'update' | 'delete';
type Form = 'condition' | 'conditionOr' | 'both';
interface Case {
  attributes: Record<string, unknown>[];
  cond: Condition;
  groups: Condition[];
  form: Form;
  writes: WriteKind[];
}

let raw: DynamoDBClient;
let db: DkmioClient;
let repo: Repository<FuzzItem>;
let tableName: string;
let sends = 0;
const stats = { cases: 0, refused: 0, refusedItems: 0, scanned: 0, matched: 0, writes: 0, writesTrue: 0 };

function hasEmptyKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasEmptyKey);
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof Set) return false;
  return Object.entries(v).some(([k, x]) => k === '' || hasEmptyKey(x));
}

beforeAll(async () => {
  raw = new DynamoDBClient(testClientConfig());
  const prefix = `${uniqueTableName('fuzz')}-`;
  tableName = `${prefix}items`;
  await raw.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  // Counts every request, so "refused before sending" is checked, not assumed.
  const recording = {
    send: (command: never, options?: { abortSignal?: AbortSignal }) => ((sends += 1), raw.send(command, options)),
  };
  db = new DkmioClient({ client: recording, tableNamePrefix: prefix });
  repo = db.getRepository(FuzzItem);
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: tableName }));
  db.destroy();
  raw.destroy();
  process.stdout.write(
    `fuzz: seed ${SEED}, ${stats.cases} cases (${stats.refused} filters refused before sending, ${stats.refusedItems} items refused), ${stats.scanned} items filtered (${stats.matched} matched), ${stats.writes} conditional writes (${stats.writesTrue} passed)\n`,
  );
});

/** The condition in dkmio's syntax: entries as `free()` objects (names are free-form), nodes as and/or/not. */
function render(c: Condition): ConditionInput<FuzzItem> {
  if (c.kind === 'entries') return free(Object.fromEntries(c.items.map((l) => [leafKey(l, propertyOf), l.value])));
  if (c.kind === 'not') return not(render(c.item));
  return (c.kind === 'and' ? and : or)(...c.items.map(render));
}

/** The write options of a case and the condition they mean: `condition AND (group OR group ...)`. */
function writeOptions(c: Case): {
  options: { condition?: ConditionInput<FuzzItem>; conditionOr?: ConditionInput<FuzzItem>[] };
  meaning: Condition;
} {
  const anyGroup: Condition = { kind: 'or', items: c.groups };
  if (c.form === 'condition') return { options: { condition: render(c.cond) }, meaning: c.cond };
  if (c.form === 'conditionOr') return { options: { conditionOr: c.groups.map(render) }, meaning: anyGroup };
  return {
    options: { condition: render(c.cond), conditionOr: c.groups.map(render) },
    meaning: { kind: 'and', items: [c.cond, anyGroup] },
  };
}

/** An `and` whose objects use distinct keys runs as repeated filter() calls (dkmio ANDs them); anything else as one. */
function filters(c: Condition): Condition[] {
  if (c.kind !== 'and') return [c];
  const keys = c.items.flatMap((i) => (i.kind === 'entries' ? i.items.map((l) => leafKey(l, propertyOf)) : []));
  return new Set(keys).size === keys.length ? [...c.items] : [c];
}

const show = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) =>
    v instanceof Set ? { Set: [...v] } : v instanceof Uint8Array ? { B: [...v] } : v,
  );

/** Runs `fn`; a dkmio refusal (ValidationError, nothing sent) is returned, any other error thrown. */
async function attempt<X>(
  what: string,
  fn: () => X | Promise<X>,
): Promise<{ refused: ValidationError } | { value: X } | { error: unknown }> {
  const before = sends;
  try {
    return { value: await fn() };
  } catch (error) {
    if (error instanceof ValidationError && error.awsName === undefined && sends === before) return { refused: error };
    if (error instanceof ValidationError)
      throw new Error(`${what}: DynamoDB rejected what dkmio sent: ${error.message}`, { cause: error });
    return { error };
  }
}

async function runCase(c: Case, id: number): Promise<void> {
  stats.cases += 1;
  if (process.env['FUZZ_TRACE']) process.stdout.write(`case ${id}\n`);
  const pk = `case-${id}`;
  const items = c.attributes.map((attributes, i) => {
    const stored: Record<string, AV> = { pk: { S: pk }, sk: { S: `i${i}` } };
    const js: Record<string, unknown> = { pk, sk: `i${i}` };
    for (const [name, v] of Object.entries(attributes)) {
      stored[name] = toAV(v);
      js[propertyOf(name)] = v;
    }
    return { sk: `i${i}`, stored, js };
  });
  // An item holding an empty map key is refused before sending (DynamoDB rejects it); the case
  // then runs on the other items.
  const stored = [];
  for (const it of items) {
    const put = await attempt('put', () => repo.put(it.js));
    if ('refused' in put) {
      if (!hasEmptyKey(it.js)) throw new Error(`dkmio refused an item DynamoDB accepts: ${put.refused.message}`);
      stats.refusedItems += 1;
    } else if ('error' in put) throw put.error;
    else if (hasEmptyKey(it.js)) throw new Error('dkmio sent an item with an empty map key and DynamoDB accepted it');
    else stored.push(it);
  }
  items.splice(0, items.length, ...stored);
  try {
    // As a scan filter: the table holds only this case's items.
    const filterValid = validity(c.cond);
    const scan = await attempt('scan', () =>
      filters(c.cond)
        .reduce((b, f) => b.filter(render(f)), repo.scan())
        .fetchAll(),
    );
    if ('refused' in scan) {
      if (filterValid.valid) throw new Error(`dkmio refused a filter DynamoDB accepts: ${scan.refused.message}`);
      stats.refused += 1;
    } else if ('error' in scan) {
      throw scan.error;
    } else {
      if (!filterValid.valid)
        throw new Error(`dkmio sent a filter DynamoDB refuses (${filterValid.why}) and it was accepted`);
      const expected = items.filter((it) => evaluate(c.cond, it.stored)).map((it) => it.sk);
      const actual = scan.value.items.map((i) => i.sk).sort();
      if (show(actual) !== show(expected))
        throw new Error(`filter result differs: expected ${show(expected)}, got ${show(actual)}`);
      for (const got of scan.value.items) expect({ ...got }).toEqual(items.find((it) => it.sk === got.sk)!.js);
      stats.scanned += items.length;
      stats.matched += expected.length;
    }

    // As conditions of writes: one per item, and one on a key that holds no item.
    const { options, meaning } = writeOptions(c);
    const writeValid = validity(meaning);
    const targets = [...items, { sk: 'absent', stored: {} as Record<string, AV>, js: { pk, sk: 'absent' } }];
    // One at a time, so the send counter tells exactly whether a refused write sent anything.
    for (const [i, it] of targets.entries()) {
      const kind = c.writes[i % c.writes.length];
      const key = { pk, sk: it.sk };
      const run = () =>
        kind === 'put'
          ? repo.put(it.js, options)
          : kind === 'update'
            ? repo.update(key, free({ set: { zz_marker: 1 } }), options)
            : repo.delete(key, options);
      const outcome = await attempt(kind, run);
      if ('refused' in outcome) {
        if (writeValid.valid)
          throw new Error(`dkmio refused a ${kind} condition DynamoDB accepts: ${outcome.refused.message}`);
        continue;
      }
      if (!writeValid.valid)
        throw new Error(`dkmio sent a ${kind} condition DynamoDB refuses (${writeValid.why}) and it was accepted`);
      if ('error' in outcome && !(outcome.error instanceof ConditionError)) throw outcome.error;
      const passed = !('error' in outcome);
      const expected = evaluate(meaning, it.stored);
      stats.writes += 1;
      if (passed) stats.writesTrue += 1;
      if (passed !== expected)
        throw new Error(
          `${kind} on ${it.sk}: condition ${passed ? 'passed' : 'failed'}, the evaluator says ${expected ? 'pass' : 'fail'}`,
        );
    }
  } finally {
    await Promise.all([...items.map((it) => it.sk), 'absent'].map((sk) => repo.delete({ pk, sk })));
  }
}

const caseArb: fc.Arbitrary<Case> = fc.array(attributesArb, { minLength: 1, maxLength: 5 }).chain((attributes) =>
  fc.record({
    attributes: fc.constant(attributes),
    cond: conditionArb(attributes),
    groups: fc.array(conditionArb(attributes), { minLength: 1, maxLength: 2 }),
    form: fc.constantFrom<Form>('condition', 'conditionOr', 'both'),
    writes: fc.array(fc.constantFrom<WriteKind>('put', 'update', 'delete'), { minLength: 1, maxLength: 6 }),
  }),
);

test(
  `filters and write conditions agree with the reference evaluator (seed ${SEED})`,
  async () => {
    let id = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        try {
          await runCase(c, id++);
        } catch (error) {
          throw new Error(
            `${(error as Error).message}\ncase: ${show({ cond: c.cond, groups: c.groups, form: c.form, attributes: c.attributes })}`,
            { cause: error },
          );
        }
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    expect(stats.cases).toBeGreaterThan(0);
  },
  TIME_LIMIT_MS + 120_000,
);
