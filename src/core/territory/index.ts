export {
  TERRITORY_KINDS,
  TerritoryId,
  TerritoryKind,
  formatTerritoryId,
  isTerritoryId,
  parseTerritoryId,
  territoryCodeOf,
  territoryKindOf,
} from './territory-id.js';
export type { CodedTerritoryKind, ParsedTerritoryId } from './territory-id.js';
export { Territory } from './territory.js';
export { POPULATION_BAND_BOUNDS, POPULATION_BAND_IDS, bandOf } from './population-band.js';
export { PopulationBandId } from './population-band-schema.js';
export type { PopulationBandBounds } from './population-band.js';
export { EPCI_LEGAL_FORMS, EpciLegalForm, isEpciLegalForm } from './epci-form.js';
export { collectiviteKindLabel, epciLegalFormLabel, populationBandLabel, territoryKindLabel } from './labels.js';
