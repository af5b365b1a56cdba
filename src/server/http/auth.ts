import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { bearerToken, sameSecret } from '../security/tokens.js';
import { ApiError } from './errors.js';

/**
 * Lets the administrator through, or answers 401. A server started without an admin token has
 * no administrator: every attempt is refused the same way, so the routes cannot be opened by
 * accident with an empty token.
 */
export function requireAdmin(context: ServerContext, request: FastifyRequest): void {
  const expected = context.config.adminToken;
  if (expected === undefined || expected === '') throw new ApiError(401, 'unauthorized', { key: 'admin_disabled' });
  if (!sameSecret(bearerToken(request.headers.authorization), expected)) throw new ApiError(401, 'unauthorized');
}
