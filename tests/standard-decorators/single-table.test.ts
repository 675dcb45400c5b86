/**
 * Single-table entities compiled as TC39 standard decorators (no design metadata): a table class,
 * @Entity with templates, an index overload, a width from @Attribute({ type: 'N' }), a collection.
 */
import { Attribute, DkmioClient, Entity, GlobalIndex, Table, entityMetadata } from 'dkmio';
import { testClientConfig, uniqueTableName } from '../support/local';

@Table('std-app', {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } },
})
class StdApp {}

@Entity(StdApp, { type: 'Author', partitionKey: 'A#{authorId}', sortKey: 'PROFILE' })
class StdAuthor {
  authorId!: string;
  name?: string;
}

@Entity(StdApp, { type: 'Chapter', partitionKey: 'A#{authorId}', sortKey: 'CH#{no:3}' })
@GlobalIndex('gsi1', { partitionKey: 'STATE#{state}', sortKey: '{no:3}' })
class StdChapter {
  authorId!: string;
  @Attribute({ type: 'N' }) no!: number;
  state?: string;
  @Attribute({ type: Date }) writtenAt?: Date;
}

describe('standard decorators: single-table design', () => {
  it('resolves entities of a table class', () => {
    const meta = entityMetadata(StdChapter);
    expect(meta.single!.type).toBe('Chapter');
    expect([...meta.indexes.keys()]).toEqual(['gsi1']);
    expect([...meta.dateProperties]).toEqual(['writtenAt']);
  });

  it('writes, reads and reads back a collection on DynamoDB Local', async () => {
    const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: `${uniqueTableName('std-st')}-` });
    try {
      await db.createTables([StdApp]);
      await db.getRepository(StdAuthor).put({ authorId: 'a1', name: 'Ann' });
      await db
        .getRepository(StdChapter)
        .put({ authorId: 'a1', no: 2, state: 'DONE', writtenAt: new Date('2026-01-01T00:00:00.000Z') });
      const page = await db.collection([StdAuthor, StdChapter]).query({ authorId: 'a1' });
      expect(page.items.map((i) => i.constructor.name)).toEqual(['StdChapter', 'StdAuthor']);
      expect(page.of(StdChapter)[0].writtenAt).toBeInstanceOf(Date);
      expect(
        (await db.getRepository(StdChapter).index('gsi1').query({ state: 'DONE' })).items.map((c) => c.no),
      ).toEqual([2]);
      await db.deleteTables([StdApp]);
    } finally {
      db.destroy();
    }
  });
});
