import * as z from 'zod/mini';
import { createCatalog, formatNumber } from '../i18n/index.js';
import { identifierFailureMessage, type IdentifierFailureFacts } from '../siret.js';
import { messages, TYPE_NAMES } from './error-messages.js';
import { DEPARTEMENT_CODE, MACHINE_ID, PUBLICATION_ID, REGION_CODE, SIREN_SHAPE, SIRET_SHAPE, VERSION } from './patterns.js';
import { suggestionFor } from './suggest.js';
import { LocalizedText, type Lang } from './text.js';
import { zodMessage } from './zod-wording.js';
import { isContractRule, type FieldError, type ApiErrorBody, VALIDATION_FAILED } from './contract.js';

export * from './contract.js';

/**
 * Zod issues turned into messages a person can act on, keyed by the path of the field they
 * concern: which message fits an issue, and which branch of a union the input most likely meant.
 * What the contract itself defines — missing fields, its types, sizes and choices, its formats
 * and patterns, its rules — is worded in error-messages.ts; any other format or pattern in zod's
 * own French and English (zod-wording.ts).
 */

/**
 * Patterns of the contract whose failure deserves a specific explanation. Zod reports a failed
 * pattern by its text, so the text of the very expressions the schemas check with is looked up.
 */
const KNOWN_PATTERNS = new Map<string, PatternMessage>([
  [String(MACHINE_ID), 'machineId'],
  [String(VERSION), 'version'],
  [String(SIREN_SHAPE), 'sirenShape'],
  [String(SIRET_SHAPE), 'siretShape'],
  [String(DEPARTEMENT_CODE), 'departementCode'],
  [String(REGION_CODE), 'regionCode'],
  [String(PUBLICATION_ID), 'publicationId'],
]);

type PatternMessage = 'machineId' | 'version' | 'sirenShape' | 'siretShape' | 'departementCode' | 'regionCode' | 'publicationId';

type Issue = z.core.$ZodIssue;
type AnyIssue = Issue & Record<string, unknown>;

function typeName(type: string, lang: Lang): string {
  const known = TYPE_NAMES[lang][type];
  if (known !== undefined) return known;
  return lang === 'fr' ? `une valeur de type « ${type} »` : `a value of type “${type}”`;
}

function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (input instanceof Date) return 'date';
  return typeof input;
}

function quote(value: unknown, lang: Lang): string {
  const text = typeof value === 'string' ? value : String(value);
  return lang === 'fr' ? `« ${text} »` : `“${text}”`;
}

function listValues(values: readonly unknown[], lang: Lang): string {
  return values.map((value) => quote(value, lang)).join(', ');
}

/** Only short scalar inputs are echoed back, so messages stay readable. */
function echoable(input: unknown): input is string | number {
  return (typeof input === 'string' && input.length > 0 && input.length <= 40) || typeof input === 'number';
}

function hasInput(issue: AnyIssue): boolean {
  return Object.prototype.hasOwnProperty.call(issue, 'input');
}

function sizeMessage(issue: AnyIssue, lang: Lang, side: 'min' | 'max'): string {
  const bound = (side === 'min' ? issue.minimum : issue.maximum) as number | bigint;
  const inclusive = issue.inclusive !== false;
  const exact = issue.exact === true;
  const params = { min: Number(bound), max: Number(bound) };
  switch (issue.origin) {
    case 'string':
      if (exact) return messages(lang, 'stringExact', params);
      // An exclusive length bound never comes from zod's own checks; treat it as inclusive of the next size.
      return messages(lang, side === 'min' ? 'stringMin' : 'stringMax', params);
    case 'array':
    case 'set':
      if (exact) return messages(lang, 'arrayExact', params);
      return messages(lang, side === 'min' ? 'arrayMin' : 'arrayMax', params);
    case 'number':
    case 'int':
    case 'bigint':
      if (side === 'min') return messages(lang, inclusive ? 'numberMin' : 'numberMinExclusive', params);
      return messages(lang, inclusive ? 'numberMax' : 'numberMaxExclusive', params);
    case 'date': {
      const date = new Date(Number(bound)).toISOString().slice(0, 10);
      return messages(lang, side === 'min' ? 'dateMin' : 'dateMax', { min: date, max: date });
    }
    default:
      return messages(lang, side === 'min' ? 'sizeMin' : 'sizeMax', params);
  }
}

/**
 * The contract's own formats and patterns get its words (with an example to follow); any other
 * format or pattern gets zod's.
 */
