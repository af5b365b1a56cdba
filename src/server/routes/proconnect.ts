import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateSiret } from '../../core/siret.js';
import { signServerAttestation } from '../attestation/server-attestation.js';
import type { OidcSettings } from '../config.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { ProConnectClient } from '../proconnect/oidc-client.js';
import { cookieValue, openState, sealState, STATE_COOKIE, STATE_LIFETIME_S } from '../proconnect/state-cookie.js';

/**
 * ProConnect sign-in (OpenID Connect, authorisation code with PKCE). The questionnaire sends the
 * agent to `GET /auth/proconnect/login?return_to=<its page>`; ProConnect sends them back to
 * `/auth/proconnect/callback`, and the server sends them on to their page with, in the URL's
 * fragment (never sent to any server), an attestation it signed for the SIRET of the agent's
 * organisation: `#barometre-attestation=<token>&siret=<siret>`, or `#barometre-error=<code>`.
 * The questionnaire submits that attestation like a portal's; the contribution is verified by
 * `proconnect`.
 */

/** Only the cookie's own routes receive it; it lives as long as a sign-in may take. */
const COOKIE_PATH = '/api/v1/auth/proconnect';

/** The page to go back to, when it belongs to a site allowed to embed the questionnaire (else an open redirect). */
function returnToOf(context: ServerContext, settings: OidcSettings, value: unknown): URL {
  const allowed = new Set([settings.publicUrl, ...context.config.allowedOrigins]);
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || !allowed.has(url.origin)) throw new ApiError(400, 'bad_request', { params: { reason: 'return_to must be a page of a site allowed to embed the questionnaire' } });
  url.hash = '';
  return url;
}

function cookie(settings: OidcSettings, value: string, maxAge: number): string {
  const secure = settings.publicUrl.startsWith('https:') ? '; Secure' : '';
  // Lax: the provider's redirect back is a top-level navigation, which carries it.
  return `${STATE_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function backTo(reply: FastifyReply, returnTo: URL, fragment: Record<string, string>): FastifyReply {
  returnTo.hash = new URLSearchParams(fragment).toString();
  return reply.header('cache-control', 'no-store').redirect(returnTo.href, 303);
}

export function proconnectRoutes(app: FastifyInstance, context: ServerContext): void {
  const settings = context.config.oidc;
  if (settings === undefined) return;
  const proconnect = new ProConnectClient(settings);

  app.get('/auth/proconnect/login', async (request: FastifyRequest<{ Querystring: { return_to?: string } }>, reply) => {
    const returnTo = returnToOf(context, settings, request.query.return_to);
    const started = await proconnect.start();
    const sealed = sealState(settings.clientSecret, {
      verifier: started.verifier,
      state: started.state,
      nonce: started.nonce,
      returnTo: returnTo.href,
      expiresAt: Math.floor(Date.now() / 1000) + STATE_LIFETIME_S,
    });
    return reply.header('set-cookie', cookie(settings, sealed, STATE_LIFETIME_S)).header('cache-control', 'no-store').redirect(started.url.href, 302);
  });

  app.get('/auth/proconnect/callback', async (request, reply) => {
    const sealed = cookieValue(request.headers.cookie, STATE_COOKIE);
    const state = sealed === undefined ? undefined : openState(settings.clientSecret, sealed);
    if (state === undefined) throw new ApiError(400, 'bad_request', { params: { reason: 'no sign-in in progress (it expired, or cookies are blocked)' } });
    reply.header('set-cookie', cookie(settings, '', 0));
    const returnTo = new URL(state.returnTo);
    let claims: Record<string, unknown>;
    try {
      claims = await proconnect.finish(new URL(request.url, settings.publicUrl), state);
    } catch (error) {
      // Why the exchange failed is for the log (never a token nor the secret); the agent is told it failed.
      request.log.warn(`ProConnect sign-in failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
      return backTo(reply, returnTo, { 'barometre-error': 'proconnect_failed' });
    }
    const siret = typeof claims.siret === 'string' ? claims.siret : '';
    if (!/^\d{14}$/.test(siret) || !validateSiret(siret).ok) return backTo(reply, returnTo, { 'barometre-error': 'proconnect_no_siret' });
    const email = typeof claims.email === 'string' && claims.email.length <= 254 ? claims.email : undefined;
    const attestation = await signServerAttestation(settings.clientSecret, context.config.attestationAudience, {
      siret,
      ...(email !== undefined ? { email } : {}),
    });
    return backTo(reply, returnTo, { 'barometre-attestation': attestation, siret });
  });
}
