import { createCatalog } from '../../core/i18n/index.js';
import type { EvolutionBreakReason } from '../../core/schema/evolution.js';
import type { Question } from '../../core/schema/questionnaire.js';
import type { LocalizedText } from '../../core/schema/text.js';

/**
 * The sentences saying why a series of figures breaks between two editions, in both languages
 * (a response carries both, like its source line). `{edition}` is where the series breaks,
 * `{previous}` the edition before it, `{missing}` the one lacking the question or its figures.
 */
const breakMessages = createCatalog({
  fr: {
    question_absent: 'La série s’interrompt en {edition} : la question n’est pas posée dans l’édition {missing}.',
    not_published: 'La série s’interrompt en {edition} : l’édition {missing} n’a pas encore de résultats publiés pour ce volet.',
    kind_changed:
      'La série s’interrompt en {edition} : la question n’est plus posée de la même façon qu’en {previous} (la forme de la réponse a changé), les parts ne se comparent pas.',
    codes_changed:
      'La série s’interrompt en {edition} : les réponses proposées ne sont plus celles de {previous}, les parts ne se comparent pas.',
    base_changed:
      'La série s’interrompt en {edition} : la question n’est plus posée aux mêmes collectivités qu’en {previous}, les parts ne se comparent pas.',
  },
  en: {
    question_absent: 'The series breaks in {edition}: the {missing} edition does not ask this question.',
    not_published: 'The series breaks in {edition}: the {missing} edition has no published results for this questionnaire yet.',
    kind_changed:
      'The series breaks in {edition}: the question is no longer asked as it was in {previous} (the form of the answer changed), so the shares do not compare.',
    codes_changed: 'The series breaks in {edition}: the answers offered differ from those of {previous}, so the shares do not compare.',
    base_changed:
      'The series breaks in {edition}: the question is no longer asked of the same collectivités as in {previous}, so the shares do not compare.',
  },
});

/** What the evolution route refuses beyond the results' own refusals. */
export const evolutionErrorMessages = createCatalog({
  fr: {
    answer_not_found: 'Aucune édition de la question « {question} » ne propose la réponse « {code} ».',
  },
  en: {
    answer_not_found: 'No edition of question “{question}” offers the answer “{code}”.',
  },
});

/** The break's sentence in both languages. */
export function breakMessage(reason: EvolutionBreakReason, params: { edition: string; previous: string; missing: string }): LocalizedText {
  return { fr: breakMessages('fr', reason, params), en: breakMessages('en', reason, params) };
}

/** "Oui" in both languages: yes/no questions have no options to read it from. */
const YES_NO_LABELS: Record<string, LocalizedText> = {
  oui: { fr: 'Oui', en: 'Yes' },
  non: { fr: 'Non', en: 'No' },
  nsp: { fr: 'Ne sait pas', en: 'Don’t know' },
};

/** How a question words one of its answers, or `undefined` when it offers no such answer. */
export function answerLabel(question: Question, code: string): LocalizedText | undefined {
  switch (question.kind) {
    case 'yesno':
      return YES_NO_LABELS[code];
    case 'single':
    case 'multiple':
      return question.options.find((option) => option.code === code)?.label;
    case 'number':
      return question.bins?.find((bin) => bin.code === code)?.label;
    default:
      return undefined;
  }
}
