import type { FastifyInstance } from 'fastify';
import type { Collectivite } from '../../core/schema/collectivite.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { siretParam } from '../http/params.js';

/**
 * The collectivité a SIRET belongs to, or an {@link ApiError}: 400 for a malformed SIRET, 404
 * for a well-formed one whose SIREN is not a collectivité the survey knows.
 */
export function collectiviteOf(context: ServerContext, rawSiret: string): Collectivite & { siret: string } {
  const siret = siretParam(rawSiret);
  const siren = siret.slice(0, 9);
  const collectivite = context.referential.collectiviteBySiren(siren);
  if (!collectivite) throw new ApiError(404, 'collectivite_not_found', { params: { siret, siren } });
  return { ...collectivite, siret };
}

/**
 * `GET /collectivites/:siret`: who a SIRET is, so a respondent can confirm before answering. The
 * names of its département and région come along, since a person recognises names, not codes.
 */
export function collectiviteRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { siret: string } }>('/collectivites/:siret', async (request) => {
    const collectivite = collectiviteOf(context, request.params.siret);
    const { departementCode, regionCode } = collectivite;
    const departementName = departementCode ? context.referential.territory(`departement:${departementCode}`)?.name : undefined;
    const regionName = context.referential.territory(`region:${regionCode}`)?.name;
    return {
      ...collectivite,
      ...(departementName !== undefined ? { departementName } : {}),
      ...(regionName !== undefined ? { regionName } : {}),
    };
  });
}
