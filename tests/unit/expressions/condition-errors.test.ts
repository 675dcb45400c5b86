import { and, not, or } from '../../../src';
import type { ConditionInput } from '../../../src/expressions/combinators';
import { compile, expectValidation } from '../fixtures';

/** Compiling `condition` (as `condition`) throws a ValidationError matching every pattern. */
function refuses(condition: unknown, ...patterns: (RegExp | string)[]) {
  return expectValidation(() => compile(condition as ConditionInput), ...patterns);
}

describe('condition errors', () => {
  it('unknown operator names it and lists the valid ones', () => {
    refuses(
      { total__gtt: 1 },
      /"total__gtt": unknown operator "gtt"/,
      /Valid operators: eq, neq, gt, gte, lt, lte, between, begins_with/,
    );
  });

  it('size without a comparison', () => {
    refuses(
      { items__size: 1 },
      /"items__size": size needs a comparison/,
      /items__size__gt/,
      /eq, neq, gt, gte, lt, lte, between, in/,
    );
  });

  it('size followed by an operator that is not a comparison', () => {
    refuses({ items__size__contains: 1 }, /"items__size__contains": "contains" cannot follow size/, /one of eq, neq/);
  });

  it.each([
    ['a single value', 5],
    ['one value', [1]],
    ['three values', [1, 2, 3]],
    ['an undefined bound', [1, undefined]],
  ])('between with %s', (_, value) => {
    refuses(
      { total__between: value },
      /"total__between"/,
      /between takes (exactly )?two (defined )?values \[low, high\]/,
    );
  });

  it('between with reversed bounds', () => {
    refuses({ total__between: [10, 1] }, /"total__between": between bounds are reversed/);
    refuses({ status__between: ['b', 'a'] }, /"status__between": between bounds are reversed/);
  });

  it('regression: size__between with reversed bounds was sent to DynamoDB', () => {
    refuses({ items__size__between: [10, 1] }, /"items__size__between": between bounds are reversed/);
  });

  it('Date bounds: reversed or invalid', () => {
    refuses({ createdAt__between: [new Date(2), new Date(1)] }, /between bounds are reversed/);
    refuses({ createdAt__gt: new Date(NaN) }, /"createdAt__gt": the value is an invalid Date/);
  });

  it('between with bounds of two types', () => {
    refuses({ total__between: [1, 'z'] }, /"total__between": between bounds must be of one type/);
  });

  it('between with bounds that cannot be compared', () => {
    refuses(
      { total__between: [true, false] },
      /"total__between": the lower bound must be a string, number, binary or Date/,
    );
  });

  it.each([
    ['a string', 'PENDING', /in takes a non-empty array of at most 100 values, got a string/],
    ['a Set', new Set(['a']), /in takes a non-empty array of at most 100 values, got a Set/],
    ['an empty array', [], /in takes a non-empty array; an empty list matches nothing/],
    [
      '101 values',
      Array.from({ length: 101 }, (_, i) => i),
      /in takes at most 100 values \(DynamoDB's limit\), got 101/,
    ],
  ])('in with %s', (_, value, message) => {
    refuses({ status__in: value }, /"status__in"/, message);
  });

  it('in with an undefined element', () => {
    refuses({ status__in: ['a', undefined] }, /"status__in": value 1 of the list is undefined/);
  });

  it('size__in with a non-number', () => {
    refuses({ items__size__in: [1, 'x'] }, /"items__size__in": size is compared with numbers/);
  });

  it.each([
    ['gt', NaN],
    ['gt', Infinity],
    ['lte', -Infinity],
  ])('%s with %s', (op, value) => {
    refuses({ [`total__${op}`]: value }, new RegExp(`"total__${op}"`), /numbers must be finite/);
  });

  it.each([NaN, Infinity])('eq with %s', (value) => {
    refuses({ total: value }, /"total"/, /numbers must be finite/);
  });

  it('NaN nested in a map value names the path', () => {
    refuses({ address: { zip: NaN } }, /"address\.zip" is NaN/, /numbers must be finite/);
  });

  it('Infinity nested in a list value names the path', () => {
    refuses({ items__eq: [1, [2, Infinity]] }, /"items__eq\[1\]\[1\]" is an infinite number/);
  });

  it('NaN in an in list', () => {
    refuses({ total__in: [1, NaN] }, /"total__in" is NaN/);
  });

  it('NaN in a between bound', () => {
    refuses({ total__between: [NaN, 1] }, /"total__between": the lower bound is NaN; numbers must be finite/);
  });

  it('NaN compared with size', () => {
    refuses({ items__size__gt: NaN }, /"items__size__gt": size is compared with numbers; the value is NaN/);
  });

  it('an undefined value', () => {
    refuses({ status: undefined }, /"status": the value is undefined; give a value or leave the entry out/);
    refuses({ status__exists: undefined }, /"status__exists": the value is undefined/);
  });

  it.each([
    ['begins_with', 5, /begins_with takes a string or binary prefix, got a number\./],
    ['not_begins_with', null, /not_begins_with takes a string or binary prefix, got null/],
    ['type', 'STRING', /type takes one of S, SS, N, NS, B, BS, BOOL, NULL, L, M, got another string\./],
    ['type', 1, /type takes one of S, SS, N, NS, B, BS, BOOL, NULL, L, M, got a number\./],
    ['exists', 'yes', /exists takes true or false, got a string/],
    ['not_exists', 1, /not_exists takes true or false, got a number\./],
    ['gt', true, /the value must be a string, number, binary or Date to compare, got a boolean\./],
    ['lt', { a: 1 }, /the value must be a string, number, binary or Date to compare, got an object/],
  ])('%s with a wrong type', (op, value, message) => {
    refuses({ [`status__${op}`]: value }, new RegExp(`"status__${op}"`), message);
  });

  it('contains takes any value: a list may hold maps, lists or null (found by the differential fuzz)', () => {
    expect(compile({ status__contains: { a: 1 } }).expr).toBe('contains(#n0, :v0)');
    expect(compile({ status__not_contains: ['x'] }).values).toEqual({ ':v0': { L: [{ S: 'x' }] } });
    expect(compile({ status__contains: null }).values).toEqual({ ':v0': { NULL: true } });
  });

  it('a value DynamoDB cannot store', () => {
    refuses({ status: Symbol('x') }, /"status" is a symbol, which DynamoDB cannot store/);
    refuses({ status: () => 1 }, /"status" is a function/);
  });

  it('never echoes a string value in a message', () => {
    const error = refuses({ status__exists: 'secret-value' }, /got a string/);
    expect(error.message).not.toContain('secret-value');
  });

  it('an empty condition object', () => {
    refuses({}, /A condition object needs at least one entry, e\.g\. \{ status: 'NEW' \}/);
    expectValidation(() => compile(and({ a: 1 }, {})), /needs at least one entry/);
  });

  it.each([
    ['null', null],
    ['an array', [{ a: 1 }]],
    ['string', 'status = 1'],
  ])('a condition that is %s', (what, value) => {
    refuses(
      value,
      new RegExp(`must be an object like \\{ total__gt: 5 \\} or and\\(\\)/or\\(\\)/not\\(\\), got ${what}`),
    );
  });

  it('an empty conditionOr', () => {
    expectValidation(() => compile(undefined, []), /conditionOr must be a non-empty array of condition groups/);
    expectValidation(
      () => compile(undefined, {} as unknown as ConditionInput[]),
      /conditionOr must be a non-empty array/,
    );
  });

  it('a bad group inside conditionOr', () => {
    expectValidation(() => compile(undefined, [{ a: 1 }, {}]), /needs at least one entry/);
  });

  it('and()/or() without conditions and not() without one', () => {
    expectValidation(() => and(), /and\(\) needs at least one condition/);
    expectValidation(() => or(), /or\(\) needs at least one condition/);
    expectValidation(() => not(undefined as unknown as ConditionInput), /not\(\) needs a condition/);
  });

  it('a bad entry nested deep inside combinators', () => {
    expectValidation(() => compile(or({ a: 1 }, and({ b: 2 }, not({ c__zz: 1 })))), /"c__zz": unknown operator "zz"/);
  });
});

describe('bad paths', () => {
  it.each([
    ['a..b', /empty name segment/],
    ['.a', /empty name segment/],
    ['a.', /ends with "\."/],
    ['a[x]', /list index "\[x\]" is not a non-negative integer/],
    ['a[-1]', /list index "\[-1\]" is not a non-negative integer/],
    ['a[]', /list index "\[\]" is not a non-negative integer/],
    ['[0]', /a list index needs a name before it/],
    ['a[0', /unclosed "\["/],
    ['a.b]', /unexpected "\]"/],
    ['a[0]b', /expected "\." or "\[" after "\]"/],
  ])('%s', (path, why) => {
    const error = refuses(
      { [`${path}__eq`]: 1 },
      why,
      /Use names joined by "\." and list indexes like "items\[0\]\.qty"/,
    );
    expect(error.message).toContain(`"${path}"`);
  });
});
