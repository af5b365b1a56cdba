import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod';
import { ROLES, type Role } from '../../core/schema/contribution.js';
import { validateSiret } from '../../core/siret.js';
import type { PortalKeys } from './portal-keys.js';

/**
 * Attestations: short-lived signed tokens (JWT) by which an OPSN portal — or this server after a
 * ProConnect sign-in — vouches that its user answers for a collectivité. A token is believed
 * when it names an issuer the operator registered, is signed by one of that issuer's keys, is
 * meant for this deployment (`aud`), is current (with {@link CLOCK_TOLERANCE_S} of clock skew),
 * lives {@link MAX_LIFETIME_S} at most, and carries the claims below. That it serves once is the
 * store's to enforce (its `jti` is recorded with the submission).
 *
 * Claims: `iss` (the portal's registered name), `aud`, `iat`, `exp`, `jti` (unique per token),
 * `siret` (14 digits); optionally `role` (`agent` or `elu`) and `email`.
 */

/** Clocks of the portal and of this server may differ by this much. */
export const CLOCK_TOLERANCE_S = 60;

/** The longest an attestation may live, from `iat` to `exp`: a page's visit, not a session. */
export const MAX_LIFETIME_S = 15 * 60;

/** Signature algorithms accepted from portals: asymmetric only, so a portal's key set is public. */
const PORTAL_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** What an attestation vouches for, once verified. */
export interface Attestation {
  /** The portal (or `proconnect`) that signed it. */
  issuer: string;
  siret: string;
  role?: Role;
  email?: string;
  /** Its unique id, recorded so that it serves once. */
  jti: string;
  /** When it expires (ISO). */
  expiresAt: string;
}

/** Why an attestation is refused. */
export type AttestationFailure =
  /** Not a JWT, or not one this server can read. */
  | 'malformed'
  /** Its `iss` is no registered portal. */
  | 'unknown_issuer'
  /** No key of the portal verifies its signature (or it names a key the portal does not publish). */
  | 'signature'
  /** Past its `exp` (or `iat` too old). */
  | 'expired'
  /** Meant for another deployment (`aud`), or a claim missing or malformed. */
  | 'claims'
  /** The portal's keys could not be fetched: nothing is wrong with the token itself. */
  | 'keys_unavailable';

export class AttestationError extends Error {
  override name = 'AttestationError';
  constructor(
    readonly reason: AttestationFailure,
    /** The claim at fault, when one is. */
    readonly claim?: string,
  ) {
    super(`attestation refused: ${reason}${claim ? ` (${claim})` : ''}`);
  }
}

/** An issuer this server believes, with how to find the key of a token. */
export interface TrustedIssuer {
  name: string;
  key: JWTVerifyGetKey | Uint8Array;
  algorithms: readonly string[];
}

/** A registered portal as a trusted issuer: its key set held, or fetched from its URL (and cached by `jose`). */
export function portalIssuer(portal: PortalKeys): TrustedIssuer {
  const key =
    'jwks' in portal
      ? createLocalJWKSet(portal.jwks as Parameters<typeof createLocalJWKSet>[0])
      : createRemoteJWKSet(new URL(portal.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  return { name: portal.name, key, algorithms: PORTAL_ALGORITHMS };
}

const Siret14 = z.string().refine((value) => /^\d{14}$/.test(value) && validateSiret(value).ok, { message: 'siret' });

/** The claims read once the signature, issuer, audience and dates are checked. */
const Claims = z.object({
  siret: Siret14,
  role: z.enum(ROLES).optional(),
  email: z.email().max(254).optional(),
  jti: z.string().min(8).max(200),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** The `jose` error codes, and what each means for the token. */
export function failureOf(error: unknown): AttestationError {
  const code = (error as { code?: unknown }).code;
  const claim = (error as { claim?: unknown }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AttestationError('expired');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new AttestationError('signature');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      // An `iat` older than the longest lifetime is an expired token too.
      return claim === 'iat' ? new AttestationError('expired') : new AttestationError('claims', typeof claim === 'string' ? claim : undefined);
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new AttestationError('keys_unavailable');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new AttestationError('malformed');
    default:
      // A key set that cannot be fetched (network, HTTP status) surfaces as a plain error.
      return code === undefined ? new AttestationError('keys_unavailable') : new AttestationError('malformed');
  }
}

/** Verifies attestations against the issuers the operator registered. */
/** The registered issuer a token names, read unverified only to pick its keys: the verification checks it again. */
export function namedIssuer(token: string, issuers: ReadonlyMap<string, TrustedIssuer>): TrustedIssuer {
  let name: unknown;
  try {
    name = decodeJwt(token).iss;
  } catch {
    throw new AttestationError('malformed');
  }
  const issuer = typeof name === 'string' ? issuers.get(name) : undefined;
  if (issuer === undefined) throw new AttestationError('unknown_issuer');
  return issuer;
}

export class AttestationVerifier {
  readonly #issuers: ReadonlyMap<string, TrustedIssuer>;
  readonly #audience: string;

  constructor(issuers: readonly TrustedIssuer[], audience: string) {
    this.#issuers = new Map(issuers.map((issuer) => [issuer.name, issuer]));
    this.#audience = audience;
  }

  /** Whether any issuer is registered: without one, every attestation is refused. */
  get enabled(): boolean {
    return this.#issuers.size > 0;
  }

  /** The attestation `token` stands for, or an {@link AttestationError} saying why not. */
  async verify(token: string, now: Date = new Date()): Promise<Attestation> {
    const issuer = namedIssuer(token, this.#issuers);
    let payload: unknown;
    try {
      const options = {
        issuer: issuer.name,
        audience: this.#audience,
        algorithms: [...issuer.algorithms],
        clockTolerance: CLOCK_TOLERANCE_S,
        maxTokenAge: MAX_LIFETIME_S + CLOCK_TOLERANCE_S,
        requiredClaims: ['iat', 'exp', 'jti', 'siret'],
        currentDate: now,
      };
      // The two overloads of jwtVerify (a key, or a function finding one) are called apart.
      const verified =
        issuer.key instanceof Uint8Array ? await jwtVerify(token, issuer.key, options) : await jwtVerify(token, issuer.key, options);
      payload = verified.payload;
    } catch (error) {
      throw failureOf(error);
    }
    const parsed = Claims.safeParse(payload);
    if (!parsed.success) throw new AttestationError('claims', String(parsed.error.issues[0]?.path[0] ?? ''));
    const claims = parsed.data;
    if (claims.exp - claims.iat > MAX_LIFETIME_S) throw new AttestationError('claims', 'exp');
    const attestation: Attestation = {
      issuer: issuer.name,
      siret: claims.siret,
      jti: claims.jti,
      expiresAt: new Date((claims.exp + CLOCK_TOLERANCE_S) * 1000).toISOString(),
    };
    if (claims.role !== undefined) attestation.role = claims.role;
    if (claims.email !== undefined) attestation.email = claims.email;
    return attestation;
  }
}
