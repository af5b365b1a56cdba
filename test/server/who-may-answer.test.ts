import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readGroupementsFile, type GroupementsFile } from '../../src/server/referential/groupements-file.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { offlineSiretResolver } from '../../src/server/referential/offline-resolver.js';
import { RechercheEntreprisesResolver, type RegisterFetch } from '../../src/server/referential/recherche-entreprises.js';
import { chainSiretResolvers } from '../../src/server/referential/siret-resolver.js';
import { ConfigError, loadConfig } from '../../src/server/main.js';
import { cyberSubmission, json, onStore, publishNow, putContribution, startServer, tempDir, type TestServer } from './helpers.js';

// Fictitious units of each legal category (check digits right), as the groupings file and the
// register's recorded answers describe them.
const SIVU = '25350001100015';
const MIXTE_PARIS = '20000001600010';
const PETR = '20000002400014';
const CCAS = '26350001900017';
const SPM = '25975001600018';
const COMPANY = '41234567000019';
const MORE_SIVU = ['25350010200012', '25350011000015', '25350012800017', '25350013600010', '25350014400014'];

function groupementsFile(): GroupementsFile {
  const path = join(tempDir(), 'groupements.csv');
  writeFileSync(
    path,
    [
      'siren,nom,nature_juridique,commune',
      '253500011,SIVU du centre de secours de la Vilaine,7353,35051',
      '200000016,Syndicat mixte des services numériques mutualisés,7355,75112',
      '200000024,PETR du Pays du Périgord,7357,24322',
      '263500019,CCAS de Rennes,7361,35238',
      '259750016,Syndicat mixte de Saint-Pierre-et-Miquelon,7355,97502',
      ...MORE_SIVU.map((siret, i) => `${siret.slice(0, 9)},SIVU des écoles ${i + 1},7353,35238`),
      '',
    ].join('\n'),
  );
  const file = readGroupementsFile(path);
  assert.ok(typeof file !== 'string', String(file));
  return file;
}

const get = (server: TestServer, siret: string, lang?: string) =>
  fetch(`${server.url}/api/v1/collectivites/${siret}`, lang ? { headers: { 'accept-language': lang } } : {}).then(json);

