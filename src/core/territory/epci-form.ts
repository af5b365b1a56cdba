import * as z from 'zod/mini';

/**
 * Legal forms of the EPCI à fiscalité propre, as the official geography codes them:
 * communauté de communes, communauté d'agglomération, communauté urbaine, métropole, and the
 * Métropole de Lyon, which has a form of its own.
 */
export const EPCI_LEGAL_FORMS = ['CC', 'CA', 'CU', 'METRO', 'MET69'] as const;
export type EpciLegalForm = (typeof EPCI_LEGAL_FORMS)[number];

/** Schema of an EPCI legal form. */
export const EpciLegalForm = z.enum(EPCI_LEGAL_FORMS);

/** Whether a value is one of the EPCI legal forms. */
export function isEpciLegalForm(value: unknown): value is EpciLegalForm {
  return typeof value === 'string' && (EPCI_LEGAL_FORMS as readonly string[]).includes(value);
}
