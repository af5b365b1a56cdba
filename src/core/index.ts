/**
 * The DOM-free core, usable in browsers and in Node: the data contract, SIRET validation, the
 * questionnaire engine, territory ids and population bands, statistics.
 * Importing it defines no element and has no side effect.
 */
export * from './schema/index.js';
export * from './siret.js';
export * from './i18n/index.js';
export * from './questionnaire/index.js';
export * from './territory/index.js';
export * from './stats/index.js';
