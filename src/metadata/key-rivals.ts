import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMeta } from './entity-metadata';
import { fitsPrimaryKey } from './entity-keys';
import { literalPrefix, parseTemplate, splitTemplate, type KeyTemplate } from './key-template';
import { recordOf } from './records';
import type { SingleTableMeta } from './single-table-meta';
import { entitiesOf } from './table-class';

/**
 * Which other entities of a table could compose the same stored primary key as an entity: what
 * decides whether a batch write (BatchWriteItem takes no condition) needs the type guard. Two
 * entities whose templates can never meet (distinct literal prefixes, a constant the other does
 * not parse, ...) are not rivals, so the common case costs one cached lookup per write.
 */

/** The primary templates of another entity of the same table. */
export interface KeyRival {
  type: string;
  className: string;
  partitionKey: KeyTemplate;
  sortKey?: KeyTemplate;
}

/** Rivals per entity, with the number of table members they were computed from (an entity defined later joins them). */
const cache = new WeakMap<SingleTableMeta, { members: number; rivals: readonly KeyRival[] }>();

/** The other entities of `single`'s table whose primary templates could compose a key that `single`'s also compose. */
export function keyRivals(single: SingleTableMeta): readonly KeyRival[] {
  const members = entitiesOf(single.schema.target);
  let entry = cache.get(single);
  if (!entry || entry.members !== members.length) {
    const own = { partitionKey: single.partitionKey, sortKey: single.sortKey };
    const rivals: KeyRival[] = [];
    for (const other of members) {
      const rival = rivalOf(single, other);
      if (rival && mayMeet(own.partitionKey, rival.partitionKey) && mayMeetOptional(own.sortKey, rival.sortKey))
        rivals.push(rival);
    }
    entry = { members: members.length, rivals };
    cache.set(single, entry);
  }
  return entry.rivals;
}

/** The first other entity whose primary templates the stored key `raw` parses under, if any. */
export function rivalOwning(single: SingleTableMeta, raw: Record<string, AttributeValue>): KeyRival | undefined {
  for (const r of keyRivals(single)) if (fitsPrimaryKey(r, raw)) return r;
  return undefined;
}

/**
 * Another member's primary templates, parsed from its `@Entity` options as its own resolution
 * parses them. A member of the same type (this entity, or a class sharing its type) is no rival:
 * the type guard lets it write anyway. A member whose templates do not parse can write nothing.
 */
function rivalOf(single: SingleTableMeta, other: ReturnType<typeof entitiesOf>[number]): KeyRival | undefined {
  const options = recordOf(other).entity?.options as
    { type?: unknown; partitionKey?: unknown; sortKey?: unknown } | null | undefined;
  if (!options || typeof options !== 'object' || options.type === single.type) return undefined;
  const { schema } = single;
  const fail = (): never => {
    throw new Unparsable();
  };
  const parse = (text: unknown, key: AttributeMeta, sorts: boolean) =>
    parseTemplate(text, key.stored, typeOf(key), sorts, '@Entity', fail);
  try {
    const partitionKey = parse(options.partitionKey, schema.partitionKey, false);
    const sortKey = schema.sortKey ? parse(options.sortKey, schema.sortKey, true) : undefined;
    return { type: String(options.type), className: other.name, partitionKey, sortKey };
  } catch (error) {
    if (error instanceof Unparsable) return undefined;
    throw error;
  }
}

class Unparsable extends Error {}

function typeOf(a: AttributeMeta): 'S' | 'N' | 'B' {
  return a.designType === Number ? 'N' : a.designType === Uint8Array ? 'B' : 'S';
}

function mayMeetOptional(a: KeyTemplate | undefined, b: KeyTemplate | undefined): boolean {
  return a === undefined || b === undefined || mayMeet(a, b);
}

/**
 * False only when no value can make the two templates (of one attribute) compose the same text:
 * constants that differ or that the other template does not parse, or literal prefixes or
 * suffixes that are not prefixes/suffixes of each other. True otherwise (then each key is checked).
 */
function mayMeet(a: KeyTemplate, b: KeyTemplate): boolean {
  if (a.type !== 'S' || b.type !== 'S') return true;
  const constant = (t: KeyTemplate) => t.sources.length === 0;
  if (constant(a)) return splitTemplate(b, a.text) !== undefined;
  if (constant(b)) return splitTemplate(a, b.text) !== undefined;
  const pa = literalPrefix(a);
  const pb = literalPrefix(b);
  if (!pa.startsWith(pb) && !pb.startsWith(pa)) return false;
  const sa = literalSuffix(a);
  const sb = literalSuffix(b);
  return sa.endsWith(sb) || sb.endsWith(sa);
}

function literalSuffix(t: KeyTemplate): string {
  const last = t.parts[t.parts.length - 1];
  return typeof last === 'string' ? last : '';
}
