// Property-based fuzzing of the questionnaire engine and the SIRET checks with hostile input:
// any value where answers are expected (not only JSON: class instances, null prototypes, sparse
// arrays, BigInt), prototype keys, deep nesting, huge and odd strings, and random definitions
// that pass the schema but carry every cross-question defect. The engine documents that it
// reads answers "of any shape without throwing", and `evaluateCondition` that a shape it does
// not recognise is false: these properties hold it to that. Fixed seeds, so a failure replays;
// FUZZ_SEED=<n> explores elsewhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  adjacentSectionId,
  answerOf,
  checkDefinition,
  choosesOther,
  conditionQuestions,
  evaluateCondition,
  fnv1a32,
  hashAnswers,
  isAnswered,
  isAnswerValue,
  isQuestionVisible,
  normalizeAnswers,
  parseAnswerKey,
  PROBLEM_CODES,
  problemMessage,
  progress,
  serializeAnswers,
  stableStringify,
  stepIndex,
  steps,
  validateContribution,
  validateQuestion,
  validateSection,
  visibleQuestionIds,
  visibleQuestions,
  visibleSections,
  type Problem,
} from '../../src/core/questionnaire/index.js';
import { Answers, QuestionnaireDefinition, type Condition } from '../../src/core/schema/questionnaire.js';
import type { Lang } from '../../src/core/schema/text.js';
import {
  formatSiret,
  identifierFailureMessage,
  isValidSiren,
  isValidSiret,
  passesLuhn,
  sirenOf,
  stripSeparators,
  validateSiren,
  validateSiret,
  type IdentifierFailureFacts,
} from '../../src/core/siret.js';
import { definitions as builtIn } from '../../src/questionnaires/all.js';

const SEED = Number(process.env.FUZZ_SEED ?? 0xe9e1);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const LANGS: Lang[] = ['fr', 'en'];
const options = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS, includeErrorInReport: true });

// ---------------------------------------------------------------------------------------------
// Random definitions: valid for the schema, defects allowed (duplicates, unknown and forward
// references, mismatched conditions), ids that collide with Object.prototype's names.

const ID_POOL = ['q1', 'q2', 'q3', 'q4', 'q5', 'constructor', 'valueof', 'autre', 'a', 'section'];
const id = fc.constantFrom(...ID_POOL);
const code = fc.constantFrom('oui', 'non', 'nsp', 'autre', 'aucun', 'x', 'y', 'constructor');
const localized = fc.record({ fr: fc.string({ minLength: 1, maxLength: 8 }), en: fc.string({ minLength: 1, maxLength: 8 }) });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

const condition: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ question: id, equals: fc.oneof(code, finite) }),
    fc.record({ question: id, in: fc.array(code, { minLength: 1, maxLength: 3 }) }),
    fc.record({ question: id, includes: code }),
    fc.record({ question: id, gt: finite }),
    fc.record({ question: id, lte: finite }),
    fc.record({ not: tie('condition') }),
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
  ),
})).condition;