function formatMessage(issue: AnyIssue, lang: Lang): string {
  const format = String(issue.format);
  switch (format) {
    case 'email':
    case 'datetime':
    case 'lowercase':
    case 'uppercase':
      return messages(lang, format);
    case 'regex': {
      const known = KNOWN_PATTERNS.get(String(issue.pattern));
      if (known) return messages(lang, known);
      break;
    }
  }
  return zodMessage(issue, lang) ?? messages(lang, 'invalid');
}

/** `received` is the value at fault, when the issue reported it. */
function valuesMessage(values: readonly unknown[], lang: Lang, received?: { value: unknown }): string {
  if (values.length === 1) return messages(lang, 'oneValue', { values: listValues(values, lang) });
  if (received && echoable(received.value)) {
    return messages(lang, 'oneOfGot', { input: quote(received.value, lang), values: listValues(values, lang) });
  }
  return messages(lang, 'oneOf', { values: listValues(values, lang) });
}

function customMessage(issue: AnyIssue, lang: Lang): string {
  const params = (issue.params ?? {}) as Record<string, unknown>;
  const rule = params.rule;
  if (isContractRule(rule)) {
    if (rule === 'siret') return identifierFailureMessage(params as unknown as IdentifierFailureFacts, lang);
    const values: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'number') values[key] = value;
      else if (typeof value === 'string' || typeof value === 'boolean') values[key] = String(value);
    }
    // Shares read better as the fractions they are, with the reader's decimal mark.
    for (const key of ['low', 'high', 'share']) {
      if (typeof values[key] === 'number') values[key] = formatNumber(lang, values[key], { maximumFractionDigits: 4 });
    }
    return messages(lang, rule, values);
  }
  // Schemas outside the contract may carry their own text: `params: { message: { fr, en } }`.
  const own = LocalizedText.safeParse(params.message);
  if (own.success) return own.data[lang];
  return messages(lang, 'invalid');
}

/** The message for one issue that needs no look at its siblings. */
function describeIssue(issue: AnyIssue, lang: Lang): string {
  // Whatever was expected, nothing was given: that is what the person needs to hear.
  if (issue.code !== 'custom' && hasInput(issue) && issue.input === undefined) return messages(lang, 'required');
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'nonoptional') {
        return messages(lang, 'required');
      }
      const expected = typeName(String(issue.expected), lang);
      if (hasInput(issue)) {
        return messages(lang, 'expectedGot', { expected, received: typeName(typeOfInput(issue.input), lang) });
      }
      return messages(lang, 'expected', { expected });
    }
    case 'too_small':
      return sizeMessage(issue, lang, 'min');
    case 'too_big':
      return sizeMessage(issue, lang, 'max');
    case 'invalid_format':
      return formatMessage(issue, lang);
    case 'not_multiple_of':
      return messages(lang, 'multipleOf', { divisor: Number(issue.divisor) });
    case 'invalid_value':
      return valuesMessage(issue.values as unknown[], lang, hasInput(issue) ? { value: issue.input } : undefined);
    case 'custom':
      return customMessage(issue, lang);
    default:
      return messages(lang, 'invalid');
  }
}

/** Keys the schema wanted at `at` but did not get (or got wrong), read from sibling issues. */
function expectedKeysAt(at: readonly PropertyKey[], siblings: readonly Issue[]): string[] {
  const keys: string[] = [];
  for (const sibling of siblings) {
    if (sibling.path.length !== at.length + 1) continue;
    if (!at.every((segment, index) => sibling.path[index] === segment)) continue;
    const key = sibling.path[at.length];
    const wanted = sibling.code === 'invalid_type' || sibling.code === 'invalid_union';
    if (typeof key === 'string' && wanted) keys.push(key);
  }
  return keys;
}

/**
 * How far a union branch is from fitting: the fewer and smaller its problems, the likelier it is
 * what the author meant. A branch whose very type differs is the least likely.
 */
function branchDistance(issues: readonly Issue[]): number {
  let distance = 0;
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && issue.path.length === 0) distance += 1000;
    else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A nested union below the root is one wrong field, however many types it would take.
      const nestedField = issue.path.length > 0 && issue.errors.every(isTypeMismatchOnly);
      distance += nestedField ? 1 : Math.min(...issue.errors.map(branchDistance));
    } else if (issue.code === 'unrecognized_keys') {
      const expected = expectedKeysAt(issue.path, issues);
      for (const key of issue.keys) distance += suggestionFor(key, expected) === undefined ? 1 : 0.5;
    } else distance += 1;
  }
  return distance;
}

