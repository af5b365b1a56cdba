import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerReferential } from '../referential/port.js';

/**
 * Who answered which theme, counted per territory and kind: every respondent counts in its own
 * territory and in every territory above it, by the referential's rules — the ones the number of
 * collectivités of a territory is counted with, so that respondents and totals always match.
 */

/** Respondents per kind, for one territory and theme. */
export type KindCounts = Partial<Record<CollectiviteKind, number>>;

/** Respondents per territory id, then theme. */
export type ParticipationTally = ReadonlyMap<string, Partial<Record<ThemeId, KindCounts>>>;

/**
 * Tallies the collectivités a publication counted, theme by theme (`sirens`: the SIRENs counted
 * for each theme). A SIREN the referential does not know (a grouping of collectivités known
 * through another resolver) has no place to count in and is left out.
 */
export function tallyParticipation(
  sirens: Readonly<Partial<Record<ThemeId, Iterable<string>>>>,
  referential: ServerReferential,
): ParticipationTally {
  const tally = new Map<string, Partial<Record<ThemeId, KindCounts>>>();
  const placeOf = new Map<string, { kind: CollectiviteKind; within: readonly string[] } | null>();
  for (const [theme, list] of Object.entries(sirens) as [ThemeId, Iterable<string>][]) {
    for (const siren of list) {
      let place = placeOf.get(siren);
      if (place === undefined) {
        const collectivite = referential.collectiviteBySiren(siren);
        const territory = collectivite && referential.territory(collectivite.territoryId);
        place = collectivite && territory ? { kind: collectivite.kind, within: [territory.id, ...territory.parentIds] } : null;
        placeOf.set(siren, place);
      }
      if (place === null) continue;
      for (const id of place.within) {
        let themes = tally.get(id);
        if (themes === undefined) tally.set(id, (themes = {}));
        const kinds = (themes[theme] ??= {});
        kinds[place.kind] = (kinds[place.kind] ?? 0) + 1;
      }
    }
  }
  return tally;
}
