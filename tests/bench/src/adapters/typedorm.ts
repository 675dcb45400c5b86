/**
 * TypeDORM 1.15 (through its DocumentClientV3 adapter). Its key templates are set to the plain
 * attributes (`{{user_id}}`), so it writes the same keys as everyone else, plus its `__en`
 * entity attribute. Results are class instances (class-transformer). `create()` always adds an
 * attribute_not_exists condition unless overwriteIfExists; TypeDORM takes entity instances, so
 * each put makes one from the item (part of its cost: its API asks for it).
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Attribute, Entity, INDEX_TYPE, Table } from '@typedorm/common';
import { createConnection, WriteBatch, type Connection } from '@typedorm/core';
import { DocumentClientV3 } from '@typedorm/document-client';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { GSI, QUERY, TABLE, UPDATE, type OrderItem } from '../model';
import { bulkConcurrency } from '../settings';

export const DEVIATIONS =
  'TypeDORM: its update cannot add to or delete from a set (ADD takes only numbers and lists, DELETE likewise), so the ' +
  'set ADD and DELETE are left out of its update; it always asks for ReturnValues ALL_NEW.';

@Entity({
  name: 'order',
  primaryKey: { partitionKey: '{{user_id}}', sortKey: '{{order_id}}' },
  indexes: { [GSI]: { type: INDEX_TYPE.GSI, partitionKey: '{{status}}', sortKey: '{{created_at}}' } },
})
export class TOrder {
  @Attribute() user_id!: string;
  @Attribute() order_id!: string;
  @Attribute() status?: string;
  @Attribute() created_at?: string;
  @Attribute() total?: number;
  @Attribute() items_count?: number;
  @Attribute() address?: OrderItem['address'];
  @Attribute() items?: OrderItem['items'];
  @Attribute() tags?: Set<string>;
  @Attribute() labels?: Set<string>;
  @Attribute() history?: OrderItem['history'];
  @Attribute() notes?: string;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
}

let connections = 0;
function connect(name: string, client: DynamoDBClient): Connection {
  const table = new Table({
    name,
    partitionKey: 'user_id',
    sortKey: 'order_id',
    indexes: { [GSI]: { type: INDEX_TYPE.GSI, partitionKey: 'status', sortKey: 'created_at' } },
  });
  return createConnection({
    name: `c${connections++}`,
    table,
    entities: [TOrder],
    documentClient: new DocumentClientV3(DynamoDBDocumentClient.from(client)),
  } as any);
}

const entity = (item: OrderItem) => Object.assign(new TOrder(), item);
const queryOptions = {
  keyCondition: { GE: QUERY.fromOrder },
  where: { AND: { total: { GT: QUERY.minTotal }, status: { IN: QUERY.statuses } } },
  select: QUERY.select,
  limit: QUERY.limit,
};
const updateBody = {
  status: UPDATE.status,
  'address.city': UPDATE.city,
  notes: { REMOVE: true },
  history: { LIST_APPEND: [UPDATE.history] },
  items_count: { ADD: 1 },
};
const updateOptions = { where: { status: { NE: UPDATE.notStatus } } };

// The request builder is internal to TypeDORM: load it by file.
const dir = path.dirname(require.resolve('@typedorm/core'));
const { DocumentClientRequestTransformer } = require(
  path.join(dir, 'src/classes/transformer/document-client-request-transformer'),
);
const offline = new DocumentClientRequestTransformer(connect(TABLE, new DynamoDBClient({ ...SDK_BASE })));

export function typedormSession(setup: Setup): Session {
  const client = new DynamoDBClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    requestHandler: setup.requestHandler as never,
  });
  const conn = connect(setup.prefix + TABLE, client);
  const em = conn.entityManager;
  const all = async (user: string) => {
    const out: TOrder[] = [];
    let cursor: unknown;
    do {
      const page: any = await em.find(TOrder, { user_id: user }, cursor ? ({ cursor } as any) : undefined);
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return out;
  };
  return {
    put: (item) => em.create(entity(item), { overwriteIfExists: true } as any),
    get: (user, order) => em.findOne(TOrder, { user_id: user, order_id: order }),
    update: (user, order) =>
      em.update(TOrder, { user_id: user, order_id: order }, updateBody as any, updateOptions as any),
    query: async (user) => (await em.find(TOrder, { user_id: user }, queryOptions as any)).items,
    page: async (user) => (await em.find(TOrder, { user_id: user })).items,
    readAll: all,
    bulkWrite: async (items) => {
      const batch = new WriteBatch();
      for (const item of items) batch.addCreateItem(entity(item));
      const out: any = await conn.batchManager.write(batch, { requestsConcurrencyLimit: bulkConcurrency() });
      if (out.unprocessedItems?.length || out.failedItems?.length)
        throw new Error(
          `typedorm left ${out.unprocessedItems?.length ?? 0} unprocessed and ${out.failedItems?.length ?? 0} failed`,
        );
    },
    close: () => client.destroy(),
  };
}

export const typedorm: Adapter = {
  name: 'TypeDORM',
  build: {
    query: () => offline.toDynamoQueryItem(TOrder, { user_id: QUERY.user }, queryOptions),
    update: (order) =>
      offline.toDynamoUpdateItem(TOrder, { user_id: QUERY.user, order_id: order }, updateBody, updateOptions),
    put: (item) => offline.toDynamoPutItem(entity(item)),
  },
  session: typedormSession,
  notes: { deviations: DEVIATIONS },
};