function isTypeMismatchOnly(branch: readonly Issue[]): boolean {
  return branch.length > 0 && branch.every((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
}

/**
 * A union either names what it accepts (no branch came close: bad discriminator, or a value of
 * none of the accepted types) or explains the branch the input most likely meant.
 */
function collectUnion(union: z.core.$ZodIssueInvalidUnion, path: PropertyKey[], lang: Lang, out: FieldError[]): void {
  const issue = union as AnyIssue;
  if (union.errors.length === 0) {
    const options = (issue.options as unknown[] | undefined) ?? [];
    // A discriminated union reports the whole object as input; the value at fault is its discriminator.
    const discriminator = typeof issue.discriminator === 'string' ? issue.discriminator : undefined;
    const input = issue.input as Record<string, unknown> | undefined;
    const received =
      discriminator !== undefined && typeof input === 'object' && input !== null
        ? { value: input[discriminator] }
        : undefined;
    const message =
      options.length > 0
        ? valuesMessage(options, lang, received)
        : messages(lang, union.inclusive === false ? 'ambiguous' : 'noForm');
    out.push({ path: formatPath(path), message });
  } else if (union.errors.every(isTypeMismatchOnly)) {
    const types = union.errors.flat().map((inner) => typeName(String((inner as AnyIssue).expected), lang));
    const expected = new Intl.ListFormat(lang, { type: 'disjunction' }).format(new Set(types));
    let message: string;
    if (!hasInput(issue)) message = messages(lang, 'expected', { expected });
    else if (issue.input === undefined) message = messages(lang, 'required');
    else message = messages(lang, 'expectedGot', { expected, received: typeName(typeOfInput(issue.input), lang) });
    out.push({ path: formatPath(path), message });
  } else {
    let best = union.errors[0] ?? [];
    for (const branch of union.errors) if (branchDistance(branch) < branchDistance(best)) best = branch;
    collect(best, path, lang, out);
  }
}

function collect(issues: readonly Issue[], base: readonly PropertyKey[], lang: Lang, out: FieldError[]): void {
  for (const raw of issues) {
    const issue = raw as AnyIssue;
    const path = [...base, ...raw.path];
    switch (raw.code) {
      case 'invalid_union':
        collectUnion(raw, path, lang, out);
        break;
      case 'unrecognized_keys': {
        const expected = expectedKeysAt(raw.path, issues);
        for (const key of raw.keys) {
          const suggestion = suggestionFor(key, expected);
          out.push({
            path: formatPath([...path, key]),
            message: suggestion
              ? messages(lang, 'unknownKeySuggestion', { key, suggestion })
              : messages(lang, 'unknownKey', { key }),
          });
        }
        break;
      }
      case 'invalid_key': {
        const inner: FieldError[] = [];
        collect(raw.issues, [], lang, inner);
        const key = String(path[path.length - 1] ?? '');
        out.push({
          path: formatPath(path),
          message: messages(lang, 'invalidKey', { key, reason: inner.map((e) => e.message).join(' ') }),
        });
        break;
      }
      case 'invalid_element':
        collect(raw.issues, path, lang, out);
        break;
      default:
        out.push({ path: formatPath(path), message: describeIssue(issue, lang) });
    }
  }
}

/** Joins a zod path with dots: `['answers', 'lieux.autre']` → `answers.lieux.autre`, root → `''`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment))).join('.');
}

/**
 * Turns zod issues into messages a person can act on, in French or English, one per field
 * (unions are resolved to the branch the input most likely meant). Parse with
 * `{ reportInput: true }` (as {@link parseWithFieldErrors} does) so that missing fields are told
 * apart from fields of the wrong type.
 */
export function toFieldErrors(issues: readonly Issue[], lang: Lang = 'fr'): FieldError[] {
  const out: FieldError[] = [];
  collect(issues, [], lang, out);
  const seen = new Set<string>();
  return out.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The outcome of {@link parseWithFieldErrors}. */
export type FieldParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Parses `input` and, on failure, returns messages for people instead of raw issues. */
export function parseWithFieldErrors<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  lang: Lang = 'fr',
): FieldParseResult<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues, lang) };
}

const summaries = createCatalog({
  fr: {
    summary: (p) =>
      Number(p.count) > 1
        ? `Les données envoyées contiennent ${p.count} erreurs.`
        : 'Les données envoyées contiennent une erreur.',
  },
  en: {
    summary: (p) => (Number(p.count) > 1 ? `The data sent has ${p.count} errors.` : 'The data sent has one error.'),
  },
});

/** The API error body for a request that failed validation, with one message per field. */
export function validationErrorBody(issues: readonly Issue[], lang: Lang = 'fr'): ApiErrorBody {
  const fields = toFieldErrors(issues, lang);
  return {
    error: VALIDATION_FAILED,
    message: summaries(lang, 'summary', { count: fields.length }),
    details: { fields },
  };
}
