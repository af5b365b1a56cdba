import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  askedOf,
  checkDefinition,
  conditionQuestions,
  evaluateCondition,
  normalizeAnswers,
  progress,
  validateContribution,
  validateSection,
  visibleQuestionIds,
} from '../../../src/core/questionnaire/index.js';
import { Condition, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { tallyAnswers } from '../../../src/core/stats/tally.js';

const commune = { kind: 'commune', populationBand: '1000-3499' } as const;
const bigCommune = { kind: 'commune', populationBand: '50000-99999' } as const;
const departement = { kind: 'departement', populationBand: '100000+' } as const;
const syndicat = { kind: 'syndicat' } as const;

test('a comparison on the kind holds for the kinds listed', () => {
  const communal: Condition = { collectivite: 'kind', in: ['commune', 'epci'] };
  assert.equal(evaluateCondition(communal, {}, commune), true);
  assert.equal(evaluateCondition(communal, {}, departement), false);
  assert.equal(evaluateCondition(communal, {}, syndicat), false);
});

test('population thresholds are read on the band, exactly at band boundaries', () => {
  const atLeast3500: Condition = { collectivite: 'population', gte: 3500 };
  const under50000: Condition = { collectivite: 'population', lt: 50000 };
  assert.equal(evaluateCondition(atLeast3500, {}, commune), false);
  assert.equal(evaluateCondition(atLeast3500, {}, { kind: 'commune', populationBand: '3500-4999' }), true);
  assert.equal(evaluateCondition(atLeast3500, {}, bigCommune), true);
  assert.equal(evaluateCondition(under50000, {}, commune), true);
  assert.equal(evaluateCondition(under50000, {}, bigCommune), false);
  assert.equal(evaluateCondition({ collectivite: 'population', gt: 49999 }, {}, bigCommune), true);
  assert.equal(evaluateCondition({ collectivite: 'population', lte: 3499 }, {}, commune), true);
  // The open band never lies under a threshold.
  assert.equal(evaluateCondition({ collectivite: 'population', lt: 1_000_000 }, {}, departement), false);
  assert.equal(evaluateCondition({ collectivite: 'band', in: ['1000-3499'] }, {}, commune), true);
  assert.equal(evaluateCondition({ collectivite: 'band', in: ['1000-3499'] }, {}, bigCommune), false);
});

test('without a collectivité, or without its band, a comparison on it is false, and true under not', () => {
  const communes: Condition = { collectivite: 'kind', in: ['commune'] };
  assert.equal(evaluateCondition(communes, {}), false);
  assert.equal(evaluateCondition({ not: communes }, {}), true);
  assert.equal(evaluateCondition({ collectivite: 'population', gte: 3500 }, {}, syndicat), false);
  assert.equal(evaluateCondition({ collectivite: 'band', in: ['0-499'] }, {}, syndicat), false);
});

test('comparisons on the collectivité combine with comparisons on answers', () => {
  const condition = {
    all: [{ collectivite: 'kind', in: ['commune'] }, { question: 'site', equals: 'oui' }],
  } as Condition;
  assert.equal(evaluateCondition(condition, { site: 'oui' }, commune), true);
  assert.equal(evaluateCondition(condition, { site: 'non' }, commune), false);
  assert.equal(evaluateCondition(condition, { site: 'oui' }, departement), false);
  assert.deepEqual(conditionQuestions(condition), ['site']);
});

test('malformed comparisons on the collectivité are false, never true under not', () => {
  for (const shape of [
    { collectivite: 'kind', in: 'commune' },
    { collectivite: 'kind', equals: 'commune' },
    { collectivite: 'taille', in: ['x'] },
    { collectivite: 'population', gte: '3500' },
    { collectivite: 'population', in: ['3500'] },
  ]) {
    assert.equal(evaluateCondition(shape as never, {}, commune), false, JSON.stringify(shape));
    assert.equal(evaluateCondition({ not: shape } as never, {}, commune), false, JSON.stringify(shape));
  }
});

test('the schema accepts the documented comparisons on the collectivité and refuses others', () => {
  for (const valid of [
    { collectivite: 'kind', in: ['commune'] },
    { collectivite: 'band', in: ['0-499'] },
    { collectivite: 'population', gte: 3500 },
    { all: [{ collectivite: 'population', lt: 50000 }, { question: 'a', equals: 'oui' }] },
  ]) {
    assert.equal(Condition.safeParse(valid).success, true, JSON.stringify(valid));
  }
  for (const invalid of [
    { collectivite: 'kind', in: [] },
    { collectivite: 'kind', gte: 3 },
    { collectivite: 'population', in: ['3500'] },
    { collectivite: 'siren', in: ['1'] },
    { collectivite: 'kind', in: ['commune'], question: 'a' },
  ]) {
    assert.equal(Condition.safeParse(invalid).success, false, JSON.stringify(invalid));
  }
});

const label = { fr: 'Q', en: 'Q' };
/** BAL for communes only, then a follow-up on its answer; the open-data duty for 3 500+ inhabitants. */
const definition = QuestionnaireDefinition.parse({
  theme: 'donnees',
  version: '1.0',
  title: label,
  wave: 2,
  estimatedMinutes: 1,
  sections: [
    {
      id: 's',
      title: label,
      questions: [
        { id: 'tous', kind: 'yesno', label },
        { id: 'bal', kind: 'yesno', label, visibleIf: { collectivite: 'kind', in: ['commune'] } },
        { id: 'bal_outil', kind: 'yesno', label, visibleIf: { question: 'bal', equals: 'oui' } },
        {
          id: 'obligation',
          kind: 'yesno',
          label,
          visibleIf: { all: [{ collectivite: 'population', gte: 3500 }, { question: 'tous', equals: 'oui' }] },
        },
      ],
    },
  ],
});

test('visibility, progress and section checks follow the collectivité', () => {
  assert.deepEqual([...visibleQuestionIds(definition, { bal: 'oui' }, commune)], ['tous', 'bal', 'bal_outil']);
  assert.deepEqual([...visibleQuestionIds(definition, { tous: 'oui', bal: 'oui' }, departement)], ['tous', 'obligation']);
  assert.equal(progress(definition, {}, commune).total, 2);
  assert.equal(progress(definition, {}, departement).total, 1);
  assert.deepEqual(
    validateSection(definition, {}, 's', departement).map((problem) => problem.questionId),
    ['tous'],
  );
});

test('an answer to a question not asked of the collectivité is refused and dropped, as a hidden one is', () => {
  const answers = { tous: 'non', bal: 'oui', bal_outil: 'non' };
  assert.deepEqual(validateContribution(definition, answers, commune), []);
  assert.deepEqual(
    validateContribution(definition, answers, departement).map(({ questionId, code }) => `${questionId}:${code}`),
    ['bal:hidden', 'bal_outil:hidden'],
  );
  assert.deepEqual(normalizeAnswers(definition, answers, departement), { tous: 'non' });
  assert.deepEqual(normalizeAnswers(definition, answers, commune), answers);
});

test('tallies count a question only where the collectivité was asked it', () => {
  const answers = [{ tous: 'oui', bal: 'oui', bal_outil: 'oui', obligation: 'oui' }];
  assert.equal(tallyAnswers(definition, answers, commune).questions.get('bal')!.n, 1);
  assert.equal(tallyAnswers(definition, answers, commune).questions.get('obligation')!.n, 0);
  assert.equal(tallyAnswers(definition, answers, departement).questions.get('bal')!.n, 0);
  assert.equal(tallyAnswers(definition, answers, departement).questions.get('obligation')!.n, 1);
});

test('askedOf tells, without answers, whether a collectivité can be asked a question', () => {
  const questions = definition.sections[0]!.questions;
  const asked = (profile: object) => questions.filter((q) => askedOf(q.visibleIf, profile)).map((q) => q.id);
  assert.deepEqual(asked(commune), ['tous', 'bal', 'bal_outil']);
  assert.deepEqual(asked(bigCommune), ['tous', 'bal', 'bal_outil', 'obligation']);
  assert.deepEqual(asked(departement), ['tous', 'bal_outil', 'obligation']);
});

test('the definition check reports unknown kinds and bands, thresholds off bands and nested comparisons', () => {
  const withCondition = (visibleIf: unknown) =>
    QuestionnaireDefinition.parse({
      ...definition,
      sections: [{ id: 's', title: label, questions: [{ id: 'a', kind: 'yesno', label }, { id: 'b', kind: 'yesno', label, visibleIf }] }],
    });
  assert.deepEqual(checkDefinition(definition), []);
  const codes = (visibleIf: unknown) => checkDefinition(withCondition(visibleIf)).map((issue) => `${issue.code}:${issue.ref ?? ''}`);
  assert.deepEqual(codes({ collectivite: 'kind', in: ['commune', 'ccas'] }), ['unknown_collectivite_value:ccas']);
  assert.deepEqual(codes({ collectivite: 'band', in: ['0-500'] }), ['unknown_collectivite_value:0-500']);
  assert.deepEqual(codes({ collectivite: 'population', gte: 3000 }), ['population_off_bands:']);
  assert.deepEqual(codes({ collectivite: 'population', gte: 3500 }), []);
  assert.deepEqual(codes({ collectivite: 'population', lte: 49999 }), []);
  assert.deepEqual(codes({ collectivite: 'population', lte: 50000 }), ['population_off_bands:']);
  assert.deepEqual(codes({ not: { collectivite: 'kind', in: ['commune'] } }), ['collectivite_nested:kind']);
  assert.deepEqual(
    codes({ any: [{ collectivite: 'kind', in: ['commune'] }, { question: 'a', equals: 'oui' }] }),
    ['collectivite_nested:kind'],
  );
  assert.deepEqual(codes({ all: [{ collectivite: 'kind', in: ['commune'] }, { question: 'a', equals: 'oui' }] }), []);
});
