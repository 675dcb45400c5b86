import { and, not, or } from '../../../src';
import { Account, compile, N, S } from '../fixtures';

describe('condition operators', () => {
  it.each([
    ['eq', { status__eq: 'NEW' }, '#n0 = :v0', S('NEW')],
    ['neq', { status__neq: 'NEW' }, '#n0 <> :v0', S('NEW')],
    ['gt', { total__gt: 5 }, '#n0 > :v0', N(5)],
    ['gte', { total__gte: 5 }, '#n0 >= :v0', N(5)],
    ['lt', { total__lt: 5 }, '#n0 < :v0', N(5)],
    ['lte', { total__lte: 5 }, '#n0 <= :v0', N(5)],
    ['begins_with', { status__begins_with: 'NE' }, 'begins_with(#n0, :v0)', S('NE')],
    ['not_begins_with', { status__not_begins_with: 'NE' }, 'NOT begins_with(#n0, :v0)', S('NE')],
    ['contains', { status__contains: 'E' }, 'contains(#n0, :v0)', S('E')],
    ['not_contains', { status__not_contains: 'E' }, 'NOT contains(#n0, :v0)', S('E')],
    ['type', { status__type: 'S' }, 'attribute_type(#n0, :v0)', S('S')],
  ])('%s', (_, condition, expr, value) => {
    const name = Object.keys(condition)[0].split('__')[0];
    expect(compile(condition)).toEqual({ expr, names: { '#n0': name }, values: { ':v0': value } });
  });

  it('a key without an operator means eq', () => {
    expect(compile({ status: 'NEW' })).toEqual({
      expr: '#n0 = :v0',
      names: { '#n0': 'status' },
      values: { ':v0': S('NEW') },
    });
  });

  it('an undeclared attribute without an operator means eq too', () => {
    expect(compile({ region: 'eu' }).expr).toBe('#n0 = :v0');
  });

  it('between', () => {
    expect(compile({ total__between: [1, 10] })).toEqual({
      expr: '#n0 BETWEEN :v0 AND :v1',
      names: { '#n0': 'total' },
      values: { ':v0': N(1), ':v1': N(10) },
    });
  });

  it('between equal bounds is allowed', () => {
    expect(compile({ status__between: ['a', 'a'] }).expr).toBe('#n0 BETWEEN :v0 AND :v1');
  });

  it('in', () => {
    expect(compile({ status__in: ['PENDING', 'DRAFT'] })).toEqual({
      expr: '#n0 IN (:v0, :v1)',
      names: { '#n0': 'status' },
      values: { ':v0': S('PENDING'), ':v1': S('DRAFT') },
    });
  });

  it('in with exactly 100 values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const c = compile({ total__in: values });
    expect(Object.keys(c.values)).toHaveLength(100);
    expect(c.expr).toBe(`#n0 IN (${values.map((i) => `:v${i}`).join(', ')})`);
  });

  it('exists and not_exists, and their false forms', () => {
    expect(compile({ status__exists: true })).toEqual({
      expr: 'attribute_exists(#n0)',
      names: { '#n0': 'status' },
      values: {},
    });
    expect(compile({ status__exists: false }).expr).toBe('attribute_not_exists(#n0)');
    expect(compile({ status__not_exists: true }).expr).toBe('attribute_not_exists(#n0)');
    expect(compile({ status__not_exists: false }).expr).toBe('attribute_exists(#n0)');
  });

  it('contains takes a number or binary element', () => {
    expect(compile({ tags__contains: 3 }).values).toEqual({ ':v0': N(3) });
    expect(compile({ tags__contains: new Uint8Array([1]) }).values).toEqual({ ':v0': { B: new Uint8Array([1]) } });
  });

  it('eq on maps, lists, sets, null and booleans', () => {
    expect(compile({ address: { city: 'Lima' } }).values).toEqual({ ':v0': { M: { city: S('Lima') } } });
    expect(compile({ items__eq: [1, 'a'] }).values).toEqual({ ':v0': { L: [N(1), S('a')] } });
    expect(compile({ tags__eq: new Set(['a']) }).values).toEqual({ ':v0': { SS: ['a'] } });
    expect(compile({ status__eq: null }).values).toEqual({ ':v0': { NULL: true } });
    expect(compile({ flag: false }).values).toEqual({ ':v0': { BOOL: false } });
  });

  it('compares Dates as their ISO strings', () => {
    const a = new Date('2024-01-01T00:00:00.000Z');
    const b = new Date('2024-02-01T00:00:00.000Z');
    expect(compile({ createdAt__gte: a }).values).toEqual({ ':v0': S('2024-01-01T00:00:00.000Z') });
    expect(compile({ createdAt__between: [a, b] }).values).toEqual({
      ':v0': S('2024-01-01T00:00:00.000Z'),
      ':v1': S('2024-02-01T00:00:00.000Z'),
    });
  });

  it('compares bigints and binaries', () => {
    expect(compile({ total__gt: 2n ** 64n }).values).toEqual({ ':v0': N('18446744073709551616') });
    expect(compile({ blob__lt: new Uint8Array([9]) }).values).toEqual({ ':v0': { B: new Uint8Array([9]) } });
  });
});