describe(onStore('who may answer: groupings and refusals'), () => {
  let withFile: TestServer;
  let withoutFile: TestServer;
  let withRegister: TestServer;
  let registerDown: TestServer;

  before(async () => {
    withFile = await startServer({ groupements: groupementsFile() });
    withoutFile = await startServer();
    const referential = defaultReferential();
    const recorded: RegisterFetch = async (url) => {
      const siren = new URL(url).searchParams.get('q')!;
      const text = readFileSync(new URL(`../unit/referential/fixtures/recherche-entreprises/${siren}.json`, import.meta.url), 'utf8');
      return { ok: true, status: 200, json: async () => JSON.parse(text) };
    };
    const down: RegisterFetch = async () => ({ ok: false, status: 502, json: async () => ({}) });
    const offline = offlineSiretResolver(referential);
    withRegister = await startServer({}, { siretResolver: chainSiretResolvers(new RechercheEntreprisesResolver({ referential, fetch: recorded }), offline) });
    registerDown = await startServer({}, { siretResolver: chainSiretResolvers(new RechercheEntreprisesResolver({ referential, fetch: down }), offline) });
  });
  after(async () => {
    for (const server of [withFile, withoutFile, withRegister, registerDown]) await server?.close();
  });

  test('a SIVU, a syndicat mixte and a PETR of the groupings file are found as syndicats, placed at their seat', async () => {
    const sivu = await get(withFile, SIVU);
    assert.equal(sivu.status, 200);
    assert.equal(sivu.body.kind, 'syndicat');
    assert.equal(sivu.body.name, 'SIVU du centre de secours de la Vilaine');
    assert.equal(sivu.body.siret, SIVU);
    assert.equal(sivu.body.departementName, 'Ille-et-Vilaine');
    assert.equal(sivu.body.regionName, 'Bretagne');
    assert.equal(sivu.body.population, undefined);
    const mixte = await get(withFile, MIXTE_PARIS);
    assert.deepEqual([mixte.status, mixte.body.kind, mixte.body.departementName], [200, 'syndicat', 'Paris']);
    const petr = await get(withFile, PETR);
    assert.deepEqual([petr.status, petr.body.kind, petr.body.regionName], [200, 'syndicat', 'Nouvelle-Aquitaine']);
  });

  test('a CCAS and a body of Saint-Pierre-et-Miquelon are refused (422) with words saying why, in French and English', async () => {
    const ccas = await get(withFile, CCAS);
    assert.equal(ccas.status, 422);
    assert.equal(ccas.body.error, 'collectivite_out_of_scope');
    assert.deepEqual(ccas.body.details, { reason: 'etablissement_public', name: 'CCAS de Rennes' });
    assert.match(ccas.body.message, /établissement public qui dépend d’une collectivité/);
    assert.match(ccas.body.message, /26350001900017/);
    const english = await get(withFile, CCAS, 'en');
    assert.match(english.body.message, /public establishment that depends on a local authority/);

    const spm = await get(withFile, SPM);
    assert.equal(spm.status, 422);
    assert.equal(spm.body.error, 'collectivite_out_of_scope');
    assert.equal(spm.body.details.reason, 'outre_mer');
    assert.match(spm.body.message, /Saint-Pierre-et-Miquelon.*ne font pas partie de cette édition/);
    assert.match((await get(withFile, SPM, 'en')).body.message, /not part of this edition/);
  });

  test('with the file, a SIREN it does not list is unknown; a company stays unknown offline', async () => {
    const unlisted = await get(withFile, '20000004000010');
    assert.deepEqual([unlisted.status, unlisted.body.error], [404, 'collectivite_not_found']);
    assert.match(unlisted.body.message, /aucune collectivité connue/);
    const company = await get(withFile, COMPANY);
    assert.deepEqual([company.status, company.body.error], [404, 'collectivite_not_found']);
  });

  test('without the file, a grouping cannot be placed, and the answer says so rather than "unknown"', async () => {
    const sivu = await get(withoutFile, SIVU);
    assert.equal(sivu.status, 404);
    assert.equal(sivu.body.error, 'groupements_unavailable');
    assert.match(sivu.body.message, /S’il s’agit d’un syndicat ou d’un autre groupement de collectivités, ce service ne peut pas encore le situer/);
    const english = await get(withoutFile, SIVU, 'en');
    assert.match(english.body.message, /joint authority or another grouping of local authorities, this service cannot place it yet/);
    // The same for a contribution.
    const put = await json(await putContribution(withoutFile.url, SIVU, 'cybersecurite', cyberSubmission()));
    assert.deepEqual([put.status, put.body.error], [404, 'groupements_unavailable']);
    // Collectivités of the referential are as before.
    assert.equal((await get(withoutFile, '21350238800019')).body.name, 'Rennes');
  });

  test('with the register: groupings found, a CCAS, a company and Saint-Pierre-et-Miquelon refused each with its reason', async () => {
    const sivu = await get(withRegister, SIVU);
    assert.deepEqual([sivu.status, sivu.body.kind, sivu.body.departementName], [200, 'syndicat', 'Ille-et-Vilaine']);
    assert.deepEqual([(await get(withRegister, MIXTE_PARIS)).body.kind, (await get(withRegister, PETR)).body.kind], ['syndicat', 'syndicat']);
    const ccas = await get(withRegister, CCAS);
    assert.deepEqual([ccas.status, ccas.body.error, ccas.body.details.reason], [422, 'collectivite_out_of_scope', 'etablissement_public']);
    const company = await get(withRegister, COMPANY);
    assert.deepEqual([company.status, company.body.error, company.body.details.reason], [422, 'collectivite_out_of_scope', 'entreprise']);
    assert.match(company.body.message, /celui d’une entreprise/);
    assert.match((await get(withRegister, COMPANY, 'en')).body.message, /belongs to a company/);
    assert.equal((await get(withRegister, SPM)).body.details.reason, 'outre_mer');
  });

  test('when the register cannot be reached: the referential still answers, the rest is 503 with Retry-After', async () => {
    assert.equal((await get(registerDown, '21350238800019')).body.name, 'Rennes');
    const sivu = await get(registerDown, SIVU);
    assert.equal(sivu.status, 503);
    assert.equal(sivu.body.error, 'siret_register_unavailable');
    assert.equal(sivu.headers.get('retry-after'), '30');
    assert.match(sivu.body.message, /ne peut pas être vérifié pour le moment/);
  });

  test('syndicats contribute, are counted nationally by kind, and the publication goes through', async () => {
    for (const siret of [SIVU, ...MORE_SIVU]) {
      const response = await json(await putContribution(withFile.url, siret, 'cybersecurite', cyberSubmission()));
      assert.equal(response.status, 201, JSON.stringify(response.body));
    }
    // A CCAS may not contribute either.
    const ccas = await json(await putContribution(withFile.url, CCAS, 'cybersecurite', cyberSubmission()));
    assert.deepEqual([ccas.status, ccas.body.error], [422, 'collectivite_out_of_scope']);

    const publication = await publishNow(withFile.url);
    assert.equal(publication.contributions, 6);
    const group = await json(await fetch(`${withFile.url}/api/v1/resultats/cybersecurite?territoire=france&type=syndicat&question=rssi`));
    assert.equal(group.status, 200, JSON.stringify(group.body));
    const [series] = group.body.series;
    assert.deepEqual([series.territory.name, series.status, series.n], ['France — Syndicats et groupements de collectivités', 'publie', 6]);
    // Not in their seats' communes: Rennes has no respondent of its own.
    const rennes = await json(await fetch(`${withFile.url}/api/v1/resultats/cybersecurite?territoire=commune:35238&question=rssi`));
    assert.equal(rennes.body.series[0].status, 'aucune');
  });
});

