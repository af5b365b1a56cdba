import type { Collectivite } from '../../core/schema/collectivite.js';
import type { OutOfScopeReason } from './legal-category.js';

/**
 * What a SIRET turned out to be, as data: routes turn it into an answer or a problem.
 * - `found`: a collectivité that may answer, with its SIRET;
 * - `out_of_scope`: a legal unit known to be outside the survey, and why (a CCAS, a company…);
 * - `groupements_unavailable`: a local public body this server cannot tell apart, since it has no
 *   list of groupings (see `BAROMETRE_GROUPEMENTS`): it may be a syndicat, it may be a CCAS;
 * - `unknown`: no collectivité, and nothing more is known.
 */
export type SiretResolution =
  | { status: 'found'; collectivite: Collectivite & { siret: string } }
  | { status: 'out_of_scope'; reason: OutOfScopeReason; name?: string }
  | { status: 'groupements_unavailable' }
  | { status: 'unknown' };

/**
 * Finds who a SIRET belongs to. The offline resolver answers by default; the State's register
 * ("Recherche d'entreprises") can stand in front of it, behind this same interface.
 */
export interface SiretResolver {
  /**
   * What this well-formed SIRET is. Rejects with a {@link SiretResolverError} when the answer
   * could not be obtained (network, unexpected response), which is not the same as `unknown`.
   */
  resolve(siret: string): Promise<SiretResolution>;
}

/** A lookup that could not be completed: the SIRET is neither known nor unknown. */
export class SiretResolverError extends Error {
  override readonly name = 'SiretResolverError';
}

/**
 * Asks resolvers in order and keeps the first definite answer (found, or out of scope). A resolver
 * that fails is skipped; when none is definite and one failed, the failure is rethrown, since
 * "unknown" could then be wrong. Otherwise the first resolver's answer stands: the register,
 * placed first, knows whether a SIREN is a grouping better than a server without their list.
 */
export function chainSiretResolvers(...resolvers: readonly SiretResolver[]): SiretResolver {
  return {
    async resolve(siret) {
      let failure: { error: unknown } | undefined;
      let first: SiretResolution | undefined;
      for (const resolver of resolvers) {
        let answer: SiretResolution;
        try {
          answer = await resolver.resolve(siret);
        } catch (error) {
          failure ??= { error };
          continue;
        }
        if (answer.status === 'found' || answer.status === 'out_of_scope') return answer;
        first ??= answer;
      }
      if (failure) throw failure.error;
      return first ?? { status: 'unknown' };
    },
  };
}
