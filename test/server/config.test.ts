import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { Client } from 'pg';
import { ConfigError, loadConfig, testConfig } from '../../src/server/main.js';
import { PUBLICATION_LOCK } from '../../src/server/store/postgres/postgres-store.js';
import { createTestDatabase, dropTestDatabase, onStore, TEST_STORE } from './helpers.js';

describe(onStore('loadConfig'), () => {
  test('defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.match(config.databasePath, /data[\\/]barometre\.db$/);
    assert.equal(config.seed, 'synthetic');
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.adminToken, undefined);
    assert.equal(config.minCell, 5);
    assert.equal(config.writesPerMinute, 30);
    assert.ok(config.readsPerMinute > config.writesPerMinute);
    assert.equal(config.bodyLimit, 64 * 1024);
    assert.equal(config.trustProxy, false);
    assert.equal(config.publicationIntervalMs, 3_600_000);
  });

  test('reads the interval between publications', () => {
    const interval = (value: string) => loadConfig({ BAROMETRE_PUBLICATION_INTERVAL: value }).publicationIntervalMs;
    assert.equal(interval('15m'), 15 * 60_000);
    assert.equal(interval('1h'), 3_600_000);
    assert.equal(interval('1d'), 86_400_000);
    assert.equal(interval(' 2h '), 7_200_000);
    // On demand only (and at start when none exists), as tests run.
    assert.equal(interval('0'), 0);
    assert.equal(testConfig().publicationIntervalMs, 0);
    // Too often, malformed or unit-less: refused, saying what is expected.
    for (const value of ['10s', '59s', 'abc', '1', '-1h', '1.5h', '1w', '400d']) {
      assert.throws(
        () => loadConfig({ BAROMETRE_PUBLICATION_INTERVAL: value }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, value);
          assert.match(error.message, /BAROMETRE_PUBLICATION_INTERVAL must be a duration from 1m to 366d such as 15m, 1h or 1d, or 0/, value);
          return true;
        },
      );
    }
  });

  test('reads which proxies to trust', () => {
    assert.equal(loadConfig({ BAROMETRE_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ BAROMETRE_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(loadConfig({ BAROMETRE_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy, ['10.0.0.1', '10.0.0.0/8']);
    assert.throws(() => loadConfig({ BAROMETRE_TRUST_PROXY: 'yes please' }), /BAROMETRE_TRUST_PROXY/);
  });

  test('reads every variable', () => {
    const config = loadConfig({
      PORT: '3000',
      BAROMETRE_DB: ':memory:',
      BAROMETRE_SEED: 'none',
      BAROMETRE_ORIGINS: 'https://a.example, https://b.example:8443/',
      BAROMETRE_ADMIN_TOKEN: 'a'.repeat(32),
      BAROMETRE_MIN_CELL: '10',
      BAROMETRE_RATE_LIMIT: '5',
      BAROMETRE_PUBLICATION_INTERVAL: '15m',
    });
    assert.equal(config.port, 3000);
    assert.equal(config.databasePath, ':memory:');
    assert.equal(config.seed, 'none');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(config.adminToken, 'a'.repeat(32));
    assert.equal(config.minCell, 10);
    assert.equal(config.writesPerMinute, 5);
    assert.equal(config.publicationIntervalMs, 900_000);
  });

  test('empty variables count as unset', () => {
    assert.equal(loadConfig({ PORT: '', BAROMETRE_ADMIN_TOKEN: '' }).port, 8080);
  });

  test('bad values are named, all at once', () => {
    const bad = {
      PORT: 'eighty',
      BAROMETRE_SEED: 'maybe',
      BAROMETRE_ORIGINS: 'not an origin',
      BAROMETRE_ADMIN_TOKEN: 'short',
      BAROMETRE_MIN_CELL: '2',
      BAROMETRE_RATE_LIMIT: '0',
      BAROMETRE_PUBLICATION_INTERVAL: '10s',
    };
    assert.throws(
      () => loadConfig(bad),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of Object.keys(bad)) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });

  test('reads the PostgreSQL URL and pool size, and never repeats a bad URL', () => {
    assert.equal(loadConfig({}).postgres, undefined);
    assert.deepEqual(loadConfig({ BAROMETRE_DATABASE_URL: 'postgres://barometre:pw@db.example:5432/barometre' }).postgres, {
      url: 'postgres://barometre:pw@db.example:5432/barometre',
      poolSize: 10,
    });
    assert.deepEqual(
      loadConfig({ BAROMETRE_DATABASE_URL: 'postgresql://db.example/barometre?sslmode=verify-full', BAROMETRE_DATABASE_POOL: '25' }).postgres,
      { url: 'postgresql://db.example/barometre?sslmode=verify-full', poolSize: 25 },
    );
    // A Unix socket, as pg accepts it: no host in the URL, its folder as an option.
    assert.equal(loadConfig({ BAROMETRE_DATABASE_URL: 'postgres://barometre@/barometre?host=/run/postgresql' }).postgres?.poolSize, 10);
    for (const url of ['mysql://barometre:s3cr3t@db.example/barometre', 'db.example:5432/s3cr3t', 'postgres://barometre:s3cr3t@db.example:port/x']) {
      assert.throws(
        () => loadConfig({ BAROMETRE_DATABASE_URL: url }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, /BAROMETRE_DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
          assert.doesNotMatch(error.message, /s3cr3t/);
          return true;
        },
      );
    }
    assert.throws(() => loadConfig({ BAROMETRE_DATABASE_URL: 'postgres://db/x', BAROMETRE_DATABASE_POOL: '0' }), /BAROMETRE_DATABASE_POOL must be at least 1/);
  });
});

/** Starts `src/server/main.ts` with these variables; resolves with its address once it listens. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listen line in: ${out}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return {
    listening,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.on('close', resolve));
    },
  };
}

describe(onStore('main'), () => {
  test('exits with 1 and names the database, without its password, when PostgreSQL cannot be reached', async () => {
    // Port 1 of the loopback: nothing listens there, so the connection is refused at once.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, BAROMETRE_DATABASE_URL: 'postgres://barometre:s3cr3t@127.0.0.1:1/barometre', BAROMETRE_SEED: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.match(output, /Cannot open the PostgreSQL database postgres:\/\/barometre@127\.0\.0\.1:1\/barometre/);
    assert.doesNotMatch(output, /s3cr3t/);
    assert.doesNotMatch(output, /at .*\.ts:\d+/);
  });

  test('exits with 1 and a clear message on a bad value', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'abc', BAROMETRE_MIN_CELL: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /PORT must be a whole number/);
    assert.match(stderr, /BAROMETRE_MIN_CELL must be at least 3/);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/);
  });

  test('starts from the environment and answers', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BAROMETRE_DB: ':memory:', BAROMETRE_SEED: 'none', BAROMETRE_LOG: 'on', BAROMETRE_PUBLICATION_INTERVAL: '15m' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listen line in: ${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const health = await (await fetch(`${address}/api/v1/health`)).json();
      assert.equal(health.status, 'ok');
      // The next publication is due at the next quarter of an hour.
      const { next } = (await (await fetch(`${address}/api/v1/publications`)).json()) as { next: string };
      assert.equal(Date.parse(next) % 900_000, 0, next);
      assert.ok(Date.parse(next) - Date.now() <= 900_000, next);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
    }
  });
});

if (TEST_STORE === 'postgres') describe('main on PostgreSQL', () => {
  test('BAROMETRE_DATABASE_URL: migrates, seeds and answers, never logging the password', async () => {
    const database = await createTestDatabase();
    // Publishing the seed is a benchmark's work: the lock is held, as by another instance computing.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [PUBLICATION_LOCK.toString()]);
    const main = startMain({
      PORT: '0',
      HOST: '127.0.0.1',
      BAROMETRE_DATABASE_URL: database.url,
      BAROMETRE_DATABASE_POOL: '4',
      BAROMETRE_SEED: 'synthetic',
      BAROMETRE_LOG: 'on',
    });
    try {
      const address = await main.listening;
      const health = await (await fetch(`${address}/api/v1/health`)).json();
      assert.equal(health.status, 'ok');
      assert.ok(health.contributions > 12000, String(health.contributions));
      const password = decodeURIComponent(new URL(database.url).password);
      assert.match(main.output(), /storage: PostgreSQL postgres:\/\/\w+@[^ ]+ \(pool of 4\)/);
      if (password !== '') assert.ok(!main.output().includes(password), 'the password is logged');
      // Until another instance publishes, results say they are on their way.
      const pending = await fetch(`${address}/api/v1/resultats/cybersecurite`);
      assert.equal(pending.status, 503);
      assert.equal(pending.headers.get('retry-after'), '30');
    } finally {
      await main.stop();
      await holder.end();
      await dropTestDatabase(database.name);
    }
  });
});
