import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SignJWT, type CryptoKey } from 'jose';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { MEMBERS_SCOPE } from '../../src/server/participation/portal-token.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { parseCsv } from '../helpers/csv.js';
import { collectivites, cyberSubmission, json, newKey, onStore, putContribution, startServer, tempDir, type TestServer } from './helpers.js';
import { attest, newPortal, type TestPortal } from './portal.js';

/** Signs a member-list token as a portal's back end would; claims may be changed or left out (`undefined`). */
async function membersToken(portal: TestPortal, claims: Record<string, unknown> = {}, key: CryptoKey = portal.privateKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { iss: portal.name, aud: 'barometre/participation', scope: MEMBERS_SCOPE, iat: now, exp: now + 300, ...claims };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: portal.jwks.keys[0]!.kid! }).sign(key);
}

describe('BAROMETRE_PORTAL_MEMBERS', () => {
  const dir = tempDir();

  test('reads a member list per registered portal, and refuses what is wrong', async () => {
    const portal = await newPortal('megalis-bretagne');
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(portal.jwks));
    const members = join(dir, 'members.json');
    writeFileSync(members, JSON.stringify({ sirens: ['213502388'], territoires: ['epci:243500139'] }));
    const config = loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${keys}`, BAROMETRE_PORTAL_MEMBERS: `megalis-bretagne=${members}` });
    assert.deepEqual(config.portalMembers, [{ portal: 'megalis-bretagne', sirens: ['213502388'], territoires: ['epci:243500139'] }]);
    assert.equal(loadConfig({}).portalMembers, undefined);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sirens: ['213502389'] }));
    assert.throws(
      () => loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${keys}`, BAROMETRE_PORTAL_MEMBERS: `megalis-bretagne=${bad}` }),
      (error: Error) => error instanceof ConfigError && /sirens\.0: not a valid SIREN/.test(error.message),
    );
    writeFileSync(bad, JSON.stringify({ territoires: ['france'] }));
    assert.throws(() => loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${keys}`, BAROMETRE_PORTAL_MEMBERS: `megalis-bretagne=${bad}` }), /France is not a membership/);
    writeFileSync(bad, JSON.stringify({}));
    assert.throws(() => loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${keys}`, BAROMETRE_PORTAL_MEMBERS: `megalis-bretagne=${bad}` }), /lists no SIREN/);
    assert.throws(() => loadConfig({ BAROMETRE_PORTAL_MEMBERS: `sictiam=${members}` }), /portals without keys in BAROMETRE_PORTAL_KEYS: sictiam/);
    assert.throws(() => loadConfig({ BAROMETRE_PORTAL_KEYS: `megalis-bretagne=${keys}`, BAROMETRE_PORTAL_MEMBERS: 'megalis-bretagne=members.json' }), /absolute file path/);
  });
});

