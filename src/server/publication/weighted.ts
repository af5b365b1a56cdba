import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../../core/schema/collectivite.js';
import { rake } from '../../core/stats/raking.js';
import { codesOf } from '../../core/stats/tally.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { TerritoryId } from '../../core/territory/territory-id.js';
import type { ServerReferential } from '../referential/port.js';
import { COMMUNAL_KINDS, groupKey, NATIONAL } from './layout.js';
import type { SecrecyState } from './secrecy/state.js';

/**
 * Reweighted shares ("données redressées"): estimates for all collectivités, not only those who
 * answered, published for France and for each kind as a whole.
 *
 * - France is calibrated on two margins: communes and intercommunalités by kind × population band
 *   *and* by région (respondents over-represent some régions as much as some sizes), by raking
 *   (`raking.ts`, weights bounded to five times the mean); départements, régions and
 *   collectivités à statut particulier, each alone in its kind, by their number.
 * - Each kind's group is post-stratified on its population bands (N_h / n_h per respondent).
 *
 * They are computed **from published figures only** — the groups by kind and band, the régions,
 * and the referential's public counts of collectivités (and of respondents, since whether a
 * collectivité answered is public) — so they can tell nobody anything the raw tables do not, and
 * need no place in the audit. That is why the raking is additive: a respondent's weight is a band
 * term plus a région term, so a weighted count is Σ band term × the band's published count +
 * Σ région term × the région's published count, never a count of one band within one région.
 * - A band whose counts are not all shown joins the rest of its kind, whose counts are the kind's
 *   minus the shown bands', weighted as one stratum.
 * - A région whose counts are not all shown is not calibrated for that question.
 * - A kind whose counts are not all shown withholds its own reweighted shares and is left out of
 *   France's, whose `coverage` then says so (without communes or without EPCI, France is not
 *   calibrated on régions either: a région's counts hold both kinds together).
 * - An estimate standing for less than half of its collectivités is not published.
 * - Régions and départements have no reweighted shares: their strata (kinds and bands within the
 *   territory) are not published, and shares weighted by them would give those sub-series away.
 * Shares only, rounded to a tenth of a percentage point, never counts; with the share of the
 * population the respondents stand for (`coverage`) when some strata have nobody.
 */

/**
 * An estimate standing for less than this share of a series' collectivités is not published: it
 * would be read as one about all of them.
 */
export const MIN_COVERAGE = 0.5;

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
  /** The share of the series' collectivités the respondents stand for. */
  coverage: number;
}

/** Published counts of one series for a question, or of a difference of series. */
interface Counts {
  respondents: number;
  answered: number;
  codes: Map<string, number>;
}

/** One post-stratum (a band, or the rest of a kind): its counts, its number of collectivités and which bands it holds. */
interface Stratum extends Counts {
  key: string;
  kind: CollectiviteKind;
  population: number;
  bands: ReadonlySet<string>;
}

const NOBODY = (): Counts => ({ respondents: 0, answered: 0, codes: new Map() });

export class WeightedFigures {
  /** Collectivités per kind and band (`kind|band`), nationwide. */
  readonly #population: Readonly<Record<string, number>>;
  /** Communes and EPCI per région. */
  readonly #regionPopulation = new Map<string, number>();
  /** Respondents per communal kind, band and région (`kind|band|région`): public, since answering is. */
  readonly #respondents = new Map<string, number>();

  constructor(
    private readonly state: SecrecyState,
    referential: ServerReferential,
  ) {
    this.#population = referential.strataCounts('france');
    for (const region of referential.territoriesOfLevel('region')) {
      const strata = referential.strataCounts(region.id as TerritoryId);
      let communal = 0;
      for (const [stratum, n] of Object.entries(strata)) if (COMMUNAL_KINDS.includes(stratum.split('|')[0] as CollectiviteKind)) communal += n;
      this.#regionPopulation.set(region.id, communal);
    }
    const { series } = state.tables;
    for (const atom of state.tables.atoms) {
      if (!COMMUNAL_KINDS.includes(atom.kind)) continue;
      // The layout already placed each atom in its région's series.
      const region = atom.series.map((s) => series[s]!).find((one) => one.level === 'region')?.key ?? NATIONAL;
      const key = `${atom.kind}|${atom.band ?? ''}|${region}`;
      this.#respondents.set(key, (this.#respondents.get(key) ?? 0) + atom.n);
    }
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
  #shown(key: string, q: number): Counts | undefined {
    const { state } = this;
    const s = state.tables.seriesIndex.get(key);
    if (s === undefined) return undefined;
    if (state.seriesStatus(s) === 'aucune') return NOBODY();
    const status = state.questionStatus(s, q);
    const respondents = state.seriesStatus(s) === 'publie' ? state.tables.series[s]!.n : 0;
    if (status === 'aucune') return { respondents, answered: 0, codes: new Map() };
    const codes = codesOf(state.question(q));
    if (status !== 'publie' || !codes.every((code) => state.isKnown(s, q, code))) return undefined;
    return { respondents, answered: state.base(s, q), codes: new Map(codes.map((code) => [code, state.value(s, q, code)])) };
  }

