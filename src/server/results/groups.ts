import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { addTally, emptyTally, stratumKey, tallyAnswers, type Tally } from '../../core/stats/index.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { RespondentRecord } from '../store/types.js';

/**
 * Respondents tallied per kind of collectivité and population band: the strata that weighting
 * needs and the filters a series may apply, so that tallies kept per block can be narrowed and
 * added up without reading answers again.
 */
export interface GroupTally {
  kind: CollectiviteKind;
  band: PopulationBandId | null;
  tally: Tally;
  /** The questionnaire versions its respondents answered. */
  versions: Set<string>;
}

/** Group tallies by `kind|band`. Cached values are shared: never change one in place. */
export type Groups = ReadonlyMap<string, GroupTally>;

const groupKey = (kind: string, band: string | null): string => `${kind}|${band ?? ''}`;

/** The weighting stratum of a group, when its population band is known. */
export function stratumOf(group: GroupTally): string | undefined {
  return group.band === null ? undefined : stratumKey(group.kind, group.band);
}

/** Tallies respondents per group with a definition. */
export function groupRespondents(definition: QuestionnaireDefinition, rows: readonly RespondentRecord[]): Groups {
  const groups = new Map<string, GroupTally>();
  const members = new Map<string, RespondentRecord[]>();
  for (const row of rows) {
    const key = groupKey(row.kind, row.band);
    const list = members.get(key);
    if (list) list.push(row);
    else members.set(key, [row]);
  }
  for (const [key, list] of members) {
    const { kind, band } = list[0]!;
    groups.set(key, {
      kind,
      band,
      tally: tallyAnswers(
        definition,
        list.map((row) => row.answers),
      ),
      versions: new Set(list.map((row) => row.version)),
    });
  }
  return groups;
}

/** Adds up the groups of several sets into new tallies (the sources are cached and stay untouched). */
export function sumGroups(definition: QuestionnaireDefinition, sets: Iterable<Groups>): Groups {
  const sum = new Map<string, GroupTally>();
  for (const set of sets) {
    for (const [key, group] of set) {
      let target = sum.get(key);
      if (!target) {
        target = { kind: group.kind, band: group.band, tally: emptyTally(definition), versions: new Set() };
        sum.set(key, target);
      }
      addTally(target.tally, group.tally);
      for (const version of group.versions) target.versions.add(version);
    }
  }
  return sum;
}

/** The groups that pass a filter, shared rather than copied. */
export function selectGroups(groups: Groups, keep: (group: GroupTally) => boolean): Groups {
  const selected = new Map<string, GroupTally>();
  for (const [key, group] of groups) if (keep(group)) selected.set(key, group);
  return selected;
}
