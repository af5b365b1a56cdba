import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collectivite } from '../../../src/core/schema/collectivite.js';
import { serverReferentialOf } from '../../../src/server/referential/adapter.js';
import { parseGroupements, readGroupementsFile, type GroupementsFile } from '../../../src/server/referential/groupements-file.js';
import { scopeOfCategory } from '../../../src/server/referential/legal-category.js';
import { GroupementsFileError, offlineSiretResolver } from '../../../src/server/referential/offline-resolver.js';
import { placementOf } from '../../../src/server/referential/placement.js';
import type { ServerReferential } from '../../../src/server/referential/port.js';
import { RechercheEntreprisesResolver, type RegisterFetch } from '../../../src/server/referential/recherche-entreprises.js';
import { chainSiretResolvers, SiretResolverError, type SiretResolution, type SiretResolver } from '../../../src/server/referential/siret-resolver.js';
import { referential as realReferential } from './real-referential.js';

const referential = serverReferentialOf(realReferential);

// Answers of the register, one file per SIREN searched, in the register's own shape; no network in
// tests. Those of the groupings, the CCAS, the company and the body of Saint-Pierre-et-Miquelon
// describe fictitious units (check digits right) of each legal category.
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

const online = (options: { referential?: ServerReferential; fetch?: RegisterFetch } = {}) =>
  new RechercheEntreprisesResolver({ referential: options.referential ?? referential, fetch: options.fetch ?? register().fetch });

function found(resolution: SiretResolution): Collectivite & { siret: string } {
  assert.equal(resolution.status, 'found', JSON.stringify(resolution));
  return (resolution as { collectivite: Collectivite & { siret: string } }).collectivite;
}

function refused(resolution: SiretResolution): string {
  assert.equal(resolution.status, 'out_of_scope', JSON.stringify(resolution));
  return (resolution as { reason: string }).reason;
}

// ————————————————————————————————————— the legal categories

test('legal categories: the groupings decided in scope are syndicats; the others say why they are not', () => {
  for (const category of ['7345', '7353', '7354', '7355', '7357']) assert.deepEqual(scopeOfCategory(category), { kind: 'syndicat' }, category);
  assert.deepEqual(scopeOfCategory('7210'), { kind: 'commune' });
  assert.deepEqual(scopeOfCategory('7346'), { kind: 'epci' });
  assert.deepEqual(scopeOfCategory('7229'), { kind: 'csp' });
  assert.deepEqual(scopeOfCategory('7361'), { outOfScope: 'etablissement_public' }); // CCAS
  assert.deepEqual(scopeOfCategory('7367'), { outOfScope: 'etablissement_public' }); // CIAS
  assert.deepEqual(scopeOfCategory('7364'), { outOfScope: 'etablissement_public' }); // hospital
  assert.deepEqual(scopeOfCategory('7340'), { outOfScope: 'autre_groupement' }); // pôle métropolitain
  assert.deepEqual(scopeOfCategory('7172'), { outOfScope: 'etat' }); // a State service
  assert.deepEqual(scopeOfCategory('7389'), { outOfScope: 'etat' }); // a national public body
  assert.deepEqual(scopeOfCategory('7381'), { outOfScope: 'autre' }); // a chamber of commerce
  assert.deepEqual(scopeOfCategory('7410'), { outOfScope: 'autre' }); // a GIP
  assert.deepEqual(scopeOfCategory('7225'), { outOfScope: 'outre_mer' });
  assert.deepEqual(scopeOfCategory('5710'), { outOfScope: 'entreprise' }); // SAS
  assert.deepEqual(scopeOfCategory('1000'), { outOfScope: 'entreprise' }); // sole trader
  assert.deepEqual(scopeOfCategory('9220'), { outOfScope: 'association' });
});

// ————————————————————————————————————— the register

test('the register: a SIVU is a syndicat placed in the département and région of its seat', async () => {
  const { fetch, urls } = register();
  const sivu = found(await online({ fetch }).resolve('25350001100015'));
  assert.deepEqual(urls, ['https://recherche-entreprises.api.gouv.fr/search?q=253500011']);
  assert.deepEqual(sivu, {
    siren: '253500011',
    siret: '25350001100015',
    name: 'SIVU DU CENTRE DE SECOURS DE LA VILAINE',
    kind: 'syndicat',
    code: '253500011',
    territoryId: 'departement:35',
    departementCode: '35',
    regionCode: '53',
  });
  // Counted in its département and région, never in its seat's commune or intercommunalité.
  const placement = placementOf(sivu, referential);
  assert.deepEqual(
    { commune: placement.communeCode, epci: placement.epciCode, departement: placement.departementCode, region: placement.regionCode, band: placement.band },
    { commune: null, epci: null, departement: '35', region: '53', band: null },
  );
});

