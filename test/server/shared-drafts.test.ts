import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SHARE_CODE_PATTERN } from '../../src/core/schema/shared-draft.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { MAX_WRONG_CODES } from '../../src/server/security/lockout.js';
import { cyberSubmission, json, onStore, putContribution, RENNES_SIRET, startServer, storedData, type TestServer } from './helpers.js';

const KEY = randomBytes(32);
const MARIE = { name: 'Marie', role: 'secrétaire de mairie' };
const PAUL = { name: 'Paul', role: 'adjoint au numérique' };

function call(server: TestServer, method: string, path: string, options: { code?: string; body?: unknown; lang?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.code !== undefined) headers.authorization = `Bearer ${options.code}`;
  if (options.lang !== undefined) headers['accept-language'] = options.lang;
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  }).then(json);
}

/** A shared draft of Rennes on a theme, with its code. */
async function share(server: TestServer, theme = 'cybersecurite', answers: Record<string, unknown> = { rssi: 'aucun' }) {
  const created = await call(server, 'POST', `/brouillons/${RENNES_SIRET}/${theme}`, { body: { version: '2.0.0', author: MARIE, answers } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { code: string; draft: { entries: { key: string; value: unknown; version: number; by: unknown; at: string }[] } };
}

describe(onStore('shared drafts'), () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ sharedDrafts: { key: KEY, ttlMs: 30 * 86_400_000 } }, {}, undefined, { awaitPublication: false });
  });
  after(async () => server.close());

  test('sharing turns answers into a draft a colleague opens with the short code', async () => {
    const { code, draft } = await share(server, 'cybersecurite', { rssi: 'aucun', pca_pra: 'pca' });
    assert.match(code, SHARE_CODE_PATTERN);
    assert.deepEqual(draft.entries.map((entry) => [entry.key, entry.value, entry.version, entry.by]), [
      ['pca_pra', 'pca', 1, MARIE],
      ['rssi', 'aucun', 1, MARIE],
    ]);
    // Typed as a person would: lower case, without the hyphen.
    const opened = await call(server, 'GET', `/brouillons/${RENNES_SIRET}/cybersecurite`, { code: code.toLowerCase().replace('-', '') });
    assert.equal(opened.status, 200);
    assert.equal(opened.headers.get('cache-control'), 'no-store');
    assert.deepEqual(opened.body.draft.entries, draft.entries);
    assert.equal(opened.body.draft.siret, RENNES_SIRET);
    // Only one shared draft per collectivité and theme.
    const again = await call(server, 'POST', `/brouillons/${RENNES_SIRET}/cybersecurite`, { body: { version: '2.0.0', author: PAUL, answers: {} } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'shared_draft_exists');
    assert.equal((await call(server, 'GET', `/brouillons/${RENNES_SIRET}/cybersecurite`)).status, 401);
    const malformed = await call(server, 'GET', `/brouillons/${RENNES_SIRET}/cybersecurite`, { code: 'ABC' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'share_code_malformed');
    assert.equal((await call(server, 'GET', `/brouillons/${RENNES_SIRET}/inclusion`, { code })).status, 404);
  });

  test('two colleagues change one answer: the last change wins, its writer is told whose answer it replaced, the other sees it', async () => {
    const { code } = await share(server, 'inclusion', { lieu_mediation: 'non' });
    const path = `/brouillons/${RENNES_SIRET}/inclusion`;
    const paul = await call(server, 'PATCH', path, { code, body: { author: PAUL, changes: [{ key: 'lieu_mediation', value: 'oui', base: 1 }] } });
    assert.equal(paul.status, 200, JSON.stringify(paul.body));
    assert.deepEqual(paul.body.replaced, []);
    const paulAt = paul.body.draft.entries.find((entry: { key: string }) => entry.key === 'lieu_mediation').at;
    // Marie has not seen Paul's change: hers, made on version 1, comes last and wins.
    const marie = await call(server, 'PATCH', path, {
      code,
      body: { author: MARIE, changes: [{ key: 'lieu_mediation', value: 'non', base: 1 }, { key: 'conseiller_numerique', value: 'oui', base: 0 }] },
    });
    assert.equal(marie.status, 200);
    assert.deepEqual(marie.body.replaced, [{ key: 'lieu_mediation', by: PAUL, at: paulAt }]);
    assert.ok(!('stale' in marie.body));
    const entries = Object.fromEntries(marie.body.draft.entries.map((entry: { key: string }) => [entry.key, entry]));
    assert.equal(entries.lieu_mediation.value, 'non');
    assert.equal(entries.lieu_mediation.version, 3);
    assert.deepEqual(entries.lieu_mediation.by, MARIE);
    assert.equal(entries.conseiller_numerique.value, 'oui');
    assert.deepEqual(entries.conseiller_numerique.by, MARIE);
    // Paul reads the draft: he finds Marie's answer, a version above his, and who gave it.
    const paulReads = await call(server, 'GET', path, { code });
    const seenByPaul = paulReads.body.draft.entries.find((entry: { key: string }) => entry.key === 'lieu_mediation');
    assert.deepEqual([seenByPaul.value, seenByPaul.version, seenByPaul.by], ['non', 3, MARIE]);
    // Against the current version, a change replaces nothing unseen; clearing an answer is a change too.
    const retry = await call(server, 'PATCH', path, { code, body: { author: PAUL, changes: [{ key: 'lieu_mediation', value: null, base: 3 }] } });
    assert.deepEqual(retry.body.replaced, []);
    const cleared = retry.body.draft.entries.find((entry: { key: string }) => entry.key === 'lieu_mediation');
    assert.equal(cleared.value, null);
    assert.equal(cleared.version, 4);
    // A key that is no question of the theme is refused.
    const unknown = await call(server, 'PATCH', path, { code, body: { author: MARIE, changes: [{ key: 'pas_une_question', value: 'x', base: 0 }] } });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error, 'shared_draft_unknown_answer');
  });

  test('answers and names are encrypted at rest: the database never holds them in clear', async () => {
    const secret = 'Syndicat Quetzalcoatl du numérique';
    const author = { name: 'Zéphyrine', role: 'directrice générale des services' };
    const created = await call(server, 'POST', `/brouillons/${RENNES_SIRET}/communication`, {
      body: { version: '2.0.0', author, answers: {} },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const written = await call(server, 'PATCH', `/brouillons/${RENNES_SIRET}/communication`, {
      code: created.body.code,
      body: { author, changes: [{ key: 'site_internet', value: secret, base: 0 }] },
    });
    assert.equal(written.status, 200, JSON.stringify(written.body));
    const stored = await storedData(server);
    assert.ok(stored.length > 0);
    for (const { source, bytes } of stored) {
      for (const needle of [secret, 'Quetzalcoatl', 'Zéphyrine', 'directrice générale', created.body.code]) {
        assert.equal(bytes.includes(Buffer.from(needle, 'utf8')), false, `${needle} found in ${source}`);
      }
    }
  });

  test('wrong codes lock the draft for an hour; even the right code waits', async () => {
    const { code } = await share(server, 'infrastructures', {});
    const path = `/brouillons/${RENNES_SIRET}/infrastructures`;
    const wrong = code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA';
    for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) {
      const refused = await call(server, 'GET', path, { code: wrong, lang: 'en' });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.details.remainingAttempts, MAX_WRONG_CODES - attempt);
    }
    const locked = await call(server, 'GET', path, { code: wrong });
    assert.equal(locked.status, 423);
    assert.ok(Number(locked.headers.get('retry-after')) > 3500);
    assert.equal((await call(server, 'GET', path, { code })).status, 423);
  });
});

