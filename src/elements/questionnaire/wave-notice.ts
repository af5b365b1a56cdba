import { html, type TemplateResult } from 'lit';
import { dayInWords } from '../../core/editions/day-words.js';
import { typeset } from '../../core/i18n/typography.js';
import { WaveStatus } from '../../core/schema/edition.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';

/**
 * What the questionnaire shows instead of its form outside a wave: when the theme opens, or that
 * it has closed. Downloaded only then (see `wave-check.ts`), so the first screen of an open wave
 * carries none of it.
 */

const words = {
  fr: {
    upcoming: (title: string, edition: string, day: string) =>
      `Le volet « ${title} » de l’édition ${edition} du Baromètre ouvre le ${day}.`,
    upcoming_detail: 'Les réponses ne sont pas encore recueillies : revenez à partir de cette date pour répondre.',
    closed: (title: string, edition: string, day: string) =>
      `Le volet « ${title} » de l’édition ${edition} du Baromètre est clos depuis le ${day}.`,
    closed_detail: 'Les réponses ne sont plus recueillies pour cette édition.',
  },
  en: {
    upcoming: (title: string, edition: string, day: string) =>
      `The “${title}” questionnaire of the Baromètre’s ${edition} edition opens on ${day}.`,
    upcoming_detail: 'Answers are not collected yet: come back from that date to answer.',
    closed: (title: string, edition: string, day: string) =>
      `The “${title}” questionnaire of the Baromètre’s ${edition} edition closed on ${day}.`,
    closed_detail: 'Answers are no longer collected for this edition.',
  },
} as const;

/** The notice for a wave that is not open, or `undefined` when the API's answer is not one. */
export function waveNotice(theme: string, answer: unknown): ((lang: Lang) => TemplateResult) | undefined {
  const parsed = WaveStatus.safeParse(answer);
  if (!parsed.success || parsed.data.state === 'open') return undefined;
  const status = parsed.data;
  return (lang) => {
    const title = Object.hasOwn(themeTitles, theme) ? themeTitles[theme as ThemeId].title[lang] : theme;
    const said = words[lang];
    const upcoming = status.state === 'upcoming';
    const sentence = upcoming
      ? said.upcoming(title, status.edition, dayInWords(status.opens, lang))
      : said.closed(title, status.edition, dayInWords(status.closes, lang));
    return html`<div class="questionnaire" part="form" lang=${lang}>
      <div class="wave-notice" part="wave-notice" role="status" data-wave=${status.state}>
        <p><strong>${typeset(lang, sentence)}</strong></p>
        <p>${typeset(lang, upcoming ? said.upcoming_detail : said.closed_detail)}</p>
      </div>
    </div>`;
  };
}
