import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROBLEM_CODES,
  findQuestion,
  problemMessage,
  validateQuestion,
  type Problem,
} from '../../../src/core/questionnaire/index.js';
import type { Question } from '../../../src/core/schema/questionnaire.js';
import { LANGS } from '../../../src/core/schema/text.js';
import { survey } from './fixtures.js';

function question(id: string): Question {
  const found = findQuestion(survey, id);
  assert.ok(found, `fixture question ${id}`);
  return found;
}

/** One problem of each code, with the question that would raise it. */
const samples: Record<Problem['code'], [Problem, Question]> = {
  required: [{ questionId: 'outils', code: 'required' }, question('outils')],
  type: [{ questionId: 'effectif', code: 'type' }, question('effectif')],
  unknown_code: [{ questionId: 'pilote', code: 'unknown_code', params: { code: 'elu' } }, question('pilote')],
  duplicate: [{ questionId: 'outils', code: 'duplicate', params: { code: 'visio' } }, question('outils')],
  exclusive: [{ questionId: 'outils', code: 'exclusive', params: { code: 'aucun' } }, question('outils')],
  min: [{ questionId: 'effectif', code: 'min', params: { min: 0, max: 500 } }, question('effectif')],
  max: [{ questionId: 'effectif', code: 'max', params: { min: 0, max: 500 } }, question('effectif')],
  integer: [{ questionId: 'effectif', code: 'integer' }, question('effectif')],
  too_long: [{ questionId: 'commentaire', code: 'too_long', params: { max: 50, length: 61 } }, question('commentaire')],
  other_required: [{ questionId: 'pilote', code: 'other_required', other: true }, question('pilote')],
  other_unexpected: [{ questionId: 'outils', code: 'other_unexpected', other: true }, question('outils')],
  unknown_question: [{ questionId: 'inconnue', code: 'unknown_question' }, question('equipe')],
  hidden: [{ questionId: 'effectif', code: 'hidden' }, question('effectif')],
};

test('every problem code reads as a finished sentence in French and in English, with or without its question', () => {
  for (const code of PROBLEM_CODES) {
    const [problem, owner] = samples[code];
    for (const withQuestion of [owner, undefined]) {
      const fr = problemMessage(problem, 'fr', withQuestion);
      const en = problemMessage(problem, 'en', withQuestion);
      for (const message of [fr, en]) {
        assert.match(message, /^\S.*\.$/u, `${code}: ${message}`);
        assert.doesNotMatch(message, /[{}]|undefined/, `${code}: ${message}`);
      }
      assert.notEqual(fr, en, `${code} is translated`);
    }
  }
});

test('a number out of bounds states the whole range when both bounds exist', () => {
  const [min] = samples.min;
  const [max] = samples.max;
  for (const problem of [min, max]) {
    assert.equal(problemMessage(problem, 'fr'), 'Indiquez une valeur entre 0 et 500.');
    assert.equal(problemMessage(problem, 'en'), 'Enter a value between 0 and 500.');
  }
});

test('a single bound is stated on its own, with numbers written per language', () => {
  const min: Problem = { questionId: 'n', code: 'min', params: { min: 2500 } };
  const max: Problem = { questionId: 'n', code: 'max', params: { max: 0.5 } };
  assert.equal(problemMessage(min, 'fr'), 'Indiquez une valeur supérieure ou égale à 2\u202f500.');
  assert.equal(problemMessage(min, 'en'), 'Enter a value of 2,500 or more.');
  assert.equal(problemMessage(max, 'fr'), 'Indiquez une valeur inférieure ou égale à 0,5.');
  assert.equal(problemMessage(max, 'en'), 'Enter a value of 0.5 or less.');
});

test('a missing answer is asked for in the words of its question kind', () => {
  const required = (id: string, lang: 'fr' | 'en') =>
    problemMessage({ questionId: id, code: 'required' }, lang, question(id));
  assert.equal(required('equipe', 'fr'), 'Choisissez une réponse.');
  assert.equal(required('pilote', 'en'), 'Choose an answer.');
  assert.equal(required('outils', 'fr'), 'Cochez au moins une réponse.');
  assert.equal(required('effectif', 'en'), 'Enter a number.');
  assert.equal(required('commentaire', 'fr'), 'Renseignez ce champ.');
  assert.equal(problemMessage({ questionId: 'x', code: 'required' }, 'en'), 'Answer this question.');
});

test('options are named by their label in the respondent’s language', () => {
  const [exclusive, outils] = samples.exclusive;
  assert.match(problemMessage(exclusive, 'fr', outils), /«\u00a0Aucun de ces outils\u00a0»/);
  assert.match(problemMessage(exclusive, 'en', outils), /“None of these”/);
  const [other, pilote] = samples.other_required;
  assert.equal(problemMessage(other, 'fr', pilote), 'Précisez votre réponse «\u00a0Autre service\u00a0».');
  assert.equal(problemMessage(other, 'en', pilote), 'Specify your “Another department” answer.');
  assert.equal(problemMessage(other, 'en'), 'Specify your “Other” answer.');
});

test('too long texts give the limit and the current length', () => {
  const [problem] = samples.too_long;
  assert.match(problemMessage(problem, 'fr'), /50 caractères au plus \(elle en compte 61\)/);
  assert.match(problemMessage(problem, 'en'), /50 characters at most \(it has 61\)/);
});

test('a wrongly typed number or text says what to type', () => {
  assert.match(problemMessage({ questionId: 'effectif', code: 'type' }, 'fr', question('effectif')), /en chiffres/);
  assert.match(problemMessage({ questionId: 'pilote', code: 'type', other: true }, 'en', question('pilote')), /as text/);
});

test('messages follow problems the validator really raises', () => {
  const [problem] = validateQuestion(question('effectif'), { effectif: 900 });
  assert.ok(problem);
  assert.equal(problemMessage(problem, 'fr', question('effectif')), 'Indiquez une valeur entre 0 et 500.');
});

test('a problem code from a newer engine still gets a sentence', () => {
  for (const lang of LANGS) {
    const message = problemMessage({ questionId: 'x', code: 'futur' as never }, lang);
    assert.ok(message.length > 10);
  }
});
