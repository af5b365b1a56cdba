import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { carryOver } from '../../../src/core/questionnaire/carry-over.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { cybersecuriteDefinition } from '../../../src/questionnaires/cybersecurite.js';

/** The cybersecurity questionnaire with `change` made to a copy. */
function changed(change: (definition: QuestionnaireDefinition) => void): QuestionnaireDefinition {
  const copy = structuredClone(cybersecuriteDefinition) as QuestionnaireDefinition;
  change(copy);
  return copy;
}

function question(definition: QuestionnaireDefinition, id: string) {
  const found = definition.sections.flatMap((section) => section.questions).find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
}

const attacked = {
  cyberattaque_3ans: 'oui',
  types_attaques: ['rancongiciel', 'autre'],
  'types_attaques.autre': 'Vol de matériel',
  rssi: 'interne',
};

describe('carrying answers over to the next edition', () => {
  test('the same questionnaire: every answer carried, "autre" texts too, nothing marked', () => {
    const carried = carryOver(cybersecuriteDefinition, cybersecuriteDefinition, attacked);
    assert.deepEqual(carried, { answers: attacked, changes: {} });
  });

  test('reworded labels and reordered answers change nothing of what an answer means', () => {
    const reworded = changed((definition) => {
      const rssi = question(definition, 'rssi');
      rssi.label = { fr: 'Avez-vous un RSSI ?', en: 'Do you have an RSSI?' };
      if ('options' in rssi) rssi.options.reverse();
    });
    assert.deepEqual(carryOver(cybersecuriteDefinition, reworded, attacked).changes, {});
  });

  test('a question shown on another condition is changed, and so is its follow-up; their answers stay behind', () => {
    const moved = changed((definition) => {
      question(definition, 'cyberattaque_3ans').visibleIf = { collectivite: 'kind', in: ['commune'] };
    });
    const carried = carryOver(cybersecuriteDefinition, moved, attacked);
    assert.equal(carried.changes.cyberattaque_3ans, 'changed');
    // Asked of whom its parent is asked: its base changed with it.
    assert.equal(carried.changes.types_attaques, 'changed');
    assert.deepEqual(carried.answers, { rssi: 'interne' });
  });

  test('a question of another kind, or with an answer more, is changed; one the previous questionnaire lacked is new', () => {
    const previous = changed((definition) => {
      for (const section of definition.sections) section.questions = section.questions.filter((candidate) => candidate.id !== 'nis2');
      const rssi = question(definition, 'rssi');
      if ('options' in rssi) rssi.options = rssi.options.filter((option) => option.code !== 'nsp');
    });
    const carried = carryOver(previous, cybersecuriteDefinition, attacked);
    assert.deepEqual(carried.changes, { nis2: 'new', rssi: 'changed' });
    assert.equal(carried.answers.rssi, undefined);
    assert.deepEqual(carried.answers.types_attaques, ['rancongiciel', 'autre']);
  });

  test('an answer to a question the new questionnaire dropped is not carried', () => {
    const dropped = changed((definition) => {
      for (const section of definition.sections) section.questions = section.questions.filter((candidate) => candidate.id !== 'rssi');
    });
    assert.equal(carryOver(cybersecuriteDefinition, dropped, attacked).answers.rssi, undefined);
  });

  test('without the previous questionnaire nothing can be shown unchanged', () => {
    const carried = carryOver(undefined, cybersecuriteDefinition, attacked);
    assert.deepEqual(carried.answers, {});
    assert.equal(carried.changes.rssi, 'changed');
  });
});
