import type { PublicationRow } from '../store/types.js';
import type { Layout } from './layout.js';

/**
 * Which contributions a publication counts, so that comparing it with the previous one reveals
 * no single contribution.
 *
 * Between two publications, a series' figures move by the sum of what changed in it: with one new
 * or revised contribution in a département, the difference would be that collectivité's answers.
 * So every series must change by no contribution or by at least k. Changes are counted in every
 * series they touch; while some series would change by 1 to k − 1, the changes touching it are
 * held back (a revised contribution then counts as it was last published). Held-back changes wait
 * for the next publication, where they are counted as soon as enough others join them.
 *
 * The first publication with contributions counts them all: its difference with an empty one is
 * the publication itself, which the secrecy rules protect.
 */

/** What the previous publication counted: the version (`updatedAt`) of each contribution, by SIREN. */
export type ThemeLedger = Readonly<Record<string, string>>;

export interface CountedRows {
  rows: PublicationRow[];
  ledger: Record<string, string>;
  /** Changes since the previous publication left for a later one. */
  heldBack: number;
}

/** The keys of the series a contribution counts in. */
function seriesOfRow(layout: Layout, row: PublicationRow): string[] {
  return layout.seriesOf({ unit: layout.unitOf(row.kind, row.departementCode), kind: row.kind, band: row.band });
}

/** Drops, until none is left, the changes of any series that would move by 1 to k − 1 contributions. */
function changesToCount(changes: readonly string[][], minCell: number): Set<number> {
  const counted = new Set(changes.keys());
  for (;;) {
    const moves = new Map<string, number>();
    for (const c of counted) for (const key of changes[c]!) moves.set(key, (moves.get(key) ?? 0) + 1);
    const tooFew = new Set([...moves].filter(([, n]) => n < minCell).map(([key]) => key));
    if (tooFew.size === 0) return counted;
    for (const c of counted) if (changes[c]!.some((key) => tooFew.has(key))) counted.delete(c);
  }
}

/**
 * The rows a publication counts for a theme: every contribution as the previous publication
 * counted it, plus the changes since that can be counted together.
 *
 * @param previous what the previous publication counted, `undefined` when it counted nothing
 * @param versionOf a contribution as it was at a given `updatedAt` (kept in its history)
 */
export async function countedRows(
  current: readonly PublicationRow[],
  previous: ThemeLedger | undefined,
  layout: Layout,
  minCell: number,
  versionOf: (siren: string, updatedAt: string) => Promise<PublicationRow | undefined>,
): Promise<CountedRows> {
  const ledgerOf = (rows: readonly PublicationRow[]) => Object.fromEntries(rows.map((row) => [row.siren, row.updatedAt]));
  if (previous === undefined) return { rows: [...current], ledger: ledgerOf(current), heldBack: 0 };
  const changed = current.filter((row) => previous[row.siren] !== row.updatedAt);
  const counted = changesToCount(
    changed.map((row) => seriesOfRow(layout, row)),
    minCell,
  );
  const heldBack = new Set(changed.filter((_row, c) => !counted.has(c)).map((row) => row.siren));
  const rows: PublicationRow[] = [];
  for (const row of current) {
    if (!heldBack.has(row.siren)) {
      rows.push(row);
      continue;
    }
    const published = previous[row.siren];
    // A new contribution waits; a revised one counts as it was published.
    const before = published === undefined ? undefined : await versionOf(row.siren, published);
    if (before !== undefined) rows.push(before);
  }
  return { rows, ledger: ledgerOf(rows), heldBack: heldBack.size };
}
