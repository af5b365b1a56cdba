/**
 * Writes the referential artefacts from the installed official geography:
 *
 *   npx tsx src/referential/build/generate.ts [--out <dir>]
 *
 * Output (default `generated/referential/`, replaced as a whole so a rerun leaves no stale file):
 * `referential.json` (full, for the server), `index.json`, `communes/<département>.json` and
 * `search/<key>.json` (small, for browsers). Same input, same bytes.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildBrowserArtefacts } from '../browser/artefacts.js';
import { ARTEFACT_PATHS } from '../browser/format.js';
import { compileReferential } from '../compile.js';
import { Referential } from '../referential.js';
import { loadDecoupageSource } from './source.js';

/** Name of the full artefact inside the output folder. */
export const FULL_ARTEFACT = 'referential.json';

/** The default output folder, at the package root whatever the working directory. */
export const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../generated/referential');

/** Size of one written file, raw and gzipped, in bytes. */
export interface ArtefactSize {
  path: string;
  raw: number;
  gzip: number;
}

/** Generates every artefact into `outDir` and returns their sizes. */
export function generateReferential(outDir: string = DEFAULT_OUT_DIR): ArtefactSize[] {
  const data = compileReferential(loadDecoupageSource());
  const browser = buildBrowserArtefacts(new Referential(data));

  const files = new Map<string, unknown>([[FULL_ARTEFACT, data], [ARTEFACT_PATHS.index, browser.index]]);
  for (const [code, communes] of browser.departements) files.set(ARTEFACT_PATHS.departement(code), communes);
  for (const [key, shard] of browser.shards) files.set(ARTEFACT_PATHS.shard(key), shard);

  // Written beside the target then swapped in, so a server reading the folder never sees half of it.
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const sizes: ArtefactSize[] = [];
  for (const [path, value] of files) {
    const text = JSON.stringify(value);
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    sizes.push({ path, raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
  return sizes;
}

function report(sizes: readonly ArtefactSize[], outDir: string, milliseconds: number): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const line = (label: string, raw: number, gzip: number) => `  ${label.padEnd(34)} ${kB(raw).padStart(10)} ${kB(gzip).padStart(10)} gzip`;
  const group = (prefix: string) => sizes.filter((s) => s.path.startsWith(prefix));
  const largest = (items: ArtefactSize[]) => items.reduce((a, b) => (b.raw > a.raw ? b : a));
  const total = (items: ArtefactSize[]) => [items.reduce((n, s) => n + s.raw, 0), items.reduce((n, s) => n + s.gzip, 0)] as const;
  const communes = group('communes/');
  const shards = group('search/');
  const lines = [
    `Referential written to ${relative(process.cwd(), outDir) || '.'} in ${(milliseconds / 1000).toFixed(1)} s`,
    ...sizes.filter((s) => !s.path.includes('/')).map((s) => line(s.path, s.raw, s.gzip)),
    line(`largest ${largest(communes).path}`, largest(communes).raw, largest(communes).gzip),
    line(`${communes.length} communes/ files, total`, ...total(communes)),
    line(`largest ${largest(shards).path}`, largest(shards).raw, largest(shards).gzip),
    line(`${shards.length} search/ shards, total`, ...total(shards)),
  ];
  return lines.join('\n');
}

function outDirFromArguments(args: readonly string[]): string {
  const at = args.indexOf('--out');
  return at >= 0 && args[at + 1] ? resolve(args[at + 1]!) : DEFAULT_OUT_DIR;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outDir = outDirFromArguments(process.argv.slice(2));
  const sizes = generateReferential(outDir);
  console.log(report(sizes, outDir, performance.now() - started));
}
