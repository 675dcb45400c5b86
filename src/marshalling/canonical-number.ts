/**
 * DynamoDB's own spelling of a number, as it returns one in a LastEvaluatedKey (and so in every
 * cursor dkmio makes): an optional `-`, no leading zeros, no `+`, no exponent, no trailing
 * fractional zeros, no `-0`; at most 38 significant digits, between 1E-130 and 1E+126.
 * DynamoDB itself would accept `1e5`, `+5` or `007` (and refuse `0x10` or ` 1`), but a cursor
 * never holds them unless it was edited, so anything else is refused before it is sent.
 */
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const MAX_SIGNIFICANT_DIGITS = 38;
const MAX_INTEGER_DIGITS = 126;
const MAX_FRACTION_DIGITS = 130;

export function isCanonicalNumber(text: string): boolean {
  if (text.length > 300 || !CANONICAL.test(text) || text === '-0') return false;
  const unsigned = text[0] === '-' ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const integer = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? '' : unsigned.slice(dot + 1);
  if (integer.length > MAX_INTEGER_DIGITS || fraction.length > MAX_FRACTION_DIGITS) return false;
  const significant = (integer === '0' ? '' : integer) + fraction;
  return significant.replace(/^0+/, '').replace(/0+$/, '').length <= MAX_SIGNIFICANT_DIGITS;
}
