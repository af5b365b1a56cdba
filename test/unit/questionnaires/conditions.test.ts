import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEMES, type QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { checkDefinition, evaluateCondition } from '../../../src/core/questionnaire/index.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { conditionProblems, operatorsOf, questionsOf } from './definition-walk.js';

for (const theme of THEMES) {
  test(`${theme}: every condition reads an earlier question, with codes it offers`, () => {
    assert.deepEqual(conditionProblems(definitions[theme]), []);
  });

  test(`${theme}: the questionnaire engine finds no defect either`, () => {
    assert.deepEqual(checkDefinition(definitions[theme]), []);
  });
}

test('across the set, conditions use equals, in, includes, not, all, any and numeric bounds', () => {
  const used = new Set(
    THEMES.flatMap((theme) =>
      questionsOf(definitions[theme]).flatMap((q) => (q.visibleIf ? operatorsOf(q.visibleIf) : [])),
    ),
  );
  for (const operator of ['equals', 'in', 'includes', 'not', 'all', 'any', 'gt', 'gte']) {
    assert.ok(used.has(operator), `no condition uses "${operator}"`);
  }
});

/** A two-question definition whose second question is shown under `condition`. */
function withCondition(condition: unknown, order: 'after' | 'before' = 'after'): QuestionnaireDefinition {
  const source = {
    id: 'source',
    kind: 'multiple',
    label: { fr: 'Source', en: 'Source' },
    options: [
      { code: 'a', label: { fr: 'A', en: 'A' } },
      { code: 'b', label: { fr: 'B', en: 'B' } },
    ],
  };
  const shown = { id: 'shown', kind: 'yesno', label: { fr: 'Montrée', en: 'Shown' }, visibleIf: condition };
  const questions = order === 'after' ? [source, shown] : [shown, source];
  return {
    theme: 'inclusion',
    version: '1.0.0',
    wave: 1,
    estimatedMinutes: 5,
    title: { fr: 'T', en: 'T' },
    sections: [{ id: 's', title: { fr: 'S', en: 'S' }, questions }],
  } as QuestionnaireDefinition;
}

test('the reference check catches what it is meant to catch, even nested', () => {
  assert.deepEqual(conditionProblems(withCondition({ question: 'source', includes: 'a' })), []);
  const broken = [
    withCondition({ question: 'source', includes: 'a' }, 'before'), // later question
    withCondition({ question: 'nowhere', includes: 'a' }), // unknown question
    withCondition({ question: 'source', includes: 'z' }), // unknown code
    withCondition({ question: 'source', equals: 'a' }), // equals on a multiple choice
    withCondition({ question: 'source', gt: 1 }), // numeric bound on a choice
    withCondition({ not: { all: [{ any: [{ question: 'source', in: ['a', 'z'] }] }] } }), // nested unknown code
  ];
  for (const definition of broken) assert.equal(conditionProblems(definition).length, 1, JSON.stringify(definition));
});

/** Which questions of a definition a set of answers shows (conditions read only visible answers). */
function shown(definition: QuestionnaireDefinition, answers: Record<string, string | number | string[]>): string[] {
  const visible: Record<string, unknown> = {};
  const ids: string[] = [];
  for (const question of questionsOf(definition)) {
    if (question.visibleIf && !evaluateCondition(question.visibleIf, visible)) continue;
    ids.push(question.id);
    if (question.id in answers) visible[question.id] = answers[question.id];
  }
  return ids;
}

test('inclusion: venue details are asked only of those with a venue, the others say where they send people', () => {
  const withVenue = shown(definitions.inclusion, { lieu_mediation: 'oui' });
  assert.ok(withVenue.includes('types_lieux') && withVenue.includes('services_proposes'));
  assert.ok(!withVenue.includes('orientation_habitants'));
  for (const answer of ['non', 'nsp']) {
    const without = shown(definitions.inclusion, { lieu_mediation: answer });
    assert.ok(!without.includes('types_lieux') && !without.includes('services_proposes'));
    assert.ok(without.includes('orientation_habitants'));
  }
});

test('cybersecurite: the CNIL question follows only an attack with a data leak', () => {
  const leak = shown(definitions.cybersecurite, { cyberattaque_3ans: 'oui', types_attaques: ['fuite_donnees'] });
  const ransom = shown(definitions.cybersecurite, { cyberattaque_3ans: 'oui', types_attaques: ['rancongiciel'] });
  assert.ok(leak.includes('notification_cnil'));
  assert.ok(!ransom.includes('notification_cnil'));
  assert.ok(!shown(definitions.cybersecurite, { cyberattaque_3ans: 'non' }).includes('types_attaques'));
});

test('infrastructures: school equipment is asked only of authorities that equip schools', () => {
  assert.ok(!shown(definitions.infrastructures, { nombre_etablissements_scolaires: 0 }).includes('equipement_scolaire'));
  assert.ok(shown(definitions.infrastructures, { nombre_etablissements_scolaires: 3 }).includes('equipement_scolaire'));
});

test('outils-internes: the telework charter is asked only where staff telework', () => {
  assert.ok(shown(definitions['outils-internes'], { nombre_agents: 4, teletravail: 'oui' }).includes('charte_teletravail'));
  assert.ok(!shown(definitions['outils-internes'], { nombre_agents: 4, teletravail: 'non' }).includes('charte_teletravail'));
  assert.ok(!shown(definitions['outils-internes'], { nombre_agents: 0 }).includes('teletravail'));
});

test('services-en-ligne: FranceConnect is asked once any online service with a login exists', () => {
  const none = { paiement_en_ligne: 'non', prise_rendez_vous: 'non', portail_famille: 'non_concerne' };
  assert.ok(!shown(definitions['services-en-ligne'], none).includes('franceconnect'));
  assert.ok(shown(definitions['services-en-ligne'], { ...none, portail_famille: 'oui' }).includes('franceconnect'));
});
