import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import { codesOf } from '../../core/stats/tally.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { ServerReferential } from '../referential/port.js';
import { COMMUNAL_KINDS, groupKey } from './layout.js';
import type { SecrecyState } from './secrecy/state.js';

/**
 * Reweighted shares: respondents over-represent some kinds and sizes of collectivité, so France
 * and each kind's group are post-stratified to the referential's number of collectivités of each
 * published group (N_h / n_h per respondent).
 *
 * They are computed **from published figures only** — the groups of communes and EPCI by
 * population band, the groups of each kind, and the referential's public counts of collectivités
 * — so they can tell nobody anything the raw tables do not: they need no place in the audit.
 * - A band whose counts are not all shown joins the rest of its kind, whose counts are the kind's
 *   minus the shown bands', weighted as one stratum.
 * - A kind whose counts are not all shown withholds the reweighted shares of France and of itself.
 * - Régions and départements have no reweighted shares: their strata (kinds and bands within the
 *   territory) are not published, and shares weighted by them would give those sub-series away.
 * Shares only, rounded to a tenth of a percentage point, never counts.
 */

/** Rounding of published reweighted shares: a tenth of a percentage point. */
export const WEIGHTED_PRECISION = 1e-3;

export const roundShare = (share: number): number => Math.round(share / WEIGHTED_PRECISION) * WEIGHTED_PRECISION;

/** Weighted counts of a question in a series. */
export interface WeightedTotals {
  codes: Map<string, number>;
  /** Weighted number of those who answered the question, and of the series' respondents. */
  answered: number;
  all: number;
  /** Kish's effective size of the respondents, (Σw)² / Σw². */
  effectiveN: number;
}

/** One post-stratum: its published counts and its number of collectivités. */
interface Stratum {
  population: number;
  respondents: number;
  answered: number;
  codes: Map<string, number>;
}

export class WeightedFigures {
  /** Collectivités per kind and band (`kind|band`), nationwide. */
  readonly #population: Readonly<Record<string, number>>;

  constructor(
    private readonly state: SecrecyState,
    referential: ServerReferential,
  ) {
    this.#population = referential.strataCounts('france');
  }

  #populationOf(kind: CollectiviteKind, band?: string): number {
    let total = 0;
    for (const [key, n] of Object.entries(this.#population)) {
      const [stratumKind, stratumBand] = key.split('|');
      if (stratumKind === kind && (band === undefined || stratumBand === band)) total += n;
    }
    return total;
  }

  /** A published series' counts for a question, if all are shown (nobody answering counts as shown). */
  #shown(key: string, q: number): Stratum | undefined {
    const { state } = this;
    const s = state.tables.seriesIndex.get(key);
    if (s === undefined) return undefined;
    const status = state.questionStatus(s, q);
    const respondents = state.seriesStatus(s) === 'publie' ? state.tables.series[s]!.n : 0;
    if (state.seriesStatus(s) === 'aucune') return { population: 0, respondents: 0, answered: 0, codes: new Map() };
    if (status === 'aucune') return { population: 0, respondents, answered: 0, codes: new Map() };
    const codes = codesOf(state.question(q));
    if (status !== 'publie' || !codes.every((code) => state.isKnown(s, q, code))) return undefined;
    return { population: 0, respondents, answered: state.base(s, q), codes: new Map(codes.map((code) => [code, state.value(s, q, code)])) };
  }

  /** A kind's strata: its shown bands, and the rest of the kind as one; none when the kind is not all shown. */
  #strataOfKind(kind: CollectiviteKind, q: number): Stratum[] | undefined {
    const whole = this.#shown(groupKey(kind), q);
    if (whole === undefined) return undefined;
    whole.population = this.#populationOf(kind);
    if (!COMMUNAL_KINDS.includes(kind)) return [whole];
    const strata: Stratum[] = [];
    const rest: Stratum = { ...whole, codes: new Map(whole.codes) };
    for (const key of Object.keys(this.#population)) {
      const [stratumKind, band] = key.split('|') as [string, string];
      if (stratumKind !== kind) continue;
      const shown = this.#shown(groupKey(kind, band as PopulationBandId), q);
      if (shown === undefined) continue;
      shown.population = this.#population[key]!;
      strata.push(shown);
      rest.population -= shown.population;
      rest.respondents -= shown.respondents;
      rest.answered -= shown.answered;
      for (const [code, count] of shown.codes) rest.codes.set(code, (rest.codes.get(code) ?? 0) - count);
    }
    if (rest.respondents > 0) strata.push(rest);
    return strata;
  }

  /**
   * The weighted counts of a question in France or in a kind's group, or `undefined` when they
   * cannot be computed from published figures (or the series has none).
   */
  totals(s: number, q: number): WeightedTotals | undefined {
    const series = this.state.tables.series[s]!;
    if (series.level !== 'france' && !(series.level === 'groupe' && series.band === undefined)) return undefined;
    const kinds = series.level === 'france' ? [...new Set(Object.keys(this.#population).map((key) => key.split('|')[0] as CollectiviteKind))] : [series.kind!];
    const strata: Stratum[] = [];
    for (const kind of kinds) {
      const ofKind = this.#strataOfKind(kind, q);
      if (ofKind === undefined) return undefined;
      strata.push(...ofKind);
    }
    const codes = new Map(codesOf(this.state.question(q)).map((code) => [code, 0]));
    let answered = 0;
    let all = 0;
    let squares = 0;
    for (const stratum of strata) {
      // A stratum nobody answered in stands for nobody: its collectivités are not represented.
      if (stratum.respondents === 0) continue;
      const weight = stratum.population > 0 ? stratum.population / stratum.respondents : 1;
      answered += weight * stratum.answered;
      all += weight * stratum.respondents;
      squares += weight * weight * stratum.respondents;
      for (const [code, count] of stratum.codes) codes.set(code, (codes.get(code) ?? 0) + weight * count);
    }
    if (answered <= 0) return undefined;
    return { codes, answered, all, effectiveN: squares > 0 ? (all * all) / squares : 0 };
  }
}
