import type { AttributeMeta } from './entity-metadata';
import type { PropertyRecord } from './records';

/** Stored names, renames and Date properties of a class's property records (shared with `@Entity` classes). */
export function resolveAttributes(properties: ReadonlyMap<string, PropertyRecord>, fail: (message: string) => never) {
  const attributes = new Map<string, AttributeMeta>();
  const toStored = new Map<string, string>();
  const toProperty = new Map<string, string>();
  const byStored = new Map<string, string>();
  const dateProperties = new Set<string>();
  for (const p of properties.values()) {
    const stored = p.name ?? p.property;
    if (typeof stored !== 'string' || stored.length === 0)
      fail(`property "${p.property}" has an empty stored name; give { name: '...' } a non-empty string.`);
    const clash = byStored.get(stored);
    if (clash !== undefined)
      fail(
        `properties "${clash}" and "${p.property}" are both stored as "${stored}"; give one of them another { name }.`,
      );
    byStored.set(stored, p.property);
    attributes.set(p.property, { property: p.property, stored, designType: p.designType });
    if (stored !== p.property) {
      toStored.set(p.property, stored);
      toProperty.set(stored, p.property);
    }
    if (p.designType === Date) dateProperties.add(p.property);
  }
  return { attributes, toStored, toProperty, dateProperties };
}
