// Runs the Node unit and integration tests (test/unit, test/server) with node:test.
// Extra arguments narrow the run to files or folders: `npm run test:unit -- test/unit/siret.test.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findTests } from './find-tests.mjs';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const targets = args.filter((a) => !a.startsWith('--'));
const roots = targets.length ? targets : ['test/unit', 'test/server'];
const files = roots
  .filter((p) => existsSync(p))
  .flatMap((p) => (statSync(p).isDirectory() ? findTests(p) : [p]));

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
