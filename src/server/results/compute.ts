import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Ponderation, ResultsResponse, Series, SeriesRole, SeriesTerritory } from '../../core/schema/results.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import {
  aggregateTallies,
  emptyTally,
  protectNestedSeries,
  stratumWeights,
  type SeriesBody,
  type WeightedTally,
} from '../../core/stats/index.js';
import { bandOf, type PopulationBandId } from '../../core/territory/population-band.js';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import type { Territory } from '../../core/territory/territory.js';
import { apiMessages } from '../http/messages.js';
import type { ServerReferential } from '../referential/port.js';
import { blockKey } from '../store/blocks.js';
import type { BlockRevision, ContributionStore, RespondentScope } from '../store/types.js';
import { groupRespondents, selectGroups, stratumOf, sumGroups, type Groups } from './groups.js';
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
/**
 * Tallies of blocks, counted in groups (kind × band): about a thousand blocks per theme (a
 * département × a population band), a group or two each; room for every theme twice over, so a
 * new revision never evicts a live one.
 */
const BLOCK_CACHE_SIZE = 40_000;
/** Territories of the block level and above (a hundred départements, eighteen régions, France) per theme, twice. */
const SUMS_CACHE_SIZE = 2 * 9 * 130;

/** Tries at reading one consistent state before answering with the last one read. */
const MAX_ATTEMPTS = 3;

/** A computed series and the questionnaire versions its respondents answered. */
interface CachedSeries {
  body: SeriesBody;
  versions: readonly string[];
}

/** The blocks of a theme as read at one moment; `revision` changes whenever any block does. */
interface Snapshot {
  revision: number;
  blocks: readonly BlockRevision[];
  /** The blocks of each département and of each région, found once per snapshot. */
  byDepartement: ReadonlyMap<string | null, BlockRevision[]>;
  byRegion: ReadonlyMap<string | null, BlockRevision[]>;
}

