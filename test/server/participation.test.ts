import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ParticipationResponse } from '../../src/core/schema/participation.js';
import { THEMES } from '../../src/core/schema/questionnaire.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

/** How many collectivités of a kind the referential places in a territory, every band together. */
function totalOf(territoire: string, kind: string): number {
  return Object.entries(defaultReferential().strataCounts(territoire as 'france'))
    .filter(([stratum]) => stratum.startsWith(`${kind}|`))
    .reduce((sum, [, n]) => sum + n, 0);
}

function parse(body: unknown): ParticipationResponse {
  const parsed = ParticipationResponse.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data;
}

describe(onStore('GET /participation'), () => {
  let server: TestServer;
  let publicationId: string;
  const communes29 = collectivites((c) => c.kind === 'commune' && c.departementCode === '29', 7);
  const [epci29] = collectivites((c) => c.kind === 'epci' && c.departementCode === '29', 1);
  const [council29] = collectivites((c) => c.kind === 'departement' && c.code === '29', 1);
  const communes35 = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 2);

  const participation = async (query: string, headers: Record<string, string> = {}) =>
    json(await fetch(`${server.url}/api/v1/participation?${query}`, { headers }));
  const cyberOf = (body: ParticipationResponse, index = 0) => body.territories[index]!.themes.find((theme) => theme.theme === 'cybersecurite')!;

  before(async () => {
    server = await startServer();
    // Finistère: six communes, one EPCI and the département's council answer on cybersecurity;
    // Ille-et-Vilaine: two communes.
    for (const collectivite of [...communes29.slice(0, 6), epci29!, council29!, ...communes35]) {
      assert.equal((await putContribution(server.url, collectivite.siret, 'cybersecurite', cyberSubmission())).status, 201, collectivite.name);
    }
    publicationId = (await publishNow(server.url)).id;
  });
  after(async () => {
    await server.close();
  });

  test('counts the respondents of each kind out of the collectivités the territory holds', async () => {
    const response = await participation('territoire=departement:29');
    assert.equal(response.status, 200);
    const body = parse(response.body);
    assert.equal(body.edition, '2026');
    assert.deepEqual(body.publication.id, publicationId);
    assert.deepEqual(body.territories.map((entry) => entry.territory), [{ id: 'departement:29', name: 'Finistère', kind: 'departement' }]);
    assert.deepEqual(body.territories[0]!.themes.map((theme) => theme.theme), [...THEMES]);
    const cyber = cyberOf(body);
    assert.equal(cyber.title.fr, 'Cybersécurité');
    assert.deepEqual(cyber.kinds, [
      { kind: 'commune', respondents: 6, total: totalOf('departement:29', 'commune') },
      { kind: 'epci', respondents: 1, total: totalOf('departement:29', 'epci') },
      { kind: 'departement', respondents: 1, total: 1 },
    ]);
    assert.ok(totalOf('departement:29', 'commune') > 250 && totalOf('departement:29', 'epci') > 10);
    // A theme nobody answered: real zeros, out of real totals.
    const inclusion = body.territories[0]!.themes.find((theme) => theme.theme === 'inclusion')!;
    assert.deepEqual(inclusion.kinds.map((kind) => kind.respondents), [0, 0, 0]);
  });

  test('a région, France, an EPCI and a commune, by the same rules as the results', async () => {
    const bretagne = cyberOf(parse((await participation('territoire=region:53')).body));
    assert.deepEqual(
      bretagne.kinds.map(({ kind, respondents, total }) => [kind, respondents, total]),
      [
        ['commune', 8, totalOf('region:53', 'commune')],
        ['epci', 1, totalOf('region:53', 'epci')],
        ['departement', 1, 4],
        ['region', 0, 1],
      ],
    );
    const france = cyberOf(parse((await participation('')).body));
    assert.deepEqual(france.kinds.find((kind) => kind.kind === 'commune'), { kind: 'commune', respondents: 8, total: totalOf('france', 'commune') });
    const epci = cyberOf(parse((await participation(`territoire=epci:${epci29!.siren}`)).body));
    assert.equal(epci.kinds.find((kind) => kind.kind === 'epci')!.respondents, 1);
    const commune = cyberOf(parse((await participation(`territoire=commune:${communes29[0]!.code}`)).body));
    assert.deepEqual(commune.kinds, [{ kind: 'commune', respondents: 1, total: 1 }]);
  });

  test('agrees with the results: communes and EPCI of a département add up to its n', async () => {
    const results = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?territoire=departement:29`));
    const cyber = cyberOf(parse((await participation('territoire=departement:29')).body));
    const communal = cyber.kinds.filter((kind) => kind.kind === 'commune' || kind.kind === 'epci').reduce((sum, kind) => sum + kind.respondents, 0);
    assert.equal(results.body.series[0].n, communal);
  });

  test('comes from the publication: a new answer waits for a publication that counts it', async () => {
    assert.equal((await putContribution(server.url, communes29[6]!.siret, 'cybersecurite', cyberSubmission())).status, 201);
    const before = cyberOf(parse((await participation('territoire=departement:29')).body));
    assert.equal(before.kinds[0]!.respondents, 6);
    // One change alone would tell one collectivité's answers: the next publication holds it back.
    const next = (await publishNow(server.url)).id;
    const after = parse((await participation('territoire=departement:29')).body);
    assert.equal(after.publication.id, next);
    const results = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?territoire=departement:29`));
    assert.equal(cyberOf(after).kinds[0]!.respondents + cyberOf(after).kinds[1]!.respondents, results.body.series[0].n);
    publicationId = next;
  });

  test('is tagged by publication and cached like the results', async () => {
    const first = await fetch(`${server.url}/api/v1/participation?territoire=departement:29`);
    const tag = first.headers.get('etag');
    assert.ok(tag?.startsWith(`W/"${publicationId}-`), String(tag));
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    const again = await fetch(`${server.url}/api/v1/participation?territoire=departement:29`, { headers: { 'if-none-match': tag! } });
    assert.equal(again.status, 304);
    const other = await fetch(`${server.url}/api/v1/participation?territoire=departement:35`);
    assert.notEqual(other.headers.get('etag'), tag);
  });

  test('edition: optional (the current one), checked, and an edition with no publication is said so', async () => {
    const same = parse((await participation('territoire=departement:29&edition=2026')).body);
    assert.deepEqual(same, parse((await participation('territoire=departement:29')).body));
    assert.equal(same.publication.edition, '2026');
    // 2025 is an edition of the survey, but nothing of it was published on this server.
    const earlier = await participation('territoire=departement:29&edition=2025');
    assert.equal(earlier.status, 404);
    assert.equal(earlier.body.error, 'edition_unpublished');
    assert.match(earlier.body.message, /édition 2025/);
    const unknown = await participation('territoire=departement:29&edition=2019');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'edition_not_found');
    assert.match(unknown.body.message, /2025, 2026/);
    const malformed = await participation('edition=deux-mille');
    assert.equal(malformed.status, 400);
    assert.deepEqual([malformed.body.error, malformed.body.details.param], ['invalid_query', 'edition']);
  });

  test('a map level: every département (or région) at once, the same figures', async () => {
    const level = parse((await participation('niveau=departement')).body);
    assert.equal(level.niveau, 'departement');
    assert.equal(level.territories.length, defaultReferential().territoriesOfLevel('departement').length);
    const finistere = level.territories.find((entry) => entry.territory.id === 'departement:29')!;
    assert.deepEqual(finistere, parse((await participation('territoire=departement:29')).body).territories[0]);
    const regions = parse((await participation('niveau=region')).body);
    assert.equal(regions.territories.length, defaultReferential().territoriesOfLevel('region').length);
    assert.equal((await participation('niveau=commune')).status, 400);
  });

  test('unknown and malformed territories', async () => {
    assert.equal((await participation('territoire=commune:99999')).body.error, 'territory_not_found');
    assert.equal((await participation('territoire=nowhere')).status, 400);
  });
});
