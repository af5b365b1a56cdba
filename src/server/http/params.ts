import { THEMES, type QuestionnaireDefinition, type ThemeId } from '../../core/schema/questionnaire.js';
import { findQuestion } from '../../core/questionnaire/index.js';
import { identifierFailureMessage, validateSiret, type IdentifierFailureFacts } from '../../core/siret.js';
import type { ServerContext } from '../context.js';
import { ApiError } from './errors.js';

/** Path values, checked into the types routes work with, or an {@link ApiError}. */

/** The definition of a theme named in a path; 404 for a theme the server does not serve. */
export function themeParam(context: ServerContext, theme: string): { theme: ThemeId; definition: QuestionnaireDefinition } {
  const known = (THEMES as readonly string[]).includes(theme) && Object.hasOwn(context.definitions, theme);
  if (!known) {
    throw new ApiError(404, 'theme_not_found', {
      params: { theme: theme.slice(0, 60), themes: Object.keys(context.definitions).join(', ') },
    });
  }
  return { theme: theme as ThemeId, definition: context.definitions[theme as ThemeId] };
}

/**
 * A SIRET from a path: exactly 14 digits (a URL carries no separators). Each kind of mistake has
 * its own code (`siret_length`, `siret_digits`, `siret_checksum`) and core's message telling the
 * person what to fix.
 */
export function siretParam(raw: string): string {
  const check = validateSiret(raw);
  if (check.ok && check.value === raw) return raw;
  // Separators are tolerated in forms, not in paths: name them as the offending characters.
  const facts: IdentifierFailureFacts = check.ok
    ? { kind: 'siret', reason: 'digits', digitCount: 14, invalidCharacters: [...new Set(raw.replace(/\d/g, ''))] }
    : { kind: check.kind, reason: check.reason, digitCount: check.digitCount, invalidCharacters: check.invalidCharacters };
  throw new ApiError(400, `siret_${facts.reason}`, { message: (lang) => identifierFailureMessage(facts, lang) });
}

/** A question whose figures are published; 404 for an unknown question or one taking free text. */
export function publishedQuestionParam(theme: ThemeId, definition: QuestionnaireDefinition, questionId: string): void {
  const question = findQuestion(definition, questionId);
  if (!question) throw new ApiError(404, 'question_not_found', { params: { theme, question: questionId.slice(0, 60) } });
  if (question.kind === 'text') throw new ApiError(404, 'question_not_published', { params: { question: questionId } });
}
