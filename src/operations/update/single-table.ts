import { ValidationError } from '../../errors/errors';
import type { ExpressionContext } from '../../expressions/context';
import type { ExtraSet } from '../../expressions/update';
import type { UntypedUpdateActions } from '../../expressions/update-types';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { primarySourceList } from '../../metadata/entity-keys';
import { composeTemplate, type KeyTemplate } from '../../metadata/key-template';

/** What the single-table rules add to an update: actions to compile, extra SETs and a condition. */
export interface TemplateUpdate {
  actions: UntypedUpdateActions;
  sets: ExtraSet[];
  /** `#createdAt = :v AND ...`: the `compose` values, checked against the stored item. */
  condition?: string;
}

const REFUSED = ['append', 'prepend', 'add', 'delete', 'setIfNotExists'] as const;

/** The top-level property of an update path (`address.city` -> `address`). */
const topOf = (path: string): string => path.split(/[.[]/, 1)[0];

/**
 * The update rules of single-table entities, applied before the update is compiled:
 * - primary-key sources never change (moving an item is a delete + put in a transaction);
 * - `set` of an index-key source recomposes that index's keys, taking their other sources from
 *   the key, the same `set`, or `compose` (each `compose` value becomes a condition, so a stale
 *   value fails the update instead of writing a wrong index key);
 * - `remove` of a source removes the composed attributes that use it (the item leaves the index);
 * - any other action on a source is refused: the composed key could not follow it.
 * The type attribute and the primary sources are SET too, so an update that creates the item
 * stores a complete one.
 */
export function templateUpdate(
  meta: EntityMetadata,
  key: Readonly<Record<string, unknown>>,
  actions: UntypedUpdateActions,
  options: { compose?: unknown } | undefined,
  ctx: ExpressionContext,
  operation: string,
): TemplateUpdate {
  const single = meta.single!;
  if (actions === null || typeof actions !== 'object') return { actions, sets: [] };
  const scope = `${operation} on ${meta.className}`;
  const { compose: composeAction, ...rest } = actions as UntypedUpdateActions & { compose?: unknown };
  const compose = (composeAction ?? options?.compose ?? {}) as Record<string, unknown>;
  if (compose === null || typeof compose !== 'object' || Array.isArray(compose))
    throw new ValidationError(
      `${scope}: compose takes an object of { property: storedValue }, e.g. { compose: { createdAt } }.`,
    );
  const isSource = (p: string) => single.templates.some((t) => t.sources.includes(p));

  for (const action of REFUSED) {
    const entries = rest[action];
    if (entries === null || typeof entries !== 'object') continue;
    for (const path of Object.keys(entries)) {
      if (isSource(topOf(path))) {
        throw new ValidationError(
          `${scope}: ${action} "${path}" changes "${topOf(path)}", a source of key template '${single.templates.find((t) => t.sources.includes(topOf(path)))!.text}', which the composed key cannot follow; use set (or remove) for key sources.`,
        );
      }
    }
  }
  const primary = (path: string, action: string): void => {
    if (single.primarySources.has(topOf(path))) {
      throw new ValidationError(
        `${scope}: ${action} "${path}": "${topOf(path)}" composes the primary key (${primarySourceList(single).join(', ')}) and cannot change; to move the item, delete it and put a new one (in one transactWrite).`,
      );
    }
  };
  const set = (rest.set ?? {}) as Record<string, unknown>;
  const removed = Array.isArray(rest.remove)
    ? (rest.remove as unknown[]).filter((r): r is string => typeof r === 'string')
    : [];
  for (const path of Object.keys(set)) {
    primary(path, 'set');
    if (path !== topOf(path) && isSource(topOf(path)))
      throw new ValidationError(
        `${scope}: set "${path}" reaches inside "${topOf(path)}", a key template source; set "${topOf(path)}" as a whole.`,
      );
  }
  for (const path of removed) primary(path, 'remove');

  const setSources = new Set(Object.keys(set).filter(isSource));
  const removedSources = new Set(removed.filter(isSource));
  const sets: ExtraSet[] = [];
  const removes: string[] = [];
  const usedCompose = new Set<string>();
  for (const [name, t] of single.indexes) {
    const templates = [t.partitionKey, t.sortKey].filter((x): x is KeyTemplate => x !== undefined);
    const gone = templates.filter((x) => x.sources.some((s) => removedSources.has(s)));
    for (const x of gone) if (!removes.includes(x.attribute)) removes.push(x.attribute);
    if (!templates.some((x) => x.sources.some((s) => setSources.has(s)))) continue;
    for (const x of templates) {
      if (gone.includes(x)) continue;
      const values: Record<string, unknown> = {};
      for (const s of x.sources) {
        if (set[s] !== undefined) values[s] = set[s];
        else if (single.primarySources.has(s)) values[s] = key[s];
        else if (compose[s] !== undefined) {
          values[s] = compose[s];
          usedCompose.add(s);
        } else {
          throw new ValidationError(
            `${scope}: setting ${[...setSources].map((p) => `"${p}"`).join(', ')} recomposes index "${name}", whose key "${x.attribute}" ('${x.text}') also needs "${s}", which is neither in the key nor in this set. ` +
              `Add it to the set, or pass its stored value as { compose: { ${s} } } (checked as a condition).`,
          );
        }
      }
      const composed = composeTemplate(x, values, scope);
      if (composed === undefined) {
        const missing = x.sources.find((s) => values[s] === undefined || values[s] === null)!;
        throw new ValidationError(
          `${scope}: "${missing}" is set to null, but it composes "${x.attribute}" ('${x.text}') of index "${name}"; use remove: ['${missing}'] to take the item out of the index.`,
        );
      }
      sets.push({
        path: x.attribute,
        label: `key of index "${name}"`,
        expr: (p) => `${p} = ${ctx.value(composed, x.attribute)}`,
      });
    }
  }
  for (const s of Object.keys(compose)) {
    if (!usedCompose.has(s))
      throw new ValidationError(
        `${scope}: compose names "${s}", but no index key this update recomposes uses it; give compose only the other sources of a key being recomposed.`,
      );
  }
  const condition =
    [...usedCompose].map((s) => `${ctx.name(meta.toStored.get(s) ?? s)} = ${ctx.value(compose[s], s)}`).join(' AND ') ||
    undefined;

  sets.push({
    path: single.typeAttribute,
    label: 'entity type',
    expr: (p) => `${p} = ${ctx.value(single.type, single.typeAttribute)}`,
  });
  for (const s of single.primarySources) {
    if (key[s] !== undefined)
      sets.push({ path: s, label: 'primary key source', expr: (p) => `${p} = ${ctx.value(key[s], s)}` });
  }
  const out: UntypedUpdateActions = removes.length ? { ...rest, remove: [...removed, ...removes] } : rest;
  return condition === undefined ? { actions: out, sets } : { actions: out, sets, condition };
}
