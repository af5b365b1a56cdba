// Correct answers to any questionnaire where every free text — text questions and "other,
// specify" texts — holds a given text, for tests about what happens to free text afterwards.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasOtherText, normalizeAnswers, otherTextKey, validateContribution, type CollectiviteProfile } from '../../../src/core/questionnaire/index.js';
import type { Answers, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import { validAnswers } from '../../unit/questionnaire/arbitraries.js';

/** The kind and population band a SIRET's collectivité answers as: what decides the questions it is asked. */
export function profileOf(siret: string): CollectiviteProfile {
  const found = [...defaultReferential().collectivites()].find((c) => c.siren === siret.slice(0, 9));
  assert.ok(found, `no collectivité for ${siret}`);
  return { kind: found.kind, populationBand: found.populationBand ?? null };
}

/**
 * Answers the engine accepts in strict mode, with `text(questionId, other)` in every free text
 * that is visible: text questions, and "other, specify" texts (their `autre` is chosen for it).
 * Free texts behind conditions are only there when the other answers show them: of a few
 * drawings, the one keeping the most free text is returned. Deterministic for a given seed.
 * Questions asked by kind and size follow `collectivite`, as the server checks them.
 */
export function answersWithFreeText(
  definition: QuestionnaireDefinition,
  seed: number,
  text: (questionId: string, other: boolean) => string,
  collectivite?: CollectiviteProfile,
): Answers {
  let best: { answers: Answers; texts: number } | undefined;
  for (const base of fc.sample(validAnswers(definition), { seed, numRuns: 40 })) {
    const answers: Record<string, unknown> = { ...base };
    const written = new Set<string>();
    for (const question of definition.sections.flatMap((section) => section.questions)) {
      if (question.kind === 'text') {
        answers[question.id] = text(question.id, false).slice(0, question.maxLength);
        written.add(question.id);
      }
      if (hasOtherText(question)) {
        answers[question.id] = question.kind === 'single' ? 'autre' : ['autre'];
        answers[otherTextKey(question.id)] = text(question.id, true);
        written.add(otherTextKey(question.id));
      }
    }
    // Every question got a correct answer, so once hidden ones are dropped nothing is missing.
    const normalized = normalizeAnswers(definition, answers, collectivite);
    const texts = Object.keys(normalized).filter((key) => written.has(key)).length;
    if (!best || texts > best.texts) best = { answers: normalized, texts };
  }
  assert.ok(best && best.texts > 0, `${definition.theme}: no free text could be written`);
  assert.deepEqual(validateContribution(definition, best.answers, collectivite), [], `${definition.theme}: the fixture must be a valid contribution`);
  return best.answers;
}
