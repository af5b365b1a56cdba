import { createCatalog, formatNumber } from './i18n/index.js';
import type { Lang } from './schema/text.js';

/**
 * SIRET and SIREN checks, as a respondent types them.
 *
 * A SIRET is 14 digits: the SIREN of the legal unit (9 digits) followed by the NIC of the
 * establishment (5 digits). Both carry a Luhn check digit. This only proves that a number is
 * well formed; whether it belongs to a collectivité is a separate, stronger test.
 */

/** Which identifier is being checked. */
export type IdentifierKind = 'siret' | 'siren';

/** Why an identifier was refused: each reason has its own message, telling the person what to fix. */
export type IdentifierFailureReason = 'empty' | 'length' | 'digits' | 'checksum';

/** The facts a failure message is built from (also carried by schema issues). */
export interface IdentifierFailureFacts {
  kind: IdentifierKind;
  reason: IdentifierFailureReason;
  /** How many digits the input holds once separators are removed. */
  digitCount: number;
  /** Characters that are neither digits nor accepted separators, each once, in order of appearance. */
  invalidCharacters: string[];
}

/** A refused identifier, with a message in the language asked for. */
export interface IdentifierFailure extends IdentifierFailureFacts {
  ok: false;
  message: string;
}

/** An accepted identifier: `value` holds the digits only, ready to store or send. */
export interface IdentifierSuccess {
  ok: true;
  value: string;
}

/** The outcome of {@link validateSiret} and {@link validateSiren}: branch on `ok`, then on `reason`. */
export type IdentifierCheck = IdentifierSuccess | IdentifierFailure;

/** SIREN of La Poste, whose establishments do not follow the Luhn rule. */
export const LA_POSTE_SIREN = '356000000';

/** La Poste's head office is the one SIRET of its SIREN that follows Luhn rather than the digit-sum rule. */
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

const EXPECTED_LENGTH: Record<IdentifierKind, number> = { siret: 14, siren: 9 };

/**
 * What people put between digit groups when they copy a number from a document or type it
 * grouped: any white space (including no-break spaces U+00A0 and U+202F), dots, and hyphens
 * (ASCII, Unicode hyphens and the en dash that word processors substitute).
 */
const SEPARATORS = /[\s.\-\u2010\u2011\u2012\u2013]/gu;

const messages = createCatalog({
  fr: {
    empty: 'Saisissez le {label} de votre collectivité ({expected} chiffres).',
    length: (p) =>
      `Le ${p.label} doit compter ${p.expected} chiffres (${formatNumber('fr', Number(p.count))} ${
        Number(p.count) > 1 ? 'saisis' : 'saisi'
      }).`,
    sirenInsteadOfSiret: 'Vous avez saisi un SIREN ? Ajoutez-lui les 5 chiffres du NIC de l’établissement.',
    siretInsteadOfSiren: 'Vous avez saisi un SIRET ? Le SIREN en est les 9 premiers chiffres.',
    digits: (p) =>
      `Le ${p.label} ne contient que des chiffres : ${p.chars} ${
        Number(p.n) > 1 ? 'ne sont pas acceptés' : 'n’est pas accepté'
      }.`,
    checksum:
      'Ce {label} n’est pas valide : sa clé de contrôle ne correspond pas. Un chiffre a peut-être été mal saisi ' +
      'ou deux chiffres inversés ; vérifiez-le sur un document officiel (avis de situation Sirene, facture).',
  },
  en: {
    empty: 'Enter your local authority’s {label} ({expected} digits).',
    length: (p) =>
      `A ${p.label} has ${p.expected} digits (${formatNumber('en', Number(p.count))} entered).`,
    sirenInsteadOfSiret: 'Did you enter a SIREN? Add the 5 digits of the establishment’s NIC.',
    siretInsteadOfSiren: 'Did you enter a SIRET? The SIREN is its first 9 digits.',
    digits: (p) => `A ${p.label} contains digits only: ${p.chars} ${Number(p.n) > 1 ? 'are' : 'is'} not accepted.`,
    checksum:
      'This {label} is not valid: its check digit does not match. A digit may be mistyped or two digits swapped; ' +
      'check it against an official document (Sirene registration notice, invoice).',
  },
});

/** Removes the separators people type or paste between digit groups; keeps everything else. */
export function stripSeparators(input: string | null | undefined): string {
  return (input ?? '').replace(SEPARATORS, '');
}

