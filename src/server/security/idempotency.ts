import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { StoredResponse } from '../store/types.js';

/**
 * Idempotency records keep the answer given to a write so that a retried request gets the very
 * same answer. That answer may hold an edit token, which must never sit readable in the
 * database: records are therefore sealed with a key derived from the client's idempotency key,
 * and the idempotency key itself is stored only as a digest. Someone reading the database learns
 * neither; the client that retries holds the key and gets its answer back.
 */

/** Keys are opaque to the server; visible ASCII keeps them safe to log and compare. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** How long a key is remembered; a retry comes within minutes, a week leaves room for offline outboxes. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The digest under which a key is stored. */
export function idempotencyKeyDigest(key: string): Buffer {
  return createHash('sha256').update('barometre idempotency key\0').update(key, 'utf8').digest();
}

/** A digest of the parts that make a request what it is, to tell a retry from a different request under the same key. */
export function requestDigest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part.length)).update(':').update(part, 'utf8');
  return hash.digest('hex');
}

function sealingKey(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(key, 'utf8'), 'barometre idempotency', 'response', 32));
}

/** Encrypts a response for storage (AES-256-GCM, fresh nonce): nonce, tag, then ciphertext. */
export function sealResponse(key: string, response: StoredResponse): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const plain = Buffer.from(JSON.stringify(response), 'utf8');
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** Decrypts a stored response; `undefined` if it does not open with this key (tampered or another key). */
export function openResponse(key: string, blob: Buffer | Uint8Array): StoredResponse | undefined {
  const data = Buffer.from(blob);
  if (data.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as StoredResponse;
  } catch {
    return undefined;
  }
}