describe(onStore('shared drafts, lifetime'), () => {
  test('a draft past its lifetime answers 410 and its answers are gone; sending closes it; deleting needs the code', async () => {
    const server = await startServer({ sharedDrafts: { key: KEY, ttlMs: 1500 } }, {}, undefined, { awaitPublication: false });
    try {
      const { code } = await share(server, 'cybersecurite');
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const expired = await call(server, 'GET', `/brouillons/${RENNES_SIRET}/cybersecurite`, { code });
      assert.equal(expired.status, 410);
      assert.equal(expired.body.error, 'shared_draft_expired');

      const inclusion = await share(server, 'inclusion', { lieu_mediation: 'oui' });
      assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission())).status, 201);
      // Another theme's contribution leaves this draft open.
      assert.equal((await call(server, 'GET', `/brouillons/${RENNES_SIRET}/inclusion`, { code: inclusion.code })).status, 200);
      const again = await share(server, 'cybersecurite');
      assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission())).status, 409);
      // A submission set aside for review does not close it; a stored one does.
      assert.equal((await call(server, 'GET', `/brouillons/${RENNES_SIRET}/cybersecurite`, { code: again.code })).status, 200);

      const removed = await call(server, 'DELETE', `/brouillons/${RENNES_SIRET}/inclusion`, { code: inclusion.code });
      assert.equal(removed.status, 204);
      const gone = await call(server, 'GET', `/brouillons/${RENNES_SIRET}/inclusion`, { code: inclusion.code, lang: 'en' });
      assert.equal(gone.status, 410);
      assert.equal(gone.body.error, 'shared_draft_deleted');
      assert.equal(gone.body.details.reason, 'deleted');
    } finally {
      await server.close();
    }
  });

  test('without BAROMETRE_SHARED_DRAFT_KEY sharing is off and says so', async () => {
    const server = await startServer({}, {}, undefined, { awaitPublication: false });
    try {
      const config = await call(server, 'GET', '/config');
      assert.deepEqual(config.body.sharing, { enabled: false });
      const refused = await call(server, 'POST', `/brouillons/${RENNES_SIRET}/cybersecurite`, { body: { version: '2.0.0', author: MARIE, answers: {} } });
      assert.equal(refused.status, 503);
      assert.equal(refused.body.error, 'sharing_disabled');
      assert.match(refused.body.message, /BAROMETRE_SHARED_DRAFT_KEY/);
    } finally {
      await server.close();
    }
  });
});

describe('shared drafts, configuration', () => {
  test('BAROMETRE_SHARED_DRAFT_KEY is 32 bytes in hex, never repeated in the message; the lifetime is in days', () => {
    const key = randomBytes(32).toString('hex');
    const config = loadConfig({ BAROMETRE_SHARED_DRAFT_KEY: key, BAROMETRE_SHARED_DRAFT_DAYS: '7' });
    assert.equal(config.sharedDrafts?.key.toString('hex'), key);
    assert.equal(config.sharedDrafts?.ttlMs, 7 * 86_400_000);
    assert.equal(loadConfig({ BAROMETRE_SHARED_DRAFT_KEY: key }).sharedDrafts?.ttlMs, 30 * 86_400_000);
    assert.equal(loadConfig({}).sharedDrafts, undefined);
    assert.throws(
      () => loadConfig({ BAROMETRE_SHARED_DRAFT_KEY: 'short-secret-value' }),
      (error: Error) => error instanceof ConfigError && /openssl rand -hex 32/.test(error.message) && !error.message.includes('short-secret-value'),
    );
    assert.throws(() => loadConfig({ BAROMETRE_SHARED_DRAFT_KEY: key, BAROMETRE_SHARED_DRAFT_DAYS: '0' }), ConfigError);
  });
});
