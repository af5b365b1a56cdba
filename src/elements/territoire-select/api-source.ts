import * as z from 'zod/mini';
import { invalidResponse, sendRequest, type HttpConfig } from '../../core/api/http.js';
import type { Lang } from '../../core/schema/text.js';
import { TerritoryId, TerritoryKind, territoryCodeOf } from '../../core/territory/territory-id.js';
import { globalFetch, TIMEOUT_MS } from '../shared/network.js';
import type { TerritoryChoice } from './choice.js';
import { MAX_CHOICES, type TerritorySource } from './territory-source.js';

/**
 * Most hits the API returns. The route has no kind filter, so a picker restricted by `niveaux`
 * asks for this many and keeps its kinds: wide territories rank high (large populations), so
 * they are rarely pushed out by communes.
 */
const API_MAX_LIMIT = 50;

/** One hit of `GET /territoires?q=`: a territory without its SIREN, with the département of a commune or EPCI. */
const Hit = z.looseObject({
  id: TerritoryId,
  kind: TerritoryKind,
  name: z.string().check(z.minLength(1)),
  code: z.string().check(z.minLength(1)),
  departementCode: z.optional(z.string()),
});

const SearchResponse = z.looseObject({ territories: z.array(z.unknown()) });

/** The code a territory is found by in a search, which ranks an exact code first. */
function lookupText(id: TerritoryId): string {
  return territoryCodeOf(id) ?? 'France';
}

/**
 * Territories through the API's search route. Every request carries the caller's signal, so
 * typing on aborts the request for the previous text.
 */
export function apiTerritorySource(baseUrl: string, lang: Lang): TerritorySource {
  const config: HttpConfig = { baseUrl, lang, timeoutMs: TIMEOUT_MS.search, fetch: globalFetch };

  async function query(text: string, limit: number, signal: AbortSignal): Promise<TerritoryChoice[]> {
    const path = `/territoires?q=${encodeURIComponent(text)}&limit=${limit}`;
    const response = await sendRequest(config, { method: 'GET', path, signal });
    const envelope = SearchResponse.safeParse(response.body);
    if (!envelope.success) throw invalidResponse(response.status, lang, envelope.error);
    const choices: TerritoryChoice[] = [];
    // One malformed hit (a newer server, a proxy's rewrite) should not hide the others.
    for (const item of envelope.data.territories) {
      const hit = Hit.safeParse(item);
      if (!hit.success) continue;
      const { id, kind, name, code, departementCode } = hit.data;
      choices.push({ id, kind, name, code, ...(departementCode !== undefined && { departementCode }) });
    }
    return choices;
  }

  return {
    async search(text, kinds, signal) {
      const hits = await query(text, kinds ? API_MAX_LIMIT : MAX_CHOICES, signal);
      return (kinds ? hits.filter((hit) => kinds.includes(hit.kind)) : hits).slice(0, MAX_CHOICES);
    },
    async territory(id, signal) {
      const hits = await query(lookupText(id), MAX_CHOICES, signal);
      return hits.find((hit) => hit.id === id) ?? null;
    },
  };
}
