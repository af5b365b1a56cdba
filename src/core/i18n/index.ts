export { createCatalog, formatNumber, toLang } from './catalog.js';
export type { Message, MessageParams, Translate } from './catalog.js';