describe('size compositions', () => {
  it.each([
    ['eq', '='],
    ['neq', '<>'],
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
  ])('items__size__%s', (op, symbol) => {
    expect(compile({ [`items__size__${op}`]: 0 })).toEqual({
      expr: `size(#n0) ${symbol} :v0`,
      names: { '#n0': 'items' },
      values: { ':v0': N(0) },
    });
  });

  it('items__size__between', () => {
    expect(compile({ items__size__between: [1, 10] })).toEqual({
      expr: 'size(#n0) BETWEEN :v0 AND :v1',
      names: { '#n0': 'items' },
      values: { ':v0': N(1), ':v1': N(10) },
    });
  });

  it('items__size__in', () => {
    expect(compile({ items__size__in: [1, 2] }).expr).toBe('size(#n0) IN (:v0, :v1)');
  });

  it('size of a nested path', () => {
    expect(compile({ 'address.lines__size__gt': 2 })).toEqual({
      expr: 'size(#n0.#n1) > :v0',
      names: { '#n0': 'address', '#n1': 'lines' },
      values: { ':v0': N(2) },
    });
  });
});

describe('paths and names', () => {
  it('nested map paths', () => {
    expect(compile({ 'address.city__eq': 'Lima' })).toEqual({
      expr: '#n0.#n1 = :v0',
      names: { '#n0': 'address', '#n1': 'city' },
      values: { ':v0': S('Lima') },
    });
  });

  it('list indexes', () => {
    expect(compile({ 'items[0].qty__gt': 5 })).toEqual({
      expr: '#n0[0].#n1 > :v0',
      names: { '#n0': 'items', '#n1': 'qty' },
      values: { ':v0': N(5) },
    });
  });

  it('several indexes in a row', () => {
    expect(compile({ 'a.b[1][2].c': 1 })).toEqual({
      expr: '#n0.#n1[1][2].#n2 = :v0',
      names: { '#n0': 'a', '#n1': 'b', '#n2': 'c' },
      values: { ':v0': N(1) },
    });
  });

  it('maps a renamed property to its stored name at the top level only', () => {
    expect(compile({ 'displayName.displayName': 'x', 'profile.display_name': 'y' }, undefined, Account)).toEqual({
      // The nested "display_name" is a map key, not the renamed property; it shares the
      // placeholder of the stored name "display_name".
      expr: '#n0.#n1 = :v0 AND #n2.#n0 = :v1',
      names: { '#n0': 'display_name', '#n1': 'displayName', '#n2': 'profile' },
      values: { ':v0': S('x'), ':v1': S('y') },
    });
  });

  it('maps renamed key properties', () => {
    expect(compile({ accountId: 'a', openedOn__gt: 1 }, undefined, Account)).toEqual({
      expr: '#n0 = :v0 AND #n1 > :v1',
      names: { '#n0': 'pk', '#n1': 'sk' },
      values: { ':v0': S('a'), ':v1': N(1) },
    });
  });

  it.each(['order-id', 'my attr', '#x', ':y', 'status', 'name', 'size', 'ORDER', 'a-b.c'])(
    'any attribute name works: %s',
    (name) => {
      const c = compile({ [`${name}__eq`]: 1 });
      // The name never appears in the expression: only counter placeholders do.
      if (name === 'a-b.c') {
        expect(c).toEqual({ expr: '#n0.#n1 = :v0', names: { '#n0': 'a-b', '#n1': 'c' }, values: { ':v0': N(1) } });
      } else {
        expect(c).toEqual({ expr: '#n0 = :v0', names: { '#n0': name }, values: { ':v0': N(1) } });
      }
    },
  );

  it('reuses the placeholder of a name used twice in one request', () => {
    expect(compile({ total__gt: 1, total__lt: 9, 'address.total': 3 })).toEqual({
      expr: '#n0 > :v0 AND #n0 < :v1 AND #n1.#n0 = :v2',
      names: { '#n0': 'total', '#n1': 'address' },
      values: { ':v0': N(1), ':v1': N(9), ':v2': N(3) },
    });
  });

  it('a value equal to a placeholder-looking string stays a value', () => {
    expect(compile({ status: ':v0' }).values).toEqual({ ':v0': S(':v0') });
  });
});

