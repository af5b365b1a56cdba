/**
 * Regular expressions of the contract, defined once: the schemas check with them and the error
 * messages (errors.ts) recognise their failures by them, so a pattern changed here keeps its
 * explanation.
 */

/** Stable machine ids (question ids, answer codes, error codes): published results and stored answers refer to them. */
export const MACHINE_ID = /^[a-z][a-z0-9_]*$/;

/** A questionnaire version: 1.0 or 1.2.3. */
export const VERSION = /^\d+\.\d+(\.\d+)?$/;

// SIREN and SIRET shapes only: their check keys are verified where they are typed in (siret.ts);
// records exchanged and stored are only guarded against a wrong shape.

/** A SIREN: 9 digits. */
export const SIREN_SHAPE = /^\d{9}$/;

/** A SIRET: 14 digits. */
export const SIRET_SHAPE = /^\d{14}$/;

/** A département's code: 35, 2A, 2B, or three digits overseas (971). */
export const DEPARTEMENT_CODE = /^(?:\d{2}|2[AB]|\d{3})$/;

/** A région's code: two digits. */
export const REGION_CODE = /^\d{2}$/;

/** A publication's identifier, such as 2026-12-06T14-00-00Z. */
export const PUBLICATION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
