/**
 * Command-line options of `npm run bench` (`npm run bench -- --only=size,render`).
 *
 * | option | default | meaning |
 * |---|---|---|
 * | `--only=size,render,api` | all three | sections to run |
 * | `--runs=N` | 15 | measured page loads per side in the render section (plus one warm-up round) |
 * | `--sizes=1000,10000,…` | 1000,10000,50000,100000,315000 | contribution counts of the API section's growth tables, each published before reads are measured (capped at every commune × 9 themes, 313,866); PostgreSQL runs the largest only |
 * | `--duration=S` | 10 | seconds of each autocannon run |
 * | `--connections=N` | 32 | concurrent connections of the submissions run (reads use a quarter of it) |
 * | `--database-url=URL` | a temporary SQLite file | passed to the servers as `BAROMETRE_DATABASE_URL` (an empty database is expected) |
 * | `--servers=N` | 1 | server processes sharing the database; load is spread over them |
 * | `--cdn=DIR` | build into a temporary folder | use an existing script-tag build instead of building one |
 * | `--out=FILE` | bench/RESULTS.md | where the Markdown report goes; `--out=` writes none |
 * | `--network=NAME` | loopback | the render section's network: `loopback`, or `town-hall` (150 ms round trips, 1.6 Mbit/s down) |
 * | `--cpu=N` | 1 | the render section's CPU slowdown (4 = four times slower) |
 * | `--conditions=LIST` | `--network` and `--cpu` | the render section in several conditions, one after the other on one server: `loopback`, `loopback+cpu4`, `town-hall`, `town-hall+cpu4`, `town-hall+h2` (HTTP/2 over TLS)…, or `all` for those five |
 * | `--repeat=N` | 1 | repetitions of the render section's rounds in each condition; every target then gives the median of the repetitions' ratios and their spread |
 */

import { EVERY_CONDITION, NETWORKS, parseCondition, type LoadConditions, type NetworkName } from '../render/conditions.js';

export const SECTIONS = ['size', 'render', 'api'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchOptions {
  only: Set<SectionName>;
  runs: number;
  sizes: number[];
  duration: number;
  connections: number;
  databaseUrl?: string;
  servers: number;
  cdn?: string;
  out?: string;
  network: NetworkName;
  cpu: number;
  /** Set by `--conditions`: the render section runs in each, instead of `network` and `cpu`. */
  conditions?: LoadConditions[];
  repeat: number;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, not "${raw}"`);
  return value;
}

export function parseOptions(argv: readonly string[], defaults: Partial<BenchOptions> = {}): BenchOptions {
  const options: BenchOptions = {
    only: new Set(SECTIONS),
    runs: 15,
    sizes: [1_000, 10_000, 50_000, 100_000, 315_000],
    duration: 10,
    connections: 32,
    servers: 1,
    out: 'bench/RESULTS.md',
    network: 'loopback',
    cpu: 1,
    repeat: 1,
    ...defaults,
  };
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}" (options look like --only=size,render)`);
    const [, name, value = ''] = match;
    switch (name) {
      case 'only': {
        const names = value.split(',').map((item) => item.trim()).filter(Boolean);
        const unknown = names.filter((item) => !(SECTIONS as readonly string[]).includes(item));
        if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes some of ${SECTIONS.join(', ')}`);
        options.only = new Set(names as SectionName[]);
        break;
      }
      case 'runs':
        options.runs = positive(name, value);
        break;
      case 'sizes':
        options.sizes = value.split(',').map((item) => positive(name, item.replace(/_/g, '').replace(/k$/i, '000')));
        options.sizes.sort((a, b) => a - b);
        break;
      case 'duration':
        options.duration = positive(name, value);
        break;
      case 'connections':
        options.connections = positive(name, value);
        break;
      case 'servers':
        options.servers = positive(name, value);
        break;
      case 'database-url':
        if (value) options.databaseUrl = value;
        break;
      case 'cdn':
        if (value) options.cdn = value;
        break;
      case 'network':
        if (!Object.hasOwn(NETWORKS, value)) throw new Error(`--network takes one of ${Object.keys(NETWORKS).join(', ')}`);
        options.network = value as NetworkName;
        break;
      case 'cpu':
        options.cpu = positive(name, value);
        break;
      case 'conditions': {
        const names = value === 'all' ? [...EVERY_CONDITION] : value.split(',').filter((item) => item.trim());
        const parsed = names.map(parseCondition);
        if (names.length === 0 || parsed.some((item) => item === undefined)) {
          throw new Error(`--conditions takes all, or a list of ${Object.keys(NETWORKS).join(' or ')}, each optionally followed by +cpuN and +h2`);
        }
        options.conditions = parsed as LoadConditions[];
        break;
      }
      case 'repeat':
        options.repeat = positive(name, value);
        break;
      case 'out':
        if (value) options.out = value;
        else delete options.out;
        break;
      default:
        throw new Error(`Unknown option --${name}`);
    }
  }
  return options;
}
