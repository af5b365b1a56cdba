import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { writeOpenWavesFile } from '../helpers/open-waves.js';

/**
 * End-to-end tests run what `npm start` runs — the real server process, on a real database file,
 * serving the built script-tag bundle — and drive it with a real Chromium.
 *
 * Servers start empty and publish on demand only: the first publication (of nothing) is made at
 * start, and a test that writes contributions and then reads figures publishes them itself.
 */

/** The administrator's bearer token of the servers the tests start. */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

/** What `POST /admin/publications` answers. */
export interface PublicationSummary {
  id: string;
  publishedAt: string;
  contributions: number;
}

export interface RunningServer {
  origin: string;
  api: string;
  databasePath: string;
  /** Publishes the contributions received so far, as the administrator does, and says what came out. */
  publish(): Promise<PublicationSummary>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${origin}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer within 60 s:\n${output()}`);
}

/**
 * Waits until the server has a publication to read figures from: until then, results answer 503
 * and the elements would show an error.
 */
async function waitForPublication(api: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    const body = (await (await fetch(`${api}/publications`)).json()) as { publications: unknown[] };
    if (body.publications.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No publication within 60 s:\n${output()}`);
}

/**
 * Starts the server on a free port with its own temporary database, empty unless `env` says
 * otherwise, and returns once its first publication is out. Publications are made on demand only
 * (`BAROMETRE_PUBLICATION_INTERVAL=0`) unless `env` sets a schedule, and writes are not limited,
 * so that a test may send a sample of contributions at once.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'barometre-e2e-'));
  const databasePath = join(folder, 'barometre.db');
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      BAROMETRE_DB: databasePath,
      BAROMETRE_SEED: 'none',
      BAROMETRE_ADMIN_TOKEN: ADMIN_TOKEN,
      BAROMETRE_PUBLICATION_INTERVAL: '0',
      BAROMETRE_RATE_LIMIT: '100000',
      BAROMETRE_EDITIONS_FILE: writeOpenWavesFile(folder),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const api = `${origin}/api/v1`;
  await waitForHealth(origin, child, () => log);
  await waitForPublication(api, child, () => log);
  return {
    origin,
    api,
    databasePath,
    async publish() {
      const response = await fetch(`${api}/admin/publications`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const body = await response.json();
      if (response.status !== 201) throw new Error(`Publishing answered ${response.status}: ${JSON.stringify(body)}\n${log.slice(-4000)}`);
      return body as PublicationSummary;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium: CHROME_PATH, else Debian's. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
