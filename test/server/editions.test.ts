import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/main.js';
import {
  adminPost,
  communeSiret,
  cyberSubmission,
  json,
  onStore,
  putContribution,
  RENNES_SIRET,
  tempDir,
  startServerAt,
  type TestServer,
} from './helpers.js';

/**
 * Editions and waves, as the API keeps them: one contribution per collectivité, theme and edition,
 * written to the edition whose wave is open, and refused with the wave's days outside one. The
 * server's clock is moved by the tests: none depends on the day it runs.
 */

const health = async (server: TestServer) => (await json(await fetch(`${server.url}/api/v1/health`))).body.contributions as number;
const wave = async (server: TestServer, theme: string) => json(await fetch(`${server.url}/api/v1/questionnaires/${theme}/vague`));
const exists = async (server: TestServer, siret: string, theme = 'cybersecurite') =>
  (await json(await fetch(`${server.url}/api/v1/contributions/${siret}/${theme}`))).body.exists as boolean;

describe(onStore('editions and waves'), () => {
  let server: TestServer;
  let setNow: (at: string) => void;
  before(async () => {
    ({ server, setNow } = await startServerAt('2026-12-06T12:00:00Z'));
  });
  after(async () => {
    await server.close();
  });

  test('today every theme of the 2026 edition takes answers, and the questionnaire is told so', async () => {
    for (const theme of ['inclusion', 'cybersecurite', 'donnees', 'strategie']) {
      const answer = await wave(server, theme);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.edition, '2026');
      assert.equal(answer.body.state, 'open');
    }
    assert.deepEqual((await wave(server, 'cybersecurite')).body, { edition: '2026', state: 'open', opens: '2026-02-02', closes: '2027-03-31' });
  });

  test('before a wave opens: 409 wave_not_open with its days, in French and English, and nothing kept', async () => {
    setNow('2026-01-20T10:00:00Z');
    try {
      const before = await health(server);
      const refused = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error, 'wave_not_open');
      assert.deepEqual(refused.body.details, { edition: '2026', state: 'upcoming', opens: '2026-02-02', closes: '2027-03-31' });
      assert.match(refused.body.message, /« Cybersécurité » de l’édition 2026 du Baromètre ouvre le 2 février 2026/);
      const english = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { lang: 'en' }));
      assert.match(english.body.message, /opens on 2 February 2026/);
      assert.equal(await health(server), before);
      assert.deepEqual((await wave(server, 'cybersecurite')).body.state, 'upcoming');
    } finally {
      setNow('2026-12-06T12:00:00Z');
    }
  });

  test('after the last wave closed: 409 wave_closed with the day it closed, and nothing kept', async () => {
    // Midnight in Paris ends 31 March: at 23:59 on 31 March (21:59 UTC) it is still open.
    setNow('2027-03-31T21:59:00Z');
    try {
      const siret = communeSiret('35001');
      assert.equal((await putContribution(server.url, siret, 'inclusion', { role: 'agent', version: '2.0.0', answers: {} })).status !== 409, true);
      setNow('2027-03-31T22:00:00Z');
      const before = await health(server);
      const refused = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error, 'wave_closed');
      assert.deepEqual(refused.body.details, { edition: '2026', state: 'closed', opens: '2026-02-02', closes: '2027-03-31' });
      assert.match(refused.body.message, /a fermé le 31 mars 2027/);
      assert.equal(await health(server), before);
      // Wave 3 still takes answers then.
      assert.equal((await wave(server, 'strategie')).body.state, 'open');
    } finally {
      setNow('2026-12-06T12:00:00Z');
    }
  });

  test('one contribution per collectivité, theme and edition: the next edition is a first answer again', async () => {
    const siret = communeSiret('29019');
    setNow('2025-03-10T09:00:00Z');
    try {
      const first = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission()));
      assert.equal(first.status, 201);
      assert.equal(await exists(server, siret), true);
      // Between editions the questionnaire is about the next one, which nobody answered yet.
      setNow('2026-01-10T09:00:00Z');
      assert.equal(await exists(server, siret), false);
      setNow('2026-12-06T12:00:00Z');
      assert.equal(await exists(server, siret), false);
      const second = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' })));
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.equal(second.body.status, 'created');
      assert.equal(await exists(server, siret), true);
      // The first edition's code does not open the second's contribution.
      const wrong = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { token: first.body.editCode }));
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.error, 'edit_code_wrong');
    } finally {
      setNow('2026-12-06T12:00:00Z');
    }
  });

  test('each edition is published apart, and the figures name their edition', async () => {
    const current = await json(await adminPost(server.url, '/api/v1/admin/publications'));
    assert.equal(current.status, 201);
    assert.equal(current.body.edition, '2026');
    const earlier = await json(await adminPost(server.url, '/api/v1/admin/publications?edition=2025'));
    assert.equal(earlier.status, 201);
    assert.equal(earlier.body.edition, '2025');
    assert.equal(earlier.body.contributions, 1);
    const results = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?territoire=france`));
    assert.deepEqual(results.body.publication, { id: current.body.id, publishedAt: current.body.publishedAt, edition: '2026' });
    const of2025 = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?territoire=france&edition=2025`));
    assert.equal(of2025.status, 200);
    assert.equal(of2025.body.publication.edition, '2025');
    const participation = await json(await fetch(`${server.url}/api/v1/participation?territoire=france&edition=2025`));
    assert.equal(participation.status, 200);
    assert.equal(participation.body.edition, '2025');
    assert.equal(participation.body.publication.id, earlier.body.id);
    const map = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?question=rssi&edition=2025`));
    assert.equal(map.body.publication.edition, '2025');
    const unknown = await json(await fetch(`${server.url}/api/v1/synthese?territoire=france&edition=2019`));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'edition_not_found');
  });
});

describe(onStore('BAROMETRE_EDITIONS_FILE'), () => {
  const dir = tempDir();
  const file = (name: string, contents: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
    return path;
  };

  test('moves the days of a wave; the refusal and the questionnaire say the new ones', async () => {
    const path = file('late.json', { 2026: { waves: { 1: { opens: '2027-01-15', closes: '2027-05-31' } } } });
    const config = loadConfig({ BAROMETRE_EDITIONS_FILE: path });
    const { server } = await startServerAt('2026-12-06T12:00:00Z', { editions: config.editions! });
    try {
      const refused = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
      assert.equal(refused.body.error, 'wave_not_open');
      assert.match(refused.body.message, /ouvre le 15 janvier 2027/);
      assert.deepEqual((await wave(server, 'cybersecurite')).body, { edition: '2026', state: 'upcoming', opens: '2027-01-15', closes: '2027-05-31' });
      // Wave 2 kept its days.
      assert.equal((await wave(server, 'donnees')).body.state, 'open');
    } finally {
      await server.close();
    }
  });

  test('a file that does not hold stops the start with one line saying why', () => {
    const refused = (contents: unknown, pattern: RegExp) =>
      assert.throws(() => loadConfig({ BAROMETRE_EDITIONS_FILE: file('bad.json', contents) }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /BAROMETRE_EDITIONS_FILE: /);
        assert.match(error.message, pattern);
        return true;
      });
    refused('{', /is not JSON/);
    refused({ 2019: { waves: {} } }, /edition "2019" is not one this release knows \(2025, 2026\)/);
    refused({ 2026: { waves: { 1: { opens: '2026-02-30', closes: '2027-03-31' } } } }, /2026\.waves\.1\.opens: not a day of the calendar/);
    refused({ 2026: { waves: { 2: { opens: '2026-06-01', closes: '2026-05-01' } } } }, /closes on or after the day it opens/);
    refused({ 2026: { waves: { 3: { opens: '2025-11-01', closes: '2027-06-30' } } } }, /wave 3 of 2026 opens on 2025-11-01, before wave 3 of 2025 closes \(2025-11-30\)/);
    refused({ 2026: { waves: { 4: { opens: '2026-06-01', closes: '2026-07-01' } } } }, /2026\.waves/);
    assert.throws(() => loadConfig({ BAROMETRE_EDITIONS_FILE: 'relative.json' }), /not an absolute file path/);
    assert.throws(() => loadConfig({ BAROMETRE_EDITIONS_FILE: join(dir, 'missing.json') }), /cannot be read \(ENOENT\)/);
  });
});
