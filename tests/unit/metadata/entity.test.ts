import 'reflect-metadata';
import {
  Attribute,
  Entity,
  GlobalIndex,
  InvalidDefinitionError,
  LocalIndex,
  PartitionKey,
  Table,
  entityMetadata,
} from '../../../src';

/** A fresh table class per test: entities register on their table class. */
function appTable(options: Record<string, unknown> = {}) {
  @Table('app', {
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }, lsi1: { sortKey: 'lsi1sk' } },
    ...options,
  })
  class AppTable {}
  return AppTable;
}

const failure = (entity: Function): string => {
  try {
    entityMetadata(entity as never);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected an InvalidDefinitionError');
};

describe('@Entity definitions', () => {
  it('resolves the table keys, the templates and the type', () => {
    const T = appTable();
    @Entity(T, { type: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' })
    class User {
      userId!: string;
    }
    const meta = entityMetadata(User);
    expect(meta.tableName).toBe('app');
    expect(meta.partitionKey).toEqual({ property: 'pk', stored: 'pk', designType: String });
    expect(meta.single!.type).toBe('User');
    expect(meta.single!.typeAttribute).toBe('_type');
    expect(meta.single!.partitionKey.sources).toEqual(['userId']);
    expect([...meta.single!.primarySources]).toEqual(['userId']);
    expect([...meta.single!.hidden].sort()).toEqual(['_type', 'gsi1pk', 'gsi1sk', 'lsi1sk', 'pk', 'sk']);
  });

  it('needs an explicit type, unique per table', () => {
    const T = appTable();
    @Entity(T, { partitionKey: 'A#{id}', sortKey: 'A' } as never)
    class NoType {
      id!: string;
    }
    expect(failure(NoType)).toMatch(/NoType: @Entity needs an explicit type/);
    @Entity(T, { type: 'X', partitionKey: 'AA#{id}', sortKey: 'A' })
    class A {
      id!: string;
    }
    @Entity(T, { type: 'X', partitionKey: 'B#{id}', sortKey: 'B' })
    class B {
      id!: string;
    }
    expect(failure(B)).toMatch(/type 'X' is also the type of A/);
    expect(failure(A)).toMatch(/type 'X' is also the type of B/);
  });

  it('refuses two entities with the same primary templates', () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'X#{id}', sortKey: 'S' })
    class A {
      id!: string;
    }
    @Entity(T, { type: 'B', partitionKey: 'X#{id}', sortKey: 'S' })
    class B {
      id!: string;
    }
    expect(failure(B)).toMatch(/composes its primary key exactly as A does/);
    void A;
  });

  it('refuses @PartitionKey/@SortKey on an entity, naming the template to write instead', () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{id}', sortKey: 'A' })
    class A {
      @PartitionKey() id!: string;
    }
    expect(failure(A)).toMatch(
      /"id" has @PartitionKey\(\).*Remove the decorator and name the property in @Entity: \{ partitionKey: '...#\{id\}' \}/,
    );
  });

  it('refuses an index the table class lacks, and a wrong index kind', () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{id}', sortKey: 'A' })
    @GlobalIndex('gsi9', { partitionKey: 'X#{id}', sortKey: 'Y' })
    class A {
      id!: string;
    }
    expect(failure(A)).toMatch(/table class AppTable has no index "gsi9"; its indexes: gsi1, lsi1/);
    @Entity(T, { type: 'B', partitionKey: 'B#{id}', sortKey: 'B' })
    @LocalIndex('gsi1', { sortKey: 'X#{id}' })
    class B {
      id!: string;
    }
    expect(failure(B)).toMatch(/index "gsi1" of AppTable is a global index; use @GlobalIndex/);
  });

  it("refuses a bare property name in an index template ('status' for '{status}')", () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{id}', sortKey: 'A' })
    @GlobalIndex('gsi1', { partitionKey: 'status', sortKey: '{id}' } as never)
    class A {
      id!: string;
      status?: string;
    }
    expect(failure(A)).toMatch(
      /the template 'status' for "gsi1pk" has no placeholder; to use property "status" write '\{status\}'/,
    );
  });

  it('a number in a sort key needs a width; widths are whole numbers', () => {
    const T = appTable();
    // @ts-expect-error the compiler refuses it too
    @Entity(T, { type: 'A', partitionKey: 'A#{id}', sortKey: 'ITEM#{seq}' })
    class A {
      id!: string;
      @Attribute() seq!: number;
    }
    expect(failure(A)).toMatch(
      /"\{seq\}" is a number in a sort key, which needs a width so that keys sort; write '\{seq:10\}'/,
    );
    @Entity(T, { type: 'B', partitionKey: 'B#{id}', sortKey: 'ITEM#{seq:x}' })
    class B {
      id!: string;
      seq!: number;
    }
    expect(failure(B)).toMatch(/the width of "\{seq:x\}" must be a whole number/);
  });

  it('refuses templates that cannot be split back or are malformed', () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{a}{b}', sortKey: 'A' })
    class A {
      a!: string;
      b!: string;
    }
    expect(failure(A)).toMatch(/"\{a\}" is followed directly by "\{b\}".*'\{a\}#\{b\}'/);
    @Entity(T, { type: 'B', partitionKey: 'B#{a', sortKey: 'B' })
    class B {
      a!: string;
    }
    expect(failure(B)).toMatch(/unbalanced brace/);
    // @ts-expect-error an empty placeholder names no property
    @Entity(T, { type: 'C', partitionKey: 'C#{}', sortKey: 'C' })
    class C {}
    expect(failure(C)).toMatch(/empty placeholder/);
  });

  it('needs a sort key template when the table has a sort key, and none when it has not', () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{id}' })
    class A {
      id!: string;
    }
    expect(failure(A)).toMatch(/has sort key "sk", so @Entity needs a sortKey template too/);
    @Table('flat', { partitionKey: 'pk' })
    class Flat {}
    @Entity(Flat, { type: 'B', partitionKey: 'B#{id}', sortKey: 'X' })
    class B {
      id!: string;
    }
    expect(failure(B)).toMatch(/table class Flat has no sort key; remove sortKey/);
  });

  it('needs a table class; refuses a property stored under a composed name', () => {
    @Table('plain')
    class Plain {
      @PartitionKey() id!: string;
    }
    @Entity(Plain, { type: 'A', partitionKey: 'A#{id}' })
    class A {
      id!: string;
    }
    expect(failure(A)).toMatch(/@Entity needs a table class as its first argument/);
    const T = appTable();
    @Entity(T, { type: 'B', partitionKey: 'B#{id}', sortKey: 'B' })
    class B {
      id!: string;
      @Attribute({ name: 'pk' }) other?: string;
    }
    expect(failure(B)).toMatch(
      /property "other" is stored as "pk", which table class AppTable uses for a composed key/,
    );
  });

  it("a table class's first use checks every entity mapped into it", () => {
    const T = appTable();
    @Entity(T, { type: 'A', partitionKey: 'A#{id}', sortKey: 'A' })
    @GlobalIndex('nope', { partitionKey: 'X#{id}' })
    class A {
      id!: string;
    }
    void A;
    expect(failure(T)).toMatch(/A: @GlobalIndex\('nope'\): table class AppTable has no index "nope"/);
  });

  it('a table class: a key of type N takes exactly one placeholder; typeAttribute and indexes are checked', () => {
    @Table('nums', { partitionKey: { name: 'pk', type: 'N' } })
    class Nums {}
    @Entity(Nums, { type: 'A', partitionKey: 'A#{id}' })
    class A {
      id!: number;
    }
    expect(failure(A)).toMatch(/attribute "pk" is of type N, so its template must be exactly one placeholder/);
    @Table('bad', { partitionKey: 'pk', indexes: { x: {} } })
    class Bad {}
    expect(failure(Bad)).toMatch(/Bad: index "x" has no partitionKey, which makes it a local index/);
  });
});
