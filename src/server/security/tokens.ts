import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets the API hands out or checks: edit tokens (given once to whoever created a
 * contribution, kept only as a digest) and the administrator's token.
 */

/** 256 random bits: far beyond guessing, and short enough to keep in a browser's storage. */
const TOKEN_BYTES = 32;

/** SHA-256 of a token. Tokens are random and long, so a fast unsalted digest is enough to keep them unreadable at rest. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A fresh edit token and the digest to store in its place. */
export function newEditToken(): { token: string; hash: Buffer } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Whether a presented token matches a stored digest, in time that does not depend on where they differ. */
export function tokenMatches(token: string | undefined, storedHash: Buffer | Uint8Array | null | undefined): boolean {
  if (token === undefined || storedHash == null || storedHash.length !== 32) return false;
  return timingSafeEqual(hashToken(token), storedHash);
}

/**
 * Compares two secrets in constant time. Both are digested first so that their lengths, which
 * `timingSafeEqual` needs equal, leak nothing either.
 */
export function sameSecret(presented: string | undefined, expected: string | undefined): boolean {
  if (presented === undefined || expected === undefined) return false;
  return timingSafeEqual(hashToken(presented), hashToken(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or `undefined`. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header);
  return match?.[1];
}
