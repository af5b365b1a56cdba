import type { ServerConfig } from '../config.js';
import { offlineSiretResolver } from './offline-resolver.js';
import type { ServerReferential } from './port.js';
import { RechercheEntreprisesResolver } from './recherche-entreprises.js';
import { chainSiretResolvers, type SiretResolver } from './siret-resolver.js';

/**
 * The server's resolver from its configuration: the offline one (the referential, and the
 * groupings file when given), behind the register when one is configured, so that a SIRET is
 * still checked while the register cannot be reached.
 */
export function defaultSiretResolver(config: Pick<ServerConfig, 'groupements' | 'siretRegister'>, referential: ServerReferential): SiretResolver {
  const offline = offlineSiretResolver(referential, config.groupements);
  if (config.siretRegister === undefined) return offline;
  return chainSiretResolvers(new RechercheEntreprisesResolver({ referential, baseUrl: config.siretRegister }), offline);
}
