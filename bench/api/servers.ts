import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { MemoryProbe } from './memory.js';

/**
 * Reference API servers as `npm start` runs them — `src/server/main.ts` in a process of its own,
 * configured by environment — so the load generator (this process) and the server do not share
 * an event loop. Several may share one database (`--servers=N`).
 *
 * They publish on demand only (`BAROMETRE_PUBLICATION_INTERVAL=0`), through the administrator's
 * route, with a token made for this run: a publication is computed when the benchmark asks for
 * one, never in the middle of a measurement (except the one a server makes at start when the
 * database holds none, which {@link ApiServer.publications} lets the benchmark wait for).
 */

/** The administrator's bearer token of the servers this process starts (never written anywhere). */
const ADMIN_TOKEN = randomBytes(24).toString('hex');

export interface PublishedSummary {
  id: string;
  publishedAt: string;
  contributions: number;
}

export interface PublishFigures {
  status: number;
  /** Present when the publication came out (201). */
  publication?: PublishedSummary;
  /** Hidden figures the audit found recoverable, when it refused the publication (409 `publication_refused`). */
  refused?: number;
  /** What the server said otherwise, for the error message. */
  body: string;
  /** From sending the POST to the end of its response. */
  seconds: number;
  /** The server process's resident memory just before the POST and at its highest while it ran, in bytes. */
  rssBefore: number;
  rssPeak: number;
  /** How the peak was read: the kernel's high-water mark, or sampling. */
  peakFrom: string;
}

export interface ApiServer {
  origin: string;
  pid: number | undefined;
  contributions(): Promise<number>;
  /** The publications on record, newest first (`GET /api/v1/publications`). */
  publications(): Promise<PublishedSummary[]>;
  /**
   * Publishes now (`POST /api/v1/admin/publications`, answered once the publication is out),
   * sampling the process's memory meanwhile.
   */
  publish(): Promise<PublishFigures>;
  /** The id of the publication this server's results come from, from a results response's ETag (undefined on 503). */
  servedPublication(path: string): Promise<string | undefined>;
  stop(): Promise<void>;
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

async function health(origin: string): Promise<{ contributions: number } | undefined> {
  try {
    const response = await fetch(`${origin}/api/v1/health`);
    return response.ok ? ((await response.json()) as { contributions: number }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One request with node:http and no time limit: computing a large publication may take longer
 * than fetch's default wait for response headers (five minutes).
 */
function unhurried(origin: string, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${origin}${path}`, { method, headers, timeout: 0 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** How many hidden figures a `publication_refused` answer says were recoverable; undefined for another answer. */
function refusedCount(body: string): number | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: string; details?: { unprotected?: number } };
    return parsed.error === 'publication_refused' ? (parsed.details?.unprotected ?? Number.NaN) : undefined;
  } catch {
    return undefined;
  }
}

export async function startServer(env: Record<string, string>): Promise<ApiServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BAROMETRE_SEED: 'none',
      BAROMETRE_LOG: 'off',
      // Each request carries its own X-Forwarded-For, as if every collectivité were its own client
      // behind a proxy: per-client write limits then never stand in for the server's capacity.
      BAROMETRE_RATE_LIMIT: '100000',
      BAROMETRE_TRUST_PROXY: '127.0.0.1',
      BAROMETRE_PUBLICATION_INTERVAL: '0',
      BAROMETRE_ADMIN_TOKEN: ADMIN_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    if (await health(origin)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    origin,
    pid: child.pid,
    contributions: async () => (await health(origin))?.contributions ?? Number.NaN,
    async publications() {
      const response = await fetch(`${origin}/api/v1/publications`);
      if (!response.ok) throw new Error(`GET /api/v1/publications answered ${response.status}`);
      return ((await response.json()) as { publications: PublishedSummary[] }).publications;
    },
    async publish() {
      const probe = new MemoryProbe(child.pid);
      const rssBefore = probe.current();
      probe.start();
      const started = performance.now();
      const { status, body } = await unhurried(origin, 'POST', '/api/v1/admin/publications', { authorization: `Bearer ${ADMIN_TOKEN}` });
      const seconds = (performance.now() - started) / 1000;
      const { peak, from } = probe.stop();
      const publication = status === 201 ? (JSON.parse(body) as PublishedSummary) : undefined;
      const refused = status === 409 ? refusedCount(body) : undefined;
      return {
        status,
        body,
        seconds,
        rssBefore,
        rssPeak: peak,
        peakFrom: from,
        ...(publication ? { publication } : {}),
        ...(refused !== undefined ? { refused } : {}),
      };
    },
    async servedPublication(path) {
      const response = await fetch(origin + path);
      await response.arrayBuffer();
      // The tag is `"<publication id>-<hash of the request>"`, the hash being base64url of fixed length.
      const tag = response.headers.get('etag');
      return response.ok && tag ? /^(?:W\/)?"(.+)-[A-Za-z0-9_-]{16}"$/.exec(tag)?.[1] : undefined;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startServers(count: number, env: Record<string, string>): Promise<ApiServer[]> {
  const servers: ApiServer[] = [];
  try {
    // One after the other: two processes migrating one fresh database at once is not what is measured.
    for (let i = 0; i < count; i++) servers.push(await startServer(env));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
  return servers;
}
