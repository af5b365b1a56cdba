/**
 * The "Intégrer" panel's code, loaded the first time the action is used (or `embedSnippet()`
 * called): its words, its look, the snippet generator and where the loader is found. Nothing of
 * it is on a figure's first round.
 */
export { EmbedPanel, elementSnippet, type EmbedSource } from './controller.js';
