export { createCatalog, formatNumber, toLang } from './catalog.js';
export type { Message, MessageParams, Translate } from './catalog.js';
export { frenchSpacing, typeset, typesetting, NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE } from './typography.js';
export { visibleLength } from './text-length.js';
