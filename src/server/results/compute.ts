import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Ponderation, ResultsResponse, Series, SeriesRole, SeriesTerritory } from '../../core/schema/results.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import {
  aggregateSeries,
  applyPostStratification,
  protectNestedSeries,
  stratumKey,
  type Respondent,
  type SeriesBody,
} from '../../core/stats/index.js';
import { bandOf, type PopulationBandId } from '../../core/territory/population-band.js';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import type { Territory } from '../../core/territory/territory.js';
import { apiMessages } from '../http/messages.js';
import type { ServerReferential } from '../referential/port.js';
import type { ContributionStore, RespondentRecord, RespondentScope } from '../store/types.js';
import { LruCache } from './lru.js';
import { narrow, planSeries, specKey, type SeriesSpec } from './plan.js';
import { groupName } from './labels.js';

/** The comparisons a results request may ask for besides its territory. */
export const COMPARISONS = ['departement', 'region', 'france', 'similaires'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A results request, checked. */
export interface ResultsQuery {
  theme: ThemeId;
  definition: QuestionnaireDefinition;
  territory: Territory;
  comparisons: readonly Comparison[];
  ponderation: Ponderation;
  kind?: CollectiviteKind;
  band?: PopulationBandId;
  /** Only this question in the response. */
  questionId?: string;
  lang: Lang;
}

/** Computed series are kept while the data does not change: the France series serves every page. */
const SERIES_CACHE_SIZE = 2048;
/** Respondents read from the store, counted in rows: the large territories are read again and again. */
const ROWS_CACHE_SIZE = 150_000;

/** Tries at reading one consistent state before answering with the last one read. */
const MAX_ATTEMPTS = 3;

/** A computed series and the questionnaire versions its respondents answered. */
interface CachedSeries {
  body: SeriesBody;
  versions: readonly string[];
}

interface ShownSeries {
  role: SeriesRole;
  spec: SeriesSpec;
  territory: SeriesTerritory;
}

/**
 * Computes results responses from the store and the referential with the statistics of core:
 * aggregation, weighting, small-cell suppression within series and across nested series.
 */
export class ResultsService {
  readonly #series = new LruCache<CachedSeries>(SERIES_CACHE_SIZE);
  readonly #rows = new LruCache<RespondentRecord[]>(ROWS_CACHE_SIZE);

  constructor(
    private readonly store: ContributionStore,
    private readonly referential: ServerReferential,
    private readonly minCell: number,
  ) {}

  /**
   * Builds the response for a checked query. All its series must describe one state of the data,
   * or differences between them would not be those the suppression checked: if contributions
   * changed while the figures were read (possible with a store that really awaits), they are read
   * again.
   */
  async compute(query: ResultsQuery): Promise<ResultsResponse> {
    for (let attempt = 1; ; attempt++) {
      const revision = await this.#revision(query.theme);
      const response = await this.#computeAt(query, revision);
      if (attempt === MAX_ATTEMPTS || (await this.#revision(query.theme)) === revision) return response;
    }
  }

  /** Every block's revision only grows, so their sum changes whenever a contribution does. */
  async #revision(theme: ThemeId): Promise<number> {
    return (await this.store.blockRevisions(theme)).reduce((sum, block) => sum + block.revision, 0);
  }

  async #computeAt(query: ResultsQuery, revision: number): Promise<ResultsResponse> {
    const shown = this.#shownSeries(query);
    const plan = planSeries(
      shown.map((series) => series.spec),
      (id) => this.referential.territory(id)?.parentIds ?? [],
    );
    const rowsOf = async (id: TerritoryId): Promise<RespondentRecord[]> => {
      const key = `${query.theme}|${revision}|${id}`;
      let rows = this.#rows.get(key);
      if (!rows) {
        rows = await this.store.respondents(query.theme, scopeOf(id));
        this.#rows.set(key, rows, Math.max(1, rows.length));
      }
      return rows;
    };
    const versions = new Set<string>();
    const bodies: SeriesBody[] = [];
    for (const spec of plan.specs) {
      const key = `${query.theme}|${query.definition.version}|${query.ponderation}|${revision}|${specKey(spec)}`;
      let cached = this.#series.get(key);
      if (cached === undefined) {
        const rows = spec.empty ? [] : (await rowsOf(spec.territoryId)).filter((row) => matches(row, spec));
        cached = { body: this.#aggregate(query, spec, rows), versions: [...new Set(rows.map((row) => row.version))] };
        this.#series.set(key, cached);
      }
      for (const version of cached.versions) versions.add(version);
      bodies.push(cached.body);
    }
    const protectedBodies = protectNestedSeries(query.definition, bodies, plan.nesting, { minCell: this.minCell });
    const series: Series[] = shown.map((entry, position) => {
      const body = protectedBodies[plan.shown[position]!]!;
      return { role: entry.role, territory: entry.territory, ...onlyQuestion(body, query.questionId) };
    });
    const response: ResultsResponse = {
      theme: query.theme,
      generatedAt: new Date().toISOString(),
      ponderation: query.ponderation,
      minCell: this.minCell,
      source: {
        fr: apiMessages('fr', 'source_wave', { wave: query.definition.wave }),
        en: apiMessages('en', 'source_wave', { wave: query.definition.wave }),
      },
      series,
    };
    // Figures from answers to several versions cannot be credited to one.
    if (versions.size === 1 && versions.has(query.definition.version)) {
      response.version = query.definition.version;
    }
    return response;
  }

  #aggregate(query: ResultsQuery, spec: SeriesSpec, rows: readonly RespondentRecord[]): SeriesBody {
    let respondents: Respondent[] = rows.map((row) => {
      const respondent: Respondent = { answers: row.answers };
      if (row.band !== null) respondent.stratum = stratumKey(row.kind, row.band);
      return respondent;
    });
    if (query.ponderation === 'redressee' && respondents.length > 0) {
      respondents = applyPostStratification(respondents, this.#population(spec)).respondents;
    }
    return aggregateSeries(query.definition, respondents, { minCell: this.minCell });
  }

  /** N_h: collectivités of each stratum in the series' territory, within its filters. */
  #population(spec: SeriesSpec): Record<string, number> {
    const counts = this.referential.strataCounts(spec.territoryId);
    const population: Record<string, number> = {};
    for (const [stratum, n] of Object.entries(counts)) {
      const [kind, band] = stratum.split('|');
      if (spec.kind !== undefined && kind !== spec.kind) continue;
      if (spec.band !== undefined && band !== spec.band) continue;
      population[stratum] = n;
    }
    return population;
  }

  #shownSeries(query: ResultsQuery): ShownSeries[] {
    const { territory, lang } = query;
    const filter = { ...(query.kind ? { kind: query.kind } : {}), ...(query.band ? { band: query.band } : {}) };
    const shown: ShownSeries[] = [
      {
        role: 'territoire',
        spec: narrow({ territoryId: territory.id }, filter),
        territory: { id: territory.id, name: territory.name, kind: territory.kind },
      },
    ];
    for (const comparison of new Set(query.comparisons)) {
      if (comparison === 'departement' || comparison === 'region') {
        // The nearest enclosing territory of that level; a level at or above the territory has none.
        const parentId = territory.parentIds.find((id) => id.startsWith(`${comparison}:`));
        const parent = parentId === undefined ? undefined : this.referential.territory(parentId);
        if (!parent) continue;
        shown.push({
          role: comparison,
          spec: narrow({ territoryId: parent.id }, filter),
          territory: { id: parent.id, name: parent.name, kind: comparison },
        });
      } else if (comparison === 'france') {
        if (territory.kind === 'france') continue;
        shown.push({
          role: 'france',
          spec: narrow({ territoryId: 'france' }, filter),
          territory: { id: 'france', name: apiMessages(lang, 'france'), kind: 'france' },
        });
      } else {
        if (territory.kind === 'france') continue; // France has no peers
        const kind = territory.kind as CollectiviteKind;
        const band = bandOf(territory.population);
        shown.push({
          role: 'similaires',
          spec: narrow({ territoryId: 'france', kind, band }, filter),
          territory: { id: `groupe:${kind}:${band}`, name: groupName(lang, kind, band), kind: 'groupe' },
        });
      }
    }
    return shown;
  }
}

function scopeOf(id: TerritoryId): RespondentScope {
  const parsed = parseTerritoryId(id);
  if (parsed === null || parsed.kind === 'france') return { level: 'france' };
  return { level: parsed.kind, code: parsed.code };
}

function matches(row: RespondentRecord, spec: SeriesSpec): boolean {
  return (spec.kind === undefined || row.kind === spec.kind) && (spec.band === undefined || row.band === spec.band);
}

function onlyQuestion(body: SeriesBody, questionId: string | undefined): SeriesBody {
  if (questionId === undefined) return body;
  const questions = Object.hasOwn(body.questions, questionId) ? { [questionId]: body.questions[questionId]! } : {};
  return { ...body, questions };
}
