import type { TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';

/**
 * Asks the API where the theme's wave stands (`GET {api}/questionnaires/:theme/vague`), once the
 * first screen is drawn: a module of its own, so that screen carries none of it. The notice's
 * words (`wave-notice.ts`) are downloaded only when the wave is not open. Any failure (an older
 * server without the route, no network) lets the form show: the server still refuses a
 * submission outside a wave, and says why.
 */
export async function noticeOutsideWave(api: string, theme: string, signal: AbortSignal): Promise<((lang: Lang) => TemplateResult) | undefined> {
  let body: { state?: unknown };
  try {
    const response = await fetch(`${api.replace(/\/+$/, '')}/questionnaires/${encodeURIComponent(theme)}/vague`, { signal });
    if (!response.ok) return undefined;
    body = (await response.json()) as { state?: unknown };
  } catch {
    return undefined;
  }
  if (body.state !== 'upcoming' && body.state !== 'closed') return undefined;
  const { waveNotice } = await import('./wave-notice.js');
  return waveNotice(theme, body);
}
