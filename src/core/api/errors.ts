/**
 * The two ways a call to the API fails. An {@link ApiError} is an answer: the server (or
 * something in front of it) said no, and said why. A {@link NetworkError} is the absence of an
 * answer: nothing can be concluded about what the server did, so a write must be retried with
 * the same idempotency key.
 */

/** An HTTP answer outside 2xx, or a 2xx answer that breaks the contract. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /**
   * @param status HTTP status (a 2xx status when the body broke the contract).
   * @param code The API's stable `error` code (`collectivite_inconnue`, `invalid_answers`…), or
   *   `http_<status>` / `invalid_response` when the body did not carry one.
   * @param message For people, in the language the request asked for.
   * @param details The body's `details`, as received (see {@link answerProblemsOf}).
   * @param retryAfterMs What a `Retry-After` header asked for, in milliseconds.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** No usable answer: the network failed, the request timed out, or the response could not be read. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  /**
   * @param message For people, in the language the request asked for.
   * @param timedOut True when the client gave up waiting rather than the network failing.
   */
  constructor(
    message: string,
    readonly timedOut = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Whether a failed write may succeed later unchanged: network failures, timeouts (408), rate
 * limiting (429) and server errors (5xx). Any other answer is definitive — sending the same
 * request again would get the same refusal.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}

/** One refused answer, as a 422 `invalid_answers` response lists them. */
export interface AnswerProblem {
  questionId: string;
  code: string;
  message: string;
  /** Set when the problem concerns the "other, specify" text (`<questionId>.autre`). */
  other?: true;
}

function toAnswerProblem(value: unknown): AnswerProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { questionId, code, message, other } = value as Record<string, unknown>;
  if (typeof questionId !== 'string' || typeof code !== 'string') return undefined;
  const problem: AnswerProblem = { questionId, code, message: typeof message === 'string' ? message : '' };
  if (other === true) problem.other = true;
  return problem;
}

/**
 * The refused answers an error carries: the `details` list of a 422 response (also accepted
 * wrapped as `details.problems`). Entries that are not problems are skipped; other errors give `[]`.
 */
export function answerProblemsOf(error: unknown): AnswerProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | unknown[] | undefined;
  const list = Array.isArray(details) ? details : Array.isArray(details?.problems) ? details.problems : [];
  return list.map(toAnswerProblem).filter((problem): problem is AnswerProblem => problem !== undefined);
}
