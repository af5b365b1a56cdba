import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEMES, type QuestionnaireDefinition, type ThemeId } from '../../../src/core/schema/questionnaire.js';
import { askedOf, checkDefinition, evaluateCondition } from '../../../src/core/questionnaire/index.js';
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
  assert.ok(shown(definitions['outils-internes'], { nombre_agents: 'jusqu_a_5', teletravail: 'oui' }).includes('charte_teletravail'));
  assert.ok(!shown(definitions['outils-internes'], { nombre_agents: 'jusqu_a_5', teletravail: 'non' }).includes('charte_teletravail'));
  assert.ok(!shown(definitions['outils-internes'], { nombre_agents: 'aucun' }).includes('teletravail'));
  // Not knowing how many agents work there does not mean there are none.
  assert.ok(shown(definitions['outils-internes'], { nombre_agents: 'nsp' }).includes('teletravail'));
});

test('services-en-ligne: FranceConnect is asked once any online service with a login exists', () => {
  const none = { paiement_en_ligne: 'non', prise_rendez_vous: 'non', portail_famille: 'non_concerne' };
  assert.ok(!shown(definitions['services-en-ligne'], none).includes('franceconnect'));
  assert.ok(shown(definitions['services-en-ligne'], { ...none, portail_famille: 'oui' }).includes('franceconnect'));
});

/** The questions a collectivité of this kind and band is asked, whatever it answers. */
function askedOfCollectivite(theme: ThemeId, collectivite: { kind: string; populationBand?: string }): string[] {
  return questionsOf(definitions[theme])
    .filter((question) => askedOf(question.visibleIf, collectivite))
    .map((question) => question.id);
}

const smallCommune = { kind: 'commune', populationBand: '500-999' };
const town = { kind: 'commune', populationBand: '5000-9999' };
const city = { kind: 'commune', populationBand: '50000-99999' };
const departement = { kind: 'departement', populationBand: '100000+' };
const epci = { kind: 'epci', populationBand: '20000-49999' };
const syndicat = { kind: 'syndicat' };

test('the Base adresse locale is asked of communes and intercommunalités, never of a département, a région or a syndicat', () => {
  assert.ok(askedOfCollectivite('donnees', smallCommune).includes('base_adresse_locale'));
  assert.ok(askedOfCollectivite('donnees', epci).includes('base_adresse_locale'));
  for (const other of [departement, { kind: 'region', populationBand: '100000+' }, syndicat]) {
    assert.ok(!askedOfCollectivite('donnees', other).includes('base_adresse_locale'), other.kind);
  }
});

test('état civil, recensement citoyen and planning procedures are asked of communes only; others get their own list', () => {
  for (const id of ['demarches_en_ligne', 'urbanisme_en_ligne']) {
    assert.ok(askedOfCollectivite('dematerialisation', smallCommune).includes(id), id);
    assert.ok(!askedOfCollectivite('dematerialisation', departement).includes(id), id);
    assert.ok(!askedOfCollectivite('dematerialisation', epci).includes(id), id);
  }
  assert.ok(askedOfCollectivite('dematerialisation', departement).includes('demarches_en_ligne_collectivite'));
  assert.ok(!askedOfCollectivite('dematerialisation', smallCommune).includes('demarches_en_ligne_collectivite'));
  // Either list leads to the questions about online procedures, unless it says there are none.
  const ids = questionsOf(definitions.dematerialisation);
  const followUps = ids.filter((q) => q.id === 'outil_formulaires' || q.id === 'part_demandes_en_ligne');
  for (const question of followUps) {
    assert.equal(evaluateCondition(question.visibleIf!, { demarches_en_ligne: ['etat_civil'] }, smallCommune), true);
    assert.equal(evaluateCondition(question.visibleIf!, { demarches_en_ligne: ['aucune'] }, smallCommune), false);
    assert.equal(evaluateCondition(question.visibleIf!, { demarches_en_ligne_collectivite: ['aucune'] }, departement), false);
    assert.equal(evaluateCondition(question.visibleIf!, { demarches_en_ligne_collectivite: ['subventions'] }, departement), true);
  }
});

test('legal thresholds target who they bind: open data from 3,500 inhabitants, REEN above 50,000; NIS 2 is asked of all', () => {
  assert.ok(!askedOfCollectivite('donnees', smallCommune).includes('ouverture_par_defaut'));
  assert.ok(askedOfCollectivite('donnees', town).includes('ouverture_par_defaut'));
  assert.ok(askedOfCollectivite('donnees', departement).includes('ouverture_par_defaut'));
  // Whether a small commune knows it is not covered is a finding too (see the questionnaires' README).
  assert.ok(askedOfCollectivite('cybersecurite', town).includes('nis2'));
  assert.ok(askedOfCollectivite('cybersecurite', epci).includes('nis2'));
  assert.ok(askedOfCollectivite('cybersecurite', departement).includes('nis2'));
  assert.ok(!askedOfCollectivite('strategie', epci).includes('strategie_reen'));
  assert.ok(askedOfCollectivite('strategie', city).includes('strategie_reen'));
  assert.ok(askedOfCollectivite('strategie', { kind: 'epci', populationBand: '100000+' }).includes('strategie_reen'));
  assert.ok(!askedOfCollectivite('strategie', departement).includes('strategie_reen'));
});

test('the questions of the published figures are asked of every kind of collectivité', () => {
  for (const theme of THEMES) {
    for (const question of questionsOf(definitions[theme])) {
      if (!question.headline || question.id === 'urbanisme_en_ligne') continue;
      for (const kind of ['commune', 'epci', 'departement', 'region', 'csp', 'syndicat']) {
        assert.ok(askedOf(question.visibleIf, { kind, populationBand: '1000-3499' }), `${theme}.${question.id} for ${kind}`);
      }
    }
  }
});
