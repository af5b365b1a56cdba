import * as z from 'zod/mini';

/**
 * Levels of the French territorial hierarchy the Baromètre compares, from the smallest to the whole
 * country. The order matters: a territory's parents always come later in this list.
 */
export const TERRITORY_KINDS = ['commune', 'epci', 'departement', 'region', 'france'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** Schema of a territory kind. */
export const TerritoryKind = z.enum(TERRITORY_KINDS);

/** Kinds whose ids carry a code (`france` is the only one without). */
export type CodedTerritoryKind = Exclude<TerritoryKind, 'france'>;

/**
 * A territory id as it travels in URLs, attributes and stored results:
 * `commune:35238` (INSEE code), `epci:243500139` (SIREN), `departement:35`, `region:53`, `france`.
 */
export type TerritoryId = 'france' | `${CodedTerritoryKind}:${string}`;

/** A territory id split into its parts. */
export type ParsedTerritoryId = { kind: 'france' } | { kind: CodedTerritoryKind; code: string };

// Codes as INSEE publishes them. Corsica uses 2A/2B since 1976, so "20" is no longer a département,
// and overseas départements have three-digit codes (971–974, 976; 975 and beyond are not départements).
const CODE_PATTERNS: Record<CodedTerritoryKind, RegExp> = {
  commune: /^(?:\d{5}|2[AB]\d{3})$/,
  epci: /^\d{9}$/,
  departement: /^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-46])$/,
  region: /^\d{2}$/,
};

function isCodedKind(kind: string): kind is CodedTerritoryKind {
  return Object.hasOwn(CODE_PATTERNS, kind);
}

/**
 * Reads a territory id. Returns `null` for anything that is not exactly one of the documented forms
 * (no trimming, no case folding: ids are machine values and must round-trip unchanged).
 */
export function parseTerritoryId(value: string): ParsedTerritoryId | null {
  if (value === 'france') return { kind: 'france' };
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const kind = value.slice(0, colon);
  const code = value.slice(colon + 1);
  if (!isCodedKind(kind) || !CODE_PATTERNS[kind].test(code)) return null;
  return { kind, code };
}

/** Writes a territory id from its parts; throws a `RangeError` if the code does not fit the kind. */
export function formatTerritoryId(parts: ParsedTerritoryId): TerritoryId {
  if (parts.kind === 'france') return 'france';
  if (!CODE_PATTERNS[parts.kind]?.test(parts.code)) {
    throw new RangeError(`Not a valid ${parts.kind} code: "${parts.code}"`);
  }
  return `${parts.kind}:${parts.code}`;
}

/** Whether a value is a well-formed territory id (its existence is the referential's business). */
export function isTerritoryId(value: unknown): value is TerritoryId {
  return typeof value === 'string' && parseTerritoryId(value) !== null;
}

/** The kind of a well-formed territory id. */
export function territoryKindOf(id: TerritoryId): TerritoryKind {
  return id === 'france' ? 'france' : (id.slice(0, id.indexOf(':')) as CodedTerritoryKind);
}

/** The code part of a territory id (`35238` for `commune:35238`), or `null` for `france`. */
export function territoryCodeOf(id: TerritoryId): string | null {
  return id === 'france' ? null : id.slice(id.indexOf(':') + 1);
}

/** Schema of a well-formed territory id. */
export const TerritoryId = z.custom<TerritoryId>(isTerritoryId, 'Expected a territory id such as "commune:35238", "epci:243500139", "departement:35", "region:53" or "france"');
