import { EDITION_ID } from '../../core/schema/participation.js';

/**
 * Editions of the survey as the participation route reads them. Until editions are data (kept
 * with the questionnaires, each with its themes' dates), the survey has one: every contribution
 * and every publication belong to it. The route already takes `edition`, so that pages written
 * now keep working once there are several; asking for another edition is a 404 until then.
 */

/** An edition the server holds figures for. */
export interface Edition {
  id: string;
}

/** The one edition the data holds today. */
export const CURRENT_EDITION: Edition = { id: '2025' };

/** Where editions come from: one list today, the editions' data later. */
export interface EditionCatalog {
  /** The edition shown when none is asked for. */
  current(): Edition;
  /** An edition by id, `undefined` when there is none of that id. */
  byId(id: string): Edition | undefined;
}

export const singleEdition: EditionCatalog = {
  current: () => CURRENT_EDITION,
  byId: (id) => (EDITION_ID.test(id) && id === CURRENT_EDITION.id ? CURRENT_EDITION : undefined),
};