describe('condition and conditionOr', () => {
  it('ANDs the entries of one object', () => {
    expect(compile({ status: 'NEW', total__gt: 1 }).expr).toBe('#n0 = :v0 AND #n1 > :v1');
  });

  it('ORs the groups of conditionOr', () => {
    expect(compile(undefined, [{ status: 'A' }, { status: 'B' }])).toEqual({
      expr: '#n0 = :v0 OR #n0 = :v1',
      names: { '#n0': 'status' },
      values: { ':v0': S('A'), ':v1': S('B') },
    });
  });

  it('keeps each group an AND', () => {
    expect(compile(undefined, [{ status: 'A', total__gt: 1 }, { status: 'B' }]).expr).toBe(
      '(#n0 = :v0 AND #n1 > :v1) OR #n0 = :v2',
    );
  });

  it('condition AND (group OR group)', () => {
    expect(compile({ total__gt: 3 }, [{ status: 'A' }, { status: 'B' }])).toEqual({
      expr: '#n0 > :v0 AND (#n1 = :v1 OR #n1 = :v2)',
      names: { '#n0': 'total', '#n1': 'status' },
      values: { ':v0': N(3), ':v1': S('A'), ':v2': S('B') },
    });
  });

  it('(c1 AND c2) AND ((g1a AND g1b) OR (g2))', () => {
    expect(compile({ total__gt: 3, region: 'eu' }, [{ status: 'A', itemsCount: 1 }, { status: 'B' }]).expr).toBe(
      '(#n0 > :v0 AND #n1 = :v1) AND ((#n2 = :v2 AND #n3 = :v3) OR #n2 = :v4)',
    );
  });

  it('a single group needs no parentheses', () => {
    expect(compile({ total__gt: 3 }, [{ status: 'A' }]).expr).toBe('#n0 > :v0 AND #n1 = :v1');
  });

  it('nothing to compile gives no expression', () => {
    expect(compile(undefined, undefined)).toEqual({ expr: undefined, names: {}, values: {} });
  });
});

describe('and / or / not', () => {
  it('or of ands', () => {
    expect(compile(or({ status: 'A' }, and({ total__gt: 5 }, not({ tags__contains: 'x' }))))).toEqual({
      expr: '#n0 = :v0 OR (#n1 > :v1 AND NOT contains(#n2, :v2))',
      names: { '#n0': 'status', '#n1': 'total', '#n2': 'tags' },
      values: { ':v0': S('A'), ':v1': N(5), ':v2': S('x') },
    });
  });

  it('and of ors', () => {
    expect(compile(and(or({ status: 'A' }, { status: 'B' }), or({ total: 1 }, { total: 2 }))).expr).toBe(
      '(#n0 = :v0 OR #n0 = :v1) AND (#n1 = :v2 OR #n1 = :v3)',
    );
  });

  it('not of a compound condition is parenthesised', () => {
    expect(compile(not({ status: 'A', total: 1 })).expr).toBe('NOT (#n0 = :v0 AND #n1 = :v1)');
    expect(compile(not(or({ status: 'A' }, { status: 'B' }))).expr).toBe('NOT (#n0 = :v0 OR #n0 = :v1)');
  });

  it('not of a single comparison', () => {
    expect(compile(not({ status: 'A' })).expr).toBe('NOT #n0 = :v0');
  });

  it('not of not', () => {
    expect(compile(not(not({ status__begins_with: 'A' }))).expr).toBe('NOT NOT begins_with(#n0, :v0)');
  });

  it('a multi-entry object inside or() keeps its AND together', () => {
    expect(compile(or({ status: 'A', total: 1 }, { region: 'eu' })).expr).toBe(
      '(#n0 = :v0 AND #n1 = :v1) OR #n2 = :v2',
    );
  });

  it('a single-item and() is the item itself', () => {
    expect(compile(and({ status: 'A' })).expr).toBe('#n0 = :v0');
  });

  it('deep nesting', () => {
    expect(compile(and({ a: 1 }, or({ b: 2 }, and({ c: 3 }, or({ d: 4 }, not({ e: 5 })))))).expr).toBe(
      '#n0 = :v0 AND (#n1 = :v1 OR (#n2 = :v2 AND (#n3 = :v3 OR NOT #n4 = :v4)))',
    );
  });

  it('combinators work inside condition and conditionOr', () => {
    expect(compile(or({ a: 1 }, { b: 2 }), [and({ c: 3 }, { d: 4 }), not({ e: 5 })]).expr).toBe(
      '(#n0 = :v0 OR #n1 = :v1) AND ((#n2 = :v2 AND #n3 = :v3) OR NOT #n4 = :v4)',
    );
  });
});
