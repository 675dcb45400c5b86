import { InvalidProjectionError, ValidationError } from '../errors/errors';
import type { EntityMetadata, IndexMeta } from '../metadata/entity-metadata';
import type { ExpressionContext } from './context';
import { parsePath, pathExpression, type DocumentPath } from './paths';

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
export function compileProjection(meta: EntityMetadata, attributes: readonly string[], ctx: ExpressionContext, index?: IndexMeta): string {
  if (!Array.isArray(attributes) || attributes.length === 0) {
    throw new ValidationError('select() needs at least one attribute name.');
  }
  let expr = '';
  for (let i = 0; i < attributes.length; i++) {
    const path = parsePath(meta, attributes[i]!);
    checkProjected(index, path, 'select');
    expr = i === 0 ? pathExpression(meta, path, ctx) : `${expr}, ${pathExpression(meta, path, ctx)}`;
  }
  return expr;
}
