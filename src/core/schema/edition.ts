import * as z from 'zod/mini';
import { VERSION } from './patterns.js';
import { THEMES, ThemeId } from './questionnaire.js';

/**
 * Editions of the survey, as data: each year's edition asks the nine themes in three waves, each
 * wave open between two calendar days, and names the questionnaire version each theme uses. One
 * contribution is kept per collectivité, theme and edition.
 */

/** The editions' identifiers, e.g. `2025`. */
export const EDITION_ID = /^\d{4}$/;
export const EditionId = z.string().check(z.regex(EDITION_ID));

/** A calendar day, `2026-01-15`, read in France's time (Europe/Paris). */
export const CalendarDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'not a day of the calendar'),
);
export type CalendarDay = z.infer<typeof CalendarDay>;

/** A wave's first and last days, both included. */
export const WaveDays = z
  .strictObject({ opens: CalendarDay, closes: CalendarDay })
  .check(z.refine((wave) => wave.opens <= wave.closes, { message: 'a wave closes on or after the day it opens', path: ['closes'] }));
export type WaveDays = z.infer<typeof WaveDays>;

/** The three waves' numbers, as JSON keys. */
export const WAVE_KEYS = ['1', '2', '3'] as const;
export type WaveKey = (typeof WAVE_KEYS)[number];

/** One edition: its waves' days and, per theme, the questionnaire version answered in it. */
export const EditionDefinition = z.strictObject({
  id: EditionId,
  waves: z.strictObject({ 1: WaveDays, 2: WaveDays, 3: WaveDays }),
  versions: z.strictObject(Object.fromEntries(THEMES.map((theme) => [theme, z.string().check(z.regex(VERSION))])) as Record<ThemeId, z.ZodMiniString>),
});
export type EditionDefinition = z.infer<typeof EditionDefinition>;

/**
 * Every edition, oldest first. A theme's waves of two editions never overlap, so that a
 * submission made at any instant belongs to one edition at most.
 */
export const EditionList = z.array(EditionDefinition).check(
  z.minLength(1),
  z.superRefine((editions, context) => {
    editions.forEach((edition, index) => {
      const before = editions[index - 1];
      if (before !== undefined && before.id >= edition.id) {
        context.addIssue({ code: 'custom', message: `edition ${edition.id} must come after ${before.id}`, path: [index, 'id'], input: edition.id });
      }
      for (const key of WAVE_KEYS) {
        if (before !== undefined && before.waves[key].closes >= edition.waves[key].opens) {
          context.addIssue({
            code: 'custom',
            message: `wave ${key} of ${edition.id} opens on ${edition.waves[key].opens}, before wave ${key} of ${before.id} closes (${before.waves[key].closes})`,
            path: [index, 'waves', key, 'opens'],
            input: edition.waves[key].opens,
          });
        }
      }
    });
  }),
);
export type EditionList = z.infer<typeof EditionList>;

/**
 * Where a theme's wave stands, as the API tells the questionnaire: `open` (answers are taken for
 * `edition`), `upcoming` (it opens on `opens`) or `closed` (it closed on `closes`, and no later
 * edition has opened it yet).
 */
export const WaveStatus = z.strictObject({
  edition: EditionId,
  state: z.enum(['open', 'upcoming', 'closed']),
  opens: CalendarDay,
  closes: CalendarDay,
});
export type WaveStatus = z.infer<typeof WaveStatus>;
