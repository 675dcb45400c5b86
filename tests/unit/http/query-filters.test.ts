import 'reflect-metadata';
import fc from 'fast-check';
import {
  Attribute,
  DkmioClient,
  InvalidDefinitionError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  queryFilters,
  type QueryParams,
} from '../../../src';
import { RecordingClient } from '../../support/recording-client';
import { compileCondition } from '../../../src/expressions/conditions';
import { ExpressionContext } from '../../../src/expressions/context';
import { parseOperatorKey } from '../../../src/expressions/operators';
import { entityMetadata } from '../../../src/metadata/resolve';

@Table('posts')
class Post {
  @PartitionKey() author!: string;
  @SortKey() slug!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'like_count' }) likes?: number;
  @Attribute() pinned?: boolean;
  @Attribute() publishedAt?: Date;
  @Attribute() views?: bigint;
  @Attribute({ type: 'N' }) score?: number;
  @Attribute() secret?: string;
  tags?: string[];
  meta?: { lang?: string };
  note?: string; // undecorated: no runtime type, so its values stay strings
}

const allowAll = {
  allow: ['status', 'likes', 'pinned', 'publishedAt', 'views', 'score', 'tags', 'note', 'meta.lang'],
} as const;
const qf = (params: QueryParams, options: Parameters<typeof queryFilters<Post>>[2] = allowAll) =>
  queryFilters(Post, params, options);

function expectRefused(run: () => unknown, pattern: RegExp, leaked?: string): ValidationError {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as Error).message).toMatch(pattern);
  if (leaked !== undefined) expect((error as Error).message).not.toContain(leaked);
  return error as ValidationError;
}

describe('queryFilters: conversion', () => {
  it('the DESIGN.md example: numbers, comma lists, between, exists', () => {
    expect(
      qf({
        likes__gte: '100',
        status__in: 'NEW,PAID',
        publishedAt__between: '2026-01-01,2026-02-01',
        note__exists: 'true',
        limit: '20',
        cursor: 'x',
      }),
    ).toEqual({
      likes__gte: 100,
      status__in: ['NEW', 'PAID'],
      publishedAt__between: [new Date('2026-01-01T00:00:00.000Z'), new Date('2026-02-01T00:00:00.000Z')],
      note__exists: true,
    });
  });

  it('no operator means eq and keeps the name; an explicit operator keeps it', () => {
    expect(qf({ status: 'NEW', likes__eq: '3', note__neq: 'x' })).toEqual({
      status: 'NEW',
      likes__eq: 3,
      note__neq: 'x',
    });
  });

  it('by declared type: Number, @Attribute({ type: "N" }), BigInt, Boolean, Date; undecorated and nested paths stay strings', () => {
    expect(
      qf({
        likes: '-1.5e2',
        score__lt: '7',
        views__gt: '12345678901234567890',
        pinned: 'false',
        publishedAt__gte: '2026-03-04T05:06:07',
        note: '42',
        'meta.lang': 'es',
      }),
    ).toEqual({
      likes: -150,
      score__lt: 7,
      views__gt: 12345678901234567890n,
      pinned: false,
      publishedAt__gte: new Date('2026-03-04T05:06:07Z'),
      note: '42',
      'meta.lang': 'es',
    });
  });

  it('a repeated parameter is a list taken whole (commas kept); URLSearchParams works the same', () => {
    expect(qf({ status__in: ['A,B', 'C'] })).toEqual({ status__in: ['A,B', 'C'] });
    expect(qf(new URLSearchParams('status__in=A&status__in=B&likes__between=1,5&cursor=zz'))).toEqual({
      status__in: ['A', 'B'],
      likes__between: [1, 5],
    });
  });

  it('exists/not_exists take true/false, size__op integers, type a DynamoDB type name', () => {
    expect(
      qf({
        note__not_exists: 'false',
        tags__size__gt: '0',
        tags__size__between: '1,3',
        status__type: 'S',
        tags__contains: 'ts',
      }),
    ).toEqual({
      note__not_exists: false,
      tags__size__gt: 0,
      tags__size__between: [1, 3],
      status__type: 'S',
      tags__contains: 'ts',
    });
  });

  it('begins_with always takes a string, even on a number property', () => {
    expect(qf({ status__begins_with: 'PU' })).toEqual({ status__begins_with: 'PU' });
  });

  it('ignore replaces the default list', () => {
    expect(qf({ page: '2', status: 'A' }, { ...allowAll, ignore: ['page'] })).toEqual({ status: 'A' });
    expectRefused(() => qf({ limit: '2' }, { ...allowAll, ignore: ['page'] }), /"limit" is not a filter here/);
  });

  it('the result compiles to the same request as the hand-written filter (renamed attribute included)', () => {
    const compile = (c: unknown) => {
      const ctx = new ExpressionContext();
      return { expr: compileCondition(entityMetadata(Post), c, ctx), ...ctx.attributes() };
    };
    expect(compile(qf({ likes__gt: '5', status__in: 'A,B' }))).toEqual(
      compile({ likes__gt: 5, status__in: ['A', 'B'] }),
    );
    expect(compile(qf({ likes__gt: '5' })).ExpressionAttributeNames).toEqual({ '#n0': 'like_count' });
  });
});

