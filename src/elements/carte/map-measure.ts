import { COLLECTIVITE_KINDS, type CollectiviteKindId } from '../../core/schema/collectivite-kinds.js';

/**
 * What a map colours: `resultats`, the share of respondents giving one answer to one question
 * (the default); `participation`, the share of the collectivités of one kind that answered one
 * theme, out of those each territory holds.
 */
export type MapMeasure = 'resultats' | 'participation';

/** Reads the `mesure` attribute: `participation`, else `resultats`. */
export function toMapMeasure(value: string | null | undefined): MapMeasure {
  return value?.trim() === 'participation' ? 'participation' : 'resultats';
}

/** The kind of collectivité a participation map counts when none is named. */
export const DEFAULT_KIND: CollectiviteKindId = 'commune';

/** Reads the `type` attribute of a participation map: a kind of collectivité, else communes. */
export function toKind(value: string | null | undefined): CollectiviteKindId {
  const kind = value?.trim();
  return COLLECTIVITE_KINDS.find((one) => one === kind) ?? DEFAULT_KIND;
}
