import type { PendingQuery } from './types.js';

/**
 * The statement that reads one page of the review queue, written once for both databases: they
 * differ only in how parameters are numbered and in the column that orders arrivals within one
 * millisecond. Column names come from this module only; every value travels as a parameter.
 */

/** The column holding each territory level's code on a pending submission. */
const TERRITORY_COLUMN = {
  commune: 'commune_code',
  epci: 'epci_code',
  departement: 'departement_code',
  region: 'region_code',
} as const;

/** How a database names parameters and orders arrivals. */
export interface PendingDialect {
  /** The `n`th parameter (from 1): `?` for SQLite, `$n` for PostgreSQL. */
  parameter(n: number): string;
  /** The column ordering arrivals within one instant. */
  seq: string;
  /** A date parameter as the database compares it. */
  date(placeholder: string): string;
}

/** `SELECT` of one page (one row more than the limit, to tell whether more follow) and its parameters. */
export function pendingPageStatement(query: PendingQuery, dialect: PendingDialect): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const next = (value: unknown) => {
    values.push(value);
    return dialect.parameter(values.length);
  };
  const where: string[] = [];
  if (!query.all) where.push("status = 'pending'");
  if (query.theme !== undefined) where.push(`theme = ${next(query.theme)}`);
  if (query.territory !== undefined) where.push(`${TERRITORY_COLUMN[query.territory.level]} = ${next(query.territory.code)}`);
  if (query.after !== undefined) {
    const { receivedAt, seq } = query.after;
    // The date is sent twice rather than numbered once: SQLite's `?` takes one value each.
    const at = () => dialect.date(next(receivedAt));
    where.push(`(received_at > ${at()} OR (received_at = ${at()} AND ${dialect.seq} > ${next(seq)}))`);
  }
  const limit = next(query.limit + 1);
  const sql =
    // PostgreSQL's table has a `seq` column; SQLite's order of arrival is its rowid.
    `SELECT ${dialect.seq === 'seq' ? '*' : `*, ${dialect.seq} AS seq`} FROM pending_submissions` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY received_at, ${dialect.seq} LIMIT ${limit}`;
  return { sql, values };
}
