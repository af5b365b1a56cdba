import * as z from 'zod/mini';
import { createCatalog, formatNumber } from '../i18n/index.js';
import { identifierFailureMessage, type IdentifierFailureFacts } from '../siret.js';
import { MACHINE_ID, VERSION } from './patterns.js';
import { LocalizedText, type Lang } from './text.js';
import { isContractRule, type FieldError, type ApiErrorBody, VALIDATION_FAILED } from './contract.js';

export * from './contract.js';

/**
 * Zod issues turned into messages a person can act on, in French or English, keyed by the path
 * of the field they concern.
 */
const messages = createCatalog({
  fr: {
    required: 'Ce champ est obligatoire.',
    expected: 'Valeur attendue : {expected}.',
    expectedGot: 'Valeur attendue : {expected} (reçu : {received}).',
    stringMin: (p) =>
      Number(p.min) <= 1 ? 'Ce champ ne peut pas être vide.' : `Saisissez au moins ${p.min} caractères.`,
    stringExact: 'Saisissez exactement {min} caractères.',
    stringMax: 'Saisissez au plus {max} caractères.',
    arrayMin: (p) =>
      Number(p.min) <= 1 ? 'La liste ne peut pas être vide.' : `La liste doit compter au moins ${p.min} éléments.`,
    arrayExact: 'La liste doit compter exactement {min} éléments.',
    arrayMax: 'La liste doit compter au plus {max} éléments.',
    numberMin: 'La valeur doit être supérieure ou égale à {min}.',
    numberMinExclusive: 'La valeur doit être supérieure à {min}.',
    numberMax: 'La valeur doit être inférieure ou égale à {max}.',
    numberMaxExclusive: 'La valeur doit être inférieure à {max}.',
    dateMin: 'La date doit être au plus tôt le {min}.',
    dateMax: 'La date doit être au plus tard le {max}.',
    sizeMin: 'La valeur est trop petite (minimum : {min}).',
    sizeMax: 'La valeur est trop grande (maximum : {max}).',
    multipleOf: 'La valeur doit être un multiple de {divisor}.',
    email: 'Adresse e-mail non valide : elle doit avoir la forme nom@domaine.fr.',
    url: 'Adresse web non valide : elle doit commencer par https://.',
    datetime: 'Date et heure attendues au format ISO 8601 en UTC, par exemple 2025-10-01T09:30:00Z.',
    date: 'Date attendue au format AAAA-MM-JJ, par exemple 2025-10-01.',
    time: 'Heure attendue au format HH:MM, par exemple 09:30.',
    machineId:
      'Identifiant non valide : lettres minuscules sans accents, chiffres et « _ », en commençant par une lettre (par exemple has_rssi).',
    version: 'Numéro de version attendu sous la forme 1.0 ou 1.2.3.',
    startsWith: 'La valeur doit commencer par « {prefix} ».',
    endsWith: 'La valeur doit se terminer par « {suffix} ».',
    includes: 'La valeur doit contenir « {includes} ».',
    lowercase: 'La valeur doit être écrite en minuscules.',
    uppercase: 'La valeur doit être écrite en majuscules.',
    format: 'Format non valide ({format}).',
    unknownKey: 'Champ inconnu « {key} » : retirez-le ou corrigez son nom.',
    unknownKeySuggestion: 'Champ inconnu « {key} » : vouliez-vous écrire « {suggestion} » ?',
    oneValue: 'La seule valeur acceptée est {values}.',
    oneOf: 'Valeur non reconnue : choisissez parmi {values}.',
    oneOfGot: '{input} n’est pas reconnu : choisissez parmi {values}.',
    noForm: 'Cette valeur ne correspond à aucune des formes acceptées.',
    ambiguous: 'Cette valeur correspond à plusieurs formes à la fois : précisez-la.',
    invalidKey: 'Nom « {key} » non valide. {reason}',
    invalid: 'Valeur non valide.',
    // Contract rules
    siret_not_normalised: 'Le SIRET doit être écrit en 14 chiffres sans espaces ni séparateurs ({expected}).',
    updated_before_created: 'La date de mise à jour ne peut pas précéder la date de création.',
    status_updated_at: 'Une contribution absente ne peut pas avoir de date de mise à jour.',
    territory_id:
      'Identifiant de territoire « {id} » non valide : attendu par exemple commune:35238, epci:243500139, departement:2A, region:53, france ou groupe:commune:1000-3499.',
    territory_id_kind: 'L’identifiant « {id} » ne correspond pas au type de territoire « {kind} ».',
    series_role_kind: 'Une série « {role} » doit porter sur un territoire de type « {expected} ».',
    territoire_is_group:
      'Une série « territoire » porte sur un territoire précis ; un groupe de collectivités comparables prend le rôle « similaires ».',
    status_values: (p) =>
      p.status === 'aucune'
        ? 'Sans réponse, l’effectif vaut 0 et aucune part n’est publiée.'
        : 'Un chiffre non publié (moins de réponses que le seuil, ou masqué par le secret statistique) vaut null, jamais zéro, et ne porte aucune part.',
    published_without_values: 'Un chiffre publié doit porter ses valeurs (effectif et parts).',
    weighted_count: 'Des résultats redressés ne publient que des parts : l’effectif brut d’une réponse doit être null.',
    ci_excludes_share: 'L’intervalle de confiance [{low} ; {high}] doit contenir la part {share}.',
    count_above_n: 'L’effectif d’une réponse ({count}) ne peut dépasser celui de la question ({n}).',
    question_n_above_series_n: 'L’effectif de la question ({n}) ne peut dépasser celui de la série ({seriesN}).',
    effective_n_above_n: 'L’effectif pondéré ({effectiveN}) ne peut dépasser l’effectif brut ({n}).',
    below_min_cell:
      'Effectif de {n} sous le seuil de secret statistique ({minCell}) : ce chiffre ne peut pas être publié.',
  },
  en: {
    required: 'This field is required.',
    expected: 'Expected {expected}.',
    expectedGot: 'Expected {expected} (got {received}).',
    stringMin: (p) => (Number(p.min) <= 1 ? 'This field cannot be empty.' : `Enter at least ${p.min} characters.`),
    stringExact: 'Enter exactly {min} characters.',
    stringMax: 'Enter at most {max} characters.',
    arrayMin: (p) =>
      Number(p.min) <= 1 ? 'The list cannot be empty.' : `The list must have at least ${p.min} items.`,
    arrayExact: 'The list must have exactly {min} items.',
    arrayMax: 'The list must have at most {max} items.',
    numberMin: 'The value must be greater than or equal to {min}.',
    numberMinExclusive: 'The value must be greater than {min}.',
    numberMax: 'The value must be less than or equal to {max}.',
    numberMaxExclusive: 'The value must be less than {max}.',
    dateMin: 'The date must be {min} or later.',
    dateMax: 'The date must be {max} or earlier.',
    sizeMin: 'The value is too small (minimum: {min}).',
    sizeMax: 'The value is too large (maximum: {max}).',
    multipleOf: 'The value must be a multiple of {divisor}.',
    email: 'Invalid e-mail address: it must look like name@domain.org.',
    url: 'Invalid web address: it must start with https://.',
    datetime: 'Expected an ISO 8601 UTC date and time, such as 2025-10-01T09:30:00Z.',
    date: 'Expected a date as YYYY-MM-DD, such as 2025-10-01.',
    time: 'Expected a time as HH:MM, such as 09:30.',
    machineId:
      'Invalid identifier: lowercase letters without accents, digits and “_”, starting with a letter (such as has_rssi).',
    version: 'Expected a version number such as 1.0 or 1.2.3.',
    startsWith: 'The value must start with “{prefix}”.',
    endsWith: 'The value must end with “{suffix}”.',
    includes: 'The value must contain “{includes}”.',
    lowercase: 'The value must be in lowercase.',
    uppercase: 'The value must be in uppercase.',
    format: 'Invalid format ({format}).',
    unknownKey: 'Unknown field “{key}”: remove it or correct its name.',
    unknownKeySuggestion: 'Unknown field “{key}”: did you mean “{suggestion}”?',
    oneValue: 'The only accepted value is {values}.',
    oneOf: 'Unrecognised value: choose one of {values}.',
    oneOfGot: '{input} is not recognised: choose one of {values}.',
    noForm: 'This value matches none of the accepted forms.',
    ambiguous: 'This value matches several forms at once: make it specific.',
    invalidKey: 'Invalid name “{key}”. {reason}',
    invalid: 'Invalid value.',
    siret_not_normalised: 'The SIRET must be written as 14 digits without spaces or separators ({expected}).',
    updated_before_created: 'The update date cannot precede the creation date.',
    status_updated_at: 'A missing contribution cannot have an update date.',
    territory_id:
      'Invalid territory identifier “{id}”: expected for instance commune:35238, epci:243500139, departement:2A, region:53, france or groupe:commune:1000-3499.',
    territory_id_kind: 'The identifier “{id}” does not match the territory kind “{kind}”.',
    series_role_kind: 'A “{role}” series must be about a territory of kind “{expected}”.',
    territoire_is_group:
      'A “territoire” series is about one territory; a group of comparable collectivités takes the “similaires” role.',
    status_values: (p) =>
      p.status === 'aucune'
        ? 'With no response, the count is 0 and no share is published.'
        : 'A figure that is not published (fewer responses than the threshold, or hidden by statistical secrecy) is null, never zero, and carries no share.',
    published_without_values: 'A published figure must carry its values (count and shares).',
    weighted_count: 'Weighted results publish shares only: an answer’s raw count must be null.',
    ci_excludes_share: 'The confidence interval [{low}, {high}] must contain the share {share}.',
    count_above_n: 'An answer’s count ({count}) cannot exceed the question’s ({n}).',
    question_n_above_series_n: 'The question’s count ({n}) cannot exceed the series’ ({seriesN}).',
    effective_n_above_n: 'The effective size ({effectiveN}) cannot exceed the raw count ({n}).',
    below_min_cell: 'A count of {n} is below the confidentiality threshold ({minCell}): this figure cannot be published.',
  },
});

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  fr: {
    string: 'un texte',
    number: 'un nombre',
    int: 'un nombre entier',
    bigint: 'un nombre entier',
    nan: 'un nombre',
    boolean: 'vrai ou faux',
    array: 'une liste',
    tuple: 'une liste',
    set: 'une liste',
    object: 'un objet',
    record: 'un objet',
    map: 'un objet',
    date: 'une date',
    null: 'null',
    undefined: 'rien',
  },
  en: {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    bigint: 'a whole number',
    nan: 'a number',
    boolean: 'true or false',
    array: 'a list',
    tuple: 'a list',
    set: 'a list',
    object: 'an object',
    record: 'an object',
    map: 'an object',
    date: 'a date',
    null: 'null',
    undefined: 'nothing',
  },
};

