import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { ValidationError } from '../errors/errors';

/**
 * Sealed cursors (`new DkmioClient({ cursorSecret })`): the cursor body is encrypted and
 * authenticated with AES-256-GCM, so an API client can neither read the key values in it nor
 * forge or alter one. The table and index the cursor belongs to are bound as additional
 * authenticated data: a cursor of another table or index does not open.
 *
 * Format (base64url): version byte `1` | 12-byte random IV | ciphertext | 16-byte tag.
 *
 * Rotation: `cursorSecret` may be a list; the first secret seals, every secret opens. Add the
 * new secret in front, keep the old one until the cursors it sealed no longer matter, drop it.
 */

/** A `cursorSecret`: a string or bytes of at least 16 characters/bytes, or a list of them (first seals, all open). */
export type CursorSecret = string | Uint8Array | readonly (string | Uint8Array)[];

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SECRET = 16;
// Derived once per secret (lazily, on first use): scrypt hardens a human-chosen secret against
// offline guessing from a cursor an attacker holds; the cost is paid once, not per cursor.
const SALT = 'dkmio/cursor/aes-256-gcm/v1';
const SCRYPT = { N: 1 << 14, r: 8, p: 1 } as const;

export class CursorSeal {
  private readonly secrets: readonly Buffer[];
  private keys?: Buffer[];

  constructor(secret: CursorSecret) {
    const list = Array.isArray(secret) ? (secret as readonly unknown[]) : [secret];
    if (list.length === 0)
      throw new ValidationError('cursorSecret: give a secret (or a non-empty list of secrets, the first one sealing).');
    this.secrets = list.map((s, i) => {
      const at = list.length > 1 ? ` (entry ${i})` : '';
      let bytes: Buffer;
      if (typeof s === 'string') bytes = Buffer.from(s, 'utf8');
      else if (s instanceof Uint8Array) bytes = Buffer.from(s);
      else throw new ValidationError(`cursorSecret${at} must be a string or a Uint8Array/Buffer.`);
      if (bytes.length < MIN_SECRET) {
        throw new ValidationError(
          `cursorSecret${at} is shorter than ${MIN_SECRET} bytes; use a long random secret, e.g. the output of \`openssl rand -base64 32\`.`,
        );
      }
      return bytes;
    });
  }

  /** The keys, derived on first use: sealing uses the first, opening tries each. */
  private derived(): Buffer[] {
    this.keys ??= this.secrets.map((s) => scryptSync(s, SALT, 32, SCRYPT));
    return this.keys;
  }

  /** Encrypts and authenticates `plain`, bound to `scope` (the table and index). */
  seal(plain: string, scope: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.derived()[0], iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(scope, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The plain text of a sealed cursor, or undefined when it does not open (altered, forged, another scope or secret). */
  open(cursor: string, scope: string): string | undefined {
    if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 1 + IV_BYTES + TAG_BYTES || raw[0] !== VERSION) return undefined;
    const iv = raw.subarray(1, 1 + IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const body = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
    for (const key of this.derived()) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(scope, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // Not this key (or not authentic): try the next one.
      }
    }
    return undefined;
  }
}

/** The additional authenticated data of a cursor: the table (without prefix) and index it belongs to. */
export function cursorScope(tableName: string, indexName: string | undefined): string {
  return `dkmio-cursor\u0000${tableName}\u0000${indexName ?? ''}`;
}
