import type { Collectivite } from '../../core/schema/collectivite.js';

/**
 * Finds the collectivité a SIRET belongs to. The offline referential answers by default; an online
 * register can stand in front of it, behind this same interface.
 */
export interface SiretResolver {
  /**
   * The collectivité of this establishment, with `siret` set; `null` when the SIRET is malformed
   * or belongs to no known collectivité. Rejects with a `SiretResolverError` when the answer could
   * not be obtained (network, unexpected response), which is not the same as "unknown".
   */
  resolve(siret: string): Promise<Collectivite | null>;
}

/** A lookup that could not be completed: the SIRET is neither known nor unknown. */
export class SiretResolverError extends Error {
  override readonly name = 'SiretResolverError';
}

/** Anything that looks SIRETs up synchronously, such as the `Referential`. */
export interface SiretLookup {
  collectiviteBySiret(siret: string): Collectivite | null;
}

/** Resolves SIRETs from the offline referential: no network, always available. */
export class OfflineSiretResolver implements SiretResolver {
  constructor(private readonly lookup: SiretLookup) {}

  resolve(siret: string): Promise<Collectivite | null> {
    return Promise.resolve(this.lookup.collectiviteBySiret(siret));
  }
}

/**
 * Tries resolvers in order and returns the first collectivité found. A resolver that fails is
 * skipped; if none finds the SIRET and one of them failed, the first failure is rethrown, since
 * "not found" could then be wrong.
 */
export function chainSiretResolvers(...resolvers: readonly SiretResolver[]): SiretResolver {
  return {
    async resolve(siret) {
      let failure: unknown;
      let failed = false;
      for (const resolver of resolvers) {
        try {
          const found = await resolver.resolve(siret);
          if (found) return found;
        } catch (error) {
          if (!failed) failure = error;
          failed = true;
        }
      }
      if (failed) throw failure;
      return null;
    },
  };
}
