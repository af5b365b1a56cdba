// Runs the Node unit and integration tests (test/unit, test/server) with node:test.
// Extra arguments narrow the run to files or folders: `npm run test:unit -- test/unit/siret.test.ts`.
// `--store=postgres` runs the server tests on PostgreSQL instead of SQLite: on the database of
// BAROMETRE_TEST_DATABASE_URL if set (its role must be allowed to create databases), else on a
// throwaway server started for the run from the PostgreSQL binaries found on this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findTests } from './find-tests.mjs';
import { startCluster, stopCluster } from './postgres-test-cluster.mjs';

const args = process.argv.slice(2);
const store = args.find((a) => a.startsWith('--store='))?.slice('--store='.length);
const flags = args.filter((a) => a.startsWith('--') && !a.startsWith('--store='));
const targets = args.filter((a) => !a.startsWith('--'));
const roots = targets.length ? targets : ['test/unit', 'test/server'];
const files = roots
  .filter((p) => existsSync(p))
  .flatMap((p) => (statSync(p).isDirectory() ? findTests(p) : [p]));

if (store !== undefined && store !== 'sqlite' && store !== 'postgres') {
  console.error(`--store must be sqlite or postgres, not ${store}`);
  process.exit(2);
}
const env = { ...process.env };
let cluster;
if (store !== undefined) env.BAROMETRE_TEST_STORE = store;
if (store === 'postgres' && !env.BAROMETRE_TEST_DATABASE_URL) {
  try {
    cluster = await startCluster();
  } catch (error) {
    console.error(
      `PostgreSQL tests cannot run: ${error.message}.\n` +
        'Set BAROMETRE_TEST_DATABASE_URL=postgres://user:password@host:port/database (a role allowed to create databases),\n' +
        'or install the PostgreSQL server (Debian: apt-get install postgresql) so a throwaway one is started for the run.',
    );
    process.exit(1);
  }
  console.log(`PostgreSQL for the tests: a throwaway server from ${cluster.bin}, in ${cluster.dir}`);
  env.BAROMETRE_TEST_DATABASE_URL = cluster.url;
}

// Ctrl-C reaches the test runner too: let it stop, then stop the throwaway server below.
if (cluster) for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit', env });
if (cluster) stopCluster(cluster.dir);
process.exit(result.status ?? 1);
