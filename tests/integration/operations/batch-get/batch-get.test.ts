import 'reflect-metadata';
import { Attribute, DkmioClient, MissingKeyError, PartitionKey, SortKey, Table } from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('scores')
class Score {
  @PartitionKey() game!: string;
  @SortKey() rank!: number;
  @Attribute({ name: 'player_name' }) player?: string;
  points?: number;
  get label() {
    return `${this.player}#${this.rank}`;
  }
}

const prefix = `${uniqueTableName('bg')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const scores = db.getRepository(Score);

beforeAll(async () => {
  await createRawTable(raw, `${prefix}scores`, ['game', 'S'], ['rank', 'N']);
  await scores.batchWrite((batch) => {
    for (let rank = 0; rank < 300; rank++) batch.put({ game: 'g1', rank, player: `p${rank}`, points: rank * 10 });
  });
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

describe('batchGet on DynamoDB Local', () => {
  it('reads 250 keys (3 requests) in input order, null for absent ones', async () => {
    const ranks = Array.from({ length: 250 }, (_, i) => (i * 7) % 320); // some beyond 299: absent
    const result = await scores.batchGet(ranks.map((rank) => ({ game: 'g1', rank })));
    expect(result).toHaveLength(250);
    result.forEach((item, i) => {
      if (ranks[i] >= 300) expect(item).toBeNull();
      else {
        expect(item).toBeInstanceOf(Score);
        expect(item!.rank).toBe(ranks[i]);
        expect(item!.label).toBe(`p${ranks[i]}#${ranks[i]}`);
      }
    });
  });

  it('duplicate keys are read once and returned at every position; numbers equal by value match', async () => {
    const result = await scores.batchGet([
      { game: 'g1', rank: 5 },
      { game: 'g1', rank: 6 },
      { game: 'g1', rank: 5 },
      { game: 'nope', rank: 5 },
    ]);
    expect(result.map((r) => r?.points ?? null)).toEqual([50, 60, 50, null]);
  });

  it('select returns only those attributes; consistent reads work', async () => {
    const [a, b] = await scores.batchGet(
      [
        { game: 'g1', rank: 1 },
        { game: 'g1', rank: 2 },
      ],
      { select: ['player'], consistent: true },
    );
    expect({ ...a }).toEqual({ player: 'p1' });
    expect({ ...b }).toEqual({ player: 'p2' });
  });

  it('an empty list reads nothing; a partial key fails before sending', async () => {
    expect(await scores.batchGet([])).toEqual([]);
    await expect(scores.batchGet([{ game: 'g1' }])).rejects.toThrow(MissingKeyError);
  });

  it('small concurrency and chunking still return everything', async () => {
    const keys = Array.from({ length: 300 }, (_, rank) => ({ game: 'g1', rank }));
    const result = await scores.batchGet(keys, { concurrency: 1 });
    expect(result.every((r, i) => r?.rank === i)).toBe(true);
  });
});
