import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../core/schema/errors.js';
import type { Lang } from '../../core/schema/text.js';
import { requestLang } from './lang.js';
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

/** Sends an API error; the status and body come from the error itself. */
export function sendApiError(reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply {
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
      return new ApiError(400, 'bad_request', { params: { reason: error.message } });
    default:
      return undefined;
  }
}

/**
 * Every error leaves as JSON `{ error, message, details? }` in the request's language, and a
 * stack trace never leaves the server: unexpected errors are logged and answered with a
 * generic 500.
 */
export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, request, error);
    const known = fromFastifyError(error, bodyLimit);
    if (known) return sendApiError(reply, request, known);
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // A client error from a plugin: keep its status, word it generically.
      return sendApiError(reply, request, new ApiError(status, 'bad_request', { params: { reason: error.message } }));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendApiError(reply, request, new ApiError(500, 'internal_error'));
  });

  app.setNotFoundHandler((request, reply) => {
    // The URL is echoed without its query, which may hold what the client did not mean to show.
    const url = request.url.split('?')[0] ?? '';
    return sendApiError(reply, request, new ApiError(404, 'not_found', { params: { method: request.method, url: url.slice(0, 200) } }));
  });
}
