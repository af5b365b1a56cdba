import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Reference API servers as `npm start` runs them — `src/server/main.ts` in a process of its own,
 * configured by environment — so the load generator (this process) and the server do not share
 * an event loop. Several may share one database (`--servers=N`).
 */

export interface ApiServer {
  origin: string;
  contributions(): Promise<number>;
  /**
   * Waits until the process stops working on its own (a server may prepare results in the
   * background once it listens); resolves with the seconds that took, or NaN where the process's
   * CPU time cannot be read (no /proc), after a short fixed wait.
   */
  settle(maxSeconds: number): Promise<number>;
  stop(): Promise<void>;
}

/** CPU time (user + system, in clock ticks) of a process, from /proc; undefined elsewhere. */
function cpuTicks(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
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
    contributions: async () => (await health(origin))?.contributions ?? Number.NaN,
    async settle(maxSeconds) {
      const started = performance.now();
      const window = 500;
      const first = cpuTicks(child.pid);
      if (first === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        return Number.NaN;
      }
      let previous: number = first;
      let quiet = 0;
      // Idle: two half-second windows in a row with at most one tick each (2 % of a core at 100 Hz).
      while (quiet < 2 && performance.now() - started < maxSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, window));
        const now: number = cpuTicks(child.pid) ?? previous;
        quiet = now - previous <= 1 ? quiet + 1 : 0;
        previous = now;
      }
      return Math.max(0, (performance.now() - started - 2 * window) / 1000);
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
