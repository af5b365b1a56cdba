/**
 * Regular expressions of the contract, defined once: the schemas check with them and the error
 * messages (errors.ts) recognise their failures by them, so a pattern changed here keeps its
 * explanation.
 */

/** Stable machine ids (question ids, answer codes, error codes): published results and stored answers refer to them. */
export const MACHINE_ID = /^[a-z][a-z0-9_]*$/;

/** A questionnaire version: 1.0 or 1.2.3. */
export const VERSION = /^\d+\.\d+(\.\d+)?$/;
