import type { FastifyInstance } from 'fastify';
import type { Collectivite } from '../../core/schema/collectivite.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { siretParam } from '../http/params.js';
import { SiretResolverError, type SiretResolution } from '../referential/siret-resolver.js';

/**
 * The collectivité a SIRET belongs to, or an {@link ApiError}: 400 for a malformed SIRET; 404
 * `collectivite_not_found` for a well-formed one whose SIREN is no collectivité the survey knows;
 * 404 `groupements_unavailable` for a local public body this server cannot place without its
 * list of groupings; 422 `collectivite_out_of_scope` for a unit known to be outside the survey,
 * worded by its `reason` (in `details`); 503 `siret_register_unavailable` when the register
 * that would tell could not be asked.
 */
export async function resolveCollectivite(context: ServerContext, rawSiret: string): Promise<Collectivite & { siret: string }> {
  const siret = siretParam(rawSiret);
  const siren = siret.slice(0, 9);
  let resolution: SiretResolution;
  try {
    resolution = await context.siretResolver.resolve(siret);
  } catch (error) {
    if (!(error instanceof SiretResolverError)) throw error;
    throw new ApiError(503, 'siret_register_unavailable', { headers: { 'retry-after': '30' } });
  }
  switch (resolution.status) {
    case 'found':
      return resolution.collectivite;
    case 'out_of_scope':
      throw new ApiError(422, 'collectivite_out_of_scope', {
        key: `out_of_scope_${resolution.reason}`,
        params: { siret, siren },
        details: { reason: resolution.reason, ...(resolution.name !== undefined ? { name: resolution.name } : {}) },
      });
    case 'groupements_unavailable':
      throw new ApiError(404, 'groupements_unavailable', { params: { siret, siren } });
    default:
      throw new ApiError(404, 'collectivite_not_found', { params: { siret, siren } });
  }
}

/**
 * The collectivité of the built-in referential a SIRET belongs to, synchronously: 400 for a
 * malformed SIRET, 404 `collectivite_not_found` otherwise. It knows no grouping: routes that
 * may be reached by one use {@link resolveCollectivite}.
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
    const collectivite = await resolveCollectivite(context, request.params.siret);
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
