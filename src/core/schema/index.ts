/** The data contract shared by the elements, the API client and the server. */
export * from './text.js';
export * from './questionnaire.js';
export * from './collectivite.js';
export * from './contribution.js';
export * from './results.js';
export * from './errors.js';
export * from './map-results.js';
export * from './synthesis.js';
export * from './evolution.js';
