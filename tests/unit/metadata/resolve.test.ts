import {
  Attribute,
  GlobalIndex,
  InvalidDefinitionError,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  Version,
} from '../../../src';
import type { GlobalIndexOptions, LocalIndexOptions } from '../../../src/metadata/decorators';
import { entityMetadata } from '../../../src/metadata/resolve';
import { Account, Order, expectError, meta, offlineClient } from '../fixtures';

/** The definition error of `entity`, checked to name the class and match every pattern. */
function definitionError(entity: abstract new () => unknown, ...patterns: (RegExp | string)[]): InvalidDefinitionError {
  const error = expectError(InvalidDefinitionError, () => entityMetadata(entity), ...patterns);
  expect(error.code).toBe('INVALID_DEFINITION');
  expect(error.message.startsWith(`${entity.name}: `)).toBe(true);
  return error;
}

describe('entity definition errors', () => {
  it('refuses a class without @Table and says where to add it', () => {
    class NoTable {
      @PartitionKey() id!: string;
    }
    definitionError(NoTable, /no @Table decorator/, /Add @Table\('table-name'\) above "class NoTable"/);
  });

  it('refuses an empty table name in both forms', () => {
    @Table('')
    class EmptyName {
      @PartitionKey() id!: string;
    }
    @Table({ name: '' })
    class EmptyObjectName {
      @PartitionKey() id!: string;
    }
    definitionError(EmptyName, /non-empty table name/, /@Table\('orders'\)/);
    definitionError(EmptyObjectName, /non-empty table name/);
  });

  it('refuses a class without @PartitionKey', () => {
    @Table('t')
    class NoKey {
      @SortKey() sk!: string;
    }
    definitionError(NoKey, /no property is decorated with @PartitionKey\(\)/, /Add @PartitionKey\(\)/);
  });

  it('refuses two partition keys, naming both properties', () => {
    @Table('t')
    class TwoKeys {
      @PartitionKey() a!: string;
      @PartitionKey() b!: string;
    }
    definitionError(TwoKeys, /@PartitionKey\(\) is on "a" and "b"/, /Keep it on one property/);
  });

  it('refuses two sort keys, naming both properties', () => {
    @Table('t')
    class TwoSortKeys {
      @PartitionKey() id!: string;
      @SortKey() a!: string;
      @SortKey() b!: string;
    }
    definitionError(TwoSortKeys, /@SortKey\(\) is on "a" and "b"/);
  });

  it('refuses a property that is both partition and sort key', () => {
    @Table('t')
    class Same {
      @PartitionKey() @SortKey() id!: string;
    }
    definitionError(Same, /"id" is both @PartitionKey\(\) and @SortKey\(\)/, /must be another property/);
  });

  it('refuses two indexes with the same name', () => {
    @Table('t')
    @GlobalIndex('by-a', { partitionKey: 'a' })
    @GlobalIndex('by-a', { partitionKey: 'b' })
    class Dup {
      @PartitionKey() id!: string;
      a?: string;
      b?: string;
    }
    definitionError(Dup, /two indexes are named "by-a"/, /must be unique/);
  });

  it('refuses a global index without a partition key', () => {
    @Table('t')
    @GlobalIndex('gsi', { sortKey: 'a' } as unknown as GlobalIndexOptions)
    class NoGsiKey {
      @PartitionKey() id!: string;
      a?: string;
    }
    definitionError(NoGsiKey, /@GlobalIndex\('gsi'\) names no partition key/, /Add \{ partitionKey: 'someProperty' \}/);
  });

  it('refuses an index without a name', () => {
    @Table('t')
    @GlobalIndex('', { partitionKey: 'a' })
    class Unnamed {
      @PartitionKey() id!: string;
      a?: string;
    }
    definitionError(Unnamed, /@GlobalIndex needs a non-empty index name as its first argument/);
  });

  it('refuses a global index without options', () => {
    @Table('t')
    @GlobalIndex('gsi', undefined as unknown as GlobalIndexOptions)
    class NoOptions {
      @PartitionKey() id!: string;
    }
    definitionError(NoOptions, /@GlobalIndex\('gsi'\) needs options/);
  });

  it('refuses a global index using one property as both keys', () => {
    @Table('t')
    @GlobalIndex('gsi', { partitionKey: 'a', sortKey: 'a' })
    class SameGsiKeys {
      @PartitionKey() id!: string;
      a?: string;
    }
    definitionError(SameGsiKeys, /@GlobalIndex\('gsi'\) uses "a" as both partition and sort key/);
  });

  it('refuses a local index without a sort key', () => {
    @Table('t')
    @LocalIndex('lsi', {} as unknown as LocalIndexOptions)
    class NoLsiSortKey {
      @PartitionKey() id!: string;
      @SortKey() sk!: string;
    }
    definitionError(NoLsiSortKey, /@LocalIndex\('lsi'\) names no sort key/, /Add \{ sortKey: 'someProperty' \}/);
  });

  it('refuses a local index on a table without a sort key', () => {
    @Table('t')
    @LocalIndex('lsi', { sortKey: 'a' })
    class NoTableSortKey {
      @PartitionKey() id!: string;
      a?: string;
    }
    definitionError(
      NoTableSortKey,
      /@LocalIndex\('lsi'\) needs a table with a sort key/,
      /add @SortKey\(\)|use @GlobalIndex/,
    );
  });

  it('refuses a local index that names a partition key', () => {
    @Table('t')
    @LocalIndex('lsi', { sortKey: 'a', partitionKey: 'b' } as unknown as LocalIndexOptions)
    class LsiWithPk {
      @PartitionKey() id!: string;
      @SortKey() sk!: string;
      a?: string;
      b?: string;
    }
    definitionError(LsiWithPk, /@LocalIndex\('lsi'\) takes no partitionKey/, /table's partition key "id"/);
  });

  it("refuses a local index using the table's own sort key", () => {
    @Table('t')
    @LocalIndex('lsi', { sortKey: 'sk' })
    class LsiOnSk {
      @PartitionKey() id!: string;
      @SortKey() sk!: string;
    }
    definitionError(LsiOnSk, /@LocalIndex\('lsi'\) uses the table's own sort key "sk"/, /pick another property/);
  });

  it.each([
    ['an unknown word', 'SOME'],
    ['a list with an empty name', ['a', '']],
    ['a list with a non-string', ['a', 3]],
  ])('refuses a bad projection: %s', (_, projection) => {
    @Table('t')
    @GlobalIndex('gsi', { partitionKey: 'a', projection } as unknown as GlobalIndexOptions)
    class BadProjection {
      @PartitionKey() id!: string;
      a?: string;
    }
    definitionError(
      BadProjection,
      /@GlobalIndex\('gsi'\) has an invalid projection/,
      /'ALL', 'KEYS_ONLY' or a list of property names/,
    );
  });

  it('refuses two properties stored under the same name', () => {
    @Table('t')
    class Clash {
      @PartitionKey() id!: string;
      @Attribute({ name: 'x' }) a?: string;
      @Attribute({ name: 'x' }) b?: string;
    }
    definitionError(Clash, /"a" and "b" are both stored as "x"/, /give one of them another \{ name \}/);
  });

  it('refuses a renamed property whose stored name is another property', () => {
    @Table('t')
    class Shadow {
      @PartitionKey() id!: string;
      @Attribute() status?: string;
      @Attribute({ name: 'status' }) state?: string;
    }
    definitionError(Shadow, /"status" and "state" are both stored as "status"/);
  });

  it('refuses an empty stored name', () => {
    @Table('t')
    class EmptyStored {
      @PartitionKey() id!: string;
      @Attribute({ name: '' }) a?: string;
    }
    definitionError(EmptyStored, /property "a" has an empty stored name/);
  });

  it('refuses @Version() on a property that is not a number', () => {
    @Table('t')
    class StringVersion {
      @PartitionKey() id!: string;
      @Version() version?: string;
    }
    definitionError(StringVersion, /@Version\(\) property "version" must be a number/);
  });

  it('refuses two @Ttl() properties', () => {
    @Table('t')
    class TwoTtl {
      @PartitionKey() id!: string;
      @Ttl() a?: number;
      @Ttl() b?: number;
    }
    definitionError(TwoTtl, /@Ttl\(\) is on "a" and "b"/);
  });

  it('fails on every use, not only the first', () => {
    class NoTable {
      @PartitionKey() id!: string;
    }
    definitionError(NoTable, /no @Table/);
    definitionError(NoTable, /no @Table/);
  });
});

describe('resolved metadata', () => {
  it('resolves the DESIGN.md Order entity', () => {
    const m = meta(Order);
    expect(m.className).toBe('Order');
    expect(m.tableName).toBe('orders');
    expect(m.partitionKey).toEqual({ property: 'userId', stored: 'userId', designType: String });
    expect(m.sortKey).toEqual({ property: 'orderId', stored: 'orderId', designType: String });
    expect(m.keyProperties).toEqual(['userId', 'orderId']);
    expect(m.ttl).toEqual({ property: 'expiresAt', stored: 'expiresAt', designType: Number });
    expect(m.version).toBeUndefined();
    expect(m.toStored).toEqual(new Map([['createdAt', 'created_at']]));
    expect(m.toProperty).toEqual(new Map([['created_at', 'createdAt']]));
    expect([...m.indexes.keys()].sort()).toEqual(['gsi-date', 'gsi-region', 'gsi-status', 'lsi-amount']);
  });

  it('computes what each index projects and which keys its items carry', () => {
    const ix = meta(Order).indexes;
    expect(ix.get('gsi-status')).toEqual({
      kind: 'global',
      name: 'gsi-status',
      partitionKey: { property: 'status', stored: 'status', designType: String },
      sortKey: { property: 'createdAt', stored: 'created_at', designType: String },
      projection: ['total', 'itemsCount'],
      projected: new Set(['userId', 'orderId', 'status', 'createdAt', 'total', 'itemsCount']),
      keyProperties: ['userId', 'orderId', 'status', 'createdAt'],
    });
    expect(ix.get('gsi-date')!.projected).toBeNull();
    expect(ix.get('gsi-date')!.keyProperties).toEqual(['userId', 'orderId', 'createdAt']);
    // An undecorated index key has no design type.
    expect(ix.get('gsi-region')).toMatchObject({
      partitionKey: { property: 'region', stored: 'region' },
      sortKey: undefined,
      projection: 'KEYS_ONLY',
      projected: new Set(['userId', 'orderId', 'region']),
    });
    expect(ix.get('lsi-amount')).toMatchObject({
      kind: 'local',
      partitionKey: { property: 'userId', stored: 'userId' },
      sortKey: { property: 'total', stored: 'total', designType: Number },
      projection: 'ALL',
      projected: null,
      keyProperties: ['userId', 'orderId', 'total'],
    });
  });

  it('maps stored names given to @PartitionKey, @SortKey and @Attribute', () => {
    const m = meta(Account);
    expect(m.partitionKey).toEqual({ property: 'accountId', stored: 'pk', designType: String });
    expect(m.sortKey).toEqual({ property: 'openedOn', stored: 'sk', designType: Number });
    expect(m.toStored).toEqual(
      new Map([
        ['accountId', 'pk'],
        ['openedOn', 'sk'],
        ['displayName', 'display_name'],
      ]),
    );
    expect(m.toProperty).toEqual(
      new Map([
        ['pk', 'accountId'],
        ['sk', 'openedOn'],
        ['display_name', 'displayName'],
      ]),
    );
    expect(m.dateProperties).toEqual(new Set(['birthday']));
  });

  it('uses stored names for index keys declared with property names', () => {
    @Table('t')
    @GlobalIndex('by-name', { partitionKey: 'displayName' })
    class Person {
      @PartitionKey() id!: string;
      @Attribute({ name: 'display_name' }) displayName?: string;
    }
    expect(meta(Person).indexes.get('by-name')!.partitionKey).toEqual({
      property: 'displayName',
      stored: 'display_name',
      designType: String,
    });
  });

  it('accepts @Table({ name })', () => {
    @Table({ name: 'people' })
    class Person {
      @PartitionKey() id!: string;
    }
    expect(meta(Person).tableName).toBe('people');
  });

  it('resolves once per constructor and caches the result', () => {
    expect(entityMetadata(Order)).toBe(entityMetadata(Order));
  });

  it('keeps two classes with the same name apart', () => {
    // Two modules each declaring `class Thing`.
    const make = (table: string) => {
      @Table(table)
      class Thing {
        @PartitionKey() id!: string;
      }
      return Thing;
    };
    const a = make('things-a');
    const b = make('things-b');
    expect(a.name).toBe(b.name);
    expect(meta(a).tableName).toBe('things-a');
    expect(meta(b).tableName).toBe('things-b');
    expect(meta(a).target).toBe(a);
    expect(meta(b).target).toBe(b);
    const db = offlineClient();
    expect(db.getRepository(a).tableName).toBe('things-a');
    expect(db.getRepository(b).tableName).toBe('things-b');
    expect(db.getRepository(a)).toBe(db.getRepository(a));
  });

  it('lets a subclass inherit keys, indexes and stored names', () => {
    class Base {
      @PartitionKey() tenant!: string;
      @SortKey({ name: 'sk' }) id!: string;
      @Attribute({ name: 'kind_of' }) kind?: string;
    }
    @Table('invoices')
    @GlobalIndex('by-total', { partitionKey: 'tenant', sortKey: 'total' })
    class Invoice extends Base {
      @Attribute() total?: number;
    }
    const m = meta(Invoice);
    expect(m.tableName).toBe('invoices');
    expect(m.partitionKey).toEqual({ property: 'tenant', stored: 'tenant', designType: String });
    expect(m.sortKey).toEqual({ property: 'id', stored: 'sk', designType: String });
    expect(m.toStored.get('kind')).toBe('kind_of');
    expect(m.indexes.get('by-total')!.sortKey).toEqual({ property: 'total', stored: 'total', designType: Number });
    // The base class alone still has no table.
    expect(() => entityMetadata(Base)).toThrow(InvalidDefinitionError);
  });

  it("lets a subclass's @Table win over its base's", () => {
    @Table('base')
    class Base {
      @PartitionKey() id!: string;
    }
    @Table('derived')
    class Derived extends Base {}
    expect(meta(Base).tableName).toBe('base');
    expect(meta(Derived).tableName).toBe('derived');
    expect(meta(Derived).partitionKey.property).toBe('id');
  });

  it('keeps @Version() with its stored name', () => {
    @Table('t')
    class V {
      @PartitionKey() id!: string;
      @Version({ name: 'rev' }) revision?: number;
    }
    expect(meta(V).version).toEqual({ property: 'revision', stored: 'rev', designType: Number });
  });
});
