import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { ParticipationKind, ParticipationTheme } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { formatShare } from '../shared/results/percent.js';
import { participationMessages } from './messages.js';

/** "32 %", "32%": shares of respondents, whole percents, rounded as every figure is. */
export function shareText(lang: Lang, respondents: number, total: number): string {
  return formatShare(lang, respondents / total);
}

/** A cell as read: "89 sur 277 (32 %)", "aucune réponse (0 sur 277)", or "12 (nombre total inconnu)". */
export function cellText(lang: Lang, entry: ParticipationKind | undefined): string {
  if (entry === undefined) return participationMessages(lang, 'notHeld');
  const { respondents, total } = entry;
  if (total === null) return participationMessages(lang, 'cellUnknownTotal', { respondents });
  if (respondents === 0) return participationMessages(lang, 'cellNone', { total });
  return participationMessages(lang, 'cell', { respondents, total, share: shareText(lang, respondents, total) });
}

/** The kinds that appear in any theme, in the response's order. */
export function kindsOf(themes: readonly ParticipationTheme[]): CollectiviteKind[] {
  const kinds: CollectiviteKind[] = [];
  for (const theme of themes) for (const { kind } of theme.kinds) if (!kinds.includes(kind)) kinds.push(kind);
  return kinds;
}

/**
 * The sentence a theme leads with, about its most numerous kind with a known total (communes,
 * mostly): "32 % des communes ont répondu au volet « Cybersécurité »".
 */
export function headlineText(lang: Lang, theme: ParticipationTheme): string | undefined {
  const main = theme.kinds.filter((entry) => entry.total !== null).sort((a, b) => b.total! - a.total!)[0];
  // A territory holding one collectivité of its kind (a commune) is said by the table alone.
  if (main === undefined || main.total === null || main.total < 2) return undefined;
  const kind = participationMessages(lang, `kind_${main.kind}`);
  const title = theme.title[lang];
  if (main.respondents === 0) return participationMessages(lang, 'headlineNone', { total: main.total, kind, theme: title });
  return participationMessages(lang, 'headline', { share: shareText(lang, main.respondents, main.total), kind, theme: title });
}