describe(onStore('GET /participation/membres'), () => {
  let server: TestServer;
  let megalis: TestPortal;
  let sictiam: TestPortal;
  let other: TestPortal;
  const [epci] = collectivites((c) => c.kind === 'epci' && c.departementCode === '29', 1);
  const epciCommunes = defaultReferential().collectivites();
  const members = [...epciCommunes].filter((c) => c.kind === 'commune' && defaultReferential().territory(c.territoryId)?.parentIds.includes(epci!.territoryId));
  const [alone] = collectivites((c) => c.kind === 'commune' && c.departementCode === '06', 1);
  const [syndicatSiren] = ['200000107'];

  const list = async (token: string | undefined, path = '/participation/membres') =>
    fetch(`${server.url}/api/v1${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    [megalis, sictiam, other] = await Promise.all([newPortal('megalis-bretagne'), newPortal('sictiam'), newPortal('autre-portail')]);
    server = await startServer({
      portals: [megalis, sictiam, other].map((portal) => ({ name: portal.name, jwks: portal.jwks })),
      portalMembers: [
        { portal: 'megalis-bretagne', sirens: [syndicatSiren!], territoires: [epci!.territoryId] },
        { portal: 'sictiam', sirens: [alone!.siren], territoires: [] },
      ],
    });
    // The EPCI and its first member commune answer on cybersecurity; the lone commune too.
    for (const collectivite of [epci!, { ...members[0]!, siret: collectivites((c) => c.siren === members[0]!.siren, 1)[0]!.siret }, alone!]) {
      assert.equal((await putContribution(server.url, collectivite.siret!, 'cybersecurite', cyberSubmission())).status, 201);
    }
  });
  after(async () => {
    await server.close();
  });

  test('gives the portal its own members, each with the themes answered, and no answer', async () => {
    const response = await json(await list(await membersToken(megalis)));
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = response.body;
    assert.equal(body.portal, 'megalis-bretagne');
    assert.equal(body.edition, '2026');
    // The EPCI, every commune of it, and the SIREN listed alone (unknown to the referential: unnamed).
    assert.equal(body.members.length, members.length + 2);
    assert.deepEqual(new Set(body.members.map((member: { siren: string }) => member.siren)), new Set([epci!.siren, ...members.map((m) => m.siren), syndicatSiren]));
    const answered = body.members.filter((member: { answered: Record<string, boolean> }) => member.answered.cybersecurite);
    assert.deepEqual(answered.map((member: { siren: string }) => member.siren).sort(), [epci!.siren, members[0]!.siren].sort());
    assert.ok(body.members.every((member: { answered: Record<string, boolean> }) => member.answered.inclusion === false));
    assert.deepEqual(body.members.at(-1), { siren: syndicatSiren, name: null, kind: null, territoire: null, answered: Object.fromEntries(Object.keys(body.members[0].answered).map((theme) => [theme, false])) });
    assert.equal(body.themes.find((theme: { theme: string }) => theme.theme === 'cybersecurite').answered, 2);
    assert.ok(!JSON.stringify(body).includes('rssi'), 'no answer leaves');
    assert.ok(!body.members.some((member: { siren: string }) => member.siren === alone!.siren), "another portal's member");
  });

  test("another portal sees its own members only, never the first one's", async () => {
    const body = (await json(await list(await membersToken(sictiam)))).body;
    assert.deepEqual(body.members.map((member: { siren: string }) => member.siren), [alone!.siren]);
    assert.equal(body.members[0].answered.cybersecurite, true);
  });

  test('refuses without a token, with a wrong key, once expired, and an answer attestation', async () => {
    const cases: [string | undefined, number, string, string?][] = [
      [undefined, 401, 'portal_token_missing'],
      ['not-a-token', 401, 'portal_token_invalid', 'malformed'],
      // Signed by another portal's key while naming megalis-bretagne.
      [await membersToken(megalis, {}, sictiam.privateKey), 401, 'portal_token_invalid', 'signature'],
      [await membersToken(megalis, { iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 120 }), 401, 'portal_token_expired'],
      [await membersToken(megalis, { aud: 'barometre' }), 401, 'portal_token_invalid', 'claims'],
      [await membersToken(megalis, { scope: undefined }), 401, 'portal_token_invalid', 'claims'],
      [await membersToken(megalis, { exp: Math.floor(Date.now() / 1000) + 3600 }), 401, 'portal_token_invalid', 'claims'],
      // An answer attestation cannot read the list.
      [await attest(megalis, { siret: epci!.siret }), 401, 'portal_token_invalid', 'claims'],
      [await membersToken(megalis, { siret: epci!.siret }), 401, 'portal_token_invalid', 'claims'],
      [await membersToken({ ...megalis, name: 'inconnu' }), 401, 'portal_token_invalid', 'unknown_issuer'],
      // A registered portal with no member list configured.
      [await membersToken(other), 403, 'portal_members_unknown'],
    ];
    for (const [token, status, code, reason] of cases) {
      for (const path of ['/participation/membres', '/participation/membres.csv']) {
        const response = await json(await list(token, path));
        assert.deepEqual([response.status, response.body.error], [status, code], `${code} ${reason ?? ''} ${path}`);
        if (reason) assert.equal(response.body.details.reason, reason, code);
        assert.ok(response.body.message.length > 0);
      }
    }
  });

  test('a member-list token is no attestation: the answer is refused', async () => {
    const token = await membersToken(megalis, { siret: undefined, jti: 'abcdefgh-1234' });
    const response = await putContribution(server.url, members[1] ? collectivites((c) => c.siren === members[1]!.siren, 1)[0]!.siret : epci!.siret, 'cybersecurite', {
      ...cyberSubmission(),
      attestation: token,
    }, { key: newKey() });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: string }).error, 'attestation_invalid');
  });

  test('the CSV: a byte-order mark, a header, one row per member', async () => {
    const response = await list(await membersToken(megalis), '/participation/membres.csv');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="barometre-adherents-megalis-bretagne\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(rows[0], [
      'siren',
      'nom',
      'type',
      'territoire',
      'repondu_inclusion',
      'repondu_cybersecurite',
      'repondu_communication',
      'repondu_infrastructures',
      'repondu_outils-internes',
      'repondu_donnees',
      'repondu_dematerialisation',
      'repondu_services-en-ligne',
      'repondu_strategie',
      'themes_sans_reponse',
    ]);
    const body = rows.slice(1).filter((row) => row.length > 1);
    assert.equal(body.length, members.length + 2);
    const epciRow = body.find((row) => row[0] === epci!.siren)!;
    assert.deepEqual([epciRow[1], epciRow[2], epciRow[3], epciRow[5], epciRow[4], epciRow[13]], [epci!.name, 'epci', epci!.territoryId, 'oui', 'non', '8']);
    // Names come through as the JSON gives them, accents included.
    const named = (await json(await list(await membersToken(megalis)))).body.members as { siren: string; name: string | null }[];
    for (const row of body) assert.equal(row[1], named.find((member) => member.siren === row[0])!.name ?? '');
    assert.ok(body.some((row) => /[éèêëàâçôîï]/i.test(row[1] ?? '')), 'some name has an accent');
  });
});
