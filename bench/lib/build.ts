import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The script-tag build the size and render sections measure. By default it is built afresh into a
 * folder of its own with the project's vite configuration: `dist/cdn` is emptied by every
 * `npm run build` (the tests run one), and a fresh build measures the sources as they are now.
 */
export interface CdnBuild {
  dir: string;
  /** Whether the bench built it (and removes it). */
  owned: boolean;
  seconds: number;
}

export function prepareCdn(given: string | undefined): CdnBuild {
  if (given !== undefined) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'barometre-widgets.js'))) throw new Error(`--cdn=${given}: no barometre-widgets.js there`);
    return { dir, owned: false, seconds: 0 };
  }
  const dir = mkdtempSync(join(tmpdir(), 'barometre-bench-cdn-'));
  const started = performance.now();
  const vite = resolve('node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(join(dir, 'barometre-widgets.js'))) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('The script-tag build failed (vite build); see above.');
  }
  return { dir, owned: true, seconds: (performance.now() - started) / 1000 };
}

export function disposeCdn(build: CdnBuild): void {
  if (build.owned) rmSync(build.dir, { recursive: true, force: true });
}
