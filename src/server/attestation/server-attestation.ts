import { hkdfSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { TrustedIssuer } from './verify.js';

/**
 * After a ProConnect sign-in the server vouches for the agent itself, with an attestation of the
 * same form as a portal's: the questionnaire then submits it like any other. It is signed with a
 * key derived from the OpenID client secret, which every instance of a deployment shares, so
 * that any instance verifies what another signed; nobody without that secret can sign one.
 */

/** The issuer name of the server's own attestations. */
export const PROCONNECT_ISSUER = 'proconnect';

/** How long the attestation given after a sign-in lasts: time to finish the questionnaire. */
export const SERVER_ATTESTATION_LIFETIME_S = 15 * 60;

/** The HMAC key of the server's attestations, derived from the client secret (never the secret itself). */
export function serverAttestationKey(clientSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', Buffer.from(clientSecret, 'utf8'), 'barometre', 'proconnect attestation', 32));
}

/** The server's own issuer, as the verifier trusts it. */
export function proconnectIssuer(clientSecret: string): TrustedIssuer {
  return { name: PROCONNECT_ISSUER, key: serverAttestationKey(clientSecret), algorithms: ['HS256'] };
}

/** Signs an attestation that the signed-in agent answers for `siret`. */
export async function signServerAttestation(
  clientSecret: string,
  audience: string,
  claims: { siret: string; email?: string },
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ siret: claims.siret, ...(claims.email !== undefined ? { email: claims.email } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(PROCONNECT_ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SERVER_ATTESTATION_LIFETIME_S)
    .setJti(randomUUID())
    .sign(serverAttestationKey(clientSecret));
}
