import { ValidationError } from '../errors/errors';

/**
 * Key templates of single-table entities: `'USER#{userId}'`, `'ORDER#{createdAt}#{orderId}'`,
 * `'ITEM#{seq:10}'`. A template is parsed once (when its entity is first used) into literal
 * text and placeholders; writes compose a stored key from property values, reads parse one back.
 * Every composed key is parsed back on write, so a value that would not round-trip is refused.
 */

/** One `{property}` or `{property:width}` of a template. */
export interface Placeholder {
  property: string;
  /** Digits of a zero-padded number (`{seq:10}`): numbers then sort as the strings they become. */
  width?: number;
}

export interface KeyTemplate {
  /** The template as written. */
  text: string;
  /** Stored name of the attribute it composes (`pk`, `gsi1sk`, ...). */
  attribute: string;
  /** The attribute's DynamoDB type: only a string attribute takes literal text. */
  type: 'S' | 'N' | 'B';
  /** Literal text and placeholders in order (no two literals in a row). */
  parts: readonly (string | Placeholder)[];
  /** Property names of the placeholders, in order. */
  sources: readonly string[];
  /** True for a sort key: number placeholders then need a width. */
  sorts: boolean;
}

const PLACEHOLDER = /\{([^{}:]*)(?::([^{}]*))?\}/g;
const MAX_WIDTH = 40;

/** Parses a template; `fail` throws the InvalidDefinitionError naming the class and the fix. */
export function parseTemplate(
  text: unknown,
  attribute: string,
  type: 'S' | 'N' | 'B',
  sorts: boolean,
  where: string,
  fail: (message: string) => never,
): KeyTemplate {
  if (typeof text !== 'string' || text.length === 0)
    fail(`${where} needs a non-empty template string, e.g. 'USER#{userId}'.`);
  const t = text;
  const parts: (string | Placeholder)[] = [];
  let last = 0;
  for (const m of t.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(t.slice(last, m.index));
    const property = m[1].trim();
    if (property.length === 0)
      fail(`${where} template '${t}' has an empty placeholder "{}"; name a property, e.g. '{userId}'.`);
    const p: Placeholder = { property };
    if (m[2] !== undefined) {
      const width = Number(m[2]);
      if (!/^\d+$/.test(m[2]) || width < 1 || width > MAX_WIDTH)
        fail(
          `${where} template '${t}': the width of "{${property}:${m[2]}}" must be a whole number from 1 to ${MAX_WIDTH}, e.g. '{${property}:10}'.`,
        );
      p.width = width;
    }
    const previous = parts[parts.length - 1];
    if (previous !== undefined && typeof previous !== 'string' && previous.width === undefined) {
      fail(
        `${where} template '${t}': "{${previous.property}}" is followed directly by "{${property}}", so the key cannot be split back; put a separator between them, e.g. '{${previous.property}}#{${property}}'.`,
      );
    }
    parts.push(p);
    last = m.index + m[0].length;
  }
  if (last < t.length) parts.push(t.slice(last));
  for (const part of parts) {
    if (typeof part === 'string' && (part.includes('{') || part.includes('}')))
      fail(
        `${where} template '${t}' has an unbalanced brace; placeholders are written '{property}' or '{property:width}'.`,
      );
  }
  const placeholders = parts.filter((p): p is Placeholder => typeof p !== 'string');
  const seen = new Set<string>();
  for (const p of placeholders) {
    if (seen.has(p.property)) fail(`${where} template '${t}' uses "{${p.property}}" twice; name each property once.`);
    seen.add(p.property);
  }
  if (type !== 'S' && (parts.length !== 1 || placeholders.length !== 1 || placeholders[0].width !== undefined)) {
    fail(
      `${where}: attribute "${attribute}" is of type ${type}, so its template must be exactly one placeholder such as '{${placeholders[0]?.property ?? 'property'}}' (literal text and widths make strings).`,
    );
  }
  return { text: t, attribute, type, parts, sources: placeholders.map((p) => p.property), sorts };
}

/** The literal text in front of the first placeholder (the whole text when there is none). */
export function literalPrefix(template: KeyTemplate): string {
  const first = template.parts[0];
  return typeof first === 'string' ? first : '';
}

