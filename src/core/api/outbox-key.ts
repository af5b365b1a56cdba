/**
 * Where the page's outbox keeps its entries. A module of its own so that an element can tell
 * whether anything waits without loading the outbox's code.
 */
export const DEFAULT_OUTBOX_KEY = 'barometre:outbox';
