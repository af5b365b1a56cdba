import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import type { Lang } from './text.js';

/**
 * Zod's own French and English wording, for the issues the contract has no words of its own for
 * (formats and patterns it does not define, such as a UUID or a prefix). Zod's global
 * configuration is left alone: a page may use zod for its own forms, in its own language.
 *
 * This module reaches browsers only with errors.ts, which they import when data breaks the
 * contract: valid data never pays for these tables.
 */

type ErrorMap = z.core.$ZodErrorMap;

const LOCALES: Record<Lang, () => { localeError: ErrorMap }> = { fr, en };
const built = new Map<Lang, ErrorMap>();

function localeError(lang: Lang): ErrorMap {
  let map = built.get(lang);
  if (!map) {
    map = LOCALES[lang]().localeError;
    built.set(lang, map);
  }
  return map;
}

/** Zod writes fragments ("adresse IPv4 invalide"); shown beside our messages, they read as sentences. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Zod's message for an issue in `lang`, as a sentence; `undefined` when its locale has none. */
export function zodMessage(issue: z.core.$ZodIssue, lang: Lang): string | undefined {
  // The locales are typed for issues being raised, which always carry their input; a reported one
  // may not (parsed without `reportInput`), which they read as an input of `undefined`.
  const worded = localeError(lang)(issue as z.core.$ZodRawIssue);
  const text = typeof worded === 'string' ? worded : worded?.message;
  return text ? asSentence(text) : undefined;
}
