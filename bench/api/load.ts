// src/server/tsconfig.json typechecks bench/api.ts and what it imports, not this declaration beside it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../autocannon.d.ts" />
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { sortedCopy } from '../lib/stats.js';
import type { ApiServer } from './servers.js';
import type { Submission } from './data.js';

/** Loads on the API: autocannon for concurrency, plain sequential requests for "one after the other". */

let clients = 0;

/** A client address of its own for every request (see servers.ts: the server believes X-Forwarded-For from loopback). */
export function clientAddress(): string {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}

export interface RequestSpec {
  method: 'GET' | 'PUT';
  path: string;
  body?: string;
}

export function headersFor(request: RequestSpec): Record<string, string> {
  const headers: Record<string, string> = { 'x-forwarded-for': clientAddress() };
  if (request.method === 'PUT') {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = randomUUID();
  }
  return headers;
}

export interface LoadFigures {
  responses: number;
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Response times in ms, ascending. */
  latencies: number[];
}

/**
 * Runs autocannon against every server at once (connections split between them) for `duration`
 * seconds, or until `next` has no more requests to give. Latencies are taken from each response
 * event, unrounded, so figures from several servers merge exactly.
 */
export async function hammer(
  servers: readonly ApiServer[],
  options: { connections: number; duration: number; limit?: number; next: () => RequestSpec },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const perServer = Math.max(1, Math.ceil(options.connections / servers.length));
  const runs = servers.map((server, index) => {
    const amount = options.limit === undefined ? undefined : Math.floor(options.limit / servers.length) + (index < options.limit % servers.length ? 1 : 0);
    const instance = autocannon({
      url: server.origin,
      connections: perServer,
      // The duration is enforced below with stop(): `amount`, when set, would otherwise override it.
      duration: options.duration,
      ...(amount !== undefined ? { amount } : {}),
      timeout: 60,
      requests: [
        {
          setupRequest: (request) => {
            const spec = options.next();
            return { ...request, method: spec.method, path: spec.path, headers: headersFor(spec), ...(spec.body ? { body: spec.body } : {}) };
          },
        },
      ],
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    const timer = setTimeout(() => instance.stop(), options.duration * 1000);
    return Promise.resolve(instance).finally(() => clearTimeout(timer));
  });
  const results = await Promise.all(runs);
  return {
    responses: latencies.length,
    seconds: (performance.now() - started) / 1000,
    statuses,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
    latencies: sortedCopy(latencies),
  };
}

/** One request, timed from send to the last byte of the body. */
export async function timed(server: ApiServer, request: RequestSpec): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(server.origin + request.path, {
    method: request.method,
    headers: headersFor(request),
    ...(request.body ? { body: request.body } : {}),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

export const submissionRequest = (submission: Submission): RequestSpec => ({ method: 'PUT', path: submission.path, body: submission.body });
