/**
 * Answer codes fixed by the contract. They live apart from the zod schemas so that code which
 * only needs the codes (the engine in a browser) does not pull the schemas into its bundle.
 */

/** Codes of every yes / no / don't-know question. */
export const YES_NO_CODES = ['oui', 'non', 'nsp'] as const;

/** The code of the option that may carry an "other, specify" text. */
export const OTHER_CODE = 'autre';
