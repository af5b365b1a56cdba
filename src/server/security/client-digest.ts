import { createHash } from 'node:crypto';

/**
 * Who sent a pending submission, so that their newer one replaces their older one instead of
 * piling up in the review queue: a digest of the client's address (as the rate limit sees it,
 * after `BAROMETRE_TRUST_PROXY`). The address itself is never stored; the digest is dropped with
 * the submission it came with.
 */
export function clientDigest(address: string): Buffer {
  return createHash('sha256').update('barometre pending client\0').update(address, 'utf8').digest();
}
