import type { ThemeId } from '../../core/schema/questionnaire.js';
import { csvRow } from '../export/csv.js';
import type { Member } from './members.js';

/** A member and, per theme, whether it has answered. */
export interface MemberStatus extends Member {
  answered: Partial<Record<ThemeId, boolean>>;
}

/**
 * The member list as a spreadsheet opens it for a mail merge: UTF-8 with a byte-order mark (so
 * that a spreadsheet reads accents right), RFC 4180, one row per member, one column per theme
 * (`oui`/`non`), then how many themes are still unanswered. No contact, no answer: the portal
 * joins the SIRENs with its own address book.
 */
export function membersCsv(themes: readonly ThemeId[], members: readonly MemberStatus[]): string {
  const rows = [csvRow(['siren', 'nom', 'type', 'territoire', ...themes.map((theme) => `repondu_${theme}`), 'themes_sans_reponse'])];
  for (const member of members) {
    const flags = themes.map((theme) => member.answered[theme] === true);
    rows.push(
      csvRow([
        member.siren,
        member.name,
        member.kind,
        member.territoire,
        ...flags.map((answered) => (answered ? 'oui' : 'non')),
        flags.filter((answered) => !answered).length,
      ]),
    );
  }
  return `\uFEFF${rows.join('')}`;
}
