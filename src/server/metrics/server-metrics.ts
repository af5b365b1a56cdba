import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STORE_FAULTS, type StoreFault } from '../http/store-faults.js';
import { Counter, Gauge, Histogram, Registry } from './registry.js';

/** Request latencies, in seconds: from a cached read to a slow export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Publication durations, in seconds: from an empty database to a national one on two cores. */
const PUBLICATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200];

/** What a submission came to, from its answer. */
export type SubmissionOutcome = 'created' | 'updated' | 'pending' | 'replayed' | 'refused' | 'failed';

/** The route a contribution is written on, as the router names it. */
const SUBMISSION_ROUTE = '/api/v1/contributions/:siret/:theme';

function submissionOutcome(reply: FastifyReply): SubmissionOutcome {
  const status = reply.statusCode;
  if (reply.getHeader('idempotent-replayed') === 'true') return 'replayed';
  if (status === 201) return 'created';
  if (status === 200) return 'updated';
  // 409 is the one conflict of this route: kept for review (`contribution_exists`).
  if (status === 409) return 'pending';
  return status >= 500 ? 'failed' : 'refused';
}

/**
 * The server's metrics. Labels are routes as declared (`/api/v1/collectivites/:siret`), never
 * URLs: a SIRET or a theme in a label would be personal data, and one series per collectivité.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests = this.registry.add(new Counter('barometre_http_requests_total', 'HTTP requests answered, by route, method and status.'));
  readonly #latency = this.registry.add(
    new Histogram('barometre_http_request_duration_seconds', 'Time to answer an HTTP request, by route and method.', LATENCY_BUCKETS),
  );
  readonly #submissions = this.registry.add(
    new Counter('barometre_submissions_total', 'Contributions submitted, by outcome (created, updated, pending, replayed, refused, failed).'),
  );
  readonly #publications = this.registry.add(
    new Histogram('barometre_publication_duration_seconds', 'Time to make a publication, by outcome (published, refused, busy, failed).', PUBLICATION_BUCKETS),
  );
  readonly #faults = this.registry.add(
    new Counter('barometre_database_errors_total', 'Faults of the database met by requests (storage_full, storage_read_only, database_unavailable, database_damaged).'),
  );

  constructor(lastPublication: () => number | undefined) {
    this.registry.add(new Gauge('barometre_last_publication_timestamp_seconds', 'When the newest publication served was made (Unix time).', lastPublication));
    // Zeros from the start, so that a rate over a fault that never happened is 0, not absent.
    for (const fault of STORE_FAULTS) this.#faults.inc({ fault }, 0);
  }

  request(request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    this.#requests.inc({ route, method, status: String(reply.statusCode) });
    this.#latency.observe(reply.elapsedTime / 1000, { route, method });
    if (route === SUBMISSION_ROUTE && method === 'PUT') this.#submissions.inc({ outcome: submissionOutcome(reply) });
  }

  publication(outcome: 'published' | 'refused' | 'busy' | 'failed', seconds: number): void {
    this.#publications.observe(seconds, { outcome });
  }

  fault(fault: StoreFault): void {
    this.#faults.inc({ fault });
  }

  /** Counts every answered request. */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => this.request(request, reply));
  }
}
