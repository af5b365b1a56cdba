import * as z from 'zod/mini';
import { Collectivite, type CollectiviteKind } from '../../core/schema/collectivite.js';
import type { EpciLegalForm } from '../../core/territory/epci-form.js';
import { territoryCodeOf, territoryKindOf } from '../../core/territory/territory-id.js';
import { departementOfInsee } from '../insee.js';
import { isValidSiret } from '../../core/siret.js';
import { SPECIAL_STATUS_COLLECTIVITES } from '../sirens.js';
import { SiretResolverError, type SiretLookup, type SiretResolver } from './siret-resolver.js';

/** The State's public company register search ("Recherche d'entreprises"). */
export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';

/** The part of `fetch` the resolver uses, so tests and servers can supply their own. */
export type RegisterFetch = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** How to reach the register. */
export interface RechercheEntreprisesOptions {
  /** Defaults to the global `fetch`. */
  fetch?: RegisterFetch;
  /** Defaults to {@link RECHERCHE_ENTREPRISES_URL}. */
  baseUrl?: string;
  /** Give up after this long (default 5 s); the caller can then fall back to the offline referential. */
  timeoutMs?: number;
  /**
   * The offline referential, to complete what the register does not say (population, official
   * name, EPCI seat). Without it, a found collectivité has no population.
   */
  referential?: SiretLookup;
}

// Only the fields read here are declared; the register sends many more, which are let through.
const Nullable = z.optional(z.nullable(z.string()));
const RegisterUnit = z.looseObject({
  siren: z.string(),
  nom_complet: z.string(),
  nature_juridique: Nullable,
  etat_administratif: Nullable,
  siege: z.looseObject({ commune: Nullable, departement: Nullable, region: Nullable }),
  complements: z.optional(
    z.looseObject({
      collectivite_territoriale: z.optional(z.nullable(z.looseObject({ code: Nullable, code_insee: Nullable }))),
    }),
  ),
});
type RegisterUnit = z.infer<typeof RegisterUnit>;
const RegisterResponse = z.looseObject({ results: z.array(RegisterUnit) });

// INSEE catégories juridiques of the collectivités the Baromètre knows.
const KIND_BY_LEGAL_CATEGORY: Readonly<Record<string, CollectiviteKind>> = {
  '7210': 'commune',
  '7220': 'departement',
  '7230': 'region',
  '7343': 'epci',
  '7344': 'epci',
  '7346': 'epci',
  '7348': 'epci',
};
const EPCI_FORM_BY_LEGAL_CATEGORY: Readonly<Record<string, EpciLegalForm>> = { '7343': 'CU', '7344': 'METRO', '7346': 'CC', '7348': 'CA' };

/**
 * Resolves SIRETs through the State's "Recherche d'entreprises" API, restricted to collectivités
 * territoriales. For production, where the register knows collectivités created after the
 * referential was generated; chain it with the offline resolver for when the register is down.
 */
export class RechercheEntreprisesResolver implements SiretResolver {
  private readonly fetch: RegisterFetch;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly referential: SiretLookup | undefined;

  constructor(options: RechercheEntreprisesOptions = {}) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.baseUrl = (options.baseUrl ?? RECHERCHE_ENTREPRISES_URL).replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.referential = options.referential;
  }

  async resolve(siret: string): Promise<Collectivite | null> {
    if (!isValidSiret(siret)) return null;
    const siren = siret.slice(0, 9);
    const url = `${this.baseUrl}/search?q=${siren}&est_collectivite_territoriale=true`;
    const body = await this.get(url);
    const parsed = RegisterResponse.safeParse(body);
    if (!parsed.success) throw new SiretResolverError(`Unexpected response from ${url}`);
    // The search is full-text: other units may come back; only the exact SIREN counts.
    const unit = parsed.data.results.find((result) => result.siren === siren);
    // A ceased unit (a merged région, a dissolved département) no longer answers for anyone.
    if (!unit || unit.etat_administratif === 'C') return null;
    const known = this.referential?.collectiviteBySiret(siret);
    if (known) return known;
    return collectiviteFromRegister(unit, siret, url);
  }

  private async get(url: string): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!response.ok) throw new SiretResolverError(`${url} answered HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      if (error instanceof SiretResolverError) throw error;
      throw new SiretResolverError(`Could not reach ${url}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Maps a register unit to a collectivité; `null` for a body of a kind the Baromètre does not survey. */
function collectiviteFromRegister(unit: RegisterUnit, siret: string, url: string): Collectivite | null {
  const special = SPECIAL_STATUS_COLLECTIVITES.find((csp) => csp.siren === unit.siren);
  const category = unit.nature_juridique ?? '';
  const kind: CollectiviteKind | undefined = special ? 'csp' : KIND_BY_LEGAL_CATEGORY[category];
  if (kind === undefined) return null;
  const local = unit.complements?.collectivite_territoriale;
  const seat = unit.siege;

  let code: string | null | undefined;
  let territoryId: string;
  let departementCode = seat.departement ?? undefined;
  let epciForm: EpciLegalForm | undefined;
  if (special) {
    territoryId = special.territoryId;
    code = territoryCodeOf(special.territoryId);
    if (territoryKindOf(special.territoryId) === 'region') departementCode = undefined;
    if (territoryKindOf(special.territoryId) === 'epci') epciForm = 'MET69';
  } else if (kind === 'commune') {
    code = local?.code_insee ?? seat.commune;
    territoryId = `commune:${code}`;
    if (code) departementCode = departementOfInsee(code);
  } else if (kind === 'epci') {
    code = unit.siren;
    territoryId = `epci:${code}`;
    epciForm = EPCI_FORM_BY_LEGAL_CATEGORY[category];
  } else if (kind === 'departement') {
    code = local?.code ?? seat.departement;
    territoryId = `departement:${code}`;
    departementCode = code ?? undefined;
  } else {
    code = local?.code ?? seat.region;
    territoryId = `region:${code}`;
    departementCode = undefined;
  }

  const candidate = {
    siren: unit.siren,
    siret,
    name: unit.nom_complet,
    kind,
    ...(epciForm && { epciForm }),
    code,
    territoryId,
    ...(departementCode && { departementCode }),
    regionCode: kind === 'region' && !special ? code : seat.region,
  };
  const checked = Collectivite.safeParse(candidate);
  if (!checked.success) throw new SiretResolverError(`Incomplete collectivité ${unit.siren} in the response of ${url}`);
  return checked.data;
}
