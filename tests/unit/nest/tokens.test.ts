import 'reflect-metadata';
import { PartitionKey, Table, ValidationError } from '../../../src';
import { DkmioModule, getRepositoryToken, InjectRepository } from '../../../src/nest';

function makeOrderClass() {
  @Table('orders')
  class Order {
    @PartitionKey() id!: string;
  }
  return Order;
}

describe('getRepositoryToken', () => {
  it('is the same token for the same class, and distinct for two classes with the same name', () => {
    const A = makeOrderClass();
    const B = makeOrderClass();
    expect(A.name).toBe(B.name);
    expect(getRepositoryToken(A)).toBe(getRepositoryToken(A));
    expect(getRepositoryToken(A)).not.toBe(getRepositoryToken(B));
    // Distinct descriptions too: Nest hashes dynamic modules by their serialized metadata.
    expect(getRepositoryToken(A).toString()).not.toBe(getRepositoryToken(B).toString());
    expect(typeof getRepositoryToken(A)).toBe('symbol');
  });

  it('is what @InjectRepository injects', () => {
    const Order = makeOrderClass();
    class Service {
      constructor(@InjectRepository(Order) readonly orders: unknown) {}
    }
    expect(Reflect.getMetadata('self:paramtypes', Service)).toEqual([{ index: 0, param: getRepositoryToken(Order) }]);
  });

  it('refuses what is not a class', () => {
    expect(() => getRepositoryToken('Order' as never)).toThrow(ValidationError);
  });
});

describe('DkmioModule static API', () => {
  it('forFeature provides and exports one repository per entity', () => {
    const Order = makeOrderClass();
    const mod = DkmioModule.forFeature([Order]);
    expect(mod.providers).toEqual([expect.objectContaining({ provide: getRepositoryToken(Order) })]);
    expect(mod.exports).toEqual(mod.providers);
  });

  it('forRootAsync needs exactly one of useFactory, useClass, useExisting', () => {
    expect(() => DkmioModule.forRootAsync({})).toThrow(
      /exactly one of useFactory, useClass or useExisting \(got none\)/,
    );
    expect(() => DkmioModule.forRootAsync({ useFactory: () => ({}), useExisting: 'x' })).toThrow(/got 2/);
  });
});
