import { ExpressionContext } from '../../../src/expressions/context';
import { compileUpdate, type UpdateActions } from '../../../src/expressions/update';
import { Account, Order, expectValidation, meta, N, S } from '../fixtures';

function update(actions: UpdateActions, entity: typeof Order | typeof Account = Order) {
  const ctx = new ExpressionContext();
  const expr = compileUpdate(meta(entity as typeof Order), actions, ctx);
  return { expr, names: ctx.names, values: ctx.values };
}

function refuses(actions: unknown, ...patterns: (RegExp | string)[]) {
  return expectValidation(() => update(actions as UpdateActions), ...patterns);
}

describe('update expressions', () => {
  it('set', () => {
    expect(update({ set: { status: 'SHIPPED', total: 5 } })).toEqual({
      expr: 'SET #n0 = :v0, #n1 = :v1',
      names: { '#n0': 'status', '#n1': 'total' },
      values: { ':v0': S('SHIPPED'), ':v1': N(5) },
    });
  });

  it('set on nested paths', () => {
    expect(update({ set: { 'address.city': 'Lima', 'items[0].qty': 5 } })).toEqual({
      expr: 'SET #n0.#n1 = :v0, #n2[0].#n3 = :v1',
      names: { '#n0': 'address', '#n1': 'city', '#n2': 'items', '#n3': 'qty' },
      values: { ':v0': S('Lima'), ':v1': N(5) },
    });
  });

  it('set of a map, a list, null and a Date', () => {
    const when = new Date('2024-01-02T03:04:05.000Z');
    expect(update({ set: { address: { city: 'Lima' }, items: [], region: null, when } }).values).toEqual({
      ':v0': { M: { city: S('Lima') } },
      ':v1': { L: [] },
      ':v2': { NULL: true },
      ':v3': S('2024-01-02T03:04:05.000Z'),
    });
  });

  it('maps renamed properties to stored names at the top level', () => {
    expect(update({ set: { displayName: 'A', 'profile.displayName': 'B' } }, Account)).toEqual({
      expr: 'SET #n0 = :v0, #n1.#n2 = :v1',
      names: { '#n0': 'display_name', '#n1': 'profile', '#n2': 'displayName' },
      values: { ':v0': S('A'), ':v1': S('B') },
    });
  });

  it('remove', () => {
    expect(update({ remove: ['tempNotes', 'address.zip', 'items[2]'] })).toEqual({
      expr: 'REMOVE #n0, #n1.#n2, #n3[2]',
      names: { '#n0': 'tempNotes', '#n1': 'address', '#n2': 'zip', '#n3': 'items' },
      values: {},
    });
  });

  it('append one element creates the list when it is missing', () => {
    expect(update({ append: { history: { action: 'shipped' } } })).toEqual({
      expr: 'SET #n0 = list_append(if_not_exists(#n0, :v1), :v0)',
      names: { '#n0': 'history' },
      values: { ':v0': { L: [{ M: { action: S('shipped') } }] }, ':v1': { L: [] } },
    });
  });

  it('append an array adds each element', () => {
    expect(update({ append: { history: ['a', 'b'] } }).values).toEqual({
      ':v0': { L: [S('a'), S('b')] },
      ':v1': { L: [] },
    });
  });

  it('prepend puts the elements in front', () => {
    expect(update({ prepend: { history: 'first' } })).toEqual({
      expr: 'SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))',
      names: { '#n0': 'history' },
      values: { ':v0': { L: [S('first')] }, ':v1': { L: [] } },
    });
  });

  it('add a number', () => {
    expect(update({ add: { hits: 1 } })).toEqual({
      expr: 'ADD #n0 :v0',
      names: { '#n0': 'hits' },
      values: { ':v0': N(1) },
    });
    expect(update({ add: { hits: -2.5 } }).values).toEqual({ ':v0': N(-2.5) });
  });

  it('add a Set', () => {
    expect(update({ add: { tags: new Set(['urgent']) } })).toEqual({
      expr: 'ADD #n0 :v0',
      names: { '#n0': 'tags' },
      values: { ':v0': { SS: ['urgent'] } },
    });
  });

  it('add an array sends a set', () => {
    expect(update({ add: { tags: ['a', 'b', 'a'] } }).values).toEqual({ ':v0': { SS: ['a', 'b'] } });
    expect(update({ add: { scores: [1, 2] } }).values).toEqual({ ':v0': { NS: ['1', '2'] } });
  });

  it('delete from a set', () => {
    expect(update({ delete: { oldTags: new Set(['deprecated']) } })).toEqual({
      expr: 'DELETE #n0 :v0',
      names: { '#n0': 'oldTags' },
      values: { ':v0': { SS: ['deprecated'] } },
    });
    expect(update({ delete: { oldTags: ['x'] } }).values).toEqual({ ':v0': { SS: ['x'] } });
  });

  it('setIfNotExists', () => {
    expect(update({ setIfNotExists: { createdAt: '2024-01-01' } })).toEqual({
      expr: 'SET #n0 = if_not_exists(#n0, :v0)',
      names: { '#n0': 'created_at' },
      values: { ':v0': S('2024-01-01') },
    });
  });

  it('every action at once, in clause order SET REMOVE ADD DELETE', () => {
    expect(
      update({
        set: { status: 'SHIPPED', 'address.city': 'Lima' },
        remove: ['tempNotes'],
        append: { history: { action: 'shipped' } },
        prepend: { recent: 'x' },
        add: { hits: 1, tags: new Set(['urgent']) },
        delete: { oldTags: new Set(['deprecated']) },
        setIfNotExists: { createdAt: 'now' },
      }),
    ).toEqual({
      expr:
        'SET #n0 = :v0, #n1.#n2 = :v1, #n3 = if_not_exists(#n3, :v2), #n4 = list_append(if_not_exists(#n4, :v4), :v3), ' +
        '#n5 = list_append(:v5, if_not_exists(#n5, :v6)) REMOVE #n9 ADD #n6 :v7, #n7 :v8 DELETE #n8 :v9',
      names: {
        '#n0': 'status',
        '#n1': 'address',
        '#n2': 'city',
        '#n3': 'created_at',
        '#n4': 'history',
        '#n5': 'recent',
        '#n6': 'hits',
        '#n7': 'tags',
        '#n8': 'oldTags',
        '#n9': 'tempNotes',
      },
      values: {
        ':v0': S('SHIPPED'),
        ':v1': S('Lima'),
        ':v2': S('now'),
        ':v3': { L: [{ M: { action: S('shipped') } }] },
        ':v4': { L: [] },
        ':v5': { L: [S('x')] },
        ':v6': { L: [] },
        ':v7': N(1),
        ':v8': { SS: ['urgent'] },
        ':v9': { SS: ['deprecated'] },
      },
    });
  });

  it('sibling paths and different list elements do not overlap', () => {
    expect(update({ set: { 'address.city': 'a', 'address.zip': 'b', 'items[0]': 1, 'items[1]': 2 } }).expr).toBe(
      'SET #n0.#n1 = :v0, #n0.#n2 = :v1, #n3[0] = :v2, #n3[1] = :v3',
    );
  });
});

