import { readFileSync } from 'node:fs';
import rateLimit from '@fastify/rate-limit';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { QuestionnaireDefinition, ThemeId } from '../core/schema/questionnaire.js';
import { definitions as builtInDefinitions } from '../questionnaires/all.js';
import { earlierDefinitions as builtInEarlierDefinitions } from '../questionnaires/earlier.js';
import { trustedIssuers } from './attestation/issuers.js';
import { AttestationVerifier } from './attestation/verify.js';
import type { ServerConfig } from './config.js';
import type { ServerContext } from './context.js';
import { installApiCompression } from './http/api-compression.js';
import { installCors } from './http/cors.js';
import { loggerOptions, requestId, type LogStream } from './http/logging.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { metricsRoutes } from './routes/metrics.js';
import { FaultLog } from './health/fault-log.js';
import { ApiError, clientErrorHandler, frameworkErrorHandler, installErrorHandlers, MAX_PARAM_LENGTH, sendApiError } from './http/errors.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerStaticFiles } from './http/static-files.js';
import { defaultReferential } from './referential/adapter.js';
import type { ServerReferential } from './referential/port.js';
import { defaultSiretResolver } from './referential/default-resolver.js';
import type { SiretResolver } from './referential/siret-resolver.js';
import { editionCatalogue } from './editions/catalogue.js';
import { Publisher } from './publication/publisher.js';
import { PublicationReader } from './publication/read.js';
import { adminRoutes } from './routes/admin.js';
import { collectiviteRoutes } from './routes/collectivites.js';
import { configRoutes } from './routes/config.js';
import { contributionRoutes } from './routes/contributions.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { indexRoutes } from './routes/index.js';
import { proconnectRoutes } from './routes/proconnect.js';
import { participationRoutes } from './routes/participation.js';
import { publicationRoutes } from './routes/publications.js';
import { questionnaireRoutes } from './routes/questionnaires.js';
import { resultatsRoutes } from './routes/resultats.js';
import { sharedDraftRoutes } from './routes/shared-drafts.js';
import { previousAnswersRoutes } from './routes/previous-answers.js';
import { syntheseRoutes } from './routes/synthese.js';
import { synthesePageRoutes } from './routes/synthese-page.js';
import { territoireRoutes } from './routes/territoires.js';
import { seedIfEmpty } from './seed/seed.js';
import { openStore, type OpenStoreOptions } from './store/open.js';
import { SqliteContributionStore } from './store/sqlite/sqlite-store.js';
import type { ContributionStore } from './store/types.js';

/** Parts a test or benchmark may provide instead of the defaults. */
export interface ServerDependencies {
  /**
   * Defaults to the SQLite store at `config.databasePath` (closed with the server). A
   * PostgreSQL configuration needs {@link openServer}, or a store opened with `openStore`.
   */
  store?: ContributionStore;
  /** Defaults to the generated offline referential. */
  referential?: ServerReferential;
  /**
   * Who a SIRET is. Defaults to the offline resolver (the referential and the groupings file of
   * `config.groupements`), behind the register of `config.siretRegister` when one is configured.
   */
  siretResolver?: SiretResolver;
  /** Defaults to the nine built-in questionnaires. */
  definitions?: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /** Versions earlier editions asked and the server no longer serves; defaults to the release's (`questionnaires/earlier.ts`). */
  earlierDefinitions?: readonly QuestionnaireDefinition[];
  /**
   * The clock of the rules about dates (which wave is open, which edition is current): the
   * system's by default. Tests move it rather than depend on the day they run.
   */
  now?: () => Date;
  /** Where the request log goes when `config.logger` is on; stdout by default. */
  logStream?: LogStream;
}

/** The path prefix of every API route. */
export const API_PREFIX = '/api/v1';

const ONE_MINUTE = 60_000;

function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function rateLimited(_request: FastifyRequest, context: { ttl: number }): ApiError {
  return new ApiError(429, 'rate_limited', { params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) } });
}

/**
 * Builds the API server: routes under `/api/v1`, static demo pages, script-tag build and
 * referential artefacts when their folders exist. Nothing listens until `listen` is called;
 * the database is seeded (if asked and empty) when the server gets ready.
 *
 * ```ts
 * const app = createServer(loadConfig());
 * await app.listen({ port: 8080 });
 * ```
 */
