import type { Lang } from '../../../core/schema/text.js';
import { formatSiret } from '../../../core/siret.js';
import { formatDateTime, formatTime } from '../format.js';
import { v } from './messages.js';
import type { Refusal } from './refusal.js';

/** The name a respondent knows a portal by: ProConnect by its own, a portal by the name its operator registered. */
export function portalName(lang: Lang, issuer: string): string {
  return issuer === 'proconnect' ? v(lang, 'proconnect') : issuer;
}

/** "dans 42 minutes", "dans environ 2 heures": how long until a moment, in words. */
export function waitWords(lang: Lang, at: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((at - now) / 60_000));
  return minutes < 60 ? v(lang, 'wait_minutes', { n: minutes }) : v(lang, 'wait_hours', { n: Math.round(minutes / 60) });
}

/** A moment as the reader says it: the time alone when it is today, else the date too. */
export function momentWords(lang: Lang, iso: string, now = new Date()): string {
  return new Date(iso).toDateString() === now.toDateString() ? formatTime(lang, iso) : formatDateTime(lang, iso);
}

/**
 * A refusal in the respondent's words. `proconnect`: the attestation refused came from signing in
 * with ProConnect, whose remedy is to sign in again rather than to wait for the page.
 */
export function refusalMessage(lang: Lang, refusal: Refusal, proconnect = false): string {
  switch (refusal.kind) {
    case 'code_wrong':
      return v(lang, 'code_wrong', { remaining: refusal.remaining ?? '' });
    case 'code_malformed':
      return v(lang, 'code_malformed');
    case 'code_locked':
      return v(lang, 'code_locked', { until: momentWords(lang, refusal.until), wait: waitWords(lang, Date.parse(refusal.until)) });
    case 'queue':
      return refusal.code === 'pending_queue_full'
        ? v(lang, 'pending_queue_full', { wait: refusal.retryAt === undefined ? v(lang, 'later') : waitWords(lang, refusal.retryAt) })
        : v(lang, 'pending_limit_reached');
    case 'attestation':
      if (proconnect && (refusal.code === 'attestation_expired' || refusal.code === 'attestation_replayed')) {
        return v(lang, 'proconnect_expired');
      }
      return v(lang, refusal.code, { attested: refusal.attestedSiret ? formatSiret(refusal.attestedSiret) : '' });
  }
}
