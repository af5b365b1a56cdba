import { jwtVerify } from 'jose';
import * as z from 'zod';
import { AttestationError, CLOCK_TOLERANCE_S, failureOf, MAX_LIFETIME_S, namedIssuer, type TrustedIssuer } from '../attestation/verify.js';

/**
 * The token an OPSN portal's back end signs to read its member list: the same keys and checks as
 * an answer attestation (registered issuer, signature, dates, 15 minutes at most), but meant for
 * another use. Its audience is the deployment's with `/participation` after it, and it carries
 * `scope: "participation:membres"`; an answer attestation (audience alone, a `siret`) is refused
 * here, and this token is refused as an attestation, whose audience it does not name. It may
 * serve several times within its minutes: reading a list changes nothing.
 */

/** The claim that says what the token is for. */
export const MEMBERS_SCOPE = 'participation:membres';

/** The audience a member-list token names, derived from the deployment's. */
export function membersAudience(attestationAudience: string): string {
  return `${attestationAudience}/participation`;
}

const Claims = z.object({
  scope: z.literal(MEMBERS_SCOPE),
  iat: z.number().int(),
  exp: z.number().int(),
  // An answer attestation names the collectivité it answers for: never one here.
  siret: z.never().optional(),
});

/** Verifies member-list tokens against the registered portals (never the server's own issuer). */
export class MembersTokenVerifier {
  readonly #issuers: ReadonlyMap<string, TrustedIssuer>;

  constructor(
    issuers: readonly TrustedIssuer[],
    readonly audience: string,
  ) {
    this.#issuers = new Map(issuers.map((issuer) => [issuer.name, issuer]));
  }

  /** The portal the token speaks for, or an {@link AttestationError} saying why not. */
  async verify(token: string, now: Date = new Date()): Promise<string> {
    const issuer = namedIssuer(token, this.#issuers);
    // Portals only: the server's own issuer (a secret of its own) never signs a member list.
    if (issuer.key instanceof Uint8Array) throw new AttestationError('unknown_issuer');
    let payload: unknown;
    try {
      const verified = await jwtVerify(token, issuer.key, {
        issuer: issuer.name,
        audience: this.audience,
        algorithms: [...issuer.algorithms],
        clockTolerance: CLOCK_TOLERANCE_S,
        maxTokenAge: MAX_LIFETIME_S + CLOCK_TOLERANCE_S,
        requiredClaims: ['iat', 'exp', 'scope'],
        currentDate: now,
      });
      payload = verified.payload;
    } catch (error) {
      throw failureOf(error);
    }
    const parsed = Claims.safeParse(payload);
    if (!parsed.success) throw new AttestationError('claims', String(parsed.error.issues[0]?.path[0] ?? ''));
    if (parsed.data.exp - parsed.data.iat > MAX_LIFETIME_S) throw new AttestationError('claims', 'exp');
    return issuer.name;
  }
}
