import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Collectivite } from '../../../src/core/schema/collectivite.js';
import { RechercheEntreprisesResolver, type RegisterFetch } from '../../../src/referential/resolvers/recherche-entreprises.js';
import { OfflineSiretResolver, SiretResolverError, chainSiretResolvers, type SiretResolver } from '../../../src/referential/resolvers/siret-resolver.js';
import { referential } from './real-referential.js';

// Responses of the register recorded as files, one per SIREN searched; no network in tests.
const fixture = (siren: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/recherche-entreprises/${siren}.json`, import.meta.url), 'utf8'));

function register(): { fetch: RegisterFetch; urls: string[] } {
  const urls: string[] = [];
  const fetch: RegisterFetch = async (url) => {
    urls.push(url);
    const siren = new URL(url).searchParams.get('q')!;
    return { ok: true, status: 200, json: async () => fixture(siren) };
  };
  return { fetch, urls };
}

test('the offline resolver answers from the referential', async () => {
  const resolver: SiretResolver = new OfflineSiretResolver(referential);
  const rennes = await resolver.resolve('21350238800019');
  assert.equal(rennes?.name, 'Rennes');
  assert.equal(rennes?.siret, '21350238800019');
  assert.equal(await resolver.resolve('55210055400013'), null);
  assert.equal(await resolver.resolve('2135023880001'), null);
});

test('the register resolver queries collectivités by SIREN and maps a commune', async () => {
  const { fetch, urls } = register();
  const resolver = new RechercheEntreprisesResolver({ fetch });
  const rennes = await resolver.resolve('21350238800019');
  assert.deepEqual(urls, ['https://recherche-entreprises.api.gouv.fr/search?q=213502388&est_collectivite_territoriale=true']);
  assert.deepEqual(rennes, {
    siren: '213502388',
    siret: '21350238800019',
    name: 'COMMUNE DE RENNES',
    kind: 'commune',
    code: '35238',
    territoryId: 'commune:35238',
    departementCode: '35',
    regionCode: '53',
  });
});

test('only the unit with the exact SIREN counts among the full-text results', async () => {
  const resolver = new RechercheEntreprisesResolver({ fetch: register().fetch });
  const metropole = await resolver.resolve('24350013900015');
  assert.equal(metropole?.siren, '243500139');
  assert.equal(metropole?.kind, 'epci');
  assert.equal(metropole?.epciForm, 'METRO');
  assert.equal(metropole?.territoryId, 'epci:243500139');
  assert.equal(Collectivite.safeParse(metropole).success, true);
});

test('départements and special-status bodies are mapped to their territory', async () => {
  const resolver = new RechercheEntreprisesResolver({ fetch: register().fetch });
  const departement = await resolver.resolve('22350001800013');
  assert.equal(departement?.kind, 'departement');
  assert.equal(departement?.territoryId, 'departement:35');
  assert.equal(departement?.regionCode, '53');
  const lyon = await resolver.resolve('20004697700019');
  assert.equal(lyon?.kind, 'csp');
  assert.equal(lyon?.territoryId, 'epci:200046977');
  assert.equal(lyon?.epciForm, 'MET69');
  assert.equal(lyon?.departementCode, '69');
});

test('with the referential at hand, the register only confirms and the referential describes', async () => {
  const resolver = new RechercheEntreprisesResolver({ fetch: register().fetch, referential });
  const rennes = await resolver.resolve('21350238800019');
  assert.deepEqual(rennes, referential.collectiviteBySiret('21350238800019'));
  assert.equal(rennes?.population, referential.population('commune:35238'));
});

test('no result, a ceased unit or a malformed SIRET resolve to null', async () => {
  const { fetch, urls } = register();
  const resolver = new RechercheEntreprisesResolver({ fetch });
  assert.equal(await resolver.resolve('55210055400013'), null);
  assert.equal(await resolver.resolve('22680001900011'), null); // Département du Haut-Rhin, merged in 2021
  assert.equal(await resolver.resolve('21350238800018'), null);
  assert.equal(urls.length, 2, 'a malformed SIRET is refused before any request');
});

test('a body of a kind the survey does not cover is not a collectivité for it', async () => {
  const syndicate = fixture('213502388') as { results: Record<string, unknown>[] };
  syndicate.results[0]!.nature_juridique = '7354'; // syndicat mixte
  const resolver = new RechercheEntreprisesResolver({ fetch: async () => ({ ok: true, status: 200, json: async () => syndicate }) });
  assert.equal(await resolver.resolve('21350238800019'), null);
});

test('HTTP errors, network errors, timeouts and odd responses reject with SiretResolverError', async () => {
  const failing = (fetch: RegisterFetch, timeoutMs = 1000) => new RechercheEntreprisesResolver({ fetch, timeoutMs }).resolve('21350238800019');
  await assert.rejects(failing(async () => ({ ok: false, status: 429, json: async () => ({}) })), SiretResolverError);
  await assert.rejects(failing(async () => Promise.reject(new TypeError('fetch failed'))), SiretResolverError);
  await assert.rejects(failing(async () => ({ ok: true, status: 200, json: async () => ({ unexpected: true }) })), SiretResolverError);
  const hanging: RegisterFetch = (_url, { signal }) =>
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  await assert.rejects(failing(hanging, 20), SiretResolverError);
});

test('a chain falls back to the offline referential when the register is unreachable', async () => {
  const down = new RechercheEntreprisesResolver({ fetch: async () => Promise.reject(new TypeError('fetch failed')) });
  const chain = chainSiretResolvers(down, new OfflineSiretResolver(referential));
  assert.equal((await chain.resolve('21350238800019'))?.name, 'Rennes');
  // Unknown everywhere, but one source could not be asked: the answer is not a sure "no".
  await assert.rejects(chain.resolve('55210055400013'), SiretResolverError);
  const up = chainSiretResolvers(new RechercheEntreprisesResolver({ fetch: register().fetch }), new OfflineSiretResolver(referential));
  assert.equal(await up.resolve('55210055400013'), null);
  assert.equal((await up.resolve('22350001800013'))?.kind, 'departement');
});
