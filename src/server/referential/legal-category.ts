import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { EpciLegalForm } from '../../core/territory/epci-form.js';

/**
 * Who may answer, read from a legal unit's INSEE legal category (`nature juridique`, four digits).
 * The scope is decided in the README ("Who may answer"): collectivités and intercommunalités,
 * and the groupings of collectivités that run services for their members; not the public
 * establishments that depend on a collectivité, nor anything that is not a local authority.
 */

/** Why a legal unit may not answer. Stable: it travels as the `reason` of `collectivite_out_of_scope`. */
export const OUT_OF_SCOPE_REASONS = [
  /** A local public establishment (CCAS, CIAS, caisse des écoles, hospital, office, SDIS…): its collectivité answers. */
  'etablissement_public',
  /** A State service or a national public body. */
  'etat',
  /** A company, a sole trader, or any unit of private law registered as a business. */
  'entreprise',
  /** An association, a foundation or another grouping of private law. */
  'association',
  /** Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin and the other overseas collectivités: not in this edition. */
  'outre_mer',
  /** Another grouping of collectivités (pôle métropolitain, entente, institution interdépartementale…), not surveyed. */
  'autre_groupement',
  /** A unit the register says has ceased. */
  'cessee',
  /** Another body of public law (a GIP, a consular chamber…). */
  'autre',
] as const;
export type OutOfScopeReason = (typeof OUT_OF_SCOPE_REASONS)[number];

/** The legal categories of groupings that answer under the kind `syndicat`, with what they are. */
export const GROUPING_CATEGORIES: Readonly<Record<string, string>> = {
  '7345': 'SIVOM',
  '7353': 'SIVU',
  '7354': 'syndicat mixte fermé',
  '7355': 'syndicat mixte ouvert',
  '7357': 'PETR',
};

/** The legal categories of the bodies the built-in referential identifies. */
const REFERENTIAL_CATEGORIES: Readonly<Record<string, CollectiviteKind>> = {
  '7210': 'commune',
  '7220': 'departement',
  '7230': 'region',
  '7343': 'epci',
  '7344': 'epci',
  '7346': 'epci',
  '7348': 'epci',
};

/** The legal form of an intercommunalité by its legal category. */
export const EPCI_FORM_BY_CATEGORY: Readonly<Record<string, EpciLegalForm>> = { '7343': 'CU', '7344': 'METRO', '7346': 'CC', '7348': 'CA' };

/** Overseas collectivités with a statute of their own (7225), and collectivités with a special status (7229). */
const OVERSEAS_COLLECTIVITY = '7225';
const SPECIAL_STATUS = '7229';
/** Chambers of commerce, of trades, of agriculture: public, neither State nor local. */
const CONSULAR = '7381';
/** Groupings of collectivités the decided scope leaves out: pôles métropolitains, districts, ententes, interdepartmental and interregional bodies, commissions syndicales. */
const OTHER_GROUPINGS = new Set(['7340', '7342', '7347', '7349', '7351', '7352', '7356']);

/** Where a legal category puts a unit: a kind that may answer, or the reason it may not. */
export type CategoryScope = { kind: CollectiviteKind } | { outOfScope: OutOfScopeReason };

/** Whether a string is a legal category: four digits. */
export const LEGAL_CATEGORY = /^\d{4}$/;

/**
 * The scope of a legal category. A collectivité à statut particulier (7229) is `csp`; which
 * one it is, the referential knows. 7225 is an overseas collectivité, outside this edition.
 */
export function scopeOfCategory(category: string): CategoryScope {
  if (Object.hasOwn(GROUPING_CATEGORIES, category)) return { kind: 'syndicat' };
  if (Object.hasOwn(REFERENTIAL_CATEGORIES, category)) return { kind: REFERENTIAL_CATEGORIES[category]! };
  if (category === SPECIAL_STATUS) return { kind: 'csp' };
  if (category === OVERSEAS_COLLECTIVITY) return { outOfScope: 'outre_mer' };
  // INSEE's first level: 7 is public law, split into the State (71), local bodies (72, 73) and others (74).
  if (OTHER_GROUPINGS.has(category)) return { outOfScope: 'autre_groupement' };
  if (category === CONSULAR) return { outOfScope: 'autre' };
  if (category.startsWith('71') || category.startsWith('738')) return { outOfScope: 'etat' };
  if (category.startsWith('72') || category.startsWith('73')) return { outOfScope: 'etablissement_public' };
  if (category.startsWith('7')) return { outOfScope: 'autre' };
  if (category.startsWith('9')) return { outOfScope: 'association' };
  return { outOfScope: 'entreprise' };
}

/**
 * Whether a département code lies outside the territories this edition compares: the overseas
 * collectivités of Saint-Pierre-et-Miquelon (975), Saint-Barthélemy (977), Saint-Martin (978),
 * and those of the Pacific and the southern lands (984 to 988).
 */
export function isOutsideEdition(departementCode: string): boolean {
  return /^(?:97[5789]|98\d)$/.test(departementCode);
}

/** The département code of a commune's INSEE code, overseas collectivités included (three digits from 97). */
export function departementOfCommune(insee: string): string {
  return /^9[78]/.test(insee) ? insee.slice(0, 3) : insee.slice(0, 2);
}
