// Answer generators built from a definition, for property-based tests over any definition.
import fc from 'fast-check';
import type { Question, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

const YES_NO = ['oui', 'non', 'nsp'];
const OTHER = 'autre';

/**
 * Merges entries as own data properties, as `JSON.parse` would: a key named `__proto__`
 * stays a key instead of replacing the prototype (which `Object.assign` would do).
 */
export function merge(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const key of Object.keys(part)) {
      Object.defineProperty(merged, key, { value: part[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}

/** A string whose trimmed form is not blank and at most `maxLength` long. */
function filledText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ minLength: 1, maxLength }).filter((value) => value.trim() !== '');
}

/** A correct answer to one question, read from its definition only. */
export function validValue(question: Question): fc.Arbitrary<string | number | string[]> {
  switch (question.kind) {
    case 'yesno':
      return fc.constantFrom(...YES_NO);
    case 'single':
      return fc.constantFrom(...question.options.map((option) => option.code));
    case 'multiple': {
      const codes = question.options.map((option) => option.code);
      const combinable = codes.filter((code) => code !== question.exclusive);
      const several = fc.subarray(combinable, { minLength: 1 });
      return question.exclusive === undefined ? several : fc.oneof(several, fc.constant([question.exclusive] as string[]));
    }
    case 'number': {
      const min = question.min ?? -1000;
      const max = question.max ?? 1000;
      return question.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'text':
      return filledText(question.maxLength);
  }
}

/**
 * Answers where every question of the definition (visible or not) gets a correct answer, and
 * every chosen `autre` its text: once hidden answers are dropped, nothing may be wrong.
 */
export function validAnswers(definition: QuestionnaireDefinition): fc.Arbitrary<Record<string, unknown>> {
  const questions = definition.sections.flatMap((section) => section.questions);
  const parts = questions.map((question) =>
    fc.tuple(validValue(question), filledText(200)).map(([value, other]) => {
      const chosen = value === OTHER || (Array.isArray(value) && value.includes(OTHER));
      const entries: Record<string, unknown> = { [question.id]: value };
      if (chosen && 'otherSpecify' in question && question.otherSpecify) entries[`${question.id}.autre`] = other;
      return entries;
    }),
  );
  return fc.tuple(...parts).map((entries) => merge(...entries));
}

/** Values an answer may take from a careless client: right, wrong or absurd. */
function anyValue(question: Question): fc.Arbitrary<unknown> {
  const codes = 'options' in question ? question.options.map((option) => option.code) : YES_NO;
  return fc.oneof(
    validValue(question),
    fc.constantFrom(...codes, 'inconnu', '', '   ', ' oui '),
    fc.array(fc.constantFrom(...codes, 'inconnu', ''), { maxLength: 6 }),
    fc.double(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(null, true, {}, [1, 2]),
  );
}

/** Answers of any kind under the definition's keys, their "other" keys and unknown keys. */
export function messyAnswers(definition: QuestionnaireDefinition): fc.Arbitrary<Record<string, unknown>> {
  const questions = definition.sections.flatMap((section) => section.questions);
  const parts = questions.map((question) =>
    fc.record(
      { [question.id]: anyValue(question), [`${question.id}.autre`]: fc.oneof(fc.string({ maxLength: 220 }), fc.integer()) },
      { requiredKeys: [] },
    ),
  );
  const unknown = fc.dictionary(fc.constantFrom('inconnue', 'x.autre', 'autre', '__proto__', 'a.b'), fc.jsonValue(), {
    maxKeys: 2,
  });
  return fc.tuple(unknown, ...parts).map((entries) => merge(...entries));
}
