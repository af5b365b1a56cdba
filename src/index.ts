/**
 * Defines every Baromètre element. The provider comes first: elements already in the page
 * upgrade in definition order, and the others ask it for their configuration.
 */
export * from './elements/provider/define.js';
export * from './elements/questionnaire/define.js';
export * from './elements/territoire-chart/define.js';
export * from './elements/indicateur/define.js';
export * from './elements/carte/define.js';
export * from './elements/territoire-select/define.js';
export * from './elements/synthese/define.js';
export * from './elements/profil/define.js';
export * from './elements/participation/define.js';
export * from './elements/evolution/define.js';
