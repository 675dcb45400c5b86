/**
 * The legacy (experimentalDecorators) side of the decorator dialects: wrong usage is an
 * InvalidDefinitionError that names the member and the fix, never a bare TypeError. The standard
 * (TC39) side runs in the standard-decorators Jest project (tests/standard-decorators/).
 */
import 'reflect-metadata';
import {
  Attribute,
  entityMetadata,
  GlobalIndex,
  InvalidDefinitionError,
  PartitionKey,
  Table,
  Version,
} from '../../../src';

type AnyDecorator = (...args: unknown[]) => unknown;

describe('legacy decorators used where they do not belong', () => {
  it('refuses a property decorator on a method, an accessor or a static property', () => {
    const onMethod = () => {
      class Orders {
        // Type-checks in the legacy dialect (a method decorator may ignore the descriptor): caught at run time.
        @Attribute() total() {
          return 1;
        }
      }
      return Orders;
    };
    expect(onMethod).toThrow(InvalidDefinitionError);
    expect(onMethod).toThrow(
      /@Attribute\(\) on "total" of Orders: it is a method; dkmio decorators go on instance data properties/,
    );

    const onAccessor = () => {
      class Orders {
        @Version() get version() {
          return 1;
        }
      }
      return Orders;
    };
    expect(onAccessor).toThrow(/@Version\(\) on "version" of Orders: it is an accessor/);

    const onStatic = () => {
      class Orders {
        @PartitionKey() static id: string;
      }
      return Orders;
    };
    expect(onStatic).toThrow(/@PartitionKey\(\) on "id" of Orders: the property is static/);
  });

  it('refuses a class decorator on a property and a property decorator on a class', () => {
    expect(() => (Table('orders') as unknown as AnyDecorator)({}, 'id')).toThrow(
      /@Table\(\) is on property "id"; it decorates a class/,
    );
    expect(() => (GlobalIndex('g', { partitionKey: 'x' }) as unknown as AnyDecorator)({}, 'id')).toThrow(
      InvalidDefinitionError,
    );
    expect(() => (Attribute() as unknown as AnyDecorator)(class Orders {})).toThrow(
      /@Attribute\(\) was called in a way neither decorator dialect does \(a class\)/,
    );
  });

  it('still records legacy decorators with design metadata as before', () => {
    @Table('dialect-orders')
    class Order {
      @PartitionKey() id!: string;
      @Attribute() placedAt?: Date;
      @Attribute({ type: Date }) dueAt?: string | Date;
    }
    const meta = entityMetadata(Order);
    expect(meta.partitionKey.designType).toBe(String);
    expect([...meta.dateProperties]).toEqual(['placedAt', 'dueAt']);
  });
});
