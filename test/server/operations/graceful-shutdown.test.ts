// Graceful shutdown: SIGTERM in the middle of a burst of writes. The server stops accepting,
// finishes the requests in flight, abandons a publication being computed and closes the
// database; it exits with code 0, every write it acknowledged is there after a restart, and
// every request it refused was refused in the API's words (503 shutting_down), never a 500.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ADMIN_TOKEN, collectivites, createTestDatabase, cyberSubmission, dropTestDatabase, onStore, TEST_STORE, tempDir } from '../helpers.js';
import { startServerProcess } from '../hardening/server-process.js';

const TARGETS = 200;
const IN_FLIGHT = 24;
const STOP_AFTER = 30;

test(onStore('SIGTERM under load: in-flight requests finish, nothing acknowledged is lost, exit code 0'), async (t) => {
  const dir = tempDir();
  const database = TEST_STORE === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = {
    ...(database ? { BAROMETRE_DATABASE_URL: database.url } : { BAROMETRE_DB: join(dir, 'barometre.db') }),
    BAROMETRE_ADMIN_TOKEN: ADMIN_TOKEN,
    BAROMETRE_RATE_LIMIT: '100000',
  };
  t.after(async () => {
    if (database) await dropTestDatabase(database.name);
    rmSync(dir, { recursive: true, force: true });
  });
  const targets = collectivites((c) => c.kind === 'commune', TARGETS);
  const put = (api: string, index: number) =>
    fetch(`${api}/contributions/${targets[index]!.siret}/cybersecurite`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': `shutdown-${index}` },
      body: JSON.stringify(cyberSubmission()),
    });

  const first = await startServerProcess(env);
  const acknowledged = new Set<number>();
  const refusals = new Map<string, number>();
  let next = 0;
  let stopped = false;
  let publication: Promise<{ status: number; error?: string }> | undefined;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      let response: Response;
      try {
        response = await put(first.api, index);
      } catch {
        // Refused on the wire once the server no longer listens: never acknowledged.
        assert.ok(stopped, 'a request failed before the stop');
        continue;
      }
      const body = (await response.json()) as { error?: string };
      if (response.status === 201) {
        acknowledged.add(index);
      } else {
        const outcome = `${response.status} ${body.error}`;
        refusals.set(outcome, (refusals.get(outcome) ?? 0) + 1);
      }
      if (acknowledged.size >= STOP_AFTER && !stopped) {
        stopped = true;
        // A publication is being asked for as the stop arrives: it is either out, or abandoned.
        publication = fetch(`${first.api}/admin/publications`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
          .then(async (answer) => ({ status: answer.status, ...((await answer.json()) as { error?: string }) }))
          .catch(() => ({ status: 0 }));
        first.child.kill('SIGTERM');
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await first.stop('SIGTERM');
  } catch (error) {
    await first.stop('SIGKILL');
    throw new Error(`${String(error)}\n${first.output()}`);
  }
  assert.ok(stopped, 'the burst ended before the stop');
  assert.equal(first.child.exitCode, 0, first.output());
  t.diagnostic(`${acknowledged.size} acknowledged; refused: ${JSON.stringify(Object.fromEntries(refusals))}`);
  // Requests already in flight when the signal came were finished and answered.
  assert.ok(acknowledged.size > STOP_AFTER, 'no request in flight was finished');
  for (const outcome of refusals.keys()) assert.equal(outcome, '503 shutting_down');
  const published = await publication!;
  assert.ok([0, 201].includes(published.status) || published.error === 'shutting_down', JSON.stringify(published));

  const second = await startServerProcess(env);
  try {
    for (const index of acknowledged) {
      const response = await fetch(`${second.api}/contributions/${targets[index]!.siret}/cybersecurite`);
      assert.deepEqual(await response.json(), { exists: true }, targets[index]!.siret);
    }
  } finally {
    await second.stop('SIGTERM');
  }
  assert.equal(second.child.exitCode, 0);
});