test('the register: a syndicat mixte seated in an arrondissement of Paris, and a PETR', async () => {
  const mixte = found(await online().resolve('20000001600010'));
  assert.equal(mixte.kind, 'syndicat');
  assert.equal(mixte.departementCode, '75');
  assert.equal(mixte.regionCode, '11');
  const petr = found(await online().resolve('20000002400014'));
  assert.equal(petr.kind, 'syndicat');
  assert.equal(petr.name, 'PETR DU PAYS DU PERIGORD');
  assert.equal(petr.territoryId, 'departement:24');
  assert.equal(petr.regionCode, '75');
});

test('the register: a CCAS, a company and a body of Saint-Pierre-et-Miquelon are refused, each with its reason', async () => {
  assert.equal(refused(await online().resolve('26350001900017')), 'etablissement_public');
  const company = await online().resolve('41234567000019');
  assert.deepEqual(company, { status: 'out_of_scope', reason: 'entreprise', name: 'EXEMPLE NUMERIQUE SAS' });
  assert.equal(refused(await online().resolve('25975001600018')), 'outre_mer');
});

test('the register: a ceased unit is refused as such, a SIREN it does not hold is unknown', async () => {
  // The Haut-Rhin's council, merged into the Collectivité européenne d'Alsace.
  assert.equal(refused(await online().resolve('22680001900011')), 'cessee');
  assert.deepEqual(await online().resolve('55210055400013'), { status: 'unknown' });
});

test('the register: a collectivité the referential knows comes with the referential’s name and population', async () => {
  const rennes = found(await online().resolve('21350238800019'));
  assert.equal(rennes.name, 'Rennes');
  assert.equal(rennes.siret, '21350238800019');
  assert.ok(rennes.population! > 200_000);
  // Only the unit with the exact SIREN counts among the full-text results.
  const metropole = found(await online().resolve('24350013900015'));
  assert.equal(metropole.kind, 'epci');
  assert.equal(metropole.epciForm, 'METRO');
});

test('the register: a collectivité the referential lacks is placed from the register', async () => {
  const forgetful: ServerReferential = { ...referential, collectiviteBySiren: () => undefined };
  const rennes = found(await online({ referential: forgetful }).resolve('21350238800019'));
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
  const metropole = found(await online({ referential: forgetful }).resolve('24350013900015'));
  assert.equal(metropole.epciForm, 'METRO');
  assert.equal(Collectivite.safeParse(metropole).success, true);
});

test('the register: a failure or an unexpected answer is an error, not "unknown"', async () => {
  const down: RegisterFetch = async () => ({ ok: false, status: 502, json: async () => ({}) });
  await assert.rejects(online({ fetch: down }).resolve('25350001100015'), SiretResolverError);
  const offline: RegisterFetch = async () => {
    throw new TypeError('fetch failed');
  };
  await assert.rejects(online({ fetch: offline }).resolve('25350001100015'), SiretResolverError);
  const strange: RegisterFetch = async () => ({ ok: true, status: 200, json: async () => ({ unexpected: true }) });
  await assert.rejects(online({ fetch: strange }).resolve('25350001100015'), SiretResolverError);
});

// ————————————————————————————————————— offline, with and without the groupings file

const CSV = [
  'siren;nom;nature_juridique;commune;ignored',
  '253500011;SIVU du centre de secours de la Vilaine;7353;35051;x',
  '200000016;"Syndicat mixte des services numériques ""mutualisés""";7355;75112;',
  '200000024;PETR du Pays du Périgord;7357;24322;',
  '263500019;CCAS de Rennes;7361;35238;',
  '259750016;Syndicat mixte de Saint-Pierre-et-Miquelon;7355;97502;',
  '',
].join('\r\n');

function groupements(text = CSV): GroupementsFile {
  const rows = parseGroupements(text);
  assert.ok(typeof rows !== 'string', String(rows));
  return { path: '/etc/barometre/groupements.csv', rows };
}

test('offline, without the groupings file: collectivités from the referential; another local public body cannot be placed', async () => {
  const resolver = offlineSiretResolver(referential);
  assert.equal(found(await resolver.resolve('21350238800019')).name, 'Rennes');
  assert.deepEqual(await resolver.resolve('25350001100015'), { status: 'groupements_unavailable' });
  assert.deepEqual(await resolver.resolve('26350001900017'), { status: 'groupements_unavailable' });
  // A SIREN outside the local public bodies' range is no grouping: unknown, whatever the lists.
  assert.deepEqual(await resolver.resolve('41234567000019'), { status: 'unknown' });
  assert.deepEqual(await resolver.resolve('35600000000048'), { status: 'unknown' });
});

