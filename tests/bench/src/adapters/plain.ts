/**
 * The floor for request building: a plain hand-written builder function that takes the same
 * structured input a mapper takes (key, sort-key condition, filters, projection, limit; update
 * actions; item and condition) and returns the same low-level request dkmio sends (marshalled
 * values, counter placeholders), by string concatenation and no validation at all.
 * A mapper cannot do less work than this; the target is at most 2x of it.
 */
import type { Adapter } from '../adapter';
import { QUERY, TABLE, UPDATE, type OrderItem } from '../model';

type AV = Record<string, unknown>;

function av(v: unknown): AV {
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (v === null) return { NULL: true };
  if (Array.isArray(v)) return { L: v.map(av) };
  if (v instanceof Set) {
    const a = [...v];
    return typeof a[0] === 'number' ? { NS: a.map(String) } : { SS: a };
  }
  const M: Record<string, AV> = {};
  for (const k in v as Record<string, unknown>) M[k] = av((v as Record<string, unknown>)[k]);
  return { M };
}

class Ctx {
  names: Record<string, string> = {};
  values: Record<string, AV> = {};
  private n = 0;
  private v = 0;
  private ids: Record<string, string> = {};
  name(s: string): string {
    let id = this.ids[s];
    if (id === undefined) {
      id = '#n' + this.n++;
      this.ids[s] = id;
      this.names[id] = s;
    }
    return id;
  }
  path(p: string): string {
    const parts = p.split('.');
    let out = this.name(parts[0]!);
    for (let i = 1; i < parts.length; i++) out += '.' + this.name(parts[i]!);
    return out;
  }
  value(x: unknown): string {
    const id = ':v' + this.v++;
    this.values[id] = av(x);
    return id;
  }
}

const OPS: Record<string, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function plainQuery(
  table: string,
  pk: [string, unknown],
  sk: [string, string, unknown],
  filters: [string, string, unknown][],
  select: string[],
  limit: number,
) {
  const c = new Ctx();
  const key =
    c.name(pk[0]) + ' = ' + c.value(pk[1]) + ' AND ' + c.name(sk[0]) + ' ' + OPS[sk[1]] + ' ' + c.value(sk[2]);
  let filter = '';
  for (const [name, op, value] of filters) {
    const clause =
      op === 'in'
        ? c.name(name) + ' IN (' + (value as unknown[]).map((x) => c.value(x)).join(', ') + ')'
        : c.name(name) + ' ' + OPS[op] + ' ' + c.value(value);
    filter = filter ? filter + ' AND ' + clause : clause;
  }
  return {
    TableName: table,
    KeyConditionExpression: key,
    FilterExpression: filter,
    ProjectionExpression: select.map((s) => c.path(s)).join(', '),
    ExpressionAttributeNames: c.names,
    ExpressionAttributeValues: c.values,
    Limit: limit,
  };
}

export function plainUpdate(
  table: string,
  key: Record<string, unknown>,
  set: Record<string, unknown>,
  remove: string[],
  append: Record<string, unknown>,
  add: Record<string, unknown>,
  del: Record<string, unknown>,
  cond: [string, string, unknown],
) {
  const c = new Ctx();
  const sets: string[] = [];
  for (const k in set) sets.push(c.path(k) + ' = ' + c.value(set[k]));
  for (const k in append) {
    const p = c.path(k);
    sets.push(p + ' = list_append(if_not_exists(' + p + ', ' + c.value([]) + '), ' + c.value([append[k]]) + ')');
  }
  const adds: string[] = [];
  for (const k in add) adds.push(c.path(k) + ' ' + c.value(add[k]));
  const dels: string[] = [];
  for (const k in del) dels.push(c.path(k) + ' ' + c.value(del[k]));
  const Key: Record<string, AV> = {};
  for (const k in key) Key[k] = av(key[k]);
  const expr =
    'SET ' +
    sets.join(', ') +
    ' REMOVE ' +
    remove.map((r) => c.path(r)).join(', ') +
    ' ADD ' +
    adds.join(', ') +
    ' DELETE ' +
    dels.join(', ');
  const condition = c.name(cond[0]) + ' ' + (cond[1] === 'neq' ? '<>' : OPS[cond[1]]) + ' ' + c.value(cond[2]);
  return {
    TableName: table,
    Key,
    UpdateExpression: expr,
    ConditionExpression: condition,
    ExpressionAttributeNames: c.names,
    ExpressionAttributeValues: c.values,
  };
}

export function plainPut(table: string, item: Record<string, unknown>, notExists: string) {
  const c = new Ctx();
  const Item: Record<string, AV> = {};
  for (const k in item) if (item[k] !== undefined) Item[k] = av(item[k]);
  return {
    TableName: table,
    Item,
    ConditionExpression: 'attribute_not_exists(' + c.name(notExists) + ')',
    ExpressionAttributeNames: c.names,
  };
}

export const plain: Adapter = {
  name: 'plain builder function',
  build: {
    query: () =>
      plainQuery(
        TABLE,
        ['user_id', QUERY.user],
        ['order_id', 'gte', QUERY.fromOrder],
        [
          ['total', 'gt', QUERY.minTotal],
          ['status', 'in', QUERY.statuses],
        ],
        QUERY.select.concat('user_id'),
        QUERY.limit,
      ),
    update: (order) =>
      plainUpdate(
        TABLE,
        { user_id: QUERY.user, order_id: order },
        { status: UPDATE.status, 'address.city': UPDATE.city },
        ['notes'],
        { history: UPDATE.history },
        { items_count: 1, tags: new Set(UPDATE.addTags) },
        { labels: new Set(UPDATE.deleteLabels) },
        ['status', 'neq', UPDATE.notStatus],
      ),
    put: (item: OrderItem) => plainPut(TABLE, item as unknown as Record<string, unknown>, 'user_id'),
  },
};

/** The A/A control of the request-building scenario, whose baseline is the plain builder. */
export const plainControl: Adapter = { ...plain, name: 'plain builder (A/A control)' };
