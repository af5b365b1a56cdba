import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { PublicJwks } from '../../src/server/attestation/portal-keys.js';

/** An OPSN portal as the tests play it: a name, a signing key, and the public key set the operator registers. */
export interface TestPortal {
  name: string;
  privateKey: CryptoKey;
  jwks: PublicJwks;
}

/** A portal with a fresh ES256 key pair. */
export async function newPortal(name: string, kid = `${name}-1`): Promise<TestPortal> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { name, privateKey, jwks: PublicJwks.parse({ keys: [jwk] }) };
}

/** What an attestation says; every claim may be changed or left out (`undefined`) to test a refusal. */
export interface AttestationClaims {
  siret?: string;
  role?: string;
  email?: string;
  iss?: string;
  aud?: string;
  jti?: string;
  /** Seconds since the epoch. */
  iat?: number;
  exp?: number;
}

/** Signs an attestation as the portal's back end would: for audience `barometre`, valid five minutes from now. */
export async function attest(portal: TestPortal, claims: AttestationClaims, key: CryptoKey = portal.privateKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: portal.name,
    aud: 'barometre',
    jti: randomUUID(),
    iat: now,
    exp: now + 300,
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: portal.jwks.keys[0]!.kid! }).sign(key);
}