test('offline, with the groupings file: SIVU, syndicat mixte and PETR found; CCAS and Saint-Pierre-et-Miquelon refused', async () => {
  const resolver = offlineSiretResolver(referential, groupements());
  const sivu = found(await resolver.resolve('25350001100015'));
  assert.deepEqual(sivu, {
    siren: '253500011',
    siret: '25350001100015',
    name: 'SIVU du centre de secours de la Vilaine',
    kind: 'syndicat',
    code: '253500011',
    territoryId: 'departement:35',
    departementCode: '35',
    regionCode: '53',
  });
  const mixte = found(await resolver.resolve('20000001600010'));
  assert.equal(mixte.name, 'Syndicat mixte des services numériques "mutualisés"');
  assert.equal(mixte.departementCode, '75');
  assert.equal(found(await resolver.resolve('20000002400014')).regionCode, '75');
  assert.deepEqual(await resolver.resolve('26350001900017'), { status: 'out_of_scope', reason: 'etablissement_public', name: 'CCAS de Rennes' });
  assert.equal(refused(await resolver.resolve('25975001600018')), 'outre_mer');
  // Listed nowhere: unknown, now that the server has the list.
  assert.deepEqual(await resolver.resolve('20000004000010'), { status: 'unknown' });
  // The referential still answers first.
  assert.equal(found(await resolver.resolve('21350238800019')).kind, 'commune');
});

test('the groupings file: each problem is one sentence naming the line', () => {
  assert.match(String(parseGroupements('')), /first line must name the columns siren,nom,nature_juridique,commune/);
  assert.match(String(parseGroupements('siren,nom\n253500011,SIVU\n')), /^line 1 must name the columns .*missing: nature_juridique, commune/);
  assert.equal(parseGroupements('siren,nom,nature_juridique,commune\n253500012,SIVU,7353,35051\n'), 'line 2: siren fails its check digit');
  assert.equal(parseGroupements('siren,nom,nature_juridique,commune\n253500011,SIVU,73,35051\n'), 'line 2: nature_juridique must be an INSEE legal category of 4 digits, such as 7353');
  assert.match(String(parseGroupements('siren,nom,nature_juridique,commune\n253500011,SIVU,7353,3505\n')), /^line 2: commune must be the INSEE code/);
  assert.equal(parseGroupements('siren,nom,nature_juridique,commune\n253500011,,7353,35051\n'), 'line 2: nom is empty');
  assert.equal(
    parseGroupements('siren,nom,nature_juridique,commune\n253500011,A,7353,35051\n\n253500011,B,7353,35051\n'),
    'line 4: siren 253500011 is already on line 2',
  );
  assert.equal(parseGroupements('siren,nom,nature_juridique,commune\n253500011,"SIVU,7353,35051\n'), 'line 2: a quoted field is never closed');
});

test('the groupings file: read from an absolute path; a seat outside the geography stops the start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'groupements-'));
  const path = join(dir, 'groupements.csv');
  writeFileSync(path, `\uFEFF${CSV}`);
  const file = readGroupementsFile(path);
  assert.ok(typeof file !== 'string');
  assert.equal(file.rows.length, 5);
  assert.equal(readGroupementsFile('groupements.csv'), '"groupements.csv" must be an absolute file path');
  assert.equal(readGroupementsFile(join(dir, 'missing.csv')), `${join(dir, 'missing.csv')} cannot be read (ENOENT)`);
  writeFileSync(path, 'siren,nom,nature_juridique,commune\n253500011,SIVU,7353,35999\n');
  const wrong = readGroupementsFile(path);
  assert.ok(typeof wrong !== 'string');
  assert.throws(
    () => offlineSiretResolver(referential, wrong),
    (error: unknown) =>
      error instanceof GroupementsFileError &&
      error.message === `BAROMETRE_GROUPEMENTS: ${path}, line 2: commune 35999 (the seat of 253500011) is not a commune of the official geography`,
  );
});

// ————————————————————————————————————— chained

test('chained: the register first, the offline resolver when the register cannot be reached', async () => {
  const down: RegisterFetch = async () => {
    throw new TypeError('fetch failed');
  };
  const offline = offlineSiretResolver(referential);
  const chained = chainSiretResolvers(online({ fetch: down }), offline);
  assert.equal(found(await chained.resolve('21350238800019')).name, 'Rennes');
  // What the offline resolver cannot tell stays a failure: the register would have known.
  await assert.rejects(chained.resolve('25350001100015'), SiretResolverError);
  const up = chainSiretResolvers(online(), offline);
  assert.equal(found(await up.resolve('25350001100015')).kind, 'syndicat');
  assert.equal(refused(await up.resolve('26350001900017')), 'etablissement_public');
  // The register's "unknown" stands over the offline "cannot place".
  const nobody: SiretResolver = { resolve: async () => ({ status: 'unknown' }) };
  assert.deepEqual(await chainSiretResolvers(nobody, offline).resolve('25350001100015'), { status: 'unknown' });
});
