import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { addAnswers, addTally, emptyTally, publishedQuestions, type PublishedQuestion, type Tally } from '../../core/stats/tally.js';
import type { PublicationRow } from '../store/types.js';
import { bridgeAtoms } from './lone-atoms.js';
import { atomKey, type AtomId, type Layout, type SeriesDef } from './layout.js';

/**
 * The counts a theme's publication rests on: respondents tallied per atom, and every series of
 * the layout as the sum of its atoms. Nothing here is published yet: secrecy decides what is.
 */

/** An atom and what its respondents answered. */
export interface AtomTally extends AtomId {
  key: string;
  n: number;
  tally: Tally;
  /** Positions in `ThemeTables.series` of the series holding it. */
  series: number[];
}

/** A series of the layout with its respondents' counts. */
export interface SeriesTally extends SeriesDef {
  n: number;
  tally: Tally;
  /** Positions in `ThemeTables.atoms` of its atoms. */
  atoms: number[];
}

export interface ThemeTables {
  definition: QuestionnaireDefinition;
  questions: readonly PublishedQuestion[];
  atoms: AtomTally[];
  series: SeriesTally[];
  seriesIndex: ReadonlyMap<string, number>;
  /** The questionnaire versions the respondents answered. */
  versions: ReadonlySet<string>;
}

/** Tallies a theme's rows per atom and per series of the layout. */
export function buildTables(definition: QuestionnaireDefinition, layout: Layout, rows: Iterable<PublicationRow>, minCell: number): ThemeTables {
  const byAtom = new Map<string, { id: AtomId; answers: PublicationRow['answers'][] }>();
  const versions = new Set<string>();
  for (const row of rows) {
    const id: AtomId = { unit: layout.unitOf(row.kind, row.departementCode), kind: row.kind, band: row.band };
    const key = atomKey(id);
    let atom = byAtom.get(key);
    if (!atom) byAtom.set(key, (atom = { id, answers: [] }));
    atom.answers.push(row.answers);
    versions.add(row.version);
  }
  const series: SeriesTally[] = layout.series.map((def) => ({ ...def, n: 0, tally: emptyTally(definition), atoms: [] }));
  const seriesIndex = new Map(series.map((one, position) => [one.key, position]));
  const atoms: AtomTally[] = [];
  for (const [key, { id, answers }] of [...byAtom].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Every respondent of an atom shares its kind and band, which conditions may read.
    const tally = addAnswers(definition, emptyTally(definition), answers, { kind: id.kind, populationBand: id.band });
    const holders = layout.seriesOf(id).map((seriesKey) => seriesIndex.get(seriesKey)).filter((i): i is number => i !== undefined);
    const position = atoms.length;
    atoms.push({ ...id, key, n: tally.n, tally, series: holders });
    for (const holder of holders) {
      const target = series[holder]!;
      target.n += tally.n;
      target.atoms.push(position);
      addTally(target.tally, tally);
    }
  }
  // An atom that published totals isolate is also a series of its own, never published: a
  // département minus a band group must not give away the answers of the few collectivités of
  // one kind and size in one place, so the audit protects it as it protects hidden series.
  const isolated = bridgeAtoms(atoms);
  atoms.forEach((atom, position) => {
    if (!isolated.has(position) || atom.n >= minCell) return;
    const index = series.length;
    series.push({ key: `atome:${atom.key}`, level: 'atome', n: atom.n, tally: atom.tally, atoms: [position] });
    seriesIndex.set(`atome:${atom.key}`, index);
    atom.series.push(index);
  });
  return { definition, questions: publishedQuestions(definition), atoms, series, seriesIndex, versions };
}
