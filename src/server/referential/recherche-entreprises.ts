import * as z from 'zod';
import { Collectivite, type CollectiviteKind } from '../../core/schema/collectivite.js';
import type { EpciLegalForm } from '../../core/territory/epci-form.js';
import { territoryCodeOf, territoryKindOf, type TerritoryId } from '../../core/territory/territory-id.js';
import { SPECIAL_STATUS_COLLECTIVITES } from '../../referential/sirens.js';
import { groupingCollectivite } from './grouping.js';
import { departementOfCommune, EPCI_FORM_BY_CATEGORY, isOutsideEdition, scopeOfCategory } from './legal-category.js';
import type { ServerReferential } from './port.js';
import { SiretResolverError, type SiretResolution, type SiretResolver } from './siret-resolver.js';

/** The State's public register search ("Recherche d'entreprises"). */
export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';

/** The part of `fetch` the resolver uses, so tests and servers can supply their own. */
export type RegisterFetch = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** How to reach the register. */
export interface RechercheEntreprisesOptions {
  /** The referential, which names and sizes the collectivités it knows and places the others' seats. */
  referential: ServerReferential;
  /** Defaults to the global `fetch`. */
  fetch?: RegisterFetch;
  /** Defaults to {@link RECHERCHE_ENTREPRISES_URL}. */
  baseUrl?: string;
  /** Give up after this long (default 5 s); a chained offline resolver may then answer. */
  timeoutMs?: number;
}

// Only the fields read here are declared; the register sends many more, which are let through.
const Nullable = z.string().nullish();
const RegisterUnit = z.looseObject({
  siren: z.string(),
  nom_complet: z.string().min(1),
  nature_juridique: Nullable,
  etat_administratif: Nullable,
  siege: z.looseObject({ commune: Nullable, departement: Nullable, region: Nullable }),
  complements: z
    .looseObject({
      collectivite_territoriale: z.looseObject({ code: Nullable, code_insee: Nullable }).nullish(),
    })
    .nullish(),
});
type RegisterUnit = z.infer<typeof RegisterUnit>;
const RegisterResponse = z.looseObject({ results: z.array(RegisterUnit) });

/**
 * Resolves SIRETs through the State's "Recherche d'entreprises" API, by the unit's legal category:
 * collectivités (named and sized by the referential when it knows them), the groupings in scope
 * (SIVU, SIVOM, syndicats mixtes, PETR, placed at their seat), and for everything else the reason
 * it may not answer. Chain it before the offline resolver (see `chainSiretResolvers`) for when
 * the register cannot be reached.
 */
export class RechercheEntreprisesResolver implements SiretResolver {
  private readonly fetch: RegisterFetch;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly referential: ServerReferential;

  constructor(options: RechercheEntreprisesOptions) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.baseUrl = (options.baseUrl ?? RECHERCHE_ENTREPRISES_URL).replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.referential = options.referential;
  }

  async resolve(siret: string): Promise<SiretResolution> {
    const siren = siret.slice(0, 9);
    const url = `${this.baseUrl}/search?q=${siren}`;
    const parsed = RegisterResponse.safeParse(await this.get(url));
    if (!parsed.success) throw new SiretResolverError(`Unexpected response from ${url}`);
    // The search is full-text: other units may come back; only the exact SIREN counts.
    const unit = parsed.data.results.find((result) => result.siren === siren);
    if (!unit) return { status: 'unknown' };
    const name = unit.nom_complet;
    // A ceased unit (a merged région, a dissolved syndicat) no longer answers for anyone.
    if (unit.etat_administratif === 'C') return { status: 'out_of_scope', reason: 'cessee', name };
    const known = this.referential.collectiviteBySiren(siren);
    if (known) return { status: 'found', collectivite: { ...known, siret } };
    const seatDepartement = unit.siege.departement ?? (unit.siege.commune ? departementOfCommune(unit.siege.commune) : undefined);
    if (seatDepartement !== undefined && isOutsideEdition(seatDepartement)) return { status: 'out_of_scope', reason: 'outre_mer', name };
    const scope = scopeOfCategory(unit.nature_juridique ?? '');
    if ('outOfScope' in scope) return { status: 'out_of_scope', reason: scope.outOfScope, name };
    if (scope.kind === 'syndicat') return this.grouping(unit, siret, url);
    // The project's table lists every collectivité à statut particulier it can place: another one is none it compares.
    if (scope.kind === 'csp') return { status: 'unknown' };
    const collectivite = collectiviteFromRegister(unit, scope.kind, siret);
    if (!collectivite) throw new SiretResolverError(`Incomplete collectivité ${siren} in the response of ${url}`);
    return { status: 'found', collectivite };
  }

  /** A grouping at its seat's commune; failing that, in the département and région the register gives. */
  private grouping(unit: RegisterUnit, siret: string, url: string): SiretResolution {
    const base = { siren: unit.siren, siret, name: unit.nom_complet };
    const atSeat = unit.siege.commune ? groupingCollectivite(this.referential, { ...base, commune: unit.siege.commune }) : undefined;
    if (atSeat) return { status: 'found', collectivite: atSeat };
    const { departement, region } = unit.siege;
    const known = departement && region && this.referential.territory(`departement:${departement}` as TerritoryId);
    const checked = known
      ? Collectivite.safeParse({ ...base, kind: 'syndicat', code: unit.siren, territoryId: `departement:${departement}`, departementCode: departement, regionCode: region })
      : undefined;
    if (!checked?.success) throw new SiretResolverError(`The seat of ${unit.siren} in the response of ${url} is not in the geography`);
    return { status: 'found', collectivite: { ...checked.data, siret } };
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

/**
 * A collectivité the register knows and the referential does not (created since it was generated):
 * its place from the register, no population. `undefined` when the register's answer is incomplete.
 */
function collectiviteFromRegister(unit: RegisterUnit, kind: CollectiviteKind, siret: string): (Collectivite & { siret: string }) | undefined {
  const special = SPECIAL_STATUS_COLLECTIVITES.find((csp) => csp.siren === unit.siren);
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
    if (code) departementCode = departementOfCommune(code);
  } else if (kind === 'epci') {
    code = unit.siren;
    territoryId = `epci:${code}`;
    epciForm = EPCI_FORM_BY_CATEGORY[unit.nature_juridique ?? ''];
  } else if (kind === 'departement') {
    code = local?.code ?? seat.departement;
    territoryId = `departement:${code}`;
    departementCode = code ?? undefined;
  } else if (kind === 'region') {
    code = local?.code ?? seat.region;
    territoryId = `region:${code}`;
    departementCode = undefined;
  } else {
    return undefined;
  }
  const checked = Collectivite.safeParse({
    siren: unit.siren,
    siret,
    name: unit.nom_complet,
    kind: special ? 'csp' : kind,
    ...(epciForm && { epciForm }),
    code,
    territoryId,
    ...(departementCode && { departementCode }),
    regionCode: kind === 'region' && !special ? code : seat.region,
  });
  return checked.success ? { ...checked.data, siret } : undefined;
}