  /** A kind's strata: its shown bands, and the rest of the kind as one; none when the kind is not all shown. */
  #strataOfKind(kind: CollectiviteKind, q: number): Stratum[] | undefined {
    const whole = this.#shown(groupKey(kind), q);
    if (whole === undefined) return undefined;
    const population = this.#populationOf(kind);
    if (!COMMUNAL_KINDS.includes(kind)) return [{ ...whole, key: kind, kind, population, bands: new Set() }];
    const strata: Stratum[] = [];
    const rest: Stratum = { ...whole, codes: new Map(whole.codes), key: `${kind}|reste`, kind, population, bands: new Set() };
    const restBands = new Set<string>();
    for (const key of Object.keys(this.#population)) {
      const [stratumKind, band] = key.split('|') as [string, string];
      if (stratumKind !== kind) continue;
      const shown = this.#shown(groupKey(kind, band as PopulationBandId), q);
      if (shown === undefined) {
        restBands.add(band);
        continue;
      }
      strata.push({ ...shown, key, kind, population: this.#population[key]!, bands: new Set([band]) });
      rest.population -= this.#population[key]!;
      rest.respondents -= shown.respondents;
      rest.answered -= shown.answered;
      for (const [code, count] of shown.codes) rest.codes.set(code, (rest.codes.get(code) ?? 0) - count);
    }
    if (rest.respondents > 0) strata.push({ ...rest, bands: restBands });
    return strata;
  }

  /**
   * The weighted counts of a question in France or in a kind's group, or `undefined` when they
   * cannot be computed from published figures (or the series has none).
   */
  totals(s: number, q: number): WeightedTotals | undefined {
    const series = this.state.tables.series[s]!;
    if (series.level === 'france') return this.#france(q);
    if (series.level !== 'groupe' || series.band !== undefined) return undefined;
    const strata = this.#strataOfKind(series.kind!, q);
    if (strata === undefined) return undefined;
    // A stratum nobody answered in stands for nobody: its collectivités are not represented.
    return this.#sum(
      strata.map((stratum) => ({ weight: stratum.respondents > 0 ? stratum.population / stratum.respondents : 0, counts: stratum, squares: stratum.respondents })),
      strata.reduce((sum, stratum) => sum + stratum.population, 0),
      strata.reduce((sum, stratum) => sum + (stratum.respondents > 0 ? stratum.population : 0), 0),
      q,
    );
  }

  /** France: communal kinds raked on their strata and the régions shown, bodies by their number. */
  #france(q: number): WeightedTotals | undefined {
    const strata: Stratum[] = [];
    // Kinds not fully shown stand for nobody: their collectivités count as not represented.
    let leftOut = 0;
    let communalWhole = true;
    for (const kind of COLLECTIVITE_KINDS) {
      const ofKind = this.#strataOfKind(kind, q);
      if (ofKind === undefined) {
        leftOut += this.#populationOf(kind);
        if (COMMUNAL_KINDS.includes(kind)) communalWhole = false;
        continue;
      }
      strata.push(...ofKind);
    }
    const communal = strata.filter((stratum) => COMMUNAL_KINDS.includes(stratum.kind));
    // A région's counts hold its communes and its EPCI together: without both kinds, no région term.
    const regions = new Map<string, Counts>();
    for (const id of communalWhole ? this.#regionPopulation.keys() : []) {
      const shown = this.#shown(id, q);
      if (shown !== undefined && shown.respondents > 0) regions.set(id, shown);
    }
    const cells: { row: string; column: string; n: number }[] = [];
    for (const [key, n] of this.#respondents) {
      const [kind, band, region] = key.split('|') as [string, string, string];
      const row = communal.find((stratum) => stratum.kind === kind && stratum.bands.has(band));
      if (row) cells.push({ row: row.key, column: regions.has(region) ? region : NATIONAL, n });
    }
    const raking = rake({
      cells,
      rows: Object.fromEntries(communal.map((stratum) => [stratum.key, stratum.population])),
      columns: Object.fromEntries([...regions.keys()].map((id) => [id, this.#regionPopulation.get(id)!])),
    });
    const parts: { weight: number; counts: Counts; squares: number }[] = [];
    for (const stratum of communal) parts.push({ weight: raking.rowTerm(stratum.key), counts: stratum, squares: 0 });
    for (const [id, counts] of regions) parts.push({ weight: raking.columnTerm(id), counts, squares: 0 });
    // Kish's size needs each respondent's weight, band term plus région term, cell by cell.
    let squares = 0;
    for (const cell of cells) squares += raking.weight(cell.row, cell.column) ** 2 * cell.n;
    const bodies = strata.filter((stratum) => !COMMUNAL_KINDS.includes(stratum.kind));
    for (const body of bodies) {
      const weight = body.respondents > 0 ? body.population / body.respondents : 0;
      parts.push({ weight, counts: body, squares: 0 });
      squares += weight * weight * body.respondents;
    }
    const communalPopulation = communal.reduce((sum, stratum) => sum + stratum.population, 0);
    const population = communalPopulation + bodies.reduce((sum, body) => sum + body.population, 0) + leftOut;
    const covered = raking.coverage * communalPopulation + bodies.reduce((sum, body) => sum + (body.respondents > 0 ? body.population : 0), 0);
    return this.#sum(parts, population, covered, q, squares);
  }

  /** Σ weight × counts over published counts; `squares` gives Σ w² per respondent when parts do not. */
  #sum(parts: readonly { weight: number; counts: Counts; squares: number }[], population: number, covered: number, q: number, squares?: number): WeightedTotals | undefined {
    const codes = new Map(codesOf(this.state.question(q)).map((code) => [code, 0]));
    let answered = 0;
    let all = 0;
    let sumSquares = 0;
    for (const { weight, counts, squares: n } of parts) {
      answered += weight * counts.answered;
      all += weight * counts.respondents;
      sumSquares += weight * weight * n;
      for (const [code, count] of counts.codes) codes.set(code, (codes.get(code) ?? 0) + weight * count);
    }
    const total = squares ?? sumSquares;
    if (answered <= 0 || population <= 0 || covered / population < MIN_COVERAGE) return undefined;
    return { codes, answered, all, effectiveN: total > 0 ? (all * all) / total : 0, coverage: population > 0 ? covered / population : 0 };
  }
}
