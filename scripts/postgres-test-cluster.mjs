// A throwaway PostgreSQL server for the tests: initdb in a temporary folder, started on a free
// port of the loopback, with a role that may create databases and a database of its own. Nothing
// is assumed to be running or configured beforehand; stopping it removes every file.
//
//   node scripts/postgres-test-cluster.mjs start      prints `export BAROMETRE_TEST_DATABASE_URL=…`
//                                                     and `export BAROMETRE_TEST_CLUSTER=<folder>` for a shell
//   node scripts/postgres-test-cluster.mjs stop DIR   stops the server started in DIR and removes DIR
//
// Binaries are looked up on the PATH, then in Debian's /usr/lib/postgresql/<version>/bin (newest
// first). As root, the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEBIAN_ROOT = '/usr/lib/postgresql';
const ROLE = 'barometre_test';

/** The folder holding initdb and pg_ctl, or null. */
export function postgresBinDir() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

/** The user and group the server runs as: ours, or `postgres`'s when we are root. */
function serverAccount() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root, PostgreSQL needs a "postgres" user to run as (apt-get install postgresql creates it)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runAs(account, bin, command, args, cwd) {
  const result = spawnSync(join(bin, command), args, { cwd, encoding: 'utf8', ...account });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || String(result.error ?? `exit ${result.status}`);
    throw new Error(`${command} failed: ${output}`);
  }
  return result;
}

/**
 * Starts a throwaway server. Returns its URL (role `barometre_test`, which may create
 * databases, on database `barometre_test`) and the folder to pass to {@link stopCluster}.
 */
export async function startCluster() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found');
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'barometre-pg-'));
  try {
    if (account.uid !== undefined) chownSync(dir, account.uid, account.gid);
    const superPassword = randomBytes(18).toString('hex');
    const pwfile = join(dir, 'superuser-password');
    writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
    if (account.uid !== undefined) chownSync(pwfile, account.uid, account.gid);
    const data = join(dir, 'data');
    // Password authentication even on the loopback, as a real deployment would have; no fsync,
    // as nothing here needs to survive a crash.
    runAs(account, bin, 'initdb', [
      '-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--no-sync',
    ], dir);
    rmSync(pwfile);
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`,
        '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=300',
        // Older releases hash new passwords with md5, which scram-sha-256 authentication refuses.
        '-c password_encryption=scram-sha-256',
      ].join(' ');
      try {
        runAs(account, bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], dir);
        break;
      } catch (error) {
        // Another process took the port between our probe and the server's bind: try another.
        if (attempt === 3) throw error;
      }
    }
    const password = randomBytes(18).toString('hex');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
    await client.connect();
    try {
      // CREATE ROLE takes no parameters: the server itself quotes the password into the statement.
      const { rows } = await client.query(`SELECT format('CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD %L', $1::text) AS sql`, [password]);
      await client.query(rows[0].sql);
      await client.query(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
      // Dropping a test database WITH (FORCE) ends the sessions left on it, autovacuum's included.
      await client.query(`GRANT pg_signal_backend TO ${ROLE}`);
    } finally {
      await client.end();
    }
    return { url: `postgres://${ROLE}:${password}@127.0.0.1:${port}/${ROLE}`, dir, bin };
  } catch (error) {
    stopCluster(dir);
    throw error;
  }
}

/** Stops a server started by {@link startCluster} (if it runs) and removes its folder. */
export function stopCluster(dir) {
  const data = join(dir, 'data');
  const bin = postgresBinDir();
  if (bin && existsSync(join(data, 'postmaster.pid'))) {
    // Immediate: the data is thrown away, there is nothing to flush.
    spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { cwd: dir, stdio: 'ignore', ...serverAccount() });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Single-quotes a value for a POSIX shell. */
function shellQuote(value) {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    try {
      const cluster = await startCluster();
      console.log(`export BAROMETRE_TEST_DATABASE_URL=${shellQuote(cluster.url)}`);
      console.log(`export BAROMETRE_TEST_CLUSTER=${shellQuote(cluster.dir)}`);
      console.error(`PostgreSQL test server started from ${cluster.bin} in ${cluster.dir}`);
    } catch (error) {
      console.error(`Could not start a PostgreSQL test server: ${error.message}`);
      process.exit(1);
    }
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: node scripts/postgres-test-cluster.mjs start | stop <folder>');
    process.exit(2);
  }
}