/** The text of one placeholder's value; throws ValidationError naming the property and what is valid. */
export function formatValue(template: KeyTemplate, p: Placeholder, value: unknown, scope: string): string {
  const where = `${scope}: "${p.property}" (in key template '${template.text}')`;
  let text: string;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new ValidationError(`${where} must be a finite number.`);
    if (p.width === undefined) {
      if (template.sorts)
        throw new ValidationError(
          `${where} is a number in a sort key, which needs a width so that keys sort: write '{${p.property}:10}' (zero-padded to 10 digits).`,
        );
      text = String(value);
    } else {
      if ((typeof value === 'number' && !Number.isInteger(value)) || value < 0)
        throw new ValidationError(
          `${where} is a zero-padded number ({${p.property}:${p.width}}): it takes whole numbers from 0 up, with at most ${p.width} digits.`,
        );
      text = (typeof value === 'number' ? BigInt(value) : value).toString();
      if (text.length > p.width)
        throw new ValidationError(
          `${where} has more than ${p.width} digits, its template width; widen the template (e.g. '{${p.property}:${text.length}}').`,
        );
      text = text.padStart(p.width, '0');
    }
  } else if (p.width !== undefined) {
    throw new ValidationError(
      `${where} is a zero-padded number ({${p.property}:${p.width}}); give a number, not ${describe(value)}.`,
    );
  } else if (typeof value === 'string') {
    if (value.length === 0) throw new ValidationError(`${where} is an empty string; template values cannot be empty.`);
    text = value;
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(`${where} is an invalid Date.`);
    text = value.toISOString();
  } else {
    throw new ValidationError(`${where} must be a string, number, bigint or Date, got ${describe(value)}.`);
  }
  return text;
}

/**
 * The stored key value composed from `values`, or undefined when a source is missing (the caller
 * decides: a missing primary source is a MissingKeyError, a missing index source a sparse index).
 */
export function composeTemplate(
  template: KeyTemplate,
  values: Readonly<Record<string, unknown>>,
  scope: string,
): string | number | bigint | Uint8Array | undefined {
  if (template.type !== 'S') {
    const v = values[template.sources[0]];
    if (v === undefined || v === null) return undefined;
    const ok = template.type === 'N' ? typeof v === 'number' || typeof v === 'bigint' : v instanceof Uint8Array;
    if (!ok)
      throw new ValidationError(
        `${scope}: "${template.sources[0]}" composes "${template.attribute}", a ${template.type === 'N' ? 'number' : 'binary'} key, so it must be a ${template.type === 'N' ? 'number' : 'Uint8Array'}, got ${describe(v)}.`,
      );
    return v as number | bigint | Uint8Array;
  }
  let out = '';
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const v = values[part.property];
    if (v === undefined || v === null) return undefined;
    const text = formatValue(template, part, v, scope);
    const next = parts[i + 1];
    if (typeof next === 'string' && text.includes(next)) {
      throw new ValidationError(
        `${scope}: "${part.property}" contains "${next}", the text that follows it in key template '${template.text}', so the key could not be split back. Use a value without it.`,
      );
    }
    out += text;
  }
  // The guarantee every read relies on: what is written parses back into the same texts.
  const back = splitTemplate(template, out);
  if (back === undefined || template.sources.some((s, i) => back[i] !== textOf(template, s, values[s]))) {
    throw new ValidationError(
      `${scope}: the values of ${template.sources.map((s) => `"${s}"`).join(', ')} compose a key that does not split back into them under template '${template.text}'; a value contains text of the template's separators.`,
    );
  }
  return out;
}

function textOf(template: KeyTemplate, property: string, value: unknown): string {
  const p = template.parts.find((x): x is Placeholder => typeof x !== 'string' && x.property === property)!;
  return formatValue(template, p, value, '');
}

/** The placeholder texts of a stored key, in order, or undefined when it does not fit the template. */
export function splitTemplate(template: KeyTemplate, stored: string): string[] | undefined {
  const texts: string[] = [];
  let at = 0;
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') {
      if (!stored.startsWith(part, at)) return undefined;
      at += part.length;
      continue;
    }
    const next = parts[i + 1];
    let end: number;
    if (part.width !== undefined) end = at + part.width;
    else if (next === undefined) end = stored.length;
    else if (typeof next === 'string') end = stored.indexOf(next, at);
    else return undefined;
    if (end <= at || end > stored.length) return undefined;
    const text = stored.slice(at, end);
    if (part.width !== undefined && !/^\d+$/.test(text)) return undefined;
    texts.push(text);
    at = end;
  }
  return at === stored.length ? texts : undefined;
}

/**
 * The property values a stored key holds, or undefined when it does not fit the template.
 * Zero-padded placeholders and properties declared as numbers read back as numbers.
 */
export function readTemplate(
  template: KeyTemplate,
  stored: unknown,
  numeric: (property: string) => boolean,
): Record<string, unknown> | undefined {
  if (template.type !== 'S') return stored === undefined ? undefined : { [template.sources[0]]: stored };
  if (typeof stored !== 'string') return undefined;
  const texts = splitTemplate(template, stored);
  if (!texts) return undefined;
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const part of template.parts) {
    if (typeof part === 'string') continue;
    const text = texts[i++];
    if (part.width !== undefined || numeric(part.property)) {
      const n = Number(text);
      out[part.property] = Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : BigInt(text);
    } else out[part.property] = text;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
