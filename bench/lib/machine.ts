import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

/** The browser the render section drives: CHROME_PATH, else Debian's, as the tests do. */
export const chromiumPath = (): string => process.env.CHROME_PATH || '/usr/bin/chromium';

/** `Chromium 131.0.6778.85` as the binary reports it, or undefined. */
export function chromiumVersion(): string | undefined {
  const result = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split('\n').pop() : undefined;
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  chromium: string;
  date: string;
  load: string;
}

export function describeMachine(chromium: string | undefined): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromium ?? chromiumVersion() ?? 'not found',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: loadAverage(),
  };
}

/** The 1-minute load average: other work on the machine shows here. */
export function loadAverage(): string {
  return loadavg()[0]!.toFixed(2);
}
