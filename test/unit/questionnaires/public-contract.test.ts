import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition, Question, ThemeId } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { questionsOf } from './definition-walk.js';

/** Published ids, kinds and codes that results and stored answers depend on. */
const contract: Array<{ theme: ThemeId; id: string; kind: Question['kind']; codes?: string[] }> = [
  { theme: 'inclusion', id: 'lieu_mediation', kind: 'yesno' },
  {
    theme: 'inclusion',
    id: 'types_lieux',
    kind: 'multiple',
    codes: ['france_services', 'mediatheque', 'bibliotheque', 'epn', 'centre_social', 'autre'],
  },
  {
    theme: 'inclusion',
    id: 'services_proposes',
    kind: 'multiple',
    codes: ['accompagnement', 'culture_numerique', 'evaluation_competences', 'autre'],
  },
  { theme: 'inclusion', id: 'conseiller_numerique', kind: 'yesno' },
  { theme: 'cybersecurite', id: 'cyberattaque_3ans', kind: 'yesno' },
  { theme: 'cybersecurite', id: 'rssi', kind: 'single', codes: ['interne', 'mutualise', 'aucun', 'nsp'] },
  { theme: 'cybersecurite', id: 'pca_pra', kind: 'single', codes: ['pca_et_pra', 'pca_seul', 'pra_seul', 'aucun', 'nsp'] },
  { theme: 'cybersecurite', id: 'formation_agents', kind: 'yesno' },
  { theme: 'cybersecurite', id: 'formation_elus', kind: 'yesno' },
  { theme: 'communication', id: 'site_internet', kind: 'yesno' },
  { theme: 'communication', id: 'reseaux_sociaux', kind: 'yesno' },
  { theme: 'communication', id: 'journal_papier', kind: 'yesno' },
  { theme: 'communication', id: 'participation_en_ligne', kind: 'yesno' },
];

function find(theme: ThemeId, id: string): Question | undefined {
  return questionsOf(definitions[theme]).find((q) => q.id === id);
}

for (const { theme, id, kind, codes } of contract) {
  test(`${theme}.${id} is a ${kind} question${codes ? ` with codes ${codes.join(', ')}` : ''}`, () => {
    const question = find(theme, id);
    assert.ok(question, `${theme} has no question "${id}"`);
    assert.equal(question.kind, kind);
    if (codes && (question.kind === 'single' || question.kind === 'multiple')) {
      assert.deepEqual(question.options.map((o) => o.code).sort(), [...codes].sort());
    }
  });
}

const onlyWithVenue: Condition = { question: 'lieu_mediation', equals: 'oui' };

test('venue types and services are asked only when there is a venue', () => {
  assert.deepEqual(find('inclusion', 'types_lieux')?.visibleIf, onlyWithVenue);
  assert.deepEqual(find('inclusion', 'services_proposes')?.visibleIf, onlyWithVenue);
});

test('venue types let the respondent specify "other"', () => {
  const question = find('inclusion', 'types_lieux');
  assert.ok(question?.kind === 'multiple' && question.otherSpecify === true);
});

test('the questions of the public contract are always asked, except the venue details', () => {
  for (const { theme, id } of contract) {
    if (id === 'types_lieux' || id === 'services_proposes') continue;
    assert.equal(find(theme, id)?.visibleIf, undefined, `${theme}.${id}`);
  }
});
