import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findQuestion,
  isQuestionVisible,
  questionIndex,
  visibleQuestionIds,
  visibleQuestions,
  visibleSections,
} from '../../../src/core/questionnaire/index.js';
import { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { completeSurveyAnswers, inheritedNames, survey } from './fixtures.js';

const ids = (answers: Record<string, unknown>) => visibleQuestions(survey, answers).map((question) => question.id);

test('without answers only unconditional questions are visible, in definition order', () => {
  assert.deepEqual(ids({}), ['equipe', 'outils', 'formation', 'commentaire']);
});

test('each answer in a chain reveals the next question', () => {
  assert.deepEqual(ids({ equipe: 'oui' }).slice(0, 3), ['equipe', 'effectif', 'outils']);
  assert.deepEqual(ids({ equipe: 'oui', effectif: 0 }).slice(0, 3), ['equipe', 'effectif', 'outils']);
  assert.deepEqual(ids({ equipe: 'oui', effectif: 3 }).slice(0, 4), ['equipe', 'effectif', 'pilote', 'outils']);
});

test('an answer left behind by a hidden question does not keep its dependants visible', () => {
  // `effectif` still holds 3, but `equipe` is now `non`, so `effectif` and then `pilote` are hidden.
  const answers = { equipe: 'non', effectif: 3, pilote: 'dsi' };
  assert.equal(isQuestionVisible(survey, answers, 'effectif'), false);
  assert.equal(isQuestionVisible(survey, answers, 'pilote'), false);
  assert.deepEqual(ids(answers), ['equipe', 'outils', 'formation', 'commentaire']);
});

test('a negated condition hides a question once its trigger is chosen', () => {
  assert.equal(isQuestionVisible(survey, { outils: ['agenda'] }, 'formation'), true);
  assert.equal(isQuestionVisible(survey, { outils: ['aucun'] }, 'formation'), false);
});

test('a section without a visible question is skipped, others keep only visible questions', () => {
  const sectionIds = (answers: Record<string, unknown>) =>
    visibleSections(survey, answers).map((visible) => visible.section.id);
  assert.deepEqual(sectionIds({}), ['profil', 'outils']);
  assert.deepEqual(sectionIds({ equipe: 'oui', outils: ['visio'] }), ['profil', 'outils', 'securite']);
  assert.deepEqual(sectionIds({ equipe: 'non', outils: ['visio'] }), ['profil', 'outils']);

  const [profil] = visibleSections(survey, { equipe: 'oui' });
  assert.deepEqual(
    profil?.questions.map((question) => question.id),
    ['equipe', 'effectif'],
  );
});

test('complete answers show every question', () => {
  const all = survey.sections.flatMap((section) => section.questions.map((question) => question.id));
  assert.deepEqual(ids(completeSurveyAnswers), all);
  assert.deepEqual([...visibleQuestionIds(survey, completeSurveyAnswers)], all);
});

test('a condition on a later question sees it unanswered', () => {
  const definition = QuestionnaireDefinition.parse({
    theme: 'strategie',
    version: '1.0',
    title: { fr: 'T', en: 'T' },
    wave: 3,
    estimatedMinutes: 1,
    sections: [
      {
        id: 's',
        title: { fr: 'S', en: 'S' },
        questions: [
          { id: 'avant', kind: 'yesno', label: { fr: 'A', en: 'A' }, visibleIf: { question: 'apres', equals: 'oui' } },
          { id: 'apres', kind: 'yesno', label: { fr: 'B', en: 'B' } },
        ],
      },
    ],
  });
  assert.equal(isQuestionVisible(definition, { apres: 'oui' }, 'avant'), false);
});

test('question ids named like inherited properties are not answered by default', () => {
  assert.equal(isQuestionVisible(inheritedNames, {}, 'tostring'), false);
  assert.equal(isQuestionVisible(inheritedNames, { constructor: 'oui' }, 'tostring'), true);
});

test('the question index finds a question with its section and positions', () => {
  const index = questionIndex(survey);
  assert.equal(index.size, 7);
  const entry = index.get('formation');
  assert.equal(entry?.question.label.fr, 'Les agents sont-ils formés ?');
  assert.equal(entry?.section.id, 'outils');
  assert.equal(entry?.sectionIndex, 1);
  assert.equal(entry?.order, 4);
  assert.equal(index.get('absente'), undefined);
  assert.equal(index.get('constructor'), undefined);
  assert.equal(findQuestion(survey, 'incident')?.kind, 'yesno');
  assert.equal(questionIndex(survey), index, 'built once per definition');
});
