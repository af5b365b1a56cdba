import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { parseCsv } from '../helpers/csv.js';
import {
  adminGet,
  communeSiret,
  cyberSubmission,
  json,
  newKey,
  onStore,
  publishNow,
  putContribution,
  RENNES_SIRET,
  startServer,
  tempDir,
  type TestServer,
} from './helpers.js';
import { attest, newPortal, type TestPortal } from './portal.js';

describe('BAROMETRE_PORTAL_KEYS', () => {
  const dir = tempDir();

  test('reads portals whose keys are in a file or at a URL', async () => {
    const portal = await newPortal('megalis-bretagne');
    const file = join(dir, 'megalis.jwks.json');
    writeFileSync(file, JSON.stringify(portal.jwks));
    const config = loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${file}, sictiam=https://portail.sictiam.example/jwks.json` });
    assert.deepEqual(config.portals, [
      { name: 'megalis-bretagne', jwks: portal.jwks },
      { name: 'sictiam', jwksUrl: 'https://portail.sictiam.example/jwks.json' },
    ]);
    assert.deepEqual(loadConfig({}).portals, []);
    assert.equal(loadConfig({}).countUnverified, true);
    assert.equal(loadConfig({ BAROMETRE_COUNT_UNVERIFIED: 'off' }).countUnverified, false);
  });

  test('stops the server with one line per portal that is wrong', async () => {
    const portal = await newPortal('ok');
    const privateFile = join(dir, 'private.json');
    // A private key published by mistake is refused, never used.
    writeFileSync(privateFile, JSON.stringify({ keys: [{ ...portal.jwks.keys[0], d: 'secret' }] }));
    const secretFile = join(dir, 'oct.json');
    writeFileSync(secretFile, JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    const cases: [string, RegExp][] = [
      ['megalis', /megalis.*must be name=location/],
      ['Megalis=https://x.example/jwks', /not a portal name/],
      ['a=http://portail.example/jwks', /must be served over https/],
      ['a=relative/path.json', /neither an https URL nor an absolute file path/],
      [`a=${join(dir, 'missing.json')}`, /cannot be read \(ENOENT\)/],
      [`a=${privateFile}`, /private members/],
      [`a=${secretFile}`, /public and asymmetric/],
      ['a=https://x.example/1,a=https://x.example/2', /portal a is named twice/],
      ['proconnect=https://x.example/jwks', /reserved/],
    ];
    for (const [value, message] of cases) {
      assert.throws(
        () => loadConfig({ BAROMETRE_PORTAL_KEYS: value }),
        (error: unknown) => error instanceof ConfigError && /BAROMETRE_PORTAL_KEYS/.test(error.message) && message.test(error.message),
        value,
      );
    }
    assert.throws(() => loadConfig({ BAROMETRE_COUNT_UNVERIFIED: 'maybe' }), /BAROMETRE_COUNT_UNVERIFIED must be "on" or "off"/);
  });
});

describe(onStore('portal attestations'), () => {
  let server: TestServer;
  let portal: TestPortal;
  /** Another portal's key, which the server does not know under this portal's name. */
  let impostor: TestPortal;

  before(async () => {
    portal = await newPortal('megalis-test');
    impostor = await newPortal('megalis-test');
    server = await startServer({ portals: [{ name: portal.name, jwks: portal.jwks }] });
  });
  after(async () => {
    await server.close();
  });

  const submit = (siret: string, attestation: string | undefined, overrides: Record<string, unknown> = {}, key?: string) =>
    putContribution(server.url, siret, 'cybersecurite', { ...cyberSubmission(), ...(attestation ? { attestation } : {}), ...overrides }, key ? { key } : {}).then(json);

  test('the configuration endpoint says attestations are taken and ProConnect is not configured', async () => {
    const config = await json(await fetch(`${server.url}/api/v1/config`));
    assert.equal(config.status, 200);
    assert.deepEqual(config.body.attestation, { enabled: true });
    assert.deepEqual(config.body.proconnect, { enabled: false });
    assert.equal(config.body.countUnverified, true);
  });

  test('an attestation for the SIRET makes the contribution verified, with the portal named in the export', async () => {
    const siret = communeSiret('35047');
    const created = await submit(siret, await attest(portal, { siret, role: 'agent', email: 'dgs@mairie.example' }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.verification, 'verified');
    assert.equal(created.body.verifiedBy, 'megalis-test');
    const unverified = await submit(communeSiret('35051'), undefined);
    assert.equal(unverified.body.verification, 'unverified');

    const csv = parseCsv(await (await adminGet(server.url, '/api/v1/export/cybersecurite.csv')).text());
    const header = csv[0]!;
    const column = (name: string) => header.indexOf(name);
    assert.ok(column('verification') > 0 && column('verifie_par') > 0, header.join(','));
    const row = csv.find((cells) => cells[0] === siret)!;
    assert.equal(row[column('verification')], 'verifiee');
    assert.equal(row[column('verifie_par')], 'megalis-test');
    // The e-mail the portal vouches for reaches the respondent when they gave none.
    assert.equal(row[column('email_contact')], 'dgs@mairie.example');
    const other = csv.find((cells) => cells[0] === communeSiret('35051'))!;
    assert.equal(other[column('verification')], 'non_verifiee');
    assert.equal(other[column('verifie_par')], '');
  });

  test('an expired attestation is refused, and nothing is written', async () => {
    const siret = communeSiret('35024');
    const now = Math.floor(Date.now() / 1000);
    const expired = await submit(siret, await attest(portal, { siret, iat: now - 900, exp: now - 120 }));
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error, 'attestation_expired');
    assert.deepEqual(expired.body.details, { field: 'attestation', reason: 'expired' });
    // Within the clock skew allowed, it still holds.
    const skewed = await submit(siret, await attest(portal, { siret, iat: now - 300, exp: now - 30 }));
    assert.equal(skewed.status, 201);
  });

  test('an attestation signed with another key, by an unknown portal, for another audience or living too long is refused', async () => {
    const siret = communeSiret('35001');
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, string][] = [
      [await attest(portal, { siret }, impostor.privateKey), 'attestation_invalid', 'signature'],
      [await attest(portal, { siret, iss: 'unknown-portal' }), 'attestation_invalid', 'unknown_issuer'],
      [await attest(portal, { siret, aud: 'another-barometre' }), 'attestation_invalid', 'claims'],
      [await attest(portal, { siret, jti: undefined }), 'attestation_invalid', 'claims'],
      [await attest(portal, { siret, exp: now + 24 * 3600 }), 'attestation_invalid', 'claims'],
      [await attest(portal, { siret, role: 'maire' }), 'attestation_invalid', 'claims'],
      ['not.a.jwt', 'attestation_invalid', 'malformed'],
    ];
    for (const [token, error, reason] of cases) {
      const refused = await submit(siret, token);
      assert.equal(refused.status, 401, `${reason}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error, error);
      assert.equal(refused.body.details.reason, reason);
    }
    assert.deepEqual((await json(await fetch(`${server.url}/api/v1/contributions/${siret}/cybersecurite`))).body, { exists: false });
  });

  test('an attestation for another SIRET, or another role, is refused', async () => {
    const siret = communeSiret('35066');
    const mismatch = await submit(siret, await attest(portal, { siret: RENNES_SIRET }));
    assert.equal(mismatch.status, 403);
    assert.equal(mismatch.body.error, 'attestation_siret_mismatch');
    assert.equal(mismatch.body.details.attestedSiret, RENNES_SIRET);
    const role = await submit(siret, await attest(portal, { siret, role: 'elu' }));
    assert.equal(role.status, 403);
    assert.equal(role.body.error, 'attestation_role_mismatch');
    assert.equal((await json(await fetch(`${server.url}/api/v1/contributions/${siret}/cybersecurite`))).body.exists, false);
  });

  test('an attestation serves once; a retry of the same request is still answered', async () => {
    const siret = communeSiret('35093');
    const token = await attest(portal, { siret });
    const key = newKey();
    const first = await submit(siret, token, {}, key);
    assert.equal(first.status, 201);
    // The same request again (a lost answer): the answer given then, not a refusal.
    const retried = await submit(siret, token, {}, key);
    assert.equal(retried.status, 201);
    assert.deepEqual(retried.body, first.body);
    // Another request with the same attestation: refused.
    const replayed = await submit(siret, token, { answers: cyberSubmission({ rssi: 'interne' }).answers });
    assert.equal(replayed.status, 401);
    assert.equal(replayed.body.error, 'attestation_replayed');
    // A submission refused (here a wrong code) does not use up its attestation: it serves for the corrected one.
    const fresh = await attest(portal, { siret });
    const body = { ...cyberSubmission(), attestation: fresh };
    const wrong = await json(await putContribution(server.url, siret, 'cybersecurite', body, { token: 'ABCD-EFGH-JKMN-PQRS' }));
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error, 'edit_code_wrong');
    const forReview = await json(await putContribution(server.url, siret, 'cybersecurite', { ...body, review: true }, { token: 'ABCD-EFGH-JKMN-PQRS' }));
    assert.equal(forReview.status, 409);
    assert.equal(forReview.body.error, 'contribution_exists');
  });

  test('a verified respondent takes the place of an unverified contribution, which goes to review', async () => {
    const siret = communeSiret('35206');
    const unverified = await submit(siret, undefined, { answers: cyberSubmission({ rssi: 'interne' }).answers });
    assert.equal(unverified.status, 201);
    const verified = await submit(siret, await attest(portal, { siret }));
    assert.equal(verified.status, 201, JSON.stringify(verified.body));
    assert.equal(verified.body.status, 'created');
    assert.equal(verified.body.verification, 'verified');
    assert.equal(verified.body.replacedUnverified, true);
    assert.notEqual(verified.body.editCode, unverified.body.editCode);

    // The unverified answers wait for an administrator, marked as such.
    const pending = await json(await adminGet(server.url, '/api/v1/admin/pending?theme=cybersecurite&territoire=commune:35206'));
    assert.equal(pending.body.pending.length, 1);
    assert.equal(pending.body.pending[0].verification, 'unverified');
    assert.equal(pending.body.pending[0].answers.rssi, 'interne');
    assert.deepEqual(pending.body.pending[0].current, { updatedAt: verified.body.updatedAt, verification: 'verified', verifiedBy: 'megalis-test' });
    // The unverified author's code opens nothing now; the verified one's does.
    const old = await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { token: unverified.body.editCode });
    assert.equal(old.status, 403);
    const edit = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'mutualise' }), { token: verified.body.editCode }));
    assert.equal(edit.status, 200);
    // The code carries the verification: an edit with it keeps the contribution verified.
    const csv = parseCsv(await (await adminGet(server.url, '/api/v1/export/cybersecurite.csv')).text());
    const row = csv.find((cells) => cells[0] === siret)!;
    assert.equal(row[csv[0]!.indexOf('verification')], 'verifiee');

    // An unverified respondent never displaces a verified one: set aside.
    const later = await submit(siret, undefined);
    assert.equal(later.status, 409);
    assert.equal(later.body.error, 'contribution_exists');
    // Nor does a second verified one without the code.
    const second = await submit(siret, await attest(portal, { siret }));
    assert.equal(second.status, 409);
  });
});

describe(onStore('publications and unverified contributions'), () => {
  test('BAROMETRE_COUNT_UNVERIFIED=off counts verified contributions only', async () => {
    const portal = await newPortal('opsn-test');
    const portals = [{ name: portal.name, jwks: portal.jwks }];
    for (const countUnverified of [true, false]) {
      const server = await startServer({ portals, countUnverified });
      try {
        const verified = communeSiret('29019');
        assert.equal((await putContribution(server.url, verified, 'cybersecurite', { ...cyberSubmission(), attestation: await attest(portal, { siret: verified }) })).status, 201);
        assert.equal((await putContribution(server.url, communeSiret('29232'), 'cybersecurite', cyberSubmission())).status, 201);
        const published = await publishNow(server.url);
        assert.equal(published.contributions, countUnverified ? 2 : 1);
        assert.equal((await json(await fetch(`${server.url}/api/v1/config`))).body.countUnverified, countUnverified);
      } finally {
        await server.close();
      }
    }
  });
});
