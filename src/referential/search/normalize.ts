/**
 * Names as a search compares them: without accents, case or punctuation, with the usual
 * abbreviations spelled out, so "ST-ÉTIENNE", "st etienne" and "Saint-Étienne" are one name.
 */

// Abbreviations people type for the words that start thousands of French place names.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

// Ligatures do not decompose under NFD, so they are spelled out first.
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** The words of a name or query, normalised (`"L'Île-d'Yeu"` → `["l", "ile", "d", "yeu"]`). */
export function searchTokens(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/[œæß]/g, (char) => LIGATURES[char] ?? char)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_ALPHANUMERIC, ' ')
    .trim();
  if (folded === '') return [];
  return folded.split(' ').map((word) => ABBREVIATIONS[word] ?? word);
}

/** A name or query normalised to one string of words separated by single spaces. */
export function normalizeForSearch(text: string): string {
  return searchTokens(text).join(' ');
}
