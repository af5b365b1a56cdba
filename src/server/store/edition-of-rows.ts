import { THEMES } from '../../core/schema/questionnaire.js';
import { editionCatalogue } from '../editions/catalogue.js';

/**
 * How rows written before editions were recorded get theirs, as SQL for a migration. Built from
 * the editions shipped with the release that adds the column, so every database migrating
 * reaches the same answer, whatever calendar its operator configured later.
 *
 * `literal` writes an ISO instant as the database compares it with the column (text in SQLite,
 * `timestamptz` in PostgreSQL).
 */

const catalogue = editionCatalogue();
const oldest = catalogue.editions[0]!.id;

/**
 * A contribution (or one of its versions, or a pending submission) belongs to the edition whose
 * wave for its theme was open when it was written (`column`), else to the oldest edition.
 */
export function contributionEditionSql(column: string, literal: (iso: string) => string): string {
  const cases = catalogue.editions.flatMap((edition) =>
    THEMES.map((theme) => {
      const wave = catalogue.wave(edition, theme);
      return `WHEN theme = '${theme}' AND ${column} >= ${literal(wave.opensAt.toISOString())} AND ${column} < ${literal(wave.closesAt.toISOString())} THEN '${edition.id}'`;
    }),
  );
  return `CASE ${cases.join(' ')} ELSE '${oldest}' END`;
}

/** A publication belongs to the edition that was current when it was made (`column`). */
export function publicationEditionSql(column: string, literal: (iso: string) => string): string {
  const starts = catalogue.editions
    .slice(1)
    .map((edition) => {
      const opening = Math.min(...THEMES.map((theme) => catalogue.wave(edition, theme).opensAt.getTime()));
      return { id: edition.id, opening: new Date(opening).toISOString() };
    })
    .reverse();
  const cases = starts.map((start) => `WHEN ${column} >= ${literal(start.opening)} THEN '${start.id}'`);
  return cases.length === 0 ? `'${oldest}'` : `CASE ${cases.join(' ')} ELSE '${oldest}' END`;
}

/** The edition of a record written in bulk: its own, else the current one of the release's calendar. */
export function bulkEdition(record: { edition?: string }, now: Date = new Date()): string {
  return record.edition ?? catalogue.current(now).id;
}
