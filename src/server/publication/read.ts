import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { MapResults, MapTerritoryResult } from '../../core/schema/map-results.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { Ponderation, ResultsResponse, Series, SeriesRole, SeriesTerritory } from '../../core/schema/results.js';
import type { Lang, LocalizedText } from '../../core/schema/text.js';
import { bandOf, type PopulationBandId } from '../../core/territory/population-band.js';
import type { Territory } from '../../core/territory/territory.js';
import { apiMessages } from '../http/messages.js';
import type { ServerReferential } from '../referential/port.js';
import type { SeriesFigures } from './compose.js';
import type { PublicationFigures, ThemeFigures } from './figures.js';
import { groupName, profileName } from './labels.js';
import { COMMUNAL_KINDS, groupKey } from './layout.js';
import { profileOf, standardisedSeries } from './similar.js';

/**
 * Responses read from a publication: a results request picks series the publication already
 * holds, protected together, so that no two requests can be played against each other.
 */

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
  /** Only with France: the group of collectivités of this kind (and band). */
  kind?: CollectiviteKind;
  band?: PopulationBandId;
  /** Only this question in the response. */
  questionId?: string;
  lang: Lang;
}

interface Pick {
  role: SeriesRole;
  territory: SeriesTerritory;
  figures: SeriesFigures;
}

const NOBODY: SeriesFigures = { status: 'aucune', n: 0, questions: {} };

function sourceOf(definition: QuestionnaireDefinition): LocalizedText {
  return {
    fr: apiMessages('fr', 'source_wave', { wave: definition.wave }),
    en: apiMessages('en', 'source_wave', { wave: definition.wave }),
  };
}

/** The group of collectivités of a kind and band; bodies (départements, régions…) are grouped by kind only. */
function groupOf(kind: CollectiviteKind, band: PopulationBandId | undefined, lang: Lang): SeriesTerritory {
  const banded = band !== undefined && COMMUNAL_KINDS.includes(kind) ? band : undefined;
  return { id: groupKey(kind, banded), name: groupName(lang, kind, banded), kind: 'groupe' };
}

function onlyQuestion(figures: SeriesFigures, questionId: string | undefined): SeriesFigures {
  if (questionId === undefined || figures.status !== 'publie') return figures;
  const question = figures.questions[questionId];
  return { ...figures, questions: question ? { [questionId]: question } : {} };
}

export class PublicationReader {
  constructor(private readonly referential: ServerReferential) {}

  /** A series as published: a territory or group the publication holds, or the state of a commune or EPCI. */
  #figures(theme: ThemeFigures, ponderation: Ponderation, id: string): SeriesFigures {
    const held = theme.series[ponderation][id];
    if (held) return held;
    const local = theme.local[id];
    return local ? { status: local, n: null, questions: {} } : NOBODY;
  }

  #picks(theme: ThemeFigures, query: ResultsQuery): Pick[] {
    const { territory, lang, ponderation } = query;
    const picks: Pick[] = [];
    // Each series once, by the key it is published under: France narrowed to a group is shown
    // as France, and may still be compared with France whole.
    const read = new Set<string>();
    const add = (role: SeriesRole, where: SeriesTerritory, key: string = where.id, figures = this.#figures(theme, ponderation, key)) => {
      if (read.has(key)) return;
      read.add(key);
      picks.push({ role, territory: where, figures });
    };
    if (query.kind !== undefined) {
      const group = groupOf(query.kind, query.band, lang);
      add('territoire', { ...group, id: 'france', kind: 'france', name: `${apiMessages(lang, 'france')} — ${group.name}` }, group.id);
    } else {
      add('territoire', { id: territory.id, name: territory.name, kind: territory.kind });
    }
    for (const comparison of new Set(query.comparisons)) {
      if (comparison === 'departement' || comparison === 'region') {
        const parentId = territory.parentIds.find((id) => id.startsWith(`${comparison}:`));
        const parent = parentId === undefined ? undefined : this.referential.territory(parentId);
        if (parent) add(comparison, { id: parent.id, name: parent.name, kind: comparison });
      } else if (comparison === 'france') {
        if (territory.kind !== 'france' || query.kind !== undefined) add('france', { id: 'france', name: apiMessages(lang, 'france'), kind: 'france' });
      } else if (territory.kind === 'commune' || territory.kind === 'epci') {
        // A collectivité beside those of its kind and size.
        add('similaires', groupOf(territory.kind, bandOf(territory.population), lang));
      } else if (territory.kind === 'departement' || territory.kind === 'region') {
        // A territory beside the collectivités of France in its own mix of kinds and sizes.
        const standardised = standardisedSeries(theme.series.brute, profileOf(this.referential.strataCounts(territory.id)), query.questionId);
        if (standardised === undefined) continue;
        const id = `groupe:profil:${territory.id}`;
        add('similaires', { id, name: profileName(lang, territory.name), kind: 'groupe' }, id, standardised);
      }
    }
    return picks;
  }

  /** The response to a results request. */
  results(publication: PublicationFigures, query: ResultsQuery): ResultsResponse {
    const theme = publication.themes[query.theme];
    if (theme === undefined) throw new Error(`The publication has no theme ${query.theme}`);
    const series: Series[] = this.#picks(theme, query).map(({ role, territory, figures }) => ({
      role,
      territory,
      ...onlyQuestion(figures, query.questionId),
    }));
    return {
      theme: query.theme,
      ...(theme.version !== undefined ? { version: theme.version } : {}),
      publication: { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition },
      ponderation: query.ponderation,
      minCell: publication.minCell,
      source: sourceOf(query.definition),
      series,
    };
  }

  /** One question for every territory of a level: the map's response. */
  map(
    publication: PublicationFigures,
    query: { theme: ThemeId; definition: QuestionnaireDefinition; niveau: 'departement' | 'region'; questionId: string; ponderation: Ponderation },
  ): MapResults {
    const theme = publication.themes[query.theme];
    if (theme === undefined) throw new Error(`The publication has no theme ${query.theme}`);
    const territories: MapTerritoryResult[] = [];
    for (const territory of this.referential.territoriesOfLevel(query.niveau)) {
      const figures = this.#figures(theme, query.ponderation, territory.id);
      const question = figures.status === 'publie' ? (figures.questions[query.questionId] ?? { status: 'aucune' as const, n: 0 }) : figures;
      territories.push({
        id: territory.id,
        name: territory.name,
        status: question.status,
        n: question.n,
        ...('answers' in question && question.answers ? { answers: question.answers } : {}),
      });
    }
    return {
      theme: query.theme,
      question: query.questionId,
      niveau: query.niveau,
      ponderation: query.ponderation,
      ...(theme.version !== undefined ? { version: theme.version } : {}),
      publication: { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition },
      minCell: publication.minCell,
      source: sourceOf(query.definition),
      territories,
    };
  }
}