describe('queryFilters: refusals name the parameter, never the value', () => {
  it('a name not allowed, with the filterable names', () => {
    expectRefused(
      () => qf({ secret: 'hunter2' }),
      /Query parameter "secret" is not a filter here; filterable: status, likes/,
      'hunter2',
    );
    expectRefused(() => qf({ secret__exists: 'true' }), /"secret__exists" is not a filter here/);
    expectRefused(() => qf({ Status: 'x' }), /"Status" is not a filter here/);
  });

  it('an unknown operator and one the map does not allow', () => {
    expectRefused(() => qf({ likes__greater: '1' }), /"likes__greater": unknown operator/);
    expectRefused(() => qf({ likes__size: '1' }), /unknown operator/);
    const strict = { allow: { likes: ['gt', 'lt', 'between'], status: ['eq', 'in'] } } as const;
    expect(qf({ likes__gt: '1', status: 'A' }, strict)).toEqual({ likes__gt: 1, status: 'A' });
    expectRefused(
      () => qf({ likes: '1' }, strict),
      /"likes": "eq" is not allowed on "likes"; allowed: gt, lt, between \(as likes__gt=\.\.\.\)/,
    );
    expectRefused(
      () => qf({ status__begins_with: 'A' }, strict),
      /"begins_with" is not allowed on "status"; allowed: eq, in/,
    );
  });

  it('values that do not convert', () => {
    for (const bad of ['abc', '', ' 1', '0x10', 'Infinity', '1e999', '1,2'])
      expectRefused(() => qf({ likes: bad }), /"likes" must be a number/);
    expectRefused(() => qf({ views: '1.5' }), /"views" must be an integer/);
    expectRefused(() => qf({ pinned: 'yes' }), /"pinned" must be true or false/, 'yes');
    expectRefused(() => qf({ publishedAt__gt: 'tomorrow' }), /"publishedAt__gt" must be an ISO 8601 date/, 'tomorrow');
    expectRefused(() => qf({ publishedAt__gt: '2026-13-45' }), /ISO 8601/);
    expectRefused(() => qf({ note__exists: 'yes' }), /takes true or false/);
    expectRefused(() => qf({ tags__size__gt: '-1' }), /whole number/);
    expectRefused(() => qf({ status__type: 'STRING' }), /DynamoDB type name/, 'STRING');
    expectRefused(() => qf({ likes__between: '1,2,3' }), /takes two values/);
    expectRefused(() => qf({ status__in: Array.from({ length: 101 }, (_, i) => `s${i}`) }), /at most 100 values/);
  });

  it('a repeated single-valued parameter, a nested object (qs syntax), or the same filter twice', () => {
    expectRefused(() => qf({ status: ['A', 'B'] }), /"status" was given more than once/);
    expectRefused(() => qf({ status: { $ne: 'x' } }), /not a nested object/);
    expectRefused(() => qf({ status: 'A', status__eq: 'B' }), /"status" and "status__eq" filter the same thing/);
  });

  it('__proto__, constructor and path names are refused unless allowed exactly', () => {
    const hostile = JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, unknown>;
    expectRefused(() => qf(hostile), /"__proto__" is not a filter here/);
    expectRefused(() => qf({ 'meta.lang.x': 'a' }), /is not a filter here/);
    expectRefused(() => qf({ 'meta.secret': 'a' }), /is not a filter here/);
    expectRefused(() => qf({ 'tags[0]': 'a' }), /is not a filter here/);
    expectRefused(() => qf({ 'status.x': 'a' }), /is not a filter here/);
    expect(qf({ 'meta.lang__begins_with': 'e' })).toEqual({ 'meta.lang__begins_with': 'e' });
  });

  it('a long parameter name is quoted capped', () => {
    const e = expectRefused(() => qf({ ['x'.repeat(5000)]: '1' }), /not a filter here/);
    expect(e.message.length).toBeLessThan(400);
  });
});

