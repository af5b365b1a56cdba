import { Model } from 'survey-core';
import { visibleQuestionIds } from '../../src/core/questionnaire/visibility.js';
import type { AnswerValue, Question, QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import { Prng } from '../../src/server/seed/prng.js';
import { BENCH_RESPONDENT, surveyCode, toSurveyJson } from './surveyjs.js';

/**
 * Checks the converter before any timing rests on it: survey-core (which runs in Node) and our
 * engine are given the same answers, one question at a time, sometimes going back to change an
 * earlier one, and must show the same questions after every step. A render race between two
 * forms that do not ask the same thing would mean nothing.
 */

function randomAnswer(question: Question, rng: Prng): AnswerValue {
  switch (question.kind) {
    case 'yesno':
      return ['oui', 'non', 'nsp'][rng.int(0, 2)]!;
    case 'single':
      return question.options[rng.int(0, question.options.length - 1)]!.code;
    case 'multiple': {
      const exclusive = question.exclusive;
      if (exclusive !== undefined && rng.chance(0.2)) return [exclusive];
      const others = question.options.filter((option) => option.code !== exclusive);
      const chosen = others.filter(() => rng.chance(0.4)).map((option) => option.code);
      return chosen.length > 0 ? chosen : [others[0]!.code];
    }
    case 'number': {
      const min = question.min ?? 0;
      const max = Math.min(question.max ?? 50, min + 50);
      return rng.chance(0.3) ? min : rng.int(min, max);
    }
    case 'text':
      return 'texte';
  }
}

function asSurveyValue(question: Question, value: AnswerValue): unknown {
  if (typeof value === 'string') return surveyCode(question, value);
  if (Array.isArray(value)) return value.map((code) => surveyCode(question, code));
  return value;
}

/** Returns the number of steps compared; throws on the first disagreement. */
export function checkConverter(definitions: readonly QuestionnaireDefinition[], walks = 40): number {
  const rng = new Prng(99);
  let steps = 0;
  for (const definition of definitions) {
    const questions = definition.sections.flatMap((section) => section.questions);
    for (let walk = 0; walk < walks; walk++) {
      const survey = new Model(toSurveyJson(definition));
      const answers: Record<string, AnswerValue> = {};
      for (let step = 0; step < questions.length * 2; step++) {
        const visible = visibleQuestionIds(definition, answers, BENCH_RESPONDENT);
        // Our element drops the answers of hidden questions on sending; SurveyJS clears them at once.
        for (const id of Object.keys(answers)) if (!visible.has(id)) delete answers[id];
        const theirs = new Set(survey.getAllQuestions().filter((question) => question.isVisible).map((question) => question.name));
        const ours = [...visible].sort().join(',');
        if ([...theirs].sort().join(',') !== ours) {
          throw new Error(
            `SurveyJS conversion of ${definition.theme} disagrees after ${JSON.stringify(answers)}:\n` +
              `  ours     ${ours}\n  SurveyJS ${[...theirs].sort().join(',')}`,
          );
        }
        steps += 1;
        const shown = questions.filter((question) => visible.has(question.id));
        const unanswered = shown.filter((question) => answers[question.id] === undefined);
        // Mostly the next question, sometimes back to change an earlier answer.
        const question = unanswered.length > 0 && !rng.chance(0.25) ? unanswered[0]! : shown[rng.int(0, shown.length - 1)]!;
        const value = randomAnswer(question, rng);
        answers[question.id] = value;
        survey.setValue(question.id, asSurveyValue(question, value));
      }
    }
  }
  return steps;
}
