import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { hashToken } from './tokens.js';

/**
 * Edit codes: what a respondent keeps to change their contribution later. People write them down
 * and read them over the phone, so they are short, grouped and free of look-alikes: 4 groups of 4
 * characters of Crockford's base 32 (digits and capitals without I, L, O and U), e.g.
 * `7KQ4-M2XD-9HCT-R0FB`. Each character carries 5 random bits: 80 bits per code.
 *
 * Codes are stored as a SHA-256 digest salted with the contribution's identity (SIREN and
 * theme), so one digest computed by someone who read the database tests one contribution, not
 * all of them at once. 80 random bits make a fast digest enough: the codes cannot be enumerated.
 *
 * Contributions created before these codes hold a 43-character token stored as its plain
 * SHA-256; such tokens are still accepted ({@link editCodeMatches}).
 */

/** Crockford's base 32: no I, L, O nor U, so nothing reads as another character. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const GROUPS = 4;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;

/** Random bits in one code: 16 characters of 5 bits. */
export const EDIT_CODE_BITS = CODE_LENGTH * 5;

/** A code as it is shown: four groups joined by hyphens. */
export const EDIT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Tokens handed out before edit codes: 32 random bytes in base64url. */
const LEGACY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a presented code is, once read. */
export type PresentedCode = { kind: 'code'; code: string } | { kind: 'legacy'; token: string } | { kind: 'malformed' };

/** A fresh random code of `groups` groups of four characters of {@link CODE_ALPHABET}, joined by hyphens. */
export function newGroupedCode(groups: number): string {
  let code = '';
  for (let index = 0; index < groups * GROUP_LENGTH; index++) {
    if (index > 0 && index % GROUP_LENGTH === 0) code += '-';
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * Reads a code of `groups` groups as a person may type it: any case, with spaces or hyphens
 * anywhere, and the letters Crockford's decoding reads as digits (I and L as 1, O as 0). Gives
 * the code as shown, or `undefined` when it cannot be one.
 */
export function readGroupedCode(presented: string, groups: number): string | undefined {
  const compact = presented
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== groups * GROUP_LENGTH || [...compact].some((char) => !CODE_ALPHABET.includes(char))) return undefined;
  return (compact.match(/.{4}/g) ?? []).join('-');
}

/** A fresh edit code, as shown to the respondent. */
export function newEditCode(): string {
  return newGroupedCode(GROUPS);
}

/**
 * Reads a code as a person may type it: any case, with spaces or hyphens anywhere, and the
 * letters Crockford's decoding reads as digits (I and L as 1, O as 0). A legacy token is
 * recognised as such; anything else is malformed.
 */
export function readEditCode(presented: string): PresentedCode {
  if (LEGACY_TOKEN.test(presented)) return { kind: 'legacy', token: presented };
  const code = readGroupedCode(presented, GROUPS);
  return code === undefined ? { kind: 'malformed' } : { kind: 'code', code };
}

/**
 * The digest stored in place of a code of some `purpose` (`edit code`, `share code`), salted with
 * the collectivité and theme it opens: one code never opens anything of another purpose.
 */
export function codeDigest(purpose: string, code: string, siren: string, theme: string): Buffer {
  return createHash('sha256')
    .update(`barometre ${purpose}\0`)
    .update(siren, 'utf8')
    .update('\0')
    .update(theme, 'utf8')
    .update('\0')
    .update(code, 'utf8')
    .digest();
}

/** The digest stored in place of a code, salted with the contribution it opens. */
export function editCodeDigest(code: string, siren: string, theme: string): Buffer {
  return codeDigest('edit code', code, siren, theme);
}

/** Whether a presented code (read by {@link readEditCode}) opens the contribution whose digest is stored, in constant time. */
export function editCodeMatches(presented: PresentedCode, siren: string, theme: string, storedHash: Buffer | Uint8Array | null): boolean {
  if (storedHash == null || storedHash.length !== 32 || presented.kind === 'malformed') return false;
  const digest = presented.kind === 'code' ? editCodeDigest(presented.code, siren, theme) : hashToken(presented.token);
  return timingSafeEqual(digest, storedHash);
}
