/**
 * Compile-only checks (run by `tsc -p tsconfig.json --noEmit`): what must and must not type-check
 * in createTables and dkmio/nest. Never executed.
 */
import 'reflect-metadata';
import { DkmioClient, PartitionKey, Repository, Table, type CreateTablesResult } from '../../src';
import { DkmioModule, getRepositoryToken, InjectRepository, type DkmioOptionsFactory } from '../../src/nest';

@Table('orders')
class Order {
  @PartitionKey() id!: string;
}

export async function createTablesTypes(db: DkmioClient): Promise<void> {
  const result: CreateTablesResult = await db.createTables([Order], {
    provisioned: { read: 1, write: 1 },
    waitTimeoutMs: 1000,
    pollIntervalMs: 10,
  });
  void result.created.concat(result.existing);
  const deleted: string[] = (await db.deleteTables([Order])).deleted;
  void deleted;
  // @ts-expect-error createTables takes classes, not table names
  await db.createTables(['orders']);
  // @ts-expect-error provisioned needs both read and write
  await db.createTables([Order], { provisioned: { read: 1 } });
  // @ts-expect-error billing is chosen by giving `provisioned` or not, there is no billingMode option
  await db.createTables([Order], { billingMode: 'PROVISIONED' });
}

export function nestTypes(): void {
  const token: symbol = getRepositoryToken(Order);
  void token;
  DkmioModule.forFeature([Order]);
  DkmioModule.forRootAsync({ inject: ['CONFIG'], useFactory: (region: string) => ({ region }) });
  DkmioModule.forRootAsync({ useFactory: async () => ({ tableNamePrefix: 'dev-' }) });
  class Factory implements DkmioOptionsFactory {
    createDkmioOptions() {
      return { region: 'eu-west-1' };
    }
  }
  DkmioModule.forRootAsync({ useClass: Factory });
  // @ts-expect-error forRoot takes client options
  DkmioModule.forRoot({ tableNamePrefix: 1 });
  // @ts-expect-error useClass must make options
  DkmioModule.forRootAsync({ useClass: Order });
  // @ts-expect-error forFeature takes classes
  DkmioModule.forFeature(['Order']);

  class Service {
    constructor(@InjectRepository(Order) readonly orders: Repository<Order>) {}
  }
  void Service;
}
