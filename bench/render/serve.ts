import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, testConfig } from '../../src/server/main.js';

/**
 * The render section's server, in a process of its own: Playwright runs in the benchmark's
 * process and handles every request's browser events there, which would otherwise compete with
 * the server for one event loop and slow pages of many files more than pages of few.
 *
 * Usage: node --import tsx bench/render/serve.ts DATABASE SITE_DIR CDN_DIR — prints
 * `{"port":N}` once listening (the database seeded with the synthetic data set); stops on SIGTERM.
 */
const [databasePath, site, cdn] = process.argv.slice(2);
if (!databasePath || !site || !cdn) {
  console.error('usage: serve.ts DATABASE SITE_DIR CDN_DIR');
  process.exit(2);
}
const app = createServer(
  testConfig({
    databasePath,
    seed: 'synthetic',
    writesPerMinute: 1e9,
    readsPerMinute: 1e9,
    staticRoots: { demo: resolve(site), cdn: resolve(cdn), referential: resolve('generated/referential') },
  }),
);
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: (app.server.address() as AddressInfo).port }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
