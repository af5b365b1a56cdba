import { inputOf, publicationRowOf, type ContributionColumns, type PublicationColumns } from './columns.js';
import type {
  HistoryRecord,
  PendingPosition,
  PendingRecord,
  PublicationRecord,
  PublicationRow,
  PublicationSummary,
  ReplacedBy,
  StoredRecord,
} from './types.js';

/**
 * The rows both databases return, and their translation to records. The tables are the same in
 * both; only dates differ: SQLite keeps ISO text, PostgreSQL gives `Date`s for its `timestamptz`.
 * Each row type is therefore generic over its date type `D`, and each store reads rows with the
 * {@link rowReader} of its own dates.
 */

export interface ContributionRow<D> extends ContributionColumns {
  id: number;
  edit_token_hash: Buffer;
  /** Wrong edit codes in a row since the last right one or the last lock. */
  wrong_codes: number;
  /** Until when no edit code is checked; null when not locked. */
  locked_until: D | null;
  created_at: D;
  updated_at: D;
}

export interface HistoryRow<D> extends ContributionColumns {
  created_at: D;
  updated_at: D;
  replaced_at: D;
  replaced_by: ReplacedBy;
}

export interface PendingRow<D> extends ContributionColumns {
  id: string;
  /** Order of arrival (SQLite's rowid, PostgreSQL's identity, which `pg` gives as text). */
  seq: number | string;
  received_at: D;
  status: 'pending' | 'accepted' | 'rejected';
  decided_at: D | null;
}

export interface PublicationRowColumns<D> extends PublicationColumns {
  updated_at: D;
}

export interface PublicationSummaryRow<D> {
  id: string;
  published_at: D;
  contributions: number;
  edition: string;
}

export interface PublicationRecordRow<D> extends PublicationSummaryRow<D> {
  figures: Buffer;
  ledger: Buffer;
}

/** An idempotency record as a submission reads it back. */
export interface IdempotencyRow {
  route: string;
  request_hash: string;
  sealed_response: Buffer;
}

/** Translates the rows of a database whose dates are `D`, given how to read one as an ISO string. */
export function rowReader<D>(iso: (date: D) => string) {
  const summary = (row: PublicationSummaryRow<D>): PublicationSummary => ({
    id: row.id,
    publishedAt: iso(row.published_at),
    contributions: row.contributions,
    edition: row.edition,
  });
  return {
    iso,
    stored: (row: ContributionRow<D>): StoredRecord => ({
      ...inputOf(row),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    }),
    history: (row: HistoryRow<D>): HistoryRecord => ({
      ...inputOf(row),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      replacedAt: iso(row.replaced_at),
      replacedBy: row.replaced_by,
    }),
    pending: (row: PendingRow<D>): PendingRecord => {
      const record: PendingRecord = { ...inputOf(row), id: row.id, receivedAt: iso(row.received_at), status: row.status };
      if (row.decided_at !== null) record.decidedAt = iso(row.decided_at);
      return record;
    },
    position: (row: PendingRow<D>): PendingPosition => ({ receivedAt: iso(row.received_at), seq: Number(row.seq) }),
    publicationRow: (row: PublicationRowColumns<D>): PublicationRow => publicationRowOf(row, iso(row.updated_at)),
    summary,
    publication: (row: PublicationRecordRow<D>): PublicationRecord => ({
      ...summary(row),
      figures: row.figures,
      ledger: row.ledger,
    }),
  };
}
