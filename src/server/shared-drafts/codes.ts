import { codeDigest, newGroupedCode, readGroupedCode } from '../security/edit-codes.js';

/**
 * Share codes: what a respondent gives a colleague (read aloud, typed, or inside the link) to
 * open the collectivité's shared draft. Two groups of four characters of the edit codes'
 * alphabet, `7KQ4-M2XD`: 40 random bits. A code only opens the draft of its collectivité and
 * theme, and the draft's lock-out (the edit codes', `security/lockout.ts`) lets five wrong codes
 * be tried per hour: over the 30 days a draft lives that is 3,600 guesses against 2⁴⁰ (about
 * 1.1 × 10¹²) codes, a chance of about 1 in 300 million. The draft's answers leave with it.
 */

/** Groups of four characters in a share code. */
const SHARE_CODE_GROUPS = 2;

/** A fresh share code, as shown. */
export function newShareCode(): string {
  return newGroupedCode(SHARE_CODE_GROUPS);
}

/** A share code as typed (any case, spaces or hyphens, I/L for 1 and O for 0), as shown; `undefined` when it cannot be one. */
export function readShareCode(presented: string): string | undefined {
  return readGroupedCode(presented, SHARE_CODE_GROUPS);
}

/** The digest stored in place of a share code, salted with the draft it opens. */
export function shareCodeDigest(code: string, siren: string, theme: string): Buffer {
  return codeDigest('share code', code, siren, theme);
}
