import { isCanonicalNumber } from '../../../src/marshalling/canonical-number';

describe('isCanonicalNumber: DynamoDB’s own spelling of a number (what a cursor dkmio made holds)', () => {
  it.each([
    '0',
    '1',
    '-1',
    '42',
    '0.5',
    '-0.5',
    '1.25',
    '12345678901234567890123456789012345678',
    '1' + '0'.repeat(125),
    '0.' + '0'.repeat(129) + '1',
    '-9.99',
  ])('accepts %s', (n) => {
    expect(isCanonicalNumber(n)).toBe(true);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '0x10',
    '1e5',
    '1E+5',
    '+5',
    '007',
    '-0',
    '1.50',
    '.5',
    '1.',
    '-',
    'NaN',
    'Infinity',
    '1_000',
    '١',
    '123456789012345678901234567890123456789',
    '1' + '0'.repeat(126),
    '0.' + '0'.repeat(130) + '1',
  ])('refuses %j', (n) => {
    expect(isCanonicalNumber(n)).toBe(false);
  });
});
