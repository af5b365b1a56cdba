import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuestionnaireDefinition, THEMES, type QuestionKind } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { optionProblems, questionsOf } from './definition-walk.js';

/** Every `{ fr, en }` text in a value, with the path where it was found. */
function textsIn(value: unknown, path = ''): Array<{ path: string; fr: unknown; en: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => textsIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('fr' in record || 'en' in record) return [{ path, fr: record.fr, en: record.en }];
  return Object.entries(record).flatMap(([key, item]) => textsIn(item, `${path}.${key}`));
}

test('there is one definition per theme, under its own theme id', () => {
  assert.deepEqual(Object.keys(definitions).sort(), [...THEMES].sort());
  for (const theme of THEMES) assert.equal(definitions[theme].theme, theme);
});

for (const theme of THEMES) {
  const definition = definitions[theme];
  const questions = questionsOf(definition);

  test(`${theme}: passes the questionnaire schema`, () => {
    const result = QuestionnaireDefinition.safeParse(definition);
    assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2));
  });

  test(`${theme}: 10 to 25 questions in 2 to 4 sections, about five minutes, version 2.0.0`, () => {
    assert.ok(questions.length >= 10 && questions.length <= 25, `${questions.length} questions`);
    assert.ok(definition.sections.length >= 2 && definition.sections.length <= 4, `${definition.sections.length} sections`);
    assert.ok(definition.estimatedMinutes >= 5 && definition.estimatedMinutes <= 8);
    assert.equal(definition.version, '2.0.0');
  });

  test(`${theme}: wave follows the theme order (three themes per wave)`, () => {
    assert.equal(definition.wave, Math.floor(THEMES.indexOf(theme) / 3) + 1);
  });

  test(`${theme}: section ids and question ids are unique`, () => {
    const sectionIds = definition.sections.map((s) => s.id);
    assert.equal(new Set(sectionIds).size, sectionIds.length);
    const ids = questions.map((q) => q.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  test(`${theme}: options have unique codes, "other" and exclusive codes are real options`, () => {
    assert.deepEqual(questions.flatMap(optionProblems), []);
  });

  test(`${theme}: 3 to 5 headline questions`, () => {
    const headlines = questions.filter((q) => q.headline === true).length;
    assert.ok(headlines >= 3 && headlines <= 5, `${headlines} headline questions`);
  });

  test(`${theme}: every text is written in French and in English`, () => {
    const texts = textsIn(definition);
    assert.ok(texts.length > questions.length, 'texts were found');
    for (const { path, fr, en } of texts) {
      assert.ok(typeof fr === 'string' && fr.trim() !== '', `${path}: French missing`);
      assert.ok(typeof en === 'string' && en.trim() !== '', `${path}: English missing`);
    }
    // Question wording is translated, not copied across (option labels may be brand names).
    for (const question of questions) assert.notEqual(question.label.fr, question.label.en, question.id);
  });

  test(`${theme}: free text is rare and optional (it is never published)`, () => {
    const texts = questions.filter((q) => q.kind === 'text');
    assert.ok(texts.length <= 1, `${texts.length} free-text questions`);
    for (const question of texts) assert.equal(question.required, false, question.id);
  });

  test(`${theme}: number questions have coherent bounds and a unit`, () => {
    for (const question of questions) {
      if (question.kind !== 'number') continue;
      assert.ok(question.min !== undefined && question.max !== undefined, `${question.id}: bounds`);
      assert.ok(question.min <= question.max, `${question.id}: min above max`);
      assert.ok(question.unit, `${question.id}: unit`);
    }
  });
}

test('the nine definitions use all five question kinds', () => {
  const kinds = new Set<QuestionKind>(THEMES.flatMap((theme) => questionsOf(definitions[theme]).map((q) => q.kind)));
  assert.deepEqual([...kinds].sort(), ['multiple', 'number', 'single', 'text', 'yesno']);
});

test('the schema rejects a definition with a stray property (the check above can fail)', () => {
  const broken = { ...definitions.inclusion, author: 'someone' };
  assert.equal(QuestionnaireDefinition.safeParse(broken).success, false);
});

test('option checks report a duplicate code, a misplaced "other" and an unknown exclusive', () => {
  const problems = optionProblems({
    id: 'q',
    kind: 'multiple',
    label: { fr: 'Q', en: 'Q' },
    options: [
      { code: 'a', label: { fr: 'A', en: 'A' } },
      { code: 'a', label: { fr: 'A', en: 'A' } },
    ],
    otherSpecify: true,
    exclusive: 'aucun',
  });
  assert.equal(problems.length, 3, problems.join('\n'));
});

test('every single choice offers "Je ne sais pas" (nsp), as yes/no questions do', () => {
  const missing = THEMES.flatMap((theme) =>
    questionsOf(definitions[theme])
      .filter((q) => q.kind === 'single' && !q.options.some((o) => o.code === 'nsp'))
      .map((q) => `${theme}.${q.id}`),
  );
  // Who answers knows their own function.
  assert.deepEqual(missing.filter((id) => !id.endsWith('.fonction_repondant')), []);
});

test('exact numbers are asked only where a collectivité knows them for sure', () => {
  const numbers = THEMES.flatMap((theme) => questionsOf(definitions[theme]).filter((q) => q.kind === 'number').map((q) => q.id));
  assert.deepEqual(numbers.sort(), ['nombre_conseillers', 'nombre_etablissements_scolaires', 'nombre_lieux']);
});

test('every theme asks first who answers, with the same question', () => {
  const first = THEMES.map((theme) => definitions[theme].sections[0]!.questions[0]!);
  for (const question of first) assert.deepEqual(question, first[0]);
  assert.equal(first[0]!.id, 'fonction_repondant');
});

test('no label says "(facultatif)" itself: the form marks optional questions', () => {
  for (const theme of THEMES) {
    for (const question of questionsOf(definitions[theme])) {
      assert.doesNotMatch(question.label.fr, /facultatif/i, `${theme}.${question.id}`);
      assert.doesNotMatch(question.label.en, /optional/i, `${theme}.${question.id}`);
    }
  }
});
