import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  normalizeAnswers,
  progress,
  serializeAnswers,
  steps,
  validateContribution,
  validateSection,
  visibleSections,
} from '../../../src/core/questionnaire/index.js';
import { Answers } from '../../../src/core/schema/questionnaire.js';
import { merge, messyAnswers, validAnswers } from './arbitraries.js';
import { inheritedNames, survey } from './fixtures.js';

const definitions = [survey, inheritedNames];
const jsonRecord = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }));
const anyAnswers = fc.oneof(messyAnswers(survey), messyAnswers(inheritedNames), jsonRecord);

test('normalising twice gives what normalising once gives', () => {
  fc.assert(
    fc.property(fc.constantFrom(...definitions), anyAnswers, (definition, answers) => {
      const once = normalizeAnswers(definition, answers);
      assert.deepEqual(normalizeAnswers(definition, once), once);
    }),
    { numRuns: 500 },
  );
});

test('normalised answers always fit the answers schema', () => {
  fc.assert(
    fc.property(fc.constantFrom(...definitions), anyAnswers, (definition, answers) => {
      assert.ok(Answers.safeParse(normalizeAnswers(definition, answers)).success);
    }),
  );
});

test('nothing in the engine throws on arbitrary JSON-like input', () => {
  fc.assert(
    fc.property(fc.constantFrom(...definitions), fc.oneof(anyAnswers, fc.jsonValue()), (definition, answers) => {
      const input = answers as Record<string, unknown>;
      validateContribution(definition, input);
      for (const section of definition.sections) validateSection(definition, input, section.id);
      normalizeAnswers(definition, input);
      progress(definition, input);
      steps(definition, input);
      serializeAnswers(input);
    }),
    { numRuns: 500 },
  );
});

test('after normalisation no answer is unknown, hidden or a leftover text', () => {
  fc.assert(
    fc.property(fc.constantFrom(...definitions), anyAnswers, (definition, answers) => {
      const codes = validateContribution(definition, normalizeAnswers(definition, answers)).map((problem) => problem.code);
      for (const code of ['unknown_question', 'hidden', 'other_unexpected'] as const) assert.ok(!codes.includes(code), code);
    }),
    { numRuns: 500 },
  );
});

test('on normalised answers, strict mode finds exactly what the steps find one by one', () => {
  fc.assert(
    fc.property(fc.constantFrom(...definitions), anyAnswers, (definition, answers) => {
      const normalized = normalizeAnswers(definition, answers);
      const bySection = visibleSections(definition, normalized).flatMap(({ section }) =>
        validateSection(definition, normalized, section.id),
      );
      assert.deepEqual(validateContribution(definition, normalized), bySection);
    }),
    { numRuns: 500 },
  );
});

test('correct answers to every question make a clean contribution once normalised', () => {
  for (const definition of definitions) {
    fc.assert(
      fc.property(validAnswers(definition), (answers) => {
        assert.deepEqual(validateContribution(definition, normalizeAnswers(definition, answers)), []);
      }),
      { numRuns: 300 },
    );
  }
});

test('serialisation does not depend on the order keys were set in', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), {
        selector: ([key]) => key,
        maxLength: 8,
      }),
      fc.nat(),
      (entries, seed) => {
        const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
        const build = (list: typeof entries) => merge(...list.map(([key, value]) => ({ [key]: value })));
        assert.equal(serializeAnswers(build(entries)), serializeAnswers(build([...rotated].reverse())));
      },
    ),
  );
});
