import type { EditionList } from '../core/schema/edition.js';

/**
 * The survey's editions, as data, oldest first: when each wave takes answers (first and last
 * days included, in France's time) and the questionnaire version each theme asks. Checked by
 * the `EditionList` schema (waves of a theme never overlap between editions) and, on the server,
 * against the definitions it serves. An operator moves the days with `BAROMETRE_EDITIONS_FILE`.
 *
 * Both editions ask the 2.0.0 questionnaires: the version each theme names is the one whose
 * definition is kept here. The 2026 waves stay open until mid-2027, so that late respondents of
 * the third wave are not turned away before the next edition is prepared.
 */
export const editions = [
  {
    id: '2025',
    waves: {
      1: { opens: '2025-02-03', closes: '2025-04-30' },
      2: { opens: '2025-05-12', closes: '2025-07-31' },
      3: { opens: '2025-09-15', closes: '2025-11-30' },
    },
    versions: {
      inclusion: '2.0.0',
      cybersecurite: '2.0.0',
      communication: '2.0.0',
      infrastructures: '2.0.0',
      'outils-internes': '2.0.0',
      donnees: '2.0.0',
      dematerialisation: '2.0.0',
      'services-en-ligne': '2.0.0',
      strategie: '2.0.0',
    },
  },
  {
    id: '2026',
    waves: {
      1: { opens: '2026-02-02', closes: '2027-03-31' },
      2: { opens: '2026-05-11', closes: '2027-04-30' },
      3: { opens: '2026-09-14', closes: '2027-06-30' },
    },
    versions: {
      inclusion: '2.0.0',
      cybersecurite: '2.0.0',
      communication: '2.0.0',
      infrastructures: '2.0.0',
      'outils-internes': '2.0.0',
      donnees: '2.0.0',
      dematerialisation: '2.0.0',
      'services-en-ligne': '2.0.0',
      strategie: '2.0.0',
    },
  },
] as const satisfies EditionList;
