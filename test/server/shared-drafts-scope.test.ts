import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readGroupementsFile } from '../../src/server/referential/groupements-file.js';
import { json, onStore, RENNES_SIRET, startServer, tempDir, type TestServer } from './helpers.js';

/**
 * Who may share a draft is who may answer: the shared-draft routes resolve the SIRET as the
 * contributions' routes do, groupings of the operator's file included, and refuse the others
 * with the same words.
 */

// Fictitious units (check digits right): a SIVU and a CCAS of Ille-et-Vilaine.
const SIVU = '25350001100015';
const CCAS = '26350001900017';

function groupings() {
  const path = join(tempDir(), 'groupements.csv');
  writeFileSync(path, ['siren,nom,nature_juridique,commune', '253500011,SIVU des eaux de la Vilaine,7353,35238', '263500019,CCAS de Rennes,7361,35238', ''].join('\n'));
  const file = readGroupementsFile(path);
  assert.ok(typeof file !== 'string', String(file));
  return file;
}

const sharing = { key: randomBytes(32), ttlMs: 30 * 86_400_000 };
const author = { name: 'Marie' };

async function share(server: TestServer, siret: string) {
  return json(
    await fetch(`${server.url}/api/v1/brouillons/${siret}/cybersecurite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: '2.0.0', author, answers: {} }),
    }),
  );
}

async function contributionStatus(server: TestServer, siret: string) {
  return json(await fetch(`${server.url}/api/v1/contributions/${siret}/cybersecurite`));
}

describe(onStore('shared drafts, who may share'), () => {
  let withFile: TestServer;
  let withoutFile: TestServer;
  before(async () => {
    withFile = await startServer({ sharedDrafts: sharing, groupements: groupings() }, {}, undefined, { awaitPublication: false });
    withoutFile = await startServer({ sharedDrafts: sharing }, {}, undefined, { awaitPublication: false });
  });
  after(async () => {
    await withFile?.close();
    await withoutFile?.close();
  });

  test('a grouping of the operator’s file may share a draft, as it may answer', async () => {
    const created = await share(withFile, SIVU);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.draft.siret, SIVU);
  });

  test('every SIRET the contributions refuse is refused alike: same status, code, words and details', async () => {
    const cases: [TestServer, string, number, string][] = [
      [withoutFile, '2135023880001', 400, 'siret_length'],
      [withoutFile, '21350238800018', 400, 'siret_checksum'],
      [withoutFile, '35600000000048', 404, 'collectivite_not_found'],
      [withoutFile, SIVU, 404, 'groupements_unavailable'],
      [withFile, CCAS, 422, 'collectivite_out_of_scope'],
    ];
    for (const [server, siret, status, error] of cases) {
      const refused = await share(server, siret);
      assert.deepEqual([refused.status, refused.body.error], [status, error], siret);
      assert.deepEqual(refused.body, (await contributionStatus(server, siret)).body, `${siret}: the same answer as the contributions' route`);
    }
    // Nothing was created for Rennes meanwhile: its draft can still be shared.
    assert.equal((await share(withoutFile, RENNES_SIRET)).status, 201);
  });
});
