import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvField, csvRow, neutraliseFormula } from '../../src/server/export/csv.js';
import {
  ADMIN_TOKEN,
  adminGet,
  adminPost,
  communeSiret,
  cyberSubmission,
  json,
  putContribution,
  RENNES_SIRET,
  startServer,
  type TestServer,
  onStore,
} from './helpers.js';
import { parseCsv } from '../helpers/csv.js';

describe(onStore('CSV writing'), () => {
  test('quotes fields with commas, quotes and line breaks, and doubles quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvRow(['a', 1, undefined]), 'a,1,\r\n');
  });

  test('neutralises spreadsheet formulas but keeps numbers', () => {
    for (const formula of ['=1+1', '+33', '-cmd', '@SUM(A1)', '\t=1', '\r=1']) {
      assert.equal(neutraliseFormula(formula).startsWith("'"), true, formula);
    }
    assert.equal(neutraliseFormula('-12'), '-12');
    assert.equal(neutraliseFormula('3.5'), '3.5');
    assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe(onStore('export and administration'), () => {
  let server: TestServer;
  before(async () => {
    // Clients are told apart by the addresses a trusted proxy gives.
    server = await startServer({ trustProxy: true });
  });
  after(async () => {
    await server.close();
  });

  test('the export needs the administrator token', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }, { authorization: ADMIN_TOKEN }];
    for (const headers of attempts) {
      const response = await json(await fetch(`${server.url}/api/v1/export/cybersecurite.csv`, { headers }));
      assert.equal(response.status, 401);
      assert.equal(response.body.error, 'unauthorized');
    }
    for (const path of ['/api/v1/admin/pending']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 401);
    }
    assert.equal((await fetch(`${server.url}/api/v1/admin/pending/x/accept`, { method: 'POST' })).status, 401);
    assert.equal((await fetch(`${server.url}/api/v1/admin/pending/x/reject`, { method: 'POST' })).status, 401);
  });

  test('a server without an admin token refuses everyone', async () => {
    const closed = await startServer({ adminToken: undefined });
    try {
      const response = await json(await adminGet(closed.url, '/api/v1/export/cybersecurite.csv'));
      assert.equal(response.status, 401);
      assert.match(response.body.message, /désactivée/);
      assert.equal((await adminGet(closed.url, '/api/v1/admin/pending')).status, 401);
    } finally {
      await closed.close();
    }
  });

  test('the export lists raw contributions as safe RFC 4180 CSV', async () => {
    const nantes = communeSiret('44109');
    const inclusion = {
      role: 'elu',
      version: '2.0.0',
      contactEmail: 'dgs@example.fr',
      answers: {
        fonction_repondant: 'adjoint_vice_president',
        lieu_mediation: 'oui',
        types_lieux: ['mediatheque', 'autre'],
        'types_lieux.autre': 'Bus "numérique", itinérant',
        nombre_lieux: 3,
        services_proposes: ['accompagnement'],
        conseiller_numerique: 'non',
        aidants_connect: 'non',
        publics_cibles: ['personnes_agees', 'jeunes'],
        pass_numerique: 'non',
        diagnostic_territorial: 'oui',
        partenaires: ['aucun'],
        budget_inclusion: 'non',
        besoin_principal: '=HYPERLINK("http://evil.example")',
      },
    };
    const created = await json(await putContribution(server.url, nantes, 'inclusion', inclusion));
    assert.equal(created.status, 201, JSON.stringify(created.body));

    const response = await adminGet(server.url, '/api/v1/export/inclusion.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition')!, /attachment; filename="barometre-inclusion.csv"/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.ok(text.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(text);
    assert.equal(rows.length, 1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    assert.equal(row.siret, nantes);
    assert.equal(row.nom, 'Nantes');
    assert.equal(row.code_departement, '44');
    assert.equal(row.role, 'elu');
    assert.equal(row.email_contact, 'dgs@example.fr');
    assert.equal(row.types_lieux, 'mediatheque|autre');
    assert.equal(row['types_lieux.autre'], 'Bus "numérique", itinérant');
    assert.equal(row.nombre_lieux, '3');
    assert.equal(row.besoin_principal, `'=HYPERLINK("http://evil.example")`);

    const unknown = await json(await adminGet(server.url, '/api/v1/export/astrologie.csv'));
    assert.equal(unknown.status, 404);
    assert.equal((await adminGet(server.url, '/api/v1/export/inclusion.json')).status, 404);
  });

  test('pending submissions can be accepted (with a new code) or rejected', async () => {
    const first = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
    assert.equal(first.status, 201);
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    const a = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), from('10.0.2.1')));
    const b = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'mutualise' }), from('10.0.2.2')));
    assert.equal(a.status, 409);
    assert.equal(b.status, 409);

    const list = await json(await adminGet(server.url, '/api/v1/admin/pending'));
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    const entry = list.body.pending.find((p: { id: string }) => p.id === a.body.details.pendingId);
    assert.equal(entry.siret, RENNES_SIRET);
    assert.equal(entry.theme, 'cybersecurite');
    assert.equal(entry.answers.rssi, 'interne');
    assert.equal(entry.collectivite.name, 'Rennes');
    assert.equal(entry.current.updatedAt, first.body.updatedAt);

    const accepted = await json(await adminPost(server.url, `/api/v1/admin/pending/${a.body.details.pendingId}/accept`));
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.status, 'accepted');
    assert.match(accepted.body.editCode, /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const rejected = await json(await adminPost(server.url, `/api/v1/admin/pending/${b.body.details.pendingId}/reject`));
    assert.deepEqual(rejected.body, { status: 'rejected' });

    const again = await json(await adminPost(server.url, `/api/v1/admin/pending/${b.body.details.pendingId}/accept`));
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'pending_already_decided');
    const missing = await json(await adminPost(server.url, '/api/v1/admin/pending/00000000-0000-0000-0000-000000000000/reject'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, 'pending_not_found');

    assert.equal((await json(await adminGet(server.url, '/api/v1/admin/pending'))).body.pending.length, 0);

    // The accepted answers are current; the old code is wrong now, the new one edits.
    const csv = await (await adminGet(server.url, '/api/v1/export/cybersecurite.csv')).text();
    assert.ok(csv.split('\r\n').find((line) => line.startsWith(RENNES_SIRET))!.includes(',interne,'));
    const old = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { token: first.body.editToken });
    assert.equal(old.status, 403);
    const fresh = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { token: accepted.body.editCode });
    assert.equal(fresh.status, 200);
  });
});