/** Luhn: from the right, every second digit is doubled (minus 9 past 9); the total must end in 0. */
export function passesLuhn(digits: string): boolean {
  let total = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    let digit = Number(digits[digits.length - 1 - fromRight]);
    if (fromRight % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

function digitSum(digits: string): number {
  let total = 0;
  for (const digit of digits) total += Number(digit);
  return total;
}

function siretChecksumHolds(siret: string): boolean {
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // La Poste numbers its many establishments under one SIREN with a rule of its own.
    return siret === LA_POSTE_HEAD_OFFICE_SIRET || digitSum(siret) % 5 === 0;
  }
  return passesLuhn(siret);
}

function uniqueInvalidCharacters(compact: string): string[] {
  return [...new Set(compact.replace(/\d/g, ''))];
}

/** The message for a refused identifier, in French or English; use it again when the page's language changes. */
export function identifierFailureMessage(facts: IdentifierFailureFacts, lang: Lang = 'fr'): string {
  const label = facts.kind === 'siret' ? 'SIRET' : 'SIREN';
  const expected = EXPECTED_LENGTH[facts.kind];
  const quote = lang === 'fr' ? (c: string) => `« ${c} »` : (c: string) => `“${c}”`;
  switch (facts.reason) {
    case 'empty':
      return messages(lang, 'empty', { label, expected });
    case 'digits':
      return messages(lang, 'digits', {
        label,
        chars: facts.invalidCharacters.map(quote).join(', '),
        n: facts.invalidCharacters.length,
      });
    case 'checksum':
      return messages(lang, 'checksum', { label });
    case 'length': {
      const base = messages(lang, 'length', { label, expected, count: facts.digitCount });
      // The commonest length mistake is typing the other identifier: say so.
      if (facts.kind === 'siret' && facts.digitCount === EXPECTED_LENGTH.siren) {
        return `${base} ${messages(lang, 'sirenInsteadOfSiret')}`;
      }
      if (facts.kind === 'siren' && facts.digitCount === EXPECTED_LENGTH.siret) {
        return `${base} ${messages(lang, 'siretInsteadOfSiren')}`;
      }
      return base;
    }
  }
}

function check(kind: IdentifierKind, input: string | null | undefined, lang: Lang): IdentifierCheck {
  const compact = stripSeparators(input);
  const invalidCharacters = uniqueInvalidCharacters(compact);
  const digitCount = compact.length - compact.replace(/\d/g, '').length;
  let reason: IdentifierFailureReason | undefined;
  // Order matters: a stray letter explains a wrong length better than the length does.
  if (compact === '') reason = 'empty';
  else if (invalidCharacters.length > 0) reason = 'digits';
  else if (compact.length !== EXPECTED_LENGTH[kind]) reason = 'length';
  else if (kind === 'siret' ? !siretChecksumHolds(compact) : !passesLuhn(compact)) reason = 'checksum';
  if (reason === undefined) return { ok: true, value: compact };
  const facts: IdentifierFailureFacts = { kind, reason, digitCount, invalidCharacters };
  return { ok: false, ...facts, message: identifierFailureMessage(facts, lang) };
}

/**
 * Checks a SIRET as typed: separators are tolerated and removed, then length, digits and
 * check digit are verified (with La Poste's exception).
 *
 * ```ts
 * validateSiret('213 502 388 00019'); // { ok: true, value: '21350238800019' }
 * ```
 */
export function validateSiret(input: string | null | undefined, lang: Lang = 'fr'): IdentifierCheck {
  return check('siret', input, lang);
}

/** Checks a SIREN as typed (9 digits, Luhn), tolerating separators. */
export function validateSiren(input: string | null | undefined, lang: Lang = 'fr'): IdentifierCheck {
  return check('siren', input, lang);
}

/** True when `input` is a well-formed SIRET once separators are removed. */
export function isValidSiret(input: string | null | undefined): boolean {
  return validateSiret(input).ok;
}

/** True when `input` is a well-formed SIREN once separators are removed. */
export function isValidSiren(input: string | null | undefined): boolean {
  return validateSiren(input).ok;
}

/** The SIREN (first 9 digits) of a valid SIRET, or `undefined` when the SIRET is not valid. */
export function sirenOf(siret: string | null | undefined): string | undefined {
  const result = validateSiret(siret);
  return result.ok ? result.value.slice(0, EXPECTED_LENGTH.siren) : undefined;
}

/** Group boundaries of a SIRET as printed: SIREN in three groups of 3, then the 5-digit NIC. */
const GROUP_ENDS = [3, 6, 9, 14];

/**
 * Groups an identifier the way it is printed ("213 502 388 00019"), for display in an input
 * while the person types: partial input is grouped too, a SIREN comes out as "213 502 388",
 * characters that are not separators are kept where they were typed so mistakes stay visible,
 * and anything past 14 characters forms a last group of its own.
 */
export function formatSiret(value: string | null | undefined): string {
  const compact = stripSeparators(value);
  const groups: string[] = [];
  let start = 0;
  for (const end of GROUP_ENDS) {
    if (start >= compact.length) break;
    groups.push(compact.slice(start, end));
    start = end;
  }
  if (start < compact.length) groups.push(compact.slice(start));
  return groups.join(' ');
}
