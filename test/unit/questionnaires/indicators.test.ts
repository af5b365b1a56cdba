import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THEMES } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import {
  indicatorSources,
  publishedIndicators,
  type PublishedIndicator,
} from '../../../src/questionnaires/indicators.js';
import { codesOf, questionsOf } from './definition-walk.js';

/** What is wrong with an indicator's link to the questionnaires; empty when it can be computed. */
function indicatorProblems(indicator: PublishedIndicator): string[] {
  const definition = definitions[indicator.theme];
  if (!definition) return [`${indicator.id}: unknown theme "${indicator.theme}"`];
  const problems: string[] = [];
  for (const { question: id, codes } of indicator.criteria) {
    const question = questionsOf(definition).find((q) => q.id === id);
    if (!question) {
      problems.push(`${indicator.id}: ${indicator.theme} has no question "${id}"`);
      continue;
    }
    const offered = codesOf(question);
    if (!offered) problems.push(`${indicator.id}: "${id}" is a ${question.kind} question, not a choice`);
    for (const code of codes) if (offered && !offered.includes(code)) problems.push(`${indicator.id}: "${id}" has no code "${code}"`);
  }
  return problems;
}

test('every indicator points at an existing question of its theme and at codes it offers', () => {
  assert.deepEqual(publishedIndicators.flatMap(indicatorProblems), []);
});

test('the indicator check reports an unknown question and an unknown code', () => {
  const base = publishedIndicators[0]!;
  assert.equal(indicatorProblems({ ...base, criteria: [{ question: 'absente', codes: ['oui'] }] }).length, 1);
  assert.equal(indicatorProblems({ ...base, criteria: [{ question: 'lieu_mediation', codes: ['peut_etre'] }] }).length, 1);
  assert.equal(indicatorProblems({ ...base, criteria: [{ question: 'nombre_lieux', codes: ['oui'] }] }).length, 1);
});

test('indicator ids are unique machine ids', () => {
  const ids = publishedIndicators.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z][a-z0-9_]*$/);
});

test('each indicator carries its theme’s wave, a known source, a share between 0 and 1 and bilingual labels', () => {
  for (const indicator of publishedIndicators) {
    assert.equal(indicator.wave, definitions[indicator.theme].wave, indicator.id);
    assert.ok(Object.hasOwn(indicatorSources, indicator.source), indicator.id);
    assert.ok(indicator.value > 0 && indicator.value < 1, indicator.id);
    assert.ok(indicator.label.fr.trim() && indicator.label.en.trim(), indicator.id);
  }
});

test('sources are dated YYYY-MM and state their number of responses', () => {
  for (const source of Object.values(indicatorSources)) {
    assert.match(source.date, /^\d{4}-(0[1-9]|1[0-2])$/);
    assert.ok(Number.isInteger(source.responses) && source.responses > 0);
  }
});

test('a share "among those asked" is only used where the question is conditional', () => {
  for (const indicator of publishedIndicators.filter((i) => i.base === 'asked')) {
    for (const { question: id } of indicator.criteria) {
      const question = questionsOf(definitions[indicator.theme]).find((q) => q.id === id);
      assert.ok(question?.visibleIf, `${indicator.id}: "${id}" is asked of everyone`);
    }
  }
});

/** The published figures, as (theme, question, codes, value): each must be in the table. */
const publishedFigures: Array<[string, string, string[], number]> = [
  ['inclusion', 'lieu_mediation', ['oui'], 0.26],
  ['inclusion', 'types_lieux', ['france_services'], 0.22],
  ['inclusion', 'types_lieux', ['mediatheque'], 0.19],
  ['inclusion', 'types_lieux', ['bibliotheque'], 0.13],
  ['inclusion', 'types_lieux', ['epn'], 0.11],
  ['inclusion', 'types_lieux', ['centre_social'], 0.1],
  ['inclusion', 'services_proposes', ['accompagnement'], 0.77],
  ['inclusion', 'services_proposes', ['culture_numerique'], 0.5],
  ['inclusion', 'services_proposes', ['evaluation_competences'], 0.19],
  ['inclusion', 'conseiller_numerique', ['oui'], 0.26],
  ['cybersecurite', 'cyberattaque_3ans', ['oui'], 0.08],
  ['cybersecurite', 'rssi', ['aucun'], 0.64],
  ['cybersecurite', 'rssi', ['aucun'], 0.73],
  ['cybersecurite', 'pca_pra', ['aucun'], 0.76],
  ['cybersecurite', 'pca_pra', ['pra_seul', 'aucun'], 0.66],
  ['cybersecurite', 'formation_agents', ['oui'], 0.5],
  ['cybersecurite', 'formation_elus', ['oui'], 0.25],
  ['cybersecurite', 'actions_sensibilisation', ['aucune'], 0.43],
  ['communication', 'site_internet', ['oui'], 0.76],
  ['communication', 'reseaux_sociaux', ['oui'], 0.76],
  ['communication', 'journal_papier', ['oui'], 0.85],
  ['communication', 'participation_en_ligne', ['oui'], 0.05],
  ['outils-internes', 'logiciels_saas', ['oui'], 0.39],
  ['outils-internes', 'charte_teletravail', ['oui'], 0.34],
  ['infrastructures', 'materiel_reconditionne', ['oui'], 0.08],
  ['donnees', 'publication_open_data', ['oui'], 0.26],
  ['dematerialisation', 'paie_dematerialisee', ['oui'], 0.22],
  ['services-en-ligne', 'retransmission_conseils', ['direct', 'differe'], 0.26],
  ['strategie', 'feuille_de_route', ['adoptee'], 0.22],
  ['strategie', 'projets_ia', ['oui'], 0.06],
];

test('every published figure is in the table, computed from the expected question and codes', () => {
  for (const [theme, question, codes, value] of publishedFigures) {
    const match = publishedIndicators.find(
      (i) =>
        i.theme === theme &&
        i.value === value &&
        i.criteria.some((c) => c.question === question && [...c.codes].sort().join() === [...codes].sort().join()),
    );
    assert.ok(match, `missing: ${theme}.${question} = ${codes.join('|')} (${value})`);
  }
});

test('"website and a social network" needs both answers, not either', () => {
  const indicator = publishedIndicators.find((i) => i.id === 'site_et_reseau_social');
  assert.deepEqual(
    indicator?.criteria.map((c) => c.question).sort(),
    ['reseaux_sociaux', 'site_internet'],
  );
});

test('every theme has at least one published figure to compare answers with', () => {
  const themesWithFigures = new Set(publishedIndicators.map((i) => i.theme));
  assert.deepEqual(THEMES.filter((theme) => !themesWithFigures.has(theme)), []);
});
