/**
 * `npm run bench:api`: the API section of the benchmark alone, printed only (no RESULTS.md unless
 * `--out=FILE` is given). Same options as `npm run bench` (bench/lib/options.ts), e.g.
 * `npm run bench:api -- --sizes=1000,50000 --duration=5`.
 */
import { main } from './run.js';

process.exitCode = await main(['--only=api', '--out=', ...process.argv.slice(2)]);
