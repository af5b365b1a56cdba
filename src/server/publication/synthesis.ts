import { THEMES, type Question, type QuestionnaireDefinition, type ThemeId } from '../../core/schema/questionnaire.js';
import type { QuestionResult, Series } from '../../core/schema/results.js';
import type { SynthesisAnswer, SynthesisQuestion, SynthesisResponse, SynthesisTheme } from '../../core/schema/synthesis.js';
import type { Lang, LocalizedText } from '../../core/schema/text.js';
import type { Territory } from '../../core/territory/territory.js';
import type { PublicationFigures } from './figures.js';
import type { Comparison, PublicationReader } from './read.js';

/**
 * The synthesis of a territory, composed from the results the reader already serves: each theme's
 * response for the territory and its comparisons, cut down to the headline questions and the
 * answers shown. Only figures a results request would publish leave, with the statuses the
 * publication gave them; nothing is counted again here.
 */

/**
 * Every comparison the results offer: the reader keeps those that apply (a département for a
 * commune or an EPCI, a région below it, France below France, similar collectivités where a
 * profile exists) and drops the others.
 */
const SYNTHESIS_COMPARISONS: readonly Comparison[] = ['departement', 'region', 'france', 'similaires'];

/** "Oui" in both languages: a yes/no question is summed up by its share of yeses. */
const YES: LocalizedText = { fr: 'Oui', en: 'Yes' };

type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;

/**
 * A theme's headline questions whose figures are shares per answer, in definition order: numbers
 * are published over bins and free text never, so neither sums up a theme.
 */
function headlineQuestions(definition: QuestionnaireDefinition): ChoiceQuestion[] {
  return definition.sections
    .flatMap((section) => section.questions)
    .filter((question): question is ChoiceQuestion => question.headline === true && question.kind !== 'number' && question.kind !== 'text');
}

function shownAnswers(question: ChoiceQuestion): SynthesisAnswer[] {
  if (question.kind === 'yesno') return [{ code: 'oui', label: YES }];
  return question.options.map((option) => ({ code: option.code, label: option.label }));
}

/** A published question with only the answers shown; the other states pass as they are. */
function shownFigures(question: QuestionResult, codes: readonly string[]): QuestionResult {
  if (question.status !== 'publie' || question.answers === undefined) return question;
  const answers = Object.fromEntries(codes.flatMap((code) => (question.answers?.[code] ? [[code, question.answers[code]]] : [])));
  return { ...question, answers };
}

/** A series holding the headline questions only, each with the answers shown. */
function headlineSeries(series: Series, questions: readonly SynthesisQuestion[]): Series {
  if (series.status !== 'publie') return series;
  const kept: Record<string, QuestionResult> = {};
  for (const question of questions) {
    const figures = series.questions[question.id];
    if (figures) kept[question.id] = shownFigures(figures, question.answers.map((answer) => answer.code));
  }
  return { ...series, questions: kept };
}

/** "vague 1", "vagues 1 et 2", "vagues 1, 2 et 3" (and in English). */
function sourceOf(waves: readonly number[]): LocalizedText {
  const sorted = [...new Set(waves)].sort((a, b) => a - b).map(String);
  const list = (and: string) => (sorted.length < 2 ? sorted.join('') : `${sorted.slice(0, -1).join(', ')} ${and} ${sorted.at(-1)!}`);
  const plural = sorted.length > 1;
  return {
    fr: `Baromètre numérique des collectivités, ${plural ? 'vagues' : 'vague'} ${list('et')}`,
    en: `Baromètre numérique des collectivités, ${plural ? 'waves' : 'wave'} ${list('and')}`,
  };
}

/** What a synthesis is composed for. */
export interface SynthesisQuery {
  territory: Territory;
  definitions: Readonly<Partial<Record<ThemeId, QuestionnaireDefinition>>>;
  lang: Lang;
}

/**
 * The synthesis of a territory from one publication: the themes it holds, in the Baromètre's
 * order, raw figures (départements and régions have no others).
 */
export function composeSynthesis(reader: PublicationReader, publication: PublicationFigures, query: SynthesisQuery): SynthesisResponse {
  const themes: SynthesisTheme[] = [];
  const waves: number[] = [];
  for (const theme of THEMES) {
    const definition = query.definitions[theme];
    if (definition === undefined || !Object.hasOwn(publication.themes, theme)) continue;
    const results = reader.results(publication, {
      theme,
      definition,
      territory: query.territory,
      comparisons: SYNTHESIS_COMPARISONS,
      ponderation: 'brute',
      lang: query.lang,
    });
    const questions = headlineQuestions(definition).map((question) => ({ id: question.id, label: question.label, answers: shownAnswers(question) }));
    themes.push({
      theme,
      title: definition.title,
      ...(results.version !== undefined ? { version: results.version } : {}),
      questions,
      series: results.series.map((series) => headlineSeries(series, questions)),
    });
    waves.push(definition.wave);
  }
  const { territory } = query;
  return {
    territory: { id: territory.id, name: territory.name, kind: territory.kind },
    publication: { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition },
    minCell: publication.minCell,
    source: sourceOf(waves),
    themes,
  };
}
