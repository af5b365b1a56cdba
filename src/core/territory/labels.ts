import { createCatalog } from '../i18n/index.js';
import type { CollectiviteKind } from '../schema/collectivite.js';
import type { Lang } from '../schema/text.js';
import type { EpciLegalForm } from './epci-form.js';
import { POPULATION_BAND_BOUNDS, type PopulationBandId } from './population-band.js';
import type { TerritoryKind } from './territory-id.js';

const catalog = createCatalog({
  fr: {
    band_range: '{min} à {max} habitants',
    band_open: '{min} habitants et plus',
    kind_commune: 'Commune',
    kind_epci: 'Intercommunalité',
    kind_departement: 'Département',
    kind_region: 'Région',
    kind_france: 'France',
    kind_csp: 'Collectivité à statut particulier',
    kind_syndicat: 'Syndicat ou groupement de collectivités',
    form_CC: 'Communauté de communes',
    form_CA: 'Communauté d’agglomération',
    form_CU: 'Communauté urbaine',
    form_METRO: 'Métropole',
    form_MET69: 'Métropole de Lyon',
  },
  en: {
    band_range: '{min} to {max} inhabitants',
    band_open: '{min} inhabitants or more',
    kind_commune: 'Municipality',
    kind_epci: 'Inter-municipal body',
    kind_departement: 'Department',
    kind_region: 'Region',
    kind_france: 'France',
    kind_csp: 'Special-status local authority',
    kind_syndicat: 'Joint authority or grouping of local authorities',
    form_CC: 'Community of municipalities',
    form_CA: 'Agglomeration community',
    form_CU: 'Urban community',
    form_METRO: 'Metropolis',
    form_MET69: 'Metropolis of Lyon',
  },
});

/** A population band as a reader says it: "1 000 à 3 499 habitants", "1,000 to 3,499 inhabitants". */
export function populationBandLabel(lang: Lang, band: PopulationBandId): string {
  const { min, max } = POPULATION_BAND_BOUNDS[band];
  return max === null ? catalog(lang, 'band_open', { min }) : catalog(lang, 'band_range', { min, max });
}

/** The name of a level of the territorial hierarchy ("Département", "Region"…). */
export function territoryKindLabel(lang: Lang, kind: TerritoryKind): string {
  return catalog(lang, `kind_${kind}`);
}

/** The name of a kind of collectivité, including collectivités à statut particulier. */
export function collectiviteKindLabel(lang: Lang, kind: CollectiviteKind): string {
  return catalog(lang, `kind_${kind}`);
}

/** The name of an EPCI legal form ("Communauté d’agglomération"…). */
export function epciLegalFormLabel(lang: Lang, form: EpciLegalForm): string {
  return catalog(lang, `form_${form}`);
}
