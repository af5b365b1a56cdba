import { ApiError, NetworkError } from '../../../core/api/errors.js';
import type { BarometreErrorDetail } from '../events.js';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';

/** What `barometre-error` carries when figures fail to load. */
export type LoadFailure = BarometreErrorDetail;

/** A failure the loader itself detected (a broken file, the wrong theme). */
export class ResultsLoadError extends Error {
  override readonly name = 'ResultsLoadError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses figures about another theme than the one asked: figures drawn under the wrong
 * question would be wrong without saying so. A file names its theme itself (nothing asked).
 */
export function assertTheme(figures: { theme: string }, expected: string | undefined, lang: Lang): void {
  if (expected && figures.theme !== expected) {
    throw new ResultsLoadError('theme_mismatch', resultsMessages(lang, 'themeMismatch', { received: figures.theme, expected }));
  }
}

/**
 * Any failure as a {@link LoadFailure}. The API's own message is kept (it is written for people,
 * in the language asked); the client's generic texts speak of saved answers, which a chart has
 * none of, so network failures get words of their own.
 */
export function toLoadFailure(error: unknown, lang: Lang, fromFile: boolean): LoadFailure {
  if (error instanceof ResultsLoadError) return { code: error.code, message: error.message };
  if (error instanceof NetworkError) {
    return error.timedOut
      ? { code: 'timeout', message: resultsMessages(lang, 'timeout') }
      : { code: 'network', message: resultsMessages(lang, 'network') };
  }
  if (error instanceof ApiError) {
    // A static file answers with a bare status: say it is the file that could not be read.
    if (fromFile && error.code.startsWith('http_')) {
      return { code: error.code, message: resultsMessages(lang, 'fileHttp', { status: String(error.status) }) };
    }
    return { code: error.code, message: error.message };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
