/**
 * What an attestation says about its holder, read from the token's payload without checking its
 * signature: only the server can do that. The questionnaire uses it to fill in what the server
 * will require anyway — the SIRET to answer for, the role — and to name the portal; it is never
 * a reason to trust anything.
 */
export interface AttestationClaims {
  /** The portal that signed it (`proconnect` for the server's own). */
  iss?: string;
  siret?: string;
  role?: 'agent' | 'elu';
  email?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The claims of a JWT, or `{}` when the token is absent or cannot be read. */
export function attestationClaims(token: string | undefined): AttestationClaims {
  try {
    const payload = token?.split('.')[1];
    if (!payload) return {};
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    // The payload is UTF-8: a portal's name or an e-mail address may hold accents.
    const raw = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    const role = raw.role === 'agent' || raw.role === 'elu' ? raw.role : undefined;
    const siret = text(raw.siret);
    return { iss: text(raw.iss), siret: siret && /^\d{14}$/.test(siret) ? siret : undefined, role, email: text(raw.email) };
  } catch {
    return {};
  }
}
