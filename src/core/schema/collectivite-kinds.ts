/**
 * Kinds of collectivité that can answer the Baromètre, apart from their zod schema so that code
 * reading definitions (conditions on the collectivité) does not pull the schemas into a bundle.
 *
 * - `commune`, `epci` (intercommunalité à fiscalité propre), `departement`, `region`;
 * - `csp`: a collectivité à statut particulier, one body holding the powers of two levels (Ville
 *   de Paris, Métropole de Lyon, Collectivité européenne d'Alsace, Collectivité de Corse, the
 *   single collectivités of Martinique and Guyane, Mayotte);
 * - `syndicat`: a grouping of collectivités that runs services for its members — syndicat
 *   intercommunal (SIVU, SIVOM), syndicat mixte, pôle d'équilibre territorial et rural (PETR).
 *   OPSN are often syndicats mixtes.
 */
export const COLLECTIVITE_KINDS = ['commune', 'epci', 'departement', 'region', 'csp', 'syndicat'] as const;
export type CollectiviteKindId = (typeof COLLECTIVITE_KINDS)[number];