/**
 * Patterns of the contract whose failure deserves a specific explanation. Zod reports a failed
 * pattern by its text, so the text of the very expressions the schemas check with is looked up.
 */
const KNOWN_PATTERNS = new Map<string, 'machineId' | 'version'>([
  [String(MACHINE_ID), 'machineId'],
  [String(VERSION), 'version'],
]);

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

function formatMessage(issue: AnyIssue, lang: Lang): string {
  const format = String(issue.format);
  switch (format) {
    case 'email':
    case 'url':
    case 'datetime':
    case 'date':
    case 'time':
    case 'lowercase':
    case 'uppercase':
      return messages(lang, format);
    case 'regex': {
      const known = KNOWN_PATTERNS.get(String(issue.pattern));
      return known ? messages(lang, known) : messages(lang, 'format', { format: String(issue.pattern) });
    }
    case 'starts_with':
      return messages(lang, 'startsWith', { prefix: String(issue.prefix) });
    case 'ends_with':
      return messages(lang, 'endsWith', { suffix: String(issue.suffix) });
    case 'includes':
      return messages(lang, 'includes', { includes: String(issue.includes) });
    default:
      return messages(lang, 'format', { format });
  }
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

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (the commonest slip),
 * to suggest the field a misspelt key was meant to be.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.length, b.length);
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

function suggestionFor(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(candidate.length / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
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
