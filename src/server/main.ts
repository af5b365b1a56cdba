import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { describeStore } from './store/open.js';

/**
 * The reference API's entry point: `tsx src/server/main.ts` (or `npm start`) reads its settings
 * from the environment, prepares the database and listens.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT` | 8080 | TCP port |
 * | `HOST` | 0.0.0.0 | interface to listen on |
 * | `BAROMETRE_DB` | ./data/barometre.db | SQLite file |
 * | `BAROMETRE_DATABASE_URL` | (none) | `postgres://…`: PostgreSQL instead of the SQLite file, shared by every instance |
 * | `BAROMETRE_DATABASE_POOL` | 10 | PostgreSQL connections per instance |
 * | `BAROMETRE_SEED` | synthetic | `none` starts empty; otherwise an empty database gets the synthetic data set |
 * | `BAROMETRE_ORIGINS` | (none) | comma-separated origins allowed to call the API from a browser |
 * | `BAROMETRE_ADMIN_TOKEN` | (none) | bearer token for export and administration (24+ characters) |
 * | `BAROMETRE_MIN_CELL` | 5 | smallest published cell (3 at least) |
 * | `BAROMETRE_PUBLICATION_INTERVAL` | 1h | between publications of the results (`15m`, `1h`, `1d`…); `0`: on demand only |
 * | `BAROMETRE_RATE_LIMIT` | 30 | writes per minute per client |
 * | `BAROMETRE_LOG` | on | request log |
 * | `BAROMETRE_TRUST_PROXY` | false | `true`, hops or proxy addresses whose `X-Forwarded-For` is believed |
 * | `BAROMETRE_PORTAL_KEYS` | (none) | `name=https://…/jwks.json` or `name=/path.jwks.json`, comma-separated: portals whose attestations make contributions verified |
 * | `BAROMETRE_ATTESTATION_AUDIENCE` | barometre | the `aud` attestations must carry |
 * | `BAROMETRE_COUNT_UNVERIFIED` | on | whether publications count unverified contributions |
 * | `BAROMETRE_PENDING_PER_COLLECTIVITE` / `BAROMETRE_PENDING_MAX` | 3 / 10000 | the review queue's limits |
 * | `BAROMETRE_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, `BAROMETRE_PUBLIC_URL` | (none) | ProConnect sign-in, all four or none |
 * | `BAROMETRE_GROUPEMENTS` | (none) | absolute path of the CSV file of groupings (`siren`, `nom`, `nature_juridique`, `commune`), checked at start |
 * | `BAROMETRE_SIRET_REGISTER` | (none) | base URL of the "Recherche d'entreprises" API, asked before the offline referential |
 */
export { createServer, openServer, type ServerDependencies, API_PREFIX } from './app.js';
export {
  loadConfig,
  testConfig,
  defaultStaticRoots,
  ConfigError,
  type PostgresSettings,
  type ServerConfig,
  type StaticRoots,
} from './config.js';
export { openStore, describeStore } from './store/open.js';

/**
 * How long a stop (SIGTERM, SIGINT) may take before the process gives up waiting and exits with
 * 1. The compose file and the systemd unit wait 30 s before their SIGKILL, a little longer.
 */
const SHUTDOWN_TIMEOUT_MS = 25_000;

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
  let app: FastifyInstance;
  try {
    // PostgreSQL is reached and migrated before anything listens: an instance that cannot
    // use the database never joins the load balancer's pool.
    app = await openServer(config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  app.log.info(`storage: ${describeStore(config)}`);
  let stopping = false;
  const stop = async (signal: string) => {
    // An orchestrator may repeat its signal while requests finish: the first one decides.
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received: no new requests, finishing those in flight`);
    // A request that never ends must not keep the instance alive past its orchestrator's patience.
    const deadline = setTimeout(() => {
      console.error(`Still closing ${SHUTDOWN_TIMEOUT_MS / 1000} s after ${signal}: exiting with requests unfinished.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await app.close();
    } catch (error) {
      console.error(`Closing failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    app.log.info('closed: requests finished, database closed');
    process.exit(0);
  };
  // `on`, not `once`: a second signal during the stop must not fall back to the default (an
  // immediate exit that would cut the requests being finished).
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
