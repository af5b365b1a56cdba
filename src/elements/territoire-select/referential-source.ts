import { BrowserReferential } from '../../referential/browser/client.js';
import { choiceOfTerritory } from './choice.js';
import { MAX_CHOICES, type TerritorySource } from './territory-source.js';

// One client per artefact folder for the whole page: pickers sharing it download the index and
// each shard once.
const clients = new Map<string, BrowserReferential>();

function clientFor(baseUrl: string): BrowserReferential {
  let client = clients.get(baseUrl);
  if (!client) {
    // The global `fetch` is read at each download: a host page (or a test) may wrap it later.
    client = new BrowserReferential({ baseUrl, fetch: (url) => fetch(url) });
    clients.set(baseUrl, client);
  }
  return client;
}

/**
 * Territories from the referential's browser artefacts (an index, then one small shard per
 * search). Downloads are shared between searches and pickers, so they are not aborted: an
 * outdated answer is simply ignored by the picker.
 */
export function referentialTerritorySource(baseUrl: string): TerritorySource {
  const client = clientFor(baseUrl);
  return {
    async search(text, kinds) {
      const hits = await client.search(text, { limit: MAX_CHOICES, ...(kinds && { kinds }) });
      return hits.map(({ id, kind, name, code, departementCode }) => ({
        id,
        kind,
        name,
        code,
        ...(departementCode !== undefined && (kind === 'commune' || kind === 'epci') && { departementCode }),
      }));
    },
    async territory(id) {
      const territory = await client.territory(id);
      return territory ? choiceOfTerritory(territory) : null;
    },
  };
}
