import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import * as z from 'zod';

/**
 * The OPSN portals whose attestations the API believes, and where their public keys are:
 * `BAROMETRE_PORTAL_KEYS`, comma-separated `name=location` pairs, e.g.
 *
 * ```
 * BAROMETRE_PORTAL_KEYS=megalis-bretagne=https://portail.megalis.example/.well-known/jwks.json,sictiam=/etc/barometre/sictiam.jwks.json
 * ```
 *
 * The name is what the portal writes in its tokens' `iss` and what the contribution records as
 * having vouched for its respondent. The location is an `https://` URL of a JWKS, fetched when
 * first needed and again when a token names a key it does not hold (`http://` only on the
 * loopback, for development), or the absolute path of a JWKS file, read and checked at start.
 */

/** Lower-case letters, digits, dots and hyphens: safe in a token, a log line and a CSV cell. */
export const PORTAL_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/;

/** Names the server uses for itself: no portal may take them. */
export const RESERVED_PORTAL_NAMES = ['proconnect'] as const;

/** A public key as a JWKS holds it: only what tells an asymmetric public key apart is checked here; `jose` reads the rest. */
const PublicJwk = z
  .looseObject({
    kty: z.enum(['RSA', 'EC', 'OKP'], { message: 'each key must be public and asymmetric (kty RSA, EC or OKP)' }),
    kid: z.string().min(1).optional(),
    alg: z.string().min(1).optional(),
  })
  // A private member in a published key set is a leaked private key: refuse it loudly.
  .refine((key) => !['d', 'p', 'q', 'dp', 'dq', 'qi'].some((member) => member in key), {
    message: 'a key holds private members (d, p, q…): publish public keys only',
  });

/** A JSON Web Key Set of public keys. */
export const PublicJwks = z.object({ keys: z.array(PublicJwk).min(1, 'the key set holds no key') });
export type PublicJwks = z.infer<typeof PublicJwks>;

/** A portal and its keys: held in the configuration, or at a URL. */
export type PortalKeys = { name: string; jwks: PublicJwks } | { name: string; jwksUrl: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Where the keys are, as written: a URL (https, or http on the loopback) or an absolute file path. */
function keysAt(name: string, location: string): PortalKeys | string {
  if (/^[a-z]+:\/\//i.test(location)) {
    if (!URL.canParse(location)) return `portal ${name}: ${location} is not a valid URL`;
    const url = new URL(location);
    const plainAllowed = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !plainAllowed) return `portal ${name}: the key set must be served over https (${url.protocol} given)`;
    return { name, jwksUrl: url.href };
  }
  if (!isAbsolute(location)) return `portal ${name}: "${location}" is neither an https URL nor an absolute file path`;
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch (error) {
    return `portal ${name}: ${location} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `portal ${name}: ${location} is not JSON`;
  }
  const parsed = PublicJwks.safeParse(json);
  if (!parsed.success) return `portal ${name}: ${location} is not a key set of public keys: ${parsed.error.issues[0]?.message ?? ''}`;
  return { name, jwks: parsed.data };
}

/** Reads `BAROMETRE_PORTAL_KEYS`; each problem is one issue naming the portal. */
export const PortalKeysVariable = z
  .string()
  .default('')
  .transform((value, ctx): PortalKeys[] => {
    const portals: PortalKeys[] = [];
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (const entry of entries) {
      const equals = entry.indexOf('=');
      const name = equals < 0 ? '' : entry.slice(0, equals).trim();
      const location = equals < 0 ? '' : entry.slice(equals + 1).trim();
      let problem: string | undefined;
      if (equals < 0 || location === '') problem = `"${entry.slice(0, 80)}" must be name=location (an https URL or an absolute path of a JWKS)`;
      else if (!PORTAL_NAME.test(name)) problem = `"${name.slice(0, 80)}" is not a portal name: lower-case letters, digits, dots and hyphens, 64 at most`;
      else if ((RESERVED_PORTAL_NAMES as readonly string[]).includes(name)) problem = `"${name}" is reserved for the server's own sign-in`;
      else if (portals.some((portal) => portal.name === name)) problem = `portal ${name} is named twice`;
      const portal = problem === undefined ? keysAt(name, location) : problem;
      if (typeof portal === 'string') ctx.addIssue({ code: 'custom', message: portal });
      else portals.push(portal);
    }
    return portals;
  });