/** Where a series' respondents come from, with a key that changes whenever they may have. */
interface SeriesSource {
  key: string;
  load(): Promise<Groups>;
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
  /** Pending and settled tallies of blocks, so concurrent requests read a block once. */
  readonly #blocks = new LruCache<Promise<Groups>>(BLOCK_CACHE_SIZE);
  /** The latest blocks read for each theme. */
  readonly #snapshots = new Map<ThemeId, Snapshot>();
  /** Sums of blocks: départements, régions and France, for the revisions they were added at. */
  readonly #sums = new LruCache<Promise<Groups>>(SUMS_CACHE_SIZE);

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
    return (await this.computeAll(query.theme, [query]))[0]!;
  }

  /**
   * Responses for several queries on one theme (a map's territories), all computed from one
   * state of the data: one read of the revisions serves them all.
   */
  async computeAll(theme: ThemeId, queries: readonly ResultsQuery[]): Promise<ResultsResponse[]> {
    if (queries.some((query) => query.theme !== theme)) throw new Error('Queries computed together share their theme');
    for (let attempt = 1; ; attempt++) {
      const snapshot = await this.#snapshot(theme);
      const responses: ResultsResponse[] = [];
      for (const query of queries) responses.push(await this.#computeAt(query, snapshot));
      if (attempt === MAX_ATTEMPTS || (await this.revision(theme)) === snapshot.revision) return responses;
    }
  }

  /**
   * A number that changes whenever a theme's contributions do (every block's revision only
   * grows, so their sum does too): what a results response's ETag rests on.
   */
  revision(theme: ThemeId): Promise<number> {
    return this.store.revision(theme);
  }

  /**
   * Tallies every block of the given themes ahead of the first visitors, one block at a time so
   * that requests are served in between. France's figures then cost additions, not a read of
   * every answer.
   */
  async warm(themes: Iterable<{ theme: ThemeId; definition: QuestionnaireDefinition }>, signal?: AbortSignal): Promise<void> {
    // Reweighted figures need every stratum's size; France's takes a walk through every collectivité.
    this.referential.strataCounts('france');
    for (const { theme, definition } of themes) {
      for (const block of (await this.#snapshot(theme)).blocks) {
        if (signal?.aborted) return;
        await this.#blockGroups(theme, definition, block);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** The blocks of a theme, read again only when the theme's revision has moved. */
  async #snapshot(theme: ThemeId): Promise<Snapshot> {
    const revision = await this.store.revision(theme);
    const kept = this.#snapshots.get(theme);
    if (kept?.revision === revision) return kept;
    const blocks = await this.store.blockRevisions(theme);
    // Summed from the blocks themselves: if they moved since, the next request reads them again.
    const snapshot: Snapshot = {
      revision: blocks.reduce((sum, block) => sum + block.revision, 0),
      blocks,
      byDepartement: groupBy(blocks, (block) => block.departementCode),
      byRegion: groupBy(blocks, (block) => block.regionCode),
    };
    this.#snapshots.set(theme, snapshot);
    return snapshot;
  }

  #blockGroups(theme: ThemeId, definition: QuestionnaireDefinition, block: BlockRevision): Promise<Groups> {
    const key = `${theme}|${definition.version}|${blockKey(block)}|${block.revision}`;
    let groups = this.#blocks.get(key);
    if (groups === undefined) {
      groups = this.store
        .respondents(theme, { level: 'block', block })
        .then((rows) => groupRespondents(definition, rows));
      this.#blocks.set(key, groups);
      const pending = groups;
      pending.then(
        // Once read, the entry costs its number of groups.
        (settled) => this.#blocks.set(key, pending, Math.max(1, settled.size)),
        // A failed read is not kept: the next request tries again.
        () => this.#blocks.delete(key),
      );
    }
    return groups;
  }

  /**
   * Départements, régions and France are unions of blocks: their tallies are sums of cached block
   * tallies, and only a block whose revision moved is read again. A commune or an EPCI is read
   * directly: it has few respondents.
   */
  #source(query: ResultsQuery, id: TerritoryId, snapshot: Snapshot): SeriesSource {
    const parsed = parseTerritoryId(id);
    const { theme, definition } = query;
    const blocks =
      parsed === null || parsed.kind === 'france'
        ? snapshot.blocks
        : parsed.kind === 'departement'
          ? (snapshot.byDepartement.get(parsed.code) ?? [])
          : parsed.kind === 'region'
            ? (snapshot.byRegion.get(parsed.code) ?? [])
            : undefined;
    if (blocks === undefined) {
      return {
        key: `all:${snapshot.revision}`,
        load: async () => groupRespondents(definition, await this.store.respondents(theme, scopeOf(id))),
      };
    }
    const key = `${parsed === null ? 'france' : id}|${revisionKey(blocks)}`;
    return { key, load: () => this.#sumOf(key, query, blocks, snapshot) };
  }

  /**
   * The sum of blocks' tallies, kept while they stay the same. France adds up its régions' sums,
   * so a new contribution costs re-adding one région's départements and then the régions, rather
   * than every département.
   */
  #sumOf(key: string, query: ResultsQuery, blocks: readonly BlockRevision[], snapshot: Snapshot): Promise<Groups> {
    const { theme, definition } = query;
    const cacheKey = `${theme}|${definition.version}|${key}`;
    let sum = this.#sums.get(cacheKey);
    if (sum === undefined) {
      const parts: Promise<Groups>[] = [];
      if (key.startsWith('france|')) {
        for (const [region, members] of snapshot.byRegion) {
          const part = region === null ? 'outside-regions' : `region:${region}`;
          parts.push(this.#sumOf(`${part}|${revisionKey(members)}`, query, members, snapshot));
        }
      } else {
        for (const block of blocks) parts.push(this.#blockGroups(theme, definition, block));
      }
      sum = Promise.all(parts).then((sets) => (sets.length === 1 ? sets[0]! : sumGroups(definition, sets)));
      this.#sums.set(cacheKey, sum);
      sum.catch(() => this.#sums.delete(cacheKey));
    }
    return sum;
  }

  async #computeAt(query: ResultsQuery, snapshot: Snapshot): Promise<ResultsResponse> {
    const shown = this.#shownSeries(query);
    const plan = planSeries(
      shown.map((series) => series.spec),
      (id) => this.referential.territory(id)?.parentIds ?? [],
    );
    const versions = new Set<string>();
    const bodies: SeriesBody[] = [];
    for (const spec of plan.specs) {
      const source = this.#source(query, spec.territoryId, snapshot);
      const key = `${query.theme}|${query.definition.version}|${query.ponderation}|${specKey(spec)}|${source.key}`;
      let cached = this.#series.get(key);
      if (cached === undefined) {
        const groups = spec.empty ? new Map() : selectGroups(await source.load(), (group) => matches(group, spec));
        const seen = new Set([...groups.values()].flatMap((group) => [...group.versions]));
        cached = { body: this.#aggregate(query, spec, groups), versions: [...seen] };
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

  #aggregate(query: ResultsQuery, spec: SeriesSpec, groups: Groups): SeriesBody {
    const options = { minCell: this.minCell };
    if (groups.size === 0) return aggregateTallies([{ tally: emptyTally(query.definition) }], options);
    if (query.ponderation !== 'redressee') {
      return aggregateTallies([...groups.values()].map(({ tally }) => ({ tally })), options);
    }
    // Post-stratification: each stratum's respondents weigh N_h / n_h; those without a band weigh 1.
    const respondentsOf = new Map<string, number>();
    for (const group of groups.values()) {
      const stratum = stratumOf(group);
      if (stratum !== undefined) respondentsOf.set(stratum, (respondentsOf.get(stratum) ?? 0) + group.tally.n);
    }
    const weights = stratumWeights(respondentsOf, this.#population(spec));
    const weighted: WeightedTally[] = [...groups.values()].map((group) => {
      const stratum = stratumOf(group);
      return { tally: group.tally, weight: (stratum === undefined ? undefined : weights.get(stratum)) ?? 1 };
    });
    return aggregateTallies(weighted, options);
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

function groupBy<K>(blocks: readonly BlockRevision[], keyOf: (block: BlockRevision) => K): Map<K, BlockRevision[]> {
  const groups = new Map<K, BlockRevision[]>();
  for (const block of blocks) {
    const key = keyOf(block);
    const members = groups.get(key);
    if (members) members.push(block);
    else groups.set(key, [block]);
  }
  return groups;
}

/** Identifies a set of blocks at their revisions: both only grow, so a change changes it. */
function revisionKey(blocks: readonly BlockRevision[]): string {
  return `${blocks.length}:${blocks.reduce((sum, block) => sum + block.revision, 0)}`;
}

function matches(group: { kind: CollectiviteKind; band: PopulationBandId | null }, spec: SeriesSpec): boolean {
  return (spec.kind === undefined || group.kind === spec.kind) && (spec.band === undefined || group.band === spec.band);
}

function onlyQuestion(body: SeriesBody, questionId: string | undefined): SeriesBody {
  if (questionId === undefined) return body;
  const questions = Object.hasOwn(body.questions, questionId) ? { [questionId]: body.questions[questionId]! } : {};
  return { ...body, questions };
}