describe(onStore('who may answer: start-up checks'), () => {
  test('BAROMETRE_GROUPEMENTS and BAROMETRE_SIRET_REGISTER are read; a malformed file stops the start with one line naming it', () => {
    const file = groupementsFile();
    const config = loadConfig({ BAROMETRE_GROUPEMENTS: file.path, BAROMETRE_SIRET_REGISTER: 'https://recherche-entreprises.api.gouv.fr/' });
    assert.equal(config.groupements?.rows.length, 10);
    assert.equal(config.siretRegister, 'https://recherche-entreprises.api.gouv.fr');
    assert.equal(loadConfig({}).groupements, undefined);

    const bad = join(tempDir(), 'groupements.csv');
    writeFileSync(bad, 'siren;nom;nature_juridique;commune\n253500011;SIVU;7353;35051\n253500012;SIVU bis;7353;35051\n');
    assert.throws(
      () => loadConfig({ BAROMETRE_GROUPEMENTS: bad, BAROMETRE_SIRET_REGISTER: 'ftp://example.org' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message ===
          'Invalid configuration:\n' +
            `- BAROMETRE_GROUPEMENTS: ${bad}, line 3: siren fails its check digit\n` +
            '- BAROMETRE_SIRET_REGISTER must be the base URL of the "Recherche d\'entreprises" API, such as https://recherche-entreprises.api.gouv.fr',
    );
    assert.throws(() => loadConfig({ BAROMETRE_GROUPEMENTS: 'groupements.csv' }), /BAROMETRE_GROUPEMENTS: "groupements.csv" must be an absolute file path/);
  });

  test('a seat that is no commune of the geography stops the server before it opens anything', async () => {
    const path = join(tempDir(), 'groupements.csv');
    writeFileSync(path, 'siren,nom,nature_juridique,commune\n253500011,SIVU,7353,35999\n');
    const file = readGroupementsFile(path);
    assert.ok(typeof file !== 'string');
    await assert.rejects(startServer({ groupements: file }), {
      message: `BAROMETRE_GROUPEMENTS: ${path}, line 2: commune 35999 (the seat of 253500011) is not a commune of the official geography`,
    });
  });
});
