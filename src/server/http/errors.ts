import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../core/schema/errors.js';
import type { Lang } from '../../core/schema/text.js';
import { requestLang } from './lang.js';
import { API_SECURITY_HEADERS } from './security-headers.js';
import { faultError, storeFault, type StoreFault } from './store-faults.js';
import { apiMessages, type ApiMessageKey } from './messages.js';

/** Parameters interpolated into a message. */
export type MessageParams = Record<string, string | number>;

/** How an {@link ApiError} is worded and what it carries besides its code. */
export interface ApiErrorOptions {
  /** Values for the catalogue message. */
  params?: MessageParams;
  /** The catalogue entry to word it with, when it differs from the code. */
  key?: ApiMessageKey;
  /** A message worded elsewhere (e.g. by core), used instead of the catalogue. */
  message?: (lang: Lang) => string;
  /** Extra data for clients (field errors, a pending id); it must be safe to show. */
  details?: Record<string, unknown> | ((lang: Lang) => Record<string, unknown>);
  /** Response headers that go with it (`Retry-After`…). */
  headers?: Record<string, string>;
}

/**
 * An error meant for the client: an HTTP status, a stable code, and what is needed to word the
 * message in the request's language. Routes throw it; the error handler writes the JSON body.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** The body sent for this error, worded in `lang`. */
  body(lang: Lang): ApiErrorBody {
    const { params = {}, key = this.code as ApiMessageKey, message, details } = this.options;
    const body: ApiErrorBody = { error: this.code, message: message ? message(lang) : apiMessages(lang, key, params) };
    const extra = typeof details === 'function' ? details(lang) : details;
    if (extra !== undefined) body.details = extra;
    return body;
  }
}

/**
 * Sends an API error; the status and body come from the error itself. The security headers are
 * set here, not left to hooks: some errors (a malformed URL, a request arriving during shutdown)
 * are answered before any route's hooks would run, and every error body is the API's JSON.
 */
export function sendApiError(reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) reply.header(name, value);
  reply.header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.body(requestLang(request)));
}

/** Errors Fastify raises itself, and the API error each becomes. */
function fromFastifyError(error: FastifyError, bodyLimit: number): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', { params: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_json', { key: 'empty_body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'bad_request', { key: 'invalid_content_length' });
    default:
      return undefined;
  }
}

/**
 * A client error a plugin raised with its own English text (`@fastify/static`'s "Forbidden" for a
 * path leaving its folder, "Bad Request" for a NUL in a file name): the status is kept, the words
 * are the API's.
 */
function fromPluginStatus(status: number): ApiError {
  if (status === 403) return new ApiError(403, 'forbidden_path');
  if (status === 404) return new ApiError(404, 'not_found', { key: 'not_found_file' });
  return new ApiError(status, 'bad_request', { key: 'bad_request_plain' });
}

/**
 * Errors Fastify raises before routing: a malformed `%xx`, a path parameter over the router's
 * limit. Same JSON, same headers, the API's own words rather than Fastify's.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_BAD_URL'
      ? new ApiError(400, 'bad_request', { key: 'bad_url' })
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new ApiError(414, 'path_too_long', { params: { max: MAX_PARAM_LENGTH } })
        : new ApiError(400, 'bad_request', { key: 'bad_request_plain' });
  void sendApiError(reply, request, apiError);
}

/** Longest path parameter the router accepts (Fastify's default); none of the API's is near it. */
export const MAX_PARAM_LENGTH = 100;

/** Hooks of {@link installErrorHandlers}. */
export interface ErrorHandlerHooks {
  /** Told of every fault of the machine (full disk, lost database…) before it is answered. */
  onStoreFault?: (fault: StoreFault) => void;
  /** Whether the server is stopping: work it abandoned for that (a publication) answers 503 `shutting_down`. */
  shuttingDown?: () => boolean;
}

/**
 * Every error leaves as JSON `{ error, message, details? }` in the request's language, and a
 * stack trace never leaves the server: unexpected errors are logged and answered with a
 * generic 500.
 */
export function installErrorHandlers(app: FastifyInstance, bodyLimit: number, hooks: ErrorHandlerHooks = {}): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, request, error);
    const known = fromFastifyError(error, bodyLimit);
    if (known) return sendApiError(reply, request, known);
    if (error.name === 'AbortError' && hooks.shuttingDown?.() === true) {
      return sendApiError(reply, request, new ApiError(503, 'shutting_down', { headers: { 'retry-after': '1' } }));
    }
    const fault = storeFault(error);
    if (fault !== undefined) {
      // The database's own words only: never a row, a parameter or a query (they may hold answers).
      request.log.error({ fault, code: (error as { code?: unknown }).code, reason: error.message }, `database fault: ${fault}`);
      hooks.onStoreFault?.(fault);
      return sendApiError(reply, request, faultError(fault));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    // A client error from a plugin: keep its status, word it in the API's words.
    if (status >= 400 && status < 500) return sendApiError(reply, request, fromPluginStatus(status));
    // Name, message and stack only: a database error's other fields (`detail`…) may quote a row.
    request.log.error({ error: { type: error.name, message: error.message, stack: error.stack } }, 'unexpected error');
    return sendApiError(reply, request, new ApiError(500, 'internal_error'));
  });

  app.setNotFoundHandler((request, reply) => {
    // The URL is echoed without its query, which may hold what the client did not mean to show.
    const url = request.url.split('?')[0] ?? '';
    return sendApiError(reply, request, new ApiError(404, 'not_found', { params: { method: request.method, url: url.slice(0, 200) } }));
  });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them — a raw NUL, control character or
 * non-ASCII byte in the URL or a header, a malformed Content-Length, headers over Node's limit —
 * get the same JSON body as every other error. Fastify's default answer
 * (`{ "error": "Bad Request", "message": "Client Error", "statusCode": 400 }`) breaks the
 * contract clients branch on. No header could be read, so the message is in French.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const apiError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError(431, 'headers_too_large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError(408, 'request_timeout')
        : new ApiError(400, 'bad_request', { key: 'malformed_request' });
  const body = JSON.stringify(apiError.body('fr'));
  const status = apiError.statusCode;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        Object.entries(API_SECURITY_HEADERS)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  // As Node and Fastify do: the connection cannot be trusted past a parse error.
  socket.destroy(error);
}
