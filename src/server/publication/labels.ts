import { createCatalog } from '../../core/i18n/index.js';
import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Lang } from '../../core/schema/text.js';
import { populationBandLabel } from '../../core/territory/labels.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';

const catalog = createCatalog({
  fr: {
    commune: 'Communes',
    epci: 'Intercommunalités',
    departement: 'Départements',
    region: 'Régions',
    csp: 'Collectivités à statut particulier',
    syndicat: 'Syndicats et groupements de collectivités',
    group: '{kind} de {band}',
    profile: 'Communes et intercommunalités de France à la même répartition par taille que {territory}',
  },
  en: {
    commune: 'Municipalities',
    epci: 'Inter-municipal bodies',
    departement: 'Départements',
    region: 'Regions',
    csp: 'Special-status local authorities',
    syndicat: 'Joint authorities and groupings of local authorities',
    group: '{kind} of {band}',
    profile: 'Municipalities and inter-municipal bodies of France in the same mix of sizes as {territory}',
  },
});

/**
 * The name of a group of similar collectivités: "Communes de 1 000 à 3 499 habitants", or
 * "Départements" for a whole kind.
 */
export function groupName(lang: Lang, kind: CollectiviteKind, band?: PopulationBandId): string {
  if (band === undefined) return catalog(lang, kind);
  return catalog(lang, 'group', { kind: catalog(lang, kind), band: populationBandLabel(lang, band) });
}

/** The name of the collectivités like a territory's own (see `similar.ts`), e.g. "… que Gironde". */
export function profileName(lang: Lang, territoryName: string): string {
  return catalog(lang, 'profile', { territory: territoryName });
}
