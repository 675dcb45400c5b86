import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { ownsItem } from '../../metadata/entity-keys';
import { hydrate } from '../../marshalling/items';

type RawItem = Record<string, AttributeValue>;
/** After select(): hydrate only what was read (keys and the type are hidden anyway). */
const NOTHING: ReadonlySet<string> = new Set();

/**
 * The member an item belongs to: by its type attribute, or (where that was not read) by the
 * member whose primary key templates the item's keys fit. Undefined when none does.
 */
export function memberOf(
  members: readonly EntityMetadata[],
  byType: ReadonlyMap<string, EntityMetadata>,
  raw: RawItem,
  typeAttribute: string,
): EntityMetadata | undefined {
  const type = raw[typeAttribute];
  if (type !== undefined) return type.S === undefined ? undefined : byType.get(type.S);
  return members.find((m) => ownsItem(m.single!, raw));
}

/** Items of a page as instances of their members, in the order read; items of no member are counted, not returned. */
export function hydrateMembers<R>(
  members: readonly EntityMetadata[],
  byType: ReadonlyMap<string, EntityMetadata>,
  typeAttribute: string,
  raws: readonly RawItem[],
  selected: boolean,
): { items: R[]; skipped: number } {
  const omit = selected ? NOTHING : undefined;
  const items: R[] = [];
  let skipped = 0;
  for (const raw of raws) {
    const member = memberOf(members, byType, raw, typeAttribute);
    if (member) items.push(hydrate(member, raw, omit) as R);
    else skipped++;
  }
  return { items, skipped };
}