describe('update errors', () => {
  it('no action', () => {
    refuses(
      {},
      /update\(\) has no action; give at least one of set, remove, append, prepend, add, delete, setIfNotExists/,
    );
    refuses({ set: {} }, /has no action/);
    refuses({ remove: [] }, /has no action/);
    refuses({ set: undefined }, /has no action/);
  });

  it('not an object', () => {
    refuses(null, /update\(\) needs an actions object like \{ set: \{ status: 'SHIPPED' \} \}/);
  });

  it('unknown action', () => {
    refuses(
      { sett: { a: 1 } },
      /Unknown update action "sett"; valid actions: set, remove, append, prepend, add, delete, setIfNotExists/,
    );
  });

  it('an action that is not an object of paths', () => {
    refuses({ set: ['a'] }, /update set takes an object of \{ path: value \}, got an array/);
    refuses({ add: 1 }, /update add takes an object of \{ path: value \}, got number/);
    refuses({ remove: 'a' }, /update remove takes an array of paths, e\.g\. remove: \['tempNotes'\]/);
  });

  it.each([
    ['set', { set: { userId: 'x' } }, 'userId'],
    ['set on a nested path', { set: { 'orderId.x': 1 } }, 'orderId'],
    ['remove', { remove: ['orderId'] }, 'orderId'],
    ['add', { add: { userId: 1 } }, 'userId'],
    ['setIfNotExists', { setIfNotExists: { userId: 'x' } }, 'userId'],
  ])('a key attribute touched by %s', (_, actions, key) => {
    refuses(
      actions,
      new RegExp(`"${key}" is part of the primary key and cannot be updated`),
      /delete the item and put a new one/,
    );
  });

  it('a renamed key attribute', () => {
    expectValidation(() => update({ set: { accountId: 'x' } }, Account), /"accountId" is part of the primary key/);
  });

  it.each([
    [{ set: { address: {} }, remove: ['address.city'] }, /"address" \(set\) and "address\.city" \(remove\)/],
    [{ set: { 'items[0]': 1, 'items[0].qty': 2 } }, /"items\[0\]" \(set\) and "items\[0\]\.qty" \(set\)/],
    [{ set: { history: [] }, append: { history: 1 } }, /"history" \(set\) and "history" \(append\)/],
    [{ add: { tags: ['a'] }, delete: { tags: ['b'] } }, /"tags" \(add\) and "tags" \(delete\)/],
  ])('overlapping paths %#', (actions, message) => {
    refuses(actions, message, /DynamoDB refuses two actions on overlapping paths in one update/);
  });

  it('an empty array for add or delete', () => {
    refuses({ add: { tags: [] } }, /update add "tags": the array is empty; give at least one element/);
    refuses({ delete: { tags: [] } }, /update delete "tags": the array is empty/);
  });

  it('an empty Set for add', () => {
    refuses({ add: { tags: new Set() } }, /"tags" is an empty set; DynamoDB cannot store empty sets/);
  });

  it('add of something neither a number nor a set', () => {
    refuses(
      { add: { tags: 'a' } },
      /update add "tags": add takes a number \(increment\) or a Set\/array \(set union\)/,
    );
  });

  it('delete of a number', () => {
    refuses(
      { delete: { hits: 1 } },
      /update delete "hits": delete removes elements from a set; give a Set or an array, not a number/,
    );
  });

  it('a mixed array for add', () => {
    refuses({ add: { tags: ['a', 1] } }, /"tags" is a set mixing element types/);
  });

  it.each(['set', 'append', 'prepend', 'add', 'delete', 'setIfNotExists'])('an undefined value in %s', (action) => {
    refuses(
      { [action]: { status: undefined } },
      new RegExp(`update ${action} "status": the value is undefined; use remove: \\['status'\\]`),
    );
  });

  it('a NaN value names the path', () => {
    refuses({ set: { 'address.zip': NaN } }, /"address\.zip" is NaN/);
    refuses({ add: { hits: Infinity } }, /"hits" is an infinite number/);
  });

  it('a bad path', () => {
    refuses({ set: { 'a..b': 1 } }, /Invalid attribute path "a\.\.b"/);
    refuses({ remove: [''] }, /An attribute path must be a non-empty string/);
  });
});