const base = { id, label: localized, help: fc.option(localized, { nil: undefined }), required: fc.option(fc.boolean(), { nil: undefined }), visibleIf: fc.option(condition, { nil: undefined }) };
const optionList = fc.uniqueArray(code, { minLength: 2, maxLength: 4 }).chain((codes) =>
  fc.tuple(...codes.map((c) => localized.map((label) => ({ code: c, label })))),
);
const question = fc.oneof(
  fc.record({ ...base, kind: fc.constant('yesno' as const) }),
  fc.record({ ...base, kind: fc.constant('single' as const), options: optionList, otherSpecify: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.record({ ...base, kind: fc.constant('multiple' as const), options: optionList, otherSpecify: fc.option(fc.boolean(), { nil: undefined }), exclusive: fc.option(code, { nil: undefined }) }),
  fc.record({ ...base, kind: fc.constant('number' as const), min: fc.option(finite, { nil: undefined }), max: fc.option(finite, { nil: undefined }), integer: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.record({ ...base, kind: fc.constant('text' as const), maxLength: fc.integer({ min: 1, max: 2000 }) }),
);

/** Drops the keys `fc.option` left undefined: the schema is strict about shapes, not about absence. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const randomDefinition: fc.Arbitrary<QuestionnaireDefinition> = fc
  .record({
    theme: fc.constantFrom('inclusion', 'cybersecurite', 'strategie'),
    version: fc.constantFrom('1.0', '1.0.0', '2.3.4'),
    title: localized,
    wave: fc.constantFrom(1, 2, 3),
    estimatedMinutes: fc.integer({ min: 1, max: 60 }),
    sections: fc.array(fc.record({ id, title: localized, questions: fc.array(question, { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 3 }),
  })
  .map((raw) => {
    const parsed = QuestionnaireDefinition.safeParse(compact(raw));
    // The generator must stay honest: a definition the schema refuses tests nothing.
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    return parsed.data;
  });

const definition = fc.oneof(fc.constantFrom(...Object.values(builtIn)), randomDefinition);

// ---------------------------------------------------------------------------------------------
// Hostile answers

/** JSON text with prototype keys, parsed as a server or a draft store would parse it. */
const prototypeAnswers = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...ID_POOL, 'rssi', 'lieu_mediation'))
  .map(([key, value, other]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)},${JSON.stringify(other)}:"oui",${JSON.stringify(`${other}.autre`)}:"texte"}`) as unknown);

/** Nesting far deeper than any answer, in arrays and objects (shallow enough for fast-check to print). */
const deepValue = fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Strings of every kind: control characters, lone surrogates, huge. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'autre', 'oui', ' oui ', '.autre', 'a.autre.autre', '__proto__.autre'),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** Any value at all where answers are expected, keyed by question ids when it is an object. */
const hostileAnswers: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    key: fc.oneof(fc.constantFrom(...ID_POOL, 'q1.autre', 'autre.autre', '__proto__', 'rssi', 'rssi.autre'), fc.string({ maxLength: 6 })),
  }),
  fc.dictionary(fc.constantFrom(...ID_POOL, 'q1.autre', 'q2.autre', 'rssi', 'types_attaques', 'types_attaques.autre'), fc.oneof(oddString, deepValue, fc.array(oddString, { maxLength: 4 }), fc.double(), fc.constantFrom(null, true, undefined))),
  prototypeAnswers,
  deepValue,
);

/** Values that can travel as JSON, where the engine promises more (schema-valid output). */
const jsonAnswers: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.constantFrom(...ID_POOL, 'q1.autre', 'q2.autre', 'rssi', 'types_attaques', 'types_attaques.autre', 'lieu_mediation'), fc.jsonValue({ maxDepth: 2 })),
  prototypeAnswers,
  fc.jsonValue({ maxDepth: 3 }),
);

function assertProblems(problems: Problem[], context: string): void {
  for (const problem of problems) {
    assert.equal(typeof problem.questionId, 'string', context);
    assert.ok(PROBLEM_CODES.includes(problem.code), `${problem.code} (${context})`);
  }
}

/** Object.prototype gained nothing: no answer may reach it through a prototype key. */
function assertPrototypeIntact(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ['rssi', 'oui', 'a', 'polluted', 'q1', 'isAdmin']) assert.equal(probe[key], undefined, `Object.prototype.${key}`);
}

// ---------------------------------------------------------------------------------------------

describe('questionnaire engine under hostile input', () => {
  test('no reading of answers throws, whatever the answers are', () => {
    fc.assert(
      fc.property(definition, hostileAnswers, fc.constantFrom(...LANGS), (def, raw, lang) => {
        const answers = raw as Record<string, unknown>;
        const problems = validateContribution(def, answers);
        assertProblems(problems, 'strict');
        for (const problem of problems) {
          const question = def.sections.flatMap((s) => s.questions).find((q) => q.id === problem.questionId);
          assert.notEqual(problemMessage(problem, lang, question).trim(), '');
        }
        for (const section of def.sections) {
          assertProblems(validateSection(def, answers, section.id), section.id);
          for (const question of section.questions) assertProblems(validateQuestion(question, answers), question.id);
          stepIndex(def, answers, section.id);
          adjacentSectionId(def, answers, section.id, 1);
          adjacentSectionId(def, answers, section.id, -1);
        }
        validateSection(def, answers, 'constructor');
        const visible = visibleQuestionIds(def, answers);
        assert.deepEqual(visibleQuestions(def, answers).map((q) => q.id).filter((qid) => !visible.has(qid)), []);
        visibleSections(def, answers);
        isQuestionVisible(def, answers, 'constructor');
        const { ratio, answered, total } = progress(def, answers);
        assert.ok(ratio >= 0 && ratio <= 1 && answered <= total, `progress ${answered}/${total}`);
        for (const step of steps(def, answers)) assert.ok(step.ratio >= 0 && step.ratio <= 1);
        const normalized = normalizeAnswers(def, answers);
        // What normalisation keeps is only answers to questions its own result leaves visible.
        const kept = visibleQuestionIds(def, normalized);
        for (const key of Object.keys(normalized)) assert.ok(kept.has(parseAnswerKey(key).questionId), key);
        assert.equal(Object.getPrototypeOf(normalized), Object.prototype);
        assertPrototypeIntact();
      }),
      options(0),
    );
  });

  test('from JSON input, normalised answers fit the schema, are stable, and leave nothing unknown or hidden', () => {
    fc.assert(
      fc.property(definition, jsonAnswers, (def, raw) => {
        const answers = raw as Record<string, unknown>;
        const normalized = normalizeAnswers(def, answers);
        assert.ok(Answers.safeParse(normalized).success, JSON.stringify(normalized));
        assert.deepEqual(normalizeAnswers(def, normalized), normalized);
        // Normalisation drops exactly what strict validation would call unknown or hidden.
        const codes = validateContribution(def, normalized).map((p) => p.code);
        assert.ok(!codes.includes('unknown_question') && !codes.includes('hidden'), codes.join(','));
        assertPrototypeIntact();
      }),
      options(1),
    );
  });

  test('a condition of a shape the engine does not know is false, never an error', () => {
    // Conditions come with definitions "loaded from anywhere"; visibility must never crash a form.
    const anyCondition = fc.oneof(
      condition,
      fc.anything({ withNullPrototype: true, withBoxedValues: true, key: fc.constantFrom('not', 'all', 'any', 'question', 'equals', 'in', 'includes', 'gt', 'lte') }),
      fc.record({ not: fc.anything() }),
      fc.record({ all: fc.anything() }),
      fc.record({ any: fc.anything() }),
      fc.record({ question: fc.anything(), in: fc.anything() }),
      fc.record({ question: fc.constantFrom(...ID_POOL), in: fc.anything(), includes: fc.anything() }),
    );
    fc.assert(
      fc.property(anyCondition, hostileAnswers, (raw, answers) => {
        const result = evaluateCondition(raw as Condition, answers as Record<string, unknown>);
        assert.equal(typeof result, 'boolean');
      }),
      options(2),
    );
  });

  test('a malformed condition is false, and stays false under `not`', () => {
    const notArray = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.object());
    const malformed: fc.Arbitrary<unknown> = fc.letrec<{ bad: unknown }>((tie) => ({
      bad: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, 0, 'oui', true, [], [{ question: 'q1', equals: 'oui' }]),
        fc.record({ all: notArray }),
        fc.record({ any: notArray }),
        fc.record({ question: fc.oneof(fc.integer(), fc.constant(null), fc.object()), equals: fc.constant('oui') }),
        fc.record({ question: fc.constant('q1'), in: fc.oneof(notArray, fc.array(fc.integer(), { minLength: 1 })) }),
        fc.record({ question: fc.constant('q1'), gt: fc.oneof(fc.string(), fc.constant(null)) }),
        fc.record({ question: fc.constant('q1'), equals: fc.oneof(fc.object(), fc.constant(null), fc.boolean()) }),
        fc.record({ question: fc.constant('q1') }),
        fc.record({ not: tie('bad') }),
        fc.tuple(fc.array(condition, { maxLength: 2 }), tie('bad')).map(([good, bad]) => ({ all: [...good, bad] })),
        fc.tuple(fc.array(condition, { maxLength: 2 }), tie('bad')).map(([good, bad]) => ({ any: [...good, bad] })),
      ),
    })).bad;
    fc.assert(
      fc.property(malformed, hostileAnswers, (bad, answers) => {
        const input = answers as Record<string, unknown>;
        assert.equal(evaluateCondition(bad as Condition, input), false);
        assert.equal(evaluateCondition({ not: bad as Condition }, input), false);
      }),
      options(10),
    );
  });

  test('every condition a schema-valid definition holds is evaluated and listed without error', () => {
    fc.assert(
      fc.property(condition, hostileAnswers, (cond, answers) => {
        assert.equal(typeof evaluateCondition(cond, answers as Record<string, unknown>), 'boolean');
        for (const qid of conditionQuestions(cond)) assert.equal(typeof qid, 'string');
      }),
      options(3),
    );
  });

  test('definition checks never throw on schema-valid definitions, however defective', () => {
    fc.assert(
      fc.property(randomDefinition, (def) => {
        for (const issue of checkDefinition(def)) assert.equal(typeof issue.at, 'string');
      }),
      options(4),
    );
  });

  test('the answer helpers take any value', () => {
    fc.assert(
      fc.property(hostileAnswers, fc.oneof(oddString, fc.constantFrom(...ID_POOL)), (value, key) => {
        assert.equal(typeof isAnswered(value), 'boolean');
        assert.equal(typeof isAnswerValue(value), 'boolean');
        assert.equal(typeof choosesOther(value), 'boolean');
        answerOf(value as Record<string, unknown>, key);
        const parsed = parseAnswerKey(key);
        assert.equal(typeof parsed.questionId, 'string');
      }),
      options(5),
    );
  });

  test('serialisation handles prototype keys, deep nesting and odd strings, and round-trips JSON', () => {
    // Documented as JSON.stringify's behaviour: BigInt, cycles and nesting too deep for the stack
    // are refused, so they are not generated here (a thousand levels is far beyond any answer).
    const serializable = fc.oneof(
      fc.jsonValue(),
      fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.boolean()).map(([depth, arrays]) => {
        let value: unknown = 'fond';
        for (let i = 0; i < depth; i++) value = arrays ? [value, { b: 1, a: 2 }] : { b: value, a: [1] };
        return value;
      }),
      fc.anything({ withNullPrototype: true, withSparseArray: true, withUnicodeString: true, key: fc.constantFrom('__proto__', 'constructor', 'a', 'b', '') }),
      prototypeAnswers,
      fc.dictionary(oddString, oddString),
    );
    fc.assert(
      fc.property(serializable, (value) => {
        const text = stableStringify(value);
        assert.equal(typeof text, 'string');
        const once = JSON.parse(text) as unknown;
        // Equal data gives equal text: serialising the parsed copy gives the same string.
        assert.equal(stableStringify(once), text);
        const answers = value as Record<string, unknown>;
        assert.equal(serializeAnswers(answers), text);
        assert.match(hashAnswers(answers), /^[0-9a-f]{8}$/);
        assertPrototypeIntact();
      }),
      options(6),
    );
    fc.assert(
      fc.property(oddString, (text) => {
        assert.match(fnv1a32(text), /^[0-9a-f]{8}$/);
      }),
      options(7),
    );
  });
});

describe('SIRET and SIREN checks under hostile input', () => {
  const input = fc.oneof(
    oddString,
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.stringMatching(/^[0-9 .\-\u00a0\u202f]{0,30}$/),
    fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 20 }).map((digits) => digits.join('')),
    fc.constantFrom(null, undefined, '\uff11\uff12\uff13', '٢١٣٥٠٢٣٨٨٠٠٠١٩', '21350238800019', '213 502 388 00019', '35600000000048'),
  );

  test('validation never throws and its outcome is consistent', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...LANGS), (value, lang) => {
        for (const [check, kind, length] of [
          [validateSiret, 'siret', 14],
          [validateSiren, 'siren', 9],
        ] as const) {
          const result = check(value, lang);
          if (result.ok) {
            assert.match(result.value, new RegExp(`^\\d{${length}}$`));
            assert.equal(result.value, stripSeparators(value));
          } else {
            assert.equal(result.kind, kind);
            assert.ok(['empty', 'length', 'digits', 'checksum'].includes(result.reason));
            assert.notEqual(result.message.trim(), '');
            // Only ASCII digits count: other scripts' digits are invalid characters, named as such.
            assert.equal(result.digitCount, (stripSeparators(value).match(/\d/g) ?? []).length);
          }
        }
        assert.equal(isValidSiret(value), validateSiret(value).ok);
        assert.equal(isValidSiren(value), validateSiren(value).ok);
        const siren = sirenOf(value);
        assert.ok(siren === undefined || /^\d{9}$/.test(siren));
        const formatted = formatSiret(value);
        assert.equal(stripSeparators(formatted), stripSeparators(value));
        assert.equal(typeof passesLuhn(stripSeparators(value)), 'boolean');
      }),
      options(8),
    );
  });

  test('a failure message is worded for any facts', () => {
    const facts: fc.Arbitrary<IdentifierFailureFacts> = fc.record({
      kind: fc.constantFrom('siret', 'siren'),
      reason: fc.constantFrom('empty', 'length', 'digits', 'checksum'),
      digitCount: fc.oneof(fc.integer(), fc.double()),
      invalidCharacters: fc.array(oddString, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom(...LANGS), (value, lang) => {
        assert.notEqual(identifierFailureMessage(value, lang).trim(), '');
      }),
      options(9),
    );
  });
});
