import type { CollectiviteKindId } from '../../core/schema/collectivite-kinds.js';
import type { ParticipationResponse, ParticipationTerritory } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { roundPercent } from '../shared/results/percent.js';
import { editionPublicationText, publicationCsvLines } from '../shared/results/wording.js';
import { participationMessages } from '../participation/messages.js';
import { colourEntries, type MapEntry, type MapModel, type MapWords } from './map-model.js';
import { mapMessages } from './messages.js';
import { territoriesOf } from './territories.js';

/** What {@link buildParticipationMapModel} needs. */
export interface ParticipationMapModelInput {
  participation: ParticipationResponse;
  /** The theme whose participation colours the map. */
  theme: string;
  /** The kind of collectivité counted. */
  kind: CollectiviteKindId;
  decimals: number;
  /** Fixed class bounds; quintiles when absent. */
  thresholds?: readonly number[];
  lang: Lang;
}

type EntryFigures = Pick<MapEntry, 'n' | 'total' | 'state' | 'percent'>;

/**
 * A territory's share of collectivités of the kind that answered the theme. Counts of respondents
 * are not secret, so every territory holding some has its share, nobody answering being a real
 * 0 %; a territory holding none says so (`sans`); a kind the referential gives no number of, or a
 * theme or territory the response does not hold, has no share (`missing`).
 */
function figuresOf(territory: ParticipationTerritory | undefined, theme: string, kind: CollectiviteKindId, decimals: number): EntryFigures {
  const themed = territory?.themes.find((one) => one.theme === theme);
  if (!themed) return { n: null, state: 'missing' };
  const counted = themed.kinds.find((one) => one.kind === kind);
  if (!counted) return { n: null, state: 'sans' };
  if (counted.total === null) return { n: counted.respondents, state: 'missing' };
  return { n: counted.respondents, total: counted.total, state: 'value', percent: roundPercent(counted.respondents / counted.total, decimals) };
}

/** The theme's name in the reader's language, from any territory that lists it. */
function themeTitle(participation: ParticipationResponse, theme: string, lang: Lang): string {
  for (const territory of participation.territories) {
    const found = territory.themes.find((one) => one.theme === theme);
    if (found) return found.title[lang];
  }
  return theme;
}

/** The words of a participation map: the theme, the kind counted, the edition. */
function participationWords(lang: Lang, model: Pick<MapModel, 'level' | 'publication'>, theme: string, kind: string, edition: string): MapWords {
  const level = mapMessages(lang, model.level === 'region' ? 'regions' : 'departements');
  const counted = mapMessages(lang, 'participationOf', { kind, theme });
  return {
    title: mapMessages(lang, 'participationTitle', { theme }),
    subtitle: `${mapMessages(lang, 'participationShare', { kind })} · ${participationMessages(lang, 'edition', { edition })}`,
    counted,
    mapLabel: mapMessages(lang, 'participationMapLabel', { level, kind, theme }),
    tableCaption: mapMessages(lang, 'participationTableCaption', { kind, theme, level, publication: editionPublicationText(lang, model.publication) }),
    shareColumn: mapMessages(lang, 'participationShare', { kind }),
    shareCsvColumn: mapMessages(lang, 'participationShareCsv', { kind }),
    empty: mapMessages(lang, 'participationEmpty', { theme }),
    noneHeld: mapMessages(lang, 'noneHeld', { kind }),
    totalColumn: mapMessages(lang, 'totalCsvColumn', { kind }),
    tableNote: participationMessages(lang, 'notSecret'),
  };
}

/**
 * Builds what a participation map shows: per territory of the level, the share of its
 * collectivités of one kind that answered one theme, out of those it holds.
 */
export function buildParticipationMapModel({ participation, theme, kind, decimals, thresholds, lang }: ParticipationMapModelInput): MapModel {
  const level = participation.niveau ?? 'departement';
  const byId = new Map(participation.territories.map((territory) => [territory.territory.id, territory]));
  const entries: MapEntry[] = territoriesOf(level).map((territory) => {
    const found = byId.get(territory.id);
    return { ...territory, name: found?.territory.name ?? territory.name, ...figuresOf(found, theme, kind, decimals) };
  });
  const title = themeTitle(participation, theme, lang);
  const kindWord = participationMessages(lang, `kind_${kind}`);
  const source = mapMessages(lang, 'participationSource');
  const { publication, edition } = participation;
  return {
    measure: 'participation',
    level,
    entries,
    scale: colourEntries(entries, thresholds),
    words: participationWords(lang, { level, publication }, title, kindWord, edition),
    // Counts of respondents have no threshold: nothing here is said "moins de 5 réponses".
    minCell: 0,
    decimals,
    publication,
    source,
    csvContext: [
      [mapMessages(lang, 'themeLabel'), title],
      [mapMessages(lang, 'kindLabel'), kindWord],
      [resultsMessages(lang, 'sourceLabel'), source],
      ...publicationCsvLines(lang, { ...publication, edition }),
    ],
    fileName: ['barometre', 'participation', theme, kind, edition, level],
  };
}
