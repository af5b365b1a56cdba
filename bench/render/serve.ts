import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, testConfig } from '../../src/server/main.js';
import { startHttp2Front } from './http2-front.js';

/**
 * The render section's server, in a process of its own: Playwright runs in the benchmark's
 * process and handles every request's browser events there, which would otherwise compete with
 * the server for one event loop and slow pages of many files more than pages of few.
 *
 * Usage: node --import tsx bench/render/serve.ts DATABASE SITE_DIR CDN_DIR [TLS_KEY TLS_CERT] —
 * prints `{"port":N}` once listening (the database seeded with the synthetic data set), with
 * `"http2":M` when given a key and certificate (an HTTP/2 front, see `http2-front.ts`); stops on SIGTERM.
 */
const [databasePath, site, cdn, tlsKey, tlsCert] = process.argv.slice(2);
if (!databasePath || !site || !cdn) {
  console.error('usage: serve.ts DATABASE SITE_DIR CDN_DIR [TLS_KEY TLS_CERT]');
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
const port = (app.server.address() as AddressInfo).port;
const front = tlsKey && tlsCert ? await startHttp2Front(port, { key: readFileSync(tlsKey), cert: readFileSync(tlsCert) }) : undefined;
console.log(JSON.stringify(front ? { port, http2: front.port } : { port }));
process.once('SIGTERM', () => {
  front?.server.close();
  void app.close().then(() => process.exit(0));
});
