import { InvalidDefinitionError, ValidationError } from '../../../src';
import {
  composeTemplate,
  literalPrefix,
  parseTemplate,
  readTemplate,
  splitTemplate,
} from '../../../src/metadata/key-template';

const fail = (message: string): never => {
  throw new InvalidDefinitionError(message);
};
const t = (text: string, sorts = true, type: 'S' | 'N' | 'B' = 'S') =>
  parseTemplate(text, 'sk', type, sorts, 'test', fail);
const numeric = (p: string) => p === 'n';

describe('key templates', () => {
  it('parses literals and placeholders, with widths', () => {
    const tpl = t('ORDER#{createdAt}#{n:6}');
    expect(tpl.parts).toEqual(['ORDER#', { property: 'createdAt' }, '#', { property: 'n', width: 6 }]);
    expect(tpl.sources).toEqual(['createdAt', 'n']);
    expect(literalPrefix(tpl)).toBe('ORDER#');
    expect(literalPrefix(t('{a}#x'))).toBe('');
    expect(t('PROFILE').parts).toEqual(['PROFILE']);
  });

  it('composes and parses back: strings, zero-padded numbers, bigints, dates', () => {
    const tpl = t('A#{s}#{n:6}#{d}');
    const at = new Date('2026-01-02T03:04:05.000Z');
    const stored = composeTemplate(tpl, { s: 'x y', n: 42, d: at }, 'test');
    expect(stored).toBe('A#x y#000042#2026-01-02T03:04:05.000Z');
    expect(readTemplate(tpl, stored, numeric)).toEqual({ s: 'x y', n: 42, d: '2026-01-02T03:04:05.000Z' });
    expect(composeTemplate(t('B#{n:20}'), { n: 12345678901234567890n }, 'test')).toBe('B#12345678901234567890');
    expect(readTemplate(t('B#{n:20}'), 'B#12345678901234567890', numeric)).toEqual({ n: 12345678901234567890n });
  });

  it('a placeholder with a width may be followed directly by another', () => {
    const tpl = t('{n:3}{s}');
    expect(composeTemplate(tpl, { n: 7, s: 'abc' }, 'test')).toBe('007abc');
    expect(readTemplate(tpl, '007abc', numeric)).toEqual({ n: 7, s: 'abc' });
  });

  it('a missing source composes nothing (the caller decides: MissingKeyError or a sparse index)', () => {
    expect(composeTemplate(t('A#{s}'), {}, 'test')).toBeUndefined();
    expect(composeTemplate(t('A#{s}'), { s: null }, 'test')).toBeUndefined();
  });

  it('refuses values that would not split back', () => {
    // The value does not contain '#X#', but its end and the literal overlap: the key would split wrongly.
    expect(() => composeTemplate(t('{a}#X#{b}'), { a: 'v#X', b: 'w' }, 'test')).toThrow(ValidationError);
    expect(() => composeTemplate(t('{a}#{b}'), { a: 'v#', b: 'w' }, 'test')).toThrow(/contains "#"/);
    expect(() => composeTemplate(t('{a}'), { a: '' }, 'test')).toThrow(/empty string/);
    expect(() => composeTemplate(t('{n}'), { n: 5 }, 'test')).toThrow(/needs a width/);
    expect(composeTemplate(t('{n}', false), { n: 5 }, 'test')).toBe('5');
    expect(() => composeTemplate(t('{n:2}'), { n: 100 }, 'test')).toThrow(/more than 2 digits/);
    expect(() => composeTemplate(t('{a}'), { a: {} }, 'test')).toThrow(/must be a string, number, bigint or Date/);
    expect(() => composeTemplate(t('{a}'), { a: new Date('x') }, 'test')).toThrow(/invalid Date/);
  });

  it('does not split a stored key that does not fit', () => {
    expect(splitTemplate(t('ORDER#{a}#{b}'), 'USER#1')).toBeUndefined();
    expect(splitTemplate(t('ORDER#{a}#{b}'), 'ORDER#x')).toBeUndefined();
    expect(splitTemplate(t('L#{n:3}'), 'L#12a')).toBeUndefined();
    expect(splitTemplate(t('PROFILE'), 'PROFILE')).toEqual([]);
  });

  it('a number or binary key takes exactly one placeholder and stores the value itself', () => {
    const n = t('{rank}', false, 'N');
    expect(composeTemplate(n, { rank: 3 }, 'test')).toBe(3);
    expect(() => composeTemplate(n, { rank: '3' }, 'test')).toThrow(/must be a number/);
    expect(() => t('R#{rank}', false, 'N')).toThrow(InvalidDefinitionError);
  });
});
