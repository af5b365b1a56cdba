// Fails when custom-elements.json no longer matches what the elements' JSDoc generates.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves its output folder against the project root.
const outdir = join('.cache', 'manifest-check');
try {
  execFileSync('npx', ['custom-elements-manifest', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
    env: { ...process.env, CEM_OUTDIR: outdir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh.trim() !== committed.trim()) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit the result.');
    const freshLines = fresh.split('\n');
    const committedLines = committed.split('\n');
    const first = freshLines.findIndex((line, i) => line !== committedLines[i]);
    console.error(`First difference at line ${first + 1}:\n  committed: ${committedLines[first]}\n  generated: ${freshLines[first]}`);
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
