// `npm test`: every check and every test suite, then one combined closing line `N passed, N failed`.
// Checks (typecheck, lint, manifest) count as one test each; the suites report their own counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { postgresBinDir } from './postgres-test-cluster.mjs';

mkdirSync('.cache', { recursive: true });
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const notices = [];

function run(command, args, options = {}) {
  console.log(`\n▶ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;
}

function check(name, command, args) {
  if (run(command, args)) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

function suite(name, command, args, readCounts) {
  const ok = run(command, args);
  const counts = readCounts();
  if (!counts) {
    tally.failed += 1;
    failures.push(`${name} (no results)`);
    return;
  }
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  tally.skipped += counts.skipped ?? 0;
  if (!ok || counts.failed > 0) failures.push(name);
  // The runner failed outside any test (a file that would not load, a crash): that is a failure too.
  if (!ok && counts.failed === 0) tally.failed += 1;
}

function readTap(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const count = (label) => Number(text.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

function readJson(file) {
  if (!existsSync(file)) return null;
  const { passed, failed, skipped, erroredFiles } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed, failed: failed + erroredFiles, skipped };
}

// Generated data the tests and the build read.
check('referential', 'npx', ['tsx', 'src/referential/build/generate.ts']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npx', ['eslint', '.']);
check('manifest', 'node', ['scripts/check-manifest.mjs']);

rmSync('.cache/unit.tap', { force: true });
suite('unit and server tests', 'node', [
  'scripts/test-unit.mjs',
  '--store=sqlite',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  '--test-reporter-destination=.cache/unit.tap',
], () => readTap('.cache/unit.tap'));

// The server tests again, on PostgreSQL: on BAROMETRE_TEST_DATABASE_URL if set, else on a throwaway
// server that test-unit.mjs starts from this machine's PostgreSQL binaries. Without either they
// are reported as skipped, never counted as passed.
rmSync('.cache/server-postgres.tap', { force: true });
if (process.env.BAROMETRE_TEST_DATABASE_URL || postgresBinDir()) {
  suite('server tests on PostgreSQL', 'node', [
    'scripts/test-unit.mjs',
    '--store=postgres',
    'test/server',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=.cache/server-postgres.tap',
  ], () => readTap('.cache/server-postgres.tap'));
} else {
  tally.skipped += 1;
  notices.push(
    'PostgreSQL server tests skipped: BAROMETRE_TEST_DATABASE_URL is not set and no PostgreSQL server binaries (initdb, pg_ctl) were found.\n' +
      'To run them, install PostgreSQL (Debian: apt-get install postgresql) or set BAROMETRE_TEST_DATABASE_URL=postgres://user:password@host:port/database (a role allowed to create databases).',
  );
  console.log(`\n${notices.at(-1)}`);
}

// End-to-end tests drive the built script-tag bundle, served by the real server, in Chromium.
check('build', 'npm', ['run', '--silent', 'build']);
rmSync('.cache/e2e.tap', { force: true });
suite('end-to-end tests', 'node', [
  'scripts/test-unit.mjs',
  'test/e2e',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  '--test-reporter-destination=.cache/e2e.tap',
], () => readTap('.cache/e2e.tap'));

rmSync('.cache/wtr-tally.json', { force: true });
suite('element tests (Chromium)', 'npx', ['wtr'], () => readJson('.cache/wtr-tally.json'));

for (const notice of notices) console.log(`\n${notice}`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
// Skipped tests are told on a line of their own: the last line stays exactly `N passed, N failed`.
console.log('');
if (tally.skipped) console.log(`${tally.skipped} skipped`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 || failures.length ? 1 : 0);
