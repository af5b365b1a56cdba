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
    group: '{kind} de {band}',
  },
  en: {
    commune: 'Municipalities',
    epci: 'Inter-municipal bodies',
    departement: 'Départements',
    region: 'Regions',
    csp: 'Special-status local authorities',
    group: '{kind} of {band}',
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
