import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/main.js';

describe('loadConfig', () => {
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
    });
    assert.equal(config.port, 3000);
    assert.equal(config.databasePath, ':memory:');
    assert.equal(config.seed, 'none');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(config.adminToken, 'a'.repeat(32));
    assert.equal(config.minCell, 10);
    assert.equal(config.writesPerMinute, 5);
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
});

describe('main', () => {
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
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BAROMETRE_DB: ':memory:', BAROMETRE_SEED: 'none', BAROMETRE_LOG: 'on' },
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
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
    }
  });
});
