/** The name of the whole-country territory, as official geography writes it (same in French and English). */
export const FRANCE_NAME = 'France';

/** The code of the whole-country territory (ISO 3166-1). */
export const FRANCE_CODE = 'FR';
