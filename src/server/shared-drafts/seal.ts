import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Shared drafts' answers at rest: each answer, with who changed it, is encrypted with
 * AES-256-GCM under a key derived from the deployment's `BAROMETRE_SHARED_DRAFT_KEY`, with a
 * fresh nonce each time. The answer's place (collectivité, theme, answer key) is bound to it as
 * associated data, so a sealed answer moved to another row or draft does not open. Someone
 * reading the database, a backup or a dump learns which answers a draft holds, never what they
 * say nor who wrote them.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Bytes of the key `BAROMETRE_SHARED_DRAFT_KEY` gives. */
export const SHARED_DRAFT_KEY_BYTES = 32;

/** Seals and opens one deployment's shared-draft answers. */
export class DraftSealer {
  readonly #key: Buffer;

  /** `secret`: the 32 bytes of `BAROMETRE_SHARED_DRAFT_KEY`. */
  constructor(secret: Buffer) {
    if (secret.length !== SHARED_DRAFT_KEY_BYTES) throw new Error(`A shared-draft key has ${SHARED_DRAFT_KEY_BYTES} bytes`);
    // A key of its own for this use, should the secret ever serve another.
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'barometre shared drafts', 'answers v1', 32));
  }

  /** Encrypts a value (JSON) for the answer at `place`: nonce, tag, then ciphertext. */
  seal(place: readonly string[], value: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(associatedData(place));
    const sealed = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(value), 'utf8')), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  /** Decrypts a value sealed for `place`; `undefined` when it does not open (another key, another place, tampered). */
  open(place: readonly string[], blob: Buffer | Uint8Array): unknown {
    const data = Buffer.from(blob);
    if (data.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, IV_BYTES));
      decipher.setAAD(associatedData(place));
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
}

/** Length-prefixed parts, so that no two places share their bytes. */
function associatedData(place: readonly string[]): Buffer {
  return Buffer.from(place.map((part) => `${part.length}:${part}`).join('|'), 'utf8');
}
