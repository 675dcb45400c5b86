import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors/errors';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { marshallValue } from '../marshalling/marshall';
import type { ExpressionContext } from './context';
import { parsePath, pathExpression, pathsOverlap, type DocumentPath } from './paths';
import type { UntypedUpdateActions } from './update-types';

// The action types live in update-types.ts; re-exported here for code that imports them from the compiler.
export type { UpdateActions, UntypedUpdateActions } from './update-types';

const ACTIONS = ['set', 'remove', 'append', 'prepend', 'add', 'delete', 'setIfNotExists'] as const;

/** An extra clause the caller adds (optimistic locking's version increment). */
export interface ExtraSet {
  path: string;
  /** Names the clause in messages (e.g. `@Version() increment`); defaults to `set`. */
  label?: string;
  expr: (pathExpr: string) => string;
}

/**
 * Compiles update actions into an UpdateExpression. Refuses (before anything is sent) an
 * update with no action, one that touches a key attribute, and two actions on overlapping paths.
 */
export function compileUpdate(
  meta: EntityMetadata,
  actions: UntypedUpdateActions,
  ctx: ExpressionContext,
  extraSets: readonly ExtraSet[] = [],
): string {
  if (actions === null || typeof actions !== 'object') {
    throw new ValidationError(
      `update() needs an actions object like { set: { status: 'SHIPPED' } }; valid actions: ${ACTIONS.join(', ')}.`,
    );
  }
  for (const k of Object.keys(actions)) {
    if (!(ACTIONS as readonly string[]).includes(k))
      throw new ValidationError(`Unknown update action "${k}"; valid actions: ${ACTIONS.join(', ')}.`);
  }
  const sets: string[] = [];
  const removes: string[] = [];
  const adds: string[] = [];
  const deletes: string[] = [];
  const seen: { path: DocumentPath; action: string }[] = [];
  const touch = (text: string, action: string): DocumentPath => {
    const path = parsePath(meta, text);
    if (meta.keyProperties.includes(path.property)) {
      throw new ValidationError(
        `update ${action} "${text}": "${path.property}" is part of the primary key and cannot be updated; delete the item and put a new one.`,
      );
    }
    for (const s of seen) {
      if (pathsOverlap(s.path, path)) {
        throw new ValidationError(
          `update touches "${s.path.text}" (${s.action}) and "${text}" (${action}); DynamoDB refuses two actions on overlapping paths in one update.`,
        );
      }
    }
    seen.push({ path, action });
    return path;
  };
  const entries = (action: string, value: unknown): [string, unknown][] => {
    if (value === undefined) return [];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(
        `update ${action} takes an object of { path: value }, got ${Array.isArray(value) ? 'an array' : typeof value}.`,
      );
    }
    return Object.entries(value).map(([k, v]) => {
      if (v === undefined)
        throw new ValidationError(
          `update ${action} "${k}": the value is undefined; use remove: ['${k}'] to delete an attribute.`,
        );
      return [k, v];
    });
  };

  // A value written at `a.b[0]` is already inside two containers: DynamoDB's nesting limit counts them.
  for (const [k, v] of entries('set', actions.set)) {
    const path = touch(k, 'set');
    sets.push(`${pathExpression(meta, path, ctx)} = ${ctx.value(v, k, path.rest.length)}`);
  }
  for (const [k, v] of entries('setIfNotExists', actions.setIfNotExists)) {
    const path = touch(k, 'setIfNotExists');
    const p = pathExpression(meta, path, ctx);
    sets.push(`${p} = if_not_exists(${p}, ${ctx.value(v, k, path.rest.length)})`);
  }
  for (const action of ['append', 'prepend'] as const) {
    for (const [k, v] of entries(action, actions[action])) {
      const path = touch(k, action);
      const p = pathExpression(meta, path, ctx);
      const list = ctx.value(Array.isArray(v) ? v : [v], k, path.rest.length);
      const existing = `if_not_exists(${p}, ${ctx.rawValue({ L: [] })})`;
      sets.push(
        action === 'append' ? `${p} = list_append(${existing}, ${list})` : `${p} = list_append(${list}, ${existing})`,
      );
    }
  }
  for (const [k, v] of entries('add', actions.add)) {
    const p = pathExpression(meta, touch(k, 'add'), ctx);
    const av = asNumberOrSet(v, k, 'add');
    adds.push(`${p} ${ctx.rawValue(av)}`);
  }
  for (const [k, v] of entries('delete', actions.delete)) {
    const p = pathExpression(meta, touch(k, 'delete'), ctx);
    const av = asNumberOrSet(v, k, 'delete');
    if (av.N !== undefined)
      throw new ValidationError(
        `update delete "${k}": delete removes elements from a set; give a Set or an array, not a number.`,
      );
    deletes.push(`${p} ${ctx.rawValue(av)}`);
  }
  if (actions.remove !== undefined) {
    const given: unknown = actions.remove; // JavaScript callers can pass anything
    if (!Array.isArray(given))
      throw new ValidationError(`update remove takes an array of paths, e.g. remove: ['tempNotes'].`);
    for (const k of actions.remove) removes.push(pathExpression(meta, touch(k, 'remove'), ctx));
  }
  for (const extra of extraSets) {
    const p = pathExpression(meta, touch(extra.path, extra.label ?? 'set'), ctx);
    sets.push(extra.expr(p));
  }

  const clauses: string[] = [];
  if (sets.length) clauses.push(`SET ${sets.join(', ')}`);
  if (removes.length) clauses.push(`REMOVE ${removes.join(', ')}`);
  if (adds.length) clauses.push(`ADD ${adds.join(', ')}`);
  if (deletes.length) clauses.push(`DELETE ${deletes.join(', ')}`);
  if (clauses.length === 0 || seen.length === extraSets.length) {
    throw new ValidationError(
      `update() has no action; give at least one of ${ACTIONS.join(', ')} (e.g. { set: { status: 'SHIPPED' } }).`,
    );
  }
  return clauses.join(' ');
}

function asNumberOrSet(value: unknown, key: string, action: string): AttributeValue {
  const v = Array.isArray(value) ? new Set(value) : value;
  if (Array.isArray(value) && value.length === 0) {
    throw new ValidationError(`update ${action} "${key}": the array is empty; give at least one element.`);
  }
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof Set) return marshallValue(v, key);
  throw new ValidationError(
    `update ${action} "${key}": ${action} takes a number (increment) or a Set/array (set ${action === 'add' ? 'union' : 'subtraction'}).`,
  );
}
