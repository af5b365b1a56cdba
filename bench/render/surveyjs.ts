import { evaluateCondition, type CollectiviteProfile } from '../../src/core/questionnaire/conditions.js';
import { OTHER_CODE } from '../../src/core/schema/codes.js';
import type { Condition, Question, QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import type { Lang } from '../../src/core/schema/text.js';

/**
 * Our questionnaire definitions as SurveyJS JSON surveys, for the render comparison: the same
 * pages, questions, answers, help texts and conditions, written the way a SurveyJS user would
 * write them by hand.
 *
 * - a section is a page (title, description);
 * - yes/no is a radiogroup of our three codes (`oui`, `non`, `nsp`): a SurveyJS `boolean` has no
 *   "je ne sais pas", so it would not be the same question;
 * - single choice is a radiogroup, multiple choice a checkbox group whose exclusive option is an
 *   `isExclusive` item; "other, specify" is SurveyJS's own other item (value `other`), so a
 *   condition on our `autre` code reads `other` there;
 * - a number is a `text` input of type number (min, max, step 1 for integers), a text a `comment`;
 * - `required` (true unless said otherwise) is `isRequired`, and conditions become `visibleIf`
 *   expressions. Values of questions that get hidden are cleared at once (`clearInvisibleValues:
 *   "onHidden"`), which is how our engine lets a chain of conditions collapse as a whole.
 */

/** The subset of SurveyJS's JSON schema written here. */
export interface SurveyChoice {
  value: string;
  text: string;
  isExclusive?: boolean;
}

export interface SurveyElement {
  type: 'radiogroup' | 'checkbox' | 'text' | 'comment';
  name: string;
  title: string;
  description?: string;
  isRequired: boolean;
  visibleIf?: string;
  choices?: SurveyChoice[];
  showOtherItem?: boolean;
  otherText?: string;
  inputType?: 'number';
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
}

export interface SurveyPage {
  name: string;
  title: string;
  description?: string;
  elements: SurveyElement[];
}

export interface SurveyJson {
  locale: string;
  title: string;
  description?: string;
  clearInvisibleValues: 'onHidden';
  showQuestionNumbers: 'off';
  showProgressBar: boolean;
  progressBarLocation: 'top';
  checkErrorsMode: 'onNextPage';
  showPreviewBeforeComplete: boolean;
  pages: SurveyPage[];
}

/** SurveyJS's value for its "other" item. */
export const SURVEYJS_OTHER = 'other';

/** The labels our element shows for yes / no / don't know (src/elements/questionnaire/messages.ts). */
const YES_NO: Record<Lang, [string, string, string]> = {
  fr: ['Oui', 'Non', 'Je ne sais pas'],
  en: ['Yes', 'No', 'I don’t know'],
};

function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : quoted(value);
}

/** An answer code as SurveyJS stores it for that question. */
export function surveyCode(question: Question | undefined, code: string): string {
  const otherItem = question && (question.kind === 'single' || question.kind === 'multiple') && question.otherSpecify;
  return otherItem && code === OTHER_CODE ? SURVEYJS_OTHER : code;
}

/**
 * Who answers both forms in the bench: a commune of 3,500 to 4,999 inhabitants, asked what such a
 * commune is asked (the Base adresse locale, the open-data duty; not the REEN strategy).
 */
export const BENCH_RESPONDENT: CollectiviteProfile = { kind: 'commune', populationBand: '3500-4999' };

