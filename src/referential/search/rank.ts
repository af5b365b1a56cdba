import type { TerritoryId, TerritoryKind } from '../../core/territory/territory-id.js';
import { searchTokens } from './normalize.js';

/** One territory found by a name or code search. */
export interface TerritorySearchHit {
  id: TerritoryId;
  kind: TerritoryKind;
  name: string;
  /** INSEE code, SIREN, département or région code. */
  code: string;
  population: number;
  /** The département a commune or EPCI lies in, to tell apart places of the same name. */
  departementCode?: string;
}

/** How many hits to return and of which kinds. */
export interface TerritorySearchOptions {
  /** At most this many hits (default 10, capped at 100). */
  limit?: number;
  /** Only these kinds (default: all). */
  kinds?: readonly TerritoryKind[];
}

/** A search candidate with its name already normalised, so a query costs string comparisons only. */
export interface SearchCandidate {
  hit: TerritorySearchHit;
  normalized: string;
  tokens: readonly string[];
  /** Codes the candidate answers to, lower-cased (INSEE code and SIREN for a commune…). */
  codes: readonly string[];
}

/** Builds a candidate from a hit; `extraCodes` adds codes beyond `hit.code` (a commune's SIREN). */
export function searchCandidate(hit: TerritorySearchHit, extraCodes: readonly string[] = []): SearchCandidate {
  const tokens = searchTokens(hit.name);
  return { hit, normalized: tokens.join(' '), tokens, codes: [hit.code, ...extraCodes].map((c) => c.toLowerCase()) };
}

/** A query ready to be matched. */
export interface PreparedQuery {
  text: string;
  tokens: readonly string[];
  /** The query as a code (digits, or a Corsican 2A/2B code), when it looks like one. */
  code: string | null;
}

/** Normalises a query; `null` when nothing searchable is left. */
export function prepareQuery(raw: string): PreparedQuery | null {
  const tokens = searchTokens(raw);
  if (tokens.length === 0) return null;
  const text = tokens.join(' ');
  const code = /^(?:\d+|2[ab]\d*)$/.test(text) ? text : null;
  return { text, tokens, code };
}

/**
 * How well a candidate matches: 0 exact name or code, 1 name or code starting with the query,
 * 2 every query word starting a word of the name ("st etienne" → "Saint-Étienne-du-Rouvray"),
 * 3 the query anywhere inside the name; `null` when it does not match.
 */
export function matchTier(query: PreparedQuery, candidate: SearchCandidate): number | null {
  if (query.code !== null) {
    if (candidate.codes.includes(query.code)) return 0;
    if (query.code.length >= 2 && candidate.codes.some((c) => c.startsWith(query.code!))) return 1;
  }
  if (candidate.normalized === query.text) return 0;
  if (candidate.normalized.startsWith(query.text)) return 1;
  if (query.tokens.every((q) => candidate.tokens.some((t) => t.startsWith(q)))) return 2;
  if (candidate.normalized.includes(query.text)) return 3;
  return null;
}

// At equal match and population, the wider territory comes first ("Paris" the département before
// the commune of the same population; a région before a homonymous village by population anyway).
const KIND_ORDER: Readonly<Record<TerritoryKind, number>> = { france: 0, region: 1, departement: 2, epci: 3, commune: 4 };

// One collator for every comparison: creating one per call (what `localeCompare(…, 'fr')` does) is
// slow enough to show on a search returning thousands of matches.
const FRENCH_ORDER = new Intl.Collator('fr');

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/**
 * Searches candidates by name or code and ranks the hits: better match first, then larger
 * population, then wider territory, then name. Used alike on the full referential (server) and
 * on the downloaded shards (browser), so both rank the same way.
 */
export function searchCandidates(
  rawQuery: string,
  candidates: Iterable<SearchCandidate>,
  options: TerritorySearchOptions = {},
): TerritorySearchHit[] {
  const query = prepareQuery(rawQuery);
  if (query === null) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const matches: { tier: number; hit: TerritorySearchHit }[] = [];
  for (const candidate of candidates) {
    if (kinds && !kinds.has(candidate.hit.kind)) continue;
    const tier = matchTier(query, candidate);
    if (tier !== null) matches.push({ tier, hit: candidate.hit });
  }
  matches.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.hit.population - a.hit.population ||
      KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind] ||
      FRENCH_ORDER.compare(a.hit.name, b.hit.name) ||
      (a.hit.id < b.hit.id ? -1 : 1),
  );
  return matches.slice(0, limit).map((m) => m.hit);
}
