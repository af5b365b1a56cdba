import { createCatalog } from '../i18n/index.js';
import type { Lang } from './text.js';

/**
 * The contract's own wording of validation messages in French and English: missing fields, its
 * types, sizes and choices, its formats and patterns, and one message per rule. Formats and
 * patterns the contract does not define are worded by zod's locales (zod-wording.ts). errors.ts
 * decides which applies to an issue and fills it in.
 */
export const messages = createCatalog({
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
    datetime: 'Date et heure attendues au format ISO 8601 en UTC, par exemple 2025-10-01T09:30:00Z.',
    machineId:
      'Identifiant non valide : lettres minuscules sans accents, chiffres et « _ », en commençant par une lettre (par exemple has_rssi).',
    version: 'Numéro de version attendu sous la forme 1.0 ou 1.2.3.',
    sirenShape: 'Le SIREN s’écrit en 9 chiffres, sans espaces ni séparateurs.',
    siretShape: 'Le SIRET s’écrit en 14 chiffres, sans espaces ni séparateurs.',
    departementCode: 'Code de département attendu : deux chiffres, 2A, 2B ou trois chiffres outre-mer (par exemple 35 ou 971).',
    regionCode: 'Code de région attendu : deux chiffres (par exemple 53).',
    publicationId:
      'Identifiant de publication non valide : 1 à 64 lettres sans accents, chiffres et « _ . : - » (par exemple 2026-12-06T14-00-00Z).',
    lowercase: 'La valeur doit être écrite en minuscules.',
    uppercase: 'La valeur doit être écrite en majuscules.',
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
    datetime: 'Expected an ISO 8601 UTC date and time, such as 2025-10-01T09:30:00Z.',
    machineId:
      'Invalid identifier: lowercase letters without accents, digits and “_”, starting with a letter (such as has_rssi).',
    version: 'Expected a version number such as 1.0 or 1.2.3.',
    sirenShape: 'A SIREN is written as 9 digits, without spaces or separators.',
    siretShape: 'A SIRET is written as 14 digits, without spaces or separators.',
    departementCode: 'Expected a département code: two digits, 2A, 2B or three digits overseas (such as 35 or 971).',
    regionCode: 'Expected a région code: two digits (such as 53).',
    publicationId:
      'Invalid publication identifier: 1 to 64 unaccented letters, digits and “_ . : -” (such as 2026-12-06T14-00-00Z).',
    lowercase: 'The value must be in lowercase.',
    uppercase: 'The value must be in uppercase.',
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

/** Zod's type names as a person reads them, in a sentence such as « Valeur attendue : un nombre ». */
export const TYPE_NAMES: Record<Lang, Record<string, string>> = {
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