export function createServer(config: ServerConfig, dependencies: ServerDependencies = {}): FastifyInstance {
  const hops = config.trustProxy;
  const options: FastifyHttpOptions<Server> = {
    logger: loggerOptions(config.logger, dependencies.logStream),
    genReqId: requestId,
    requestIdLogLabel: 'requestId',
    bodyLimit: config.bodyLimit,
    // Keep-alive connections of idle clients must not hold a shutdown; requests in flight finish.
    forceCloseConnections: 'idle',
    // A request arriving while the server stops gets the API's own 503 (see the hook below).
    return503OnClosing: false,
    // The client's address is the socket's unless proxies are configured: headers are easy to forge.
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    // Errors raised before routing (a malformed URL, a parameter too long) get the same JSON body as the others.
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Requests the HTTP parser refuses (a raw NUL in the URL, headers too long) get the same JSON too.
    clientErrorHandler,
  };
  if (dependencies.store === undefined && config.postgres !== undefined) {
    throw new Error('PostgreSQL connects asynchronously: start the server with openServer(config), or pass a store from openStore(config).');
  }
  const referential = dependencies.referential ?? defaultReferential();
  // Checked before anything is opened: a groupings file that does not fit the geography stops the start.
  const siretResolver = dependencies.siretResolver ?? defaultSiretResolver(config, referential);
  const app: FastifyInstance = Fastify(options);
  const store = dependencies.store ?? SqliteContributionStore.open({ path: config.databasePath });
  const definitions = dependencies.definitions ?? builtInDefinitions;
  const now = dependencies.now ?? (() => new Date());
  const editions = editionCatalogue(config.editions, definitions);
  const metrics = new ServerMetrics(() => {
    const servedAt = publisher.servedAt();
    return servedAt === undefined ? undefined : servedAt.getTime() / 1000;
  });
  const publisher = new Publisher({
    observe: (outcome, seconds) => metrics.publication(outcome, seconds),
    store,
    referential,
    definitions,
    editions,
    minCell: config.minCell,
    now,
    intervalMs: config.publicationIntervalMs,
    countUnverified: config.countUnverified,
    log: { info: (message) => app.log.info(message), error: (message) => app.log.error(message) },
  });
  let shuttingDown = false;
  const context: ServerContext = {
    config,
    store,
    referential,
    siretResolver,
    definitions,
    earlierDefinitions: dependencies.earlierDefinitions ?? builtInEarlierDefinitions,
    editions,
    now,
    publisher,
    reader: new PublicationReader(referential),
    attestations: new AttestationVerifier(trustedIssuers(config), config.attestationAudience),
    version: packageVersion(),
    faults: new FaultLog(),
    shuttingDown: () => shuttingDown,
  };

  // The API speaks JSON only: a form or text body gets a clear 415 rather than a confusing 400.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app, config.bodyLimit, {
    onStoreFault: (fault) => {
      context.faults.record(fault);
      metrics.fault(fault);
    },
    shuttingDown: () => shuttingDown,
  });
  // Stopping (SIGTERM): requests still arriving on open connections are turned away, so that the
  // ones in flight can finish and the connections close.
  app.addHook('onRequest', async (request, reply) => {
    if (!shuttingDown) return;
    reply.header('connection', 'close');
    return sendApiError(reply, request, new ApiError(503, 'shutting_down', { headers: { 'retry-after': '1' } }));
  });
  // Before the server waits for requests in flight: a publication being computed is abandoned
  // (nothing of it is stored until its last step), so that an administrator's request waiting
  // for it ends now rather than minutes later.
  app.addHook('preClose', async () => {
    shuttingDown = true;
    await publisher.stop();
  });
  installSecurityHeaders(app);
  metrics.install(app);
  // The request's id goes back to the client: quoting it finds the request's lines in the log.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  metricsRoutes(app, context, metrics);
  installCors(app, config.allowedOrigins);
  void app.register(rateLimit, { global: false });

  void app.register(
    async (api) => {
      const limit = (max: number) =>
        api.rateLimit({ max, timeWindow: ONE_MINUTE, errorResponseBuilder: rateLimited, keyGenerator: (request) => request.ip });
      const writeLimit = limit(config.writesPerMinute);
      const readLimit = limit(config.readsPerMinute);
      await installApiCompression(api);
      api.addHook('onRequest', async (request, reply) => {
        if (request.method === 'GET' || request.method === 'HEAD') await readLimit.call(api, request, reply);
      });
      indexRoutes(api);
      healthRoutes(api, context);
      configRoutes(api, context);
      questionnaireRoutes(api, context);
      collectiviteRoutes(api, context);
      territoireRoutes(api, context);
      contributionRoutes(api, context, writeLimit);
      previousAnswersRoutes(api, context, writeLimit);
      sharedDraftRoutes(api, context, writeLimit);
      resultatsRoutes(api, context);
      syntheseRoutes(api, context);
      participationRoutes(api, context);
      publicationRoutes(api, context, writeLimit);
      exportRoutes(api, context);
      adminRoutes(api, context, writeLimit);
      proconnectRoutes(api, context);
    },
    { prefix: API_PREFIX },
  );

  synthesePageRoutes(app, context, API_PREFIX);
  registerStaticFiles(app, config.staticRoots);

  app.addHook('onReady', async () => {
    await seedIfEmpty(context, config.seed);
    // The first publication is computed in the background: the server answers meanwhile.
    publisher.start();
  });
  app.addHook('onClose', async () => {
    await publisher.stop();
    if (dependencies.store === undefined) await store.close();
  });
  return app;
}

/**
 * Opens the configured store (PostgreSQL connects and brings its schema up to date first), then
 * builds the server on it, as {@link createServer}. A store opened here is closed with the server;
 * one given in `dependencies` stays its owner's.
 *
 * ```ts
 * const app = await openServer(loadConfig());
 * await app.listen({ port: 8080 });
 * ```
 */
export async function openServer(
  config: ServerConfig,
  dependencies: ServerDependencies = {},
  options: OpenStoreOptions = {},
): Promise<FastifyInstance> {
  if (dependencies.store !== undefined) return createServer(config, dependencies);
  const store = await openStore(config, options);
  let app: FastifyInstance;
  try {
    app = createServer(config, { ...dependencies, store });
  } catch (error) {
    await store.close();
    throw error;
  }
  app.addHook('onClose', async () => {
    await store.close();
  });
  return app;
}
