import { DEPARTEMENTS } from '../shared/geography.js';

/**
 * Names of the départements, by code, to tell apart places of the same name in a search result
 * ("Saint-Étienne — commune, Loire (42)"). The API's search answers carry a département code but
 * not its name, and looking each one up would cost a request per result.
 */
export const DEPARTEMENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  DEPARTEMENTS.map(({ code, name }) => [code, name]),
);
