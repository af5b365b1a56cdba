import type { QuestionnaireDefinition, ThemeId } from '../../../core/schema/questionnaire.js';
import { FIGURE_STATUSES, PONDERATIONS, type FigureStatus, type Ponderation } from '../../../core/schema/results.js';
import { codesOf, publishedQuestions, type PublishedQuestion } from '../../../core/stats/tally.js';
import type { TerritoryId } from '../../../core/territory/territory-id.js';
import { csvRow } from '../../export/csv.js';
import type { ServerReferential } from '../../referential/port.js';
import type { SeriesFigures } from '../compose.js';
import type { PublicationFigures, ThemeFigures } from '../figures.js';
import { groupName } from '../labels.js';
import { buildLayout, type SeriesDef } from '../layout.js';
import { exportedThemes } from './static-files.js';

/**
 * The open-data file of a publication: every published aggregate of every theme as one CSV, one
 * row per theme, weighting, series, question and answer code, plus the description of its
 * columns. Numbers stay numbers: a figure that is not published is an empty cell, and the
 * `statut` column says why. Only aggregates: no SIRET, no e-mail, no free text.
 *
 * RFC 4180 as the administrator's export writes it (comma, CRLF, formulas neutralised), UTF-8
 * without a byte order mark, decimal point: the file is meant for programs first.
 */

/** Types as Table Schema names them, so that validators and data portals read the description. */
export type ColumnType = 'string' | 'integer' | 'number';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** The only values the column takes, when they are a short list. */
  values?: readonly string[];
}

/** The figure statuses, in the order they are explained. */
export const ROW_STATUSES: readonly FigureStatus[] = FIGURE_STATUSES;

const LEVELS = ['france', 'region', 'departement', 'groupe'] as const;

/** The columns, in file order. The French descriptions feed `colonnes.json` and `LISEZMOI.md`. */
export const OPEN_DATA_COLUMNS: readonly Column[] = [
  { name: 'publication', type: 'string', description: 'Identifiant de la publication dont viennent les chiffres (date et heure du calcul, UTC).' },
  { name: 'theme', type: 'string', description: 'Thème du questionnaire (identifiant, par exemple « cybersecurite »).' },
  {
    name: 'ponderation',
    type: 'string',
    description: '« brute » : parts parmi les répondants ; « redressee » : parts repondérées pour que chaque type de collectivité et chaque tranche de population pèse selon son nombre réel de collectivités (France, et groupes nationaux de chaque type de collectivité, seulement) ; ailleurs, les questions sont « masque ».',
    values: PONDERATIONS,
  },
  {
    name: 'serie',
    type: 'string',
    description: 'Identifiant de la série : « france », « region:53 », « departement:35 », ou un groupe de collectivités comparables comme « groupe:commune:1000-3499 » (communes de cette tranche de population, France entière).',
  },
  { name: 'serie_nom', type: 'string', description: 'Nom de la série : territoire, ou groupe de collectivités.' },
  { name: 'niveau', type: 'string', description: 'Niveau de la série : france, region, departement ou groupe.', values: LEVELS },
  {
    name: 'code_territoire',
    type: 'string',
    description: 'Code officiel géographique du territoire (« 53 » pour une région, « 35 » ou « 2A » pour un département, « FR » pour la France) ; vide pour un groupe.',
  },
  { name: 'question', type: 'string', description: 'Identifiant de la question dans le questionnaire du thème.' },
  { name: 'question_libelle', type: 'string', description: 'Intitulé de la question, tel que posé.' },
  { name: 'reponse', type: 'string', description: 'Code de la réponse (« oui », « non », « nsp », code d’une option, ou tranche pour une question chiffrée).' },
  { name: 'reponse_libelle', type: 'string', description: 'Libellé de la réponse, tel que proposé.' },
  {
    name: 'statut',
    type: 'string',
    description: 'Publication du chiffre de la ligne : publie, aucune, insuffisant ou masque (voir ci-dessous). Quand il n’est pas « publie », les colonnes effectif, part, part_ensemble, ic_bas et ic_haut sont vides.',
    values: ROW_STATUSES,
  },
  {
    name: 'n_serie',
    type: 'integer',
    description: 'Nombre de collectivités répondantes de la série ; vide quand la série n’est pas publiée.',
  },
  {
    name: 'n_question',
    type: 'integer',
    description: 'Nombre de répondants de la série à qui la question a été posée et qui y ont répondu ; vide quand la question n’est pas publiée pour cette série.',
  },
  {
    name: 'effectif',
    type: 'integer',
    description: 'Nombre de répondants ayant donné cette réponse ; toujours vide pour la pondération « redressee », qui ne publie que des parts.',
  },
  {
    name: 'part',
    type: 'number',
    description: 'Part des répondants à la question ayant donné cette réponse, entre 0 et 1 (0,25 = 25 %), arrondie au millième pour la pondération « redressee ». Pour une question à choix multiples, les parts d’une question peuvent dépasser 1 au total.',
  },
  {
    name: 'part_ensemble',
    type: 'number',
    description: 'Même réponse rapportée à tous les répondants de la série, y compris ceux à qui la question ne s’adressait pas, entre 0 et 1.',
  },
  { name: 'ic_bas', type: 'number', description: 'Borne basse de l’intervalle de confiance à 95 % de la part (méthode de Wilson ; en pondération « redressee », sur la taille effective de l’échantillon repondéré).' },
  { name: 'ic_haut', type: 'number', description: 'Borne haute de l’intervalle de confiance à 95 % de la part, calculée comme la borne basse.' },
];

