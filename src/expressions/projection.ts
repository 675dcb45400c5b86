import { InvalidProjectionError, ValidationError } from '../errors/errors';
import type { EntityMetadata, IndexMeta } from '../metadata/entity-metadata';
import type { ExpressionContext } from './context';
import { parsePath, pathExpression, pathsOverlap, type DocumentPath } from './paths';

/** Throws {@link InvalidProjectionError} when `path` is not readable through `index`. */
export function checkProjected(index: IndexMeta | undefined, path: DocumentPath, use: 'select' | 'filter'): void {
  if (!index || index.projected === null || index.projected.has(path.property)) return;
  const what = index.projection === 'KEYS_ONLY' ? 'only its keys' : `only ${[...index.projected].join(', ')}`;
  throw new InvalidProjectionError(
    `${use}() names "${path.property}", which index "${index.name}" does not project (it projects ${what}). ` +
      `Add "${path.property}" to the index's projection, ${use === 'select' ? 'select only projected attributes' : 'filter on projected attributes'}, or read the table instead.`,
    path.property,
    index.name,
    index.projection === 'KEYS_ONLY' ? 'KEYS_ONLY' : [...index.projected],
  );
}

/** A ProjectionExpression for `attributes` (property paths), checked against the index. */
export function compileProjection(
  meta: EntityMetadata,
  attributes: readonly string[],
  ctx: ExpressionContext,
  index?: IndexMeta,
): string {
  const given: unknown = attributes; // JavaScript callers can pass anything
  if (!Array.isArray(given) || attributes.length === 0) {
    throw new ValidationError('select() needs at least one attribute name.');
  }
  const seen: DocumentPath[] = [];
  let expr = '';
  for (let i = 0; i < attributes.length; i++) {
    const path = parsePath(meta, attributes[i]);
    checkProjected(index, path, 'select');
    // DynamoDB rejects a projection naming a path twice or a path inside another.
    for (const s of seen) {
      if (pathsOverlap(s, path))
        throw new ValidationError(`select() names "${s.text}" and "${path.text}", which overlap; keep one of them.`);
    }
    seen.push(path);
    // Plain concatenation: cheaper than map + join for the few attributes a projection has.
    expr = i === 0 ? pathExpression(meta, path, ctx) : `${expr}, ${pathExpression(meta, path, ctx)}`;
  }
  return expr;
}
