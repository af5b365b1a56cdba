import type { Collectivite, CollectiviteKind } from '../../../core/schema/collectivite.js';
import type { Ponderation } from '../../../core/schema/results.js';
import type { PopulationBandId } from '../../../core/territory/population-band.js';
import type { TerritoryId } from '../../../core/territory/territory-id.js';

/** The group a collectivité is compared with: its own kind and population band, across France. */
export interface PeerGroup {
  kind: CollectiviteKind;
  band: PopulationBandId;
}

/** What the feedback asks the results API for, decided from the collectivité alone. */
export interface FeedbackPlan {
  /** The area shown beside France: the collectivité's département, or its région when it has none. */
  area: TerritoryId;
  /** Absent when the collectivité's population band is unknown: no group can then be named. */
  peers?: PeerGroup;
}

/**
 * Where a collectivité is compared. A commune or an EPCI is placed in its département (an EPCI
 * in its seat's, as the referential attaches it); a département is its own area; a région, or a
 * collectivité spanning a whole région, has no département and is shown with its région.
 */
export function feedbackPlan(collectivite: Collectivite): FeedbackPlan {
  const area: TerritoryId =
    collectivite.departementCode !== undefined ? `departement:${collectivite.departementCode}` : `region:${collectivite.regionCode}`;
  const band = collectivite.populationBand;
  return band === undefined ? { area } : { area, peers: { kind: collectivite.kind, band } };
}

/**
 * `territoire=<area>&comparer=france`: the area and France in one response. `similaires` is not
 * asked here: for a département the API gives the communes and EPCI of France in the
 * département's own make-up, not collectivités of the respondent's kind and band.
 */
export function areaResultsPath(theme: string, plan: FeedbackPlan, ponderation: Ponderation): string {
  const params = new URLSearchParams({ territoire: plan.area, comparer: 'france', ponderation });
  return `/resultats/${encodeURIComponent(theme)}?${params.toString()}`;
}

/**
 * `territoire=france&type=<kind>&bande=<band>`: France narrowed to the respondent's own kind and
 * band, which is exactly the series the API publishes as `similaires` for that group. Naming
 * kind and band explicitly keeps the group right where the territory would mislead — a
 * collectivité à statut particulier is stored as `csp`, not as the kind of the territory it
 * governs.
 */
export function peersResultsPath(theme: string, peers: PeerGroup, ponderation: Ponderation): string {
  const params = new URLSearchParams({ territoire: 'france', type: peers.kind, bande: peers.band, ponderation });
  return `/resultats/${encodeURIComponent(theme)}?${params.toString()}`;
}