/** The file name of a publication's CSV, under `donnees/`. */
export function openDataFileName(publicationId: string): string {
  return `resultats-${publicationId}.csv`;
}

/** The column description as a Table Schema (fields with name, type and description), for programs. */
export function openDataSchema(): object {
  return {
    fields: OPEN_DATA_COLUMNS.map(({ name, type, description, values }) => ({
      name,
      type,
      description,
      ...(values ? { constraints: { enum: values } } : {}),
    })),
    missingValues: [''],
    primaryKey: ['theme', 'ponderation', 'serie', 'question', 'reponse'],
  };
}

const YES_NO_LABELS: Record<string, string> = { oui: 'Oui', non: 'Non', nsp: 'Je ne sais pas' };

/** The French label of each answer code of a published question. */
function answerLabels(question: PublishedQuestion): Map<string, string> {
  if (question.kind === 'yesno') return new Map(codesOf(question).map((code) => [code, YES_NO_LABELS[code] ?? code]));
  const labelled = question.kind === 'number' ? question.bins : question.options;
  return new Map(labelled.map((item) => [item.code, item.label.fr]));
}

/** A series as a row names it. */
interface SeriesName {
  name: string;
  level: string;
  code: string;
}

/** Names of the publication's series, and their order: France, régions, départements, groups. */
function seriesNames(referential: ServerReferential): { order: Map<string, number>; name(key: string): SeriesName } {
  const defs = new Map<string, SeriesDef>(buildLayout(referential).series.map((def) => [def.key, def]));
  const order = new Map([...defs.keys()].map((key, index) => [key, index]));
  return {
    order,
    name(key) {
      const def = defs.get(key);
      if (def?.level === 'groupe' && def.kind !== undefined) return { name: groupName('fr', def.kind, def.band), level: 'groupe', code: '' };
      const territory = key.startsWith('groupe:') ? undefined : referential.territory(key as TerritoryId);
      const level = def?.level ?? (key.startsWith('groupe:') ? 'groupe' : key.split(':')[0]!);
      return territory ? { name: territory.name, level, code: territory.code } : { name: key, level, code: '' };
    },
  };
}

type Cell = string | number | null | undefined;

/** A computed figure without floating-point noise (0.30000000000000004 → 0.3): twelve significant digits. */
function figure(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value.toPrecision(12));
}

/** Rows of one series of one theme and weighting: every published question, every answer code. */
function* seriesRows(
  prefix: readonly Cell[],
  series: SeriesFigures,
  questions: readonly PublishedQuestion[],
): Generator<readonly Cell[]> {
  for (const question of questions) {
    const labels = answerLabels(question);
    const head = [...prefix, question.id, question.label.fr];
    const figures = series.status === 'publie' ? (series.questions[question.id] ?? { status: 'aucune' as const, n: 0 }) : undefined;
    for (const code of codesOf(question)) {
      const answer = [code, labels.get(code) ?? code];
      if (figures === undefined) {
        yield [...head, ...answer, series.status, null, null, null, null, null, null, null];
      } else if (figures.status !== 'publie') {
        yield [...head, ...answer, figures.status, series.n, null, null, null, null, null, null];
      } else {
        const result = figures.answers?.[code];
        // Every code of a published question is in the figures; one that is not was never computed.
        if (result === undefined) continue;
        if (result.status !== 'publie') {
          yield [...head, ...answer, result.status, series.n, figures.n, null, null, null, null, null];
        } else {
          const [low, high] = result.ci ?? [null, null];
          const values = [result.count, result.share, result.shareOfAll, low, high].map(figure);
          yield [...head, ...answer, 'publie', series.n, figures.n, ...values];
        }
      }
    }
  }
}

/** What the CSV is built with besides the publication. */
export interface OpenDataSources {
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
}

function* themeRows(
  publication: PublicationFigures,
  theme: ThemeId,
  figures: ThemeFigures,
  definition: QuestionnaireDefinition,
  names: ReturnType<typeof seriesNames>,
): Generator<readonly Cell[]> {
  const questions = publishedQuestions(definition);
  for (const ponderation of PONDERATIONS as readonly Ponderation[]) {
    const held = figures.series[ponderation];
    const rank = (key: string) => names.order.get(key) ?? Number.MAX_SAFE_INTEGER;
    const keys = Object.keys(held).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const { name, level, code } = names.name(key);
      yield* seriesRows([publication.id, theme, ponderation, key, name, level, code], held[key]!, questions);
    }
  }
}

/** The CSV, record by record (header first), each with its line end. */
export function* openDataCsv(publication: PublicationFigures, sources: OpenDataSources): Generator<string> {
  yield csvRow(OPEN_DATA_COLUMNS.map((column) => column.name));
  const names = seriesNames(sources.referential);
  for (const [theme, definition] of exportedThemes(publication, sources.definitions)) {
    for (const row of themeRows(publication, theme, publication.themes[theme]!, definition, names)) yield csvRow(row);
  }
}
