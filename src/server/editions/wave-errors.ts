import type { EditionCatalogue, ThemeWave } from '../../core/editions/catalogue.js';
import { dayInWords } from '../../core/editions/day-words.js';
import type { WaveStatus } from '../../core/schema/edition.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';
import { ApiError } from '../http/errors.js';
import { editionMessages } from './messages.js';

/**
 * The wave taking answers for a theme now, or the refusal to give a submission arriving outside
 * one: 409 `wave_not_open` before the theme's next wave opens, 409 `wave_closed` after its last
 * one closed. Both carry the edition and the wave's days, so a client can say them in words.
 */
export function openWaveOrRefuse(editions: EditionCatalogue, theme: ThemeId, now: Date): ThemeWave {
  const status = editions.status(theme, now);
  if (status.state === 'open') return status.wave;
  throw waveRefusal(status.wave, status.state);
}

function waveRefusal(wave: ThemeWave, state: Exclude<WaveStatus['state'], 'open'>): ApiError {
  const code = state === 'upcoming' ? 'wave_not_open' : 'wave_closed';
  return new ApiError(409, code, {
    message: (lang) =>
      editionMessages(lang, code, {
        title: themeTitles[wave.theme].title[lang],
        edition: wave.edition,
        opens: dayInWords(wave.opens, lang),
        closes: dayInWords(wave.closes, lang),
      }),
    details: { edition: wave.edition, state, opens: wave.opens, closes: wave.closes },
  });
}

/** An edition asked for by id, or 404 `edition_not_found` naming the editions there are. */
export function editionOrRefuse(editions: EditionCatalogue, id: string) {
  const edition = editions.byId(id);
  if (edition !== undefined) return edition;
  const params = { id: id.slice(0, 20), editions: editions.ids().join(', ') };
  throw new ApiError(404, 'edition_not_found', {
    message: (lang) => editionMessages(lang, 'edition_unknown', params),
    details: { editions: editions.ids() },
  });
}
