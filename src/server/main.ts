import { pathToFileURL } from 'node:url';
import { createServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * The reference API's entry point: `tsx src/server/main.ts` (or `npm start`) reads its settings
 * from the environment, prepares the database and listens.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT` | 8080 | TCP port |
 * | `HOST` | 0.0.0.0 | interface to listen on |
 * | `BAROMETRE_DB` | ./data/barometre.db | SQLite file |
 * | `BAROMETRE_SEED` | synthetic | `none` starts empty; otherwise an empty database gets the synthetic data set |
 * | `BAROMETRE_ORIGINS` | (none) | comma-separated origins allowed to call the API from a browser |
 * | `BAROMETRE_ADMIN_TOKEN` | (none) | bearer token for export and administration (24+ characters) |
 * | `BAROMETRE_MIN_CELL` | 5 | smallest published cell (3 at least) |
 * | `BAROMETRE_RATE_LIMIT` | 30 | writes per minute per client |
 * | `BAROMETRE_LOG` | on | request log |
 * | `BAROMETRE_TRUST_PROXY` | false | `true`, hops or proxy addresses whose `X-Forwarded-For` is believed |
 */
export { createServer, type ServerDependencies, API_PREFIX } from './app.js';
export { loadConfig, testConfig, defaultStaticRoots, ConfigError, type ServerConfig, type StaticRoots } from './config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createServer(config);
  const stop = async (signal: string) => {
    app.log.info(`${signal} received, closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

// Started directly (not imported by a test or a benchmark).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