describe('queryFilters: the allow-list itself (a server bug, so a 500-class error)', () => {
  it('is mandatory and checked', () => {
    expect(() => queryFilters(Post, {}, undefined as never)).toThrow(InvalidDefinitionError);
    expect(() => queryFilters(Post, {}, {} as never)).toThrow(/allow is required/);
    expect(() => queryFilters(Post, {}, { allow: { likes: ['gt', 'bigger'] } } as never)).toThrow(
      /"bigger" \(allowed on "likes"\) is not an operator/,
    );
    expect(() => queryFilters(Post, {}, { allow: ['a__b'] } as never)).toThrow(/contains "__"/);
    expect(() => queryFilters(Post, {}, { allow: ['__proto__'] } as never)).toThrow(/__proto__/);
    expect(() => queryFilters(Post, {}, { allow: { likes: 'gt' } } as never)).toThrow(/must be an array/);
  });

  it('an empty allow-list refuses every filter', () => {
    expectRefused(() => queryFilters(Post, { status: 'A' }, { allow: [] }), /nothing is filterable/);
    expect(queryFilters(Post, { limit: '5' }, { allow: [] })).toEqual({});
  });
});

// Nothing a client sends can reach an attribute outside the allow-list: for any parameter names
// and values (hostile ones included), queryFilters either refuses with a ValidationError or
// returns keys whose path is exactly an allowed name, and the compiled filter names only the
// stored names of allowed attributes.
describe('queryFilters: property over hostile parameters', () => {
  const allow = {
    status: ['eq', 'in', 'begins_with'],
    likes: ['gt', 'lt', 'between'],
    'meta.lang': ['eq', 'exists'],
  } as const;
  const allowedStored = new Set(['status', 'like_count', 'meta', 'lang']);
  const fragments = [
    'status',
    'likes',
    'secret',
    'meta',
    'lang',
    'meta.lang',
    '__proto__',
    'constructor',
    'prototype',
    '__',
    '.',
    '[0]',
    'eq',
    'in',
    'gt',
    'size',
    'exists',
    'between',
    'begins_with',
    '#n0',
    ':v0',
    ' ',
    'like_count',
    'Status',
    '\u0000',
    'é',
  ];
  const name = fc.oneof(
    fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
    fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('__')),
    fc.string({ maxLength: 20 }),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('1', '1,2', 'true', 'S', '2026-01-01', '__proto__', '', ',', 'NaN'),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    fc.constant({ nested: 'x' }),
  );

  it('never reaches a path outside the allow-list', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 6 }), (pairs) => {
        const params: Record<string, unknown> = Object.create(null);
        for (const [k, v] of pairs)
          Object.defineProperty(params, k, { value: v, enumerable: true, configurable: true, writable: true });
        let result: Record<string, unknown>;
        try {
          result = queryFilters(Post, params, { allow });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          // Names are quoted back (capped); values never are, unless a value is also a name.
          const names = pairs.map(([k]) => k).join('\u0000');
          for (const [, v] of pairs)
            if (typeof v === 'string' && v.length > 3 && !names.includes(v))
              expect((error as Error).message).not.toContain(JSON.stringify(v));
          return;
        }
        for (const key of Object.keys(result)) {
          const parsed = parseOperatorKey(key, (k) => entityMetadata(Post).attributes.has(k));
          expect(Object.keys(allow)).toContain(parsed.path);
          expect(allow[parsed.path as keyof typeof allow] as readonly string[]).toContain(
            parsed.size ? `size__${parsed.operator}` : parsed.operator,
          );
        }
        const ctx = new ExpressionContext();
        try {
          compileCondition(entityMetadata(Post), result, ctx);
        } catch (error) {
          // A converted value the compiler still refuses (e.g. begins_with ''), never a name.
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        for (const stored of Object.values(ctx.attributes().ExpressionAttributeNames ?? {}))
          expect(allowedStored).toContain(stored);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('queryFilters: no filter parameter', () => {
  it('gives an empty result that filter() takes as no filter (a hand-written {} stays an error)', async () => {
    const fake = new RecordingClient(() => ({ Items: [] }));
    const posts = new DkmioClient({ client: fake }).getRepository(Post);
    const none = queryFilters(Post, { limit: '5', cursor: 'x' }, allowAll);
    expect(none).toEqual({});
    await posts.query({ author: 'a' }).filter(none);
    expect(fake.sent[0].input).not.toHaveProperty('FilterExpression');
    expect(() => posts.scan().filter({})).toThrow(/needs at least one entry/);
  });
});
