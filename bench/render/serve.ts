import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, testConfig } from '../../src/server/main.js';
import { DAY_SECONDS, startFront } from './front.js';

/**
 * The render section's server, in a process of its own: Playwright runs in the benchmark's
 * process and handles every request's browser events there, which would otherwise compete with
 * the server for one event loop and slow pages of many files more than pages of few.
 *
 * Usage: node --import tsx bench/render/serve.ts DATABASE SITE_DIR CDN_DIR [TLS_KEY TLS_CERT] —
 * prints `{"port":N,"fronts":{…}}` once listening (the database seeded with the synthetic data
 * set), the fronts (see `front.ts`) being `aged` (answers a day old, for visits again) and, when
 * given a key and certificate, `http2` and `http2-aged`; stops on SIGTERM.
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
const tls = tlsKey && tlsCert ? { key: readFileSync(tlsKey), cert: readFileSync(tlsCert) } : undefined;
const fronts = {
  aged: await startFront(port, { ageSeconds: DAY_SECONDS }),
  ...(tls ? { http2: await startFront(port, { tls }), 'http2-aged': await startFront(port, { tls, ageSeconds: DAY_SECONDS }) } : {}),
};
console.log(JSON.stringify({ port, fronts: Object.fromEntries(Object.entries(fronts).map(([name, front]) => [name, front.port])) }));
process.once('SIGTERM', () => {
  for (const front of Object.values(fronts)) front.close();
  void app.close().then(() => process.exit(0));
});
