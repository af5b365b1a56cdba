import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { EDIT_CODE_PATTERN } from '../security/edit-codes.js';
import { MAX_WRONG_CODES } from '../security/lockout.js';

/** Where the questionnaire sends an agent to sign in with ProConnect. */
export const PROCONNECT_LOGIN_PATH = '/api/v1/auth/proconnect/login';

/**
 * `GET /config`: what this server offers the questionnaire, so that it shows only what works
 * here — the ProConnect button when sign-in is configured, the form of edit codes, sharing a draft
 * with a colleague when shared drafts are configured.
 */
export function configRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/config', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return {
      attestation: { enabled: context.attestations.enabled },
      proconnect: context.config.oidc === undefined ? { enabled: false } : { enabled: true, loginUrl: PROCONNECT_LOGIN_PATH },
      editCode: { pattern: EDIT_CODE_PATTERN.source, maxWrongCodes: MAX_WRONG_CODES },
      countUnverified: context.config.countUnverified,
      sharing: { enabled: context.config.sharedDrafts !== undefined },
    };
  });
}
