import type { FeedbackFigures } from './figures.js';

/**
 * Where the comparison figures stand. `off`: nothing to show (no API, not confirmed, no key question).
 * On its own so that the controller, the frame and the tables all read it without importing one
 * another: the controller loads the tables' module, never the other way round.
 */
export type FeedbackState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; figures: FeedbackFigures };