/** A condition as a SurveyJS expression; `questions` gives the kind of each question it reads. */
export function expressionOf(condition: Condition, questions: ReadonlyMap<string, Question>): string {
  if ('not' in condition) return `!(${expressionOf(condition.not, questions)})`;
  if ('all' in condition) return condition.all.map((part) => `(${expressionOf(part, questions)})`).join(' and ');
  if ('any' in condition) return condition.any.map((part) => `(${expressionOf(part, questions)})`).join(' or ');
  // SurveyJS knows no collectivité: its part is decided for the bench's respondent (see BENCH_RESPONDENT).
  if ('collectivite' in condition) return evaluateCondition(condition, {}, BENCH_RESPONDENT) ? 'true' : 'false';
  const question = questions.get(condition.question);
  const name = `{${condition.question}}`;
  const code = (value: string) => quoted(surveyCode(question, value));
  if ('equals' in condition) {
    return `${name} = ${typeof condition.equals === 'string' ? code(condition.equals) : literal(condition.equals)}`;
  }
  // `anyof` holds for a single value in the list and for a list sharing one value with it: our `in`.
  if ('in' in condition) return `${name} anyof [${condition.in.map(code).join(', ')}]`;
  if ('includes' in condition) {
    return question?.kind === 'multiple' ? `${name} contains ${code(condition.includes)}` : `${name} = ${code(condition.includes)}`;
  }
  if ('gt' in condition) return `${name} > ${condition.gt}`;
  if ('gte' in condition) return `${name} >= ${condition.gte}`;
  if ('lt' in condition) return `${name} < ${condition.lt}`;
  return `${name} <= ${condition.lte}`;
}

function elementOf(question: Question, lang: Lang, questions: ReadonlyMap<string, Question>): SurveyElement {
  const base: SurveyElement = {
    type: 'text',
    name: question.id,
    title: question.label[lang],
    isRequired: question.required !== false,
  };
  if (question.help) base.description = question.help[lang];
  if (question.visibleIf) base.visibleIf = expressionOf(question.visibleIf, questions);
  switch (question.kind) {
    case 'yesno': {
      const [yes, no, dontKnow] = YES_NO[lang];
      return {
        ...base,
        type: 'radiogroup',
        choices: [
          { value: 'oui', text: yes },
          { value: 'non', text: no },
          { value: 'nsp', text: dontKnow },
        ],
      };
    }
    case 'single':
    case 'multiple': {
      const other = question.otherSpecify ? question.options.find((option) => option.code === OTHER_CODE) : undefined;
      const choices = question.options
        .filter((option) => option !== other)
        .map((option): SurveyChoice => {
          const choice: SurveyChoice = { value: option.code, text: option.label[lang] };
          if (question.kind === 'multiple' && question.exclusive === option.code) choice.isExclusive = true;
          return choice;
        });
      const element: SurveyElement = { ...base, type: question.kind === 'single' ? 'radiogroup' : 'checkbox', choices };
      if (other) {
        element.showOtherItem = true;
        element.otherText = other.label[lang];
      }
      return element;
    }
    case 'number': {
      const element: SurveyElement = { ...base, type: 'text', inputType: 'number' };
      if (question.min !== undefined) element.min = question.min;
      if (question.max !== undefined) element.max = question.max;
      if (question.integer) element.step = 1;
      // SurveyJS has no unit beside a number input: the unit goes with the help text.
      if (question.unit) element.description = [base.description, `(${question.unit[lang]})`].filter(Boolean).join(' ');
      return element;
    }
    case 'text':
      return { ...base, type: 'comment', maxLength: question.maxLength };
  }
}

/** A whole definition as a SurveyJS survey, in one language. */
export function toSurveyJson(definition: QuestionnaireDefinition, lang: Lang = 'fr'): SurveyJson {
  const questions = new Map(definition.sections.flatMap((section) => section.questions.map((question) => [question.id, question] as const)));
  const survey: SurveyJson = {
    locale: lang,
    title: definition.title[lang],
    clearInvisibleValues: 'onHidden',
    showQuestionNumbers: 'off',
    // Our element shows "step x of y" above each step, and a review before sending.
    showProgressBar: true,
    progressBarLocation: 'top',
    checkErrorsMode: 'onNextPage',
    showPreviewBeforeComplete: true,
    pages: definition.sections.map((section) => {
      const page: SurveyPage = {
        name: section.id,
        title: section.title[lang],
        elements: section.questions.map((question) => elementOf(question, lang, questions)),
      };
      if (section.description) page.description = section.description[lang];
      return page;
    }),
  };
  if (definition.description) survey.description = definition.description[lang];
  return survey;
}
