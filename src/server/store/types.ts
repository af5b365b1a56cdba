import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers, ThemeId } from '../../core/schema/questionnaire.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';

/**
 * The storage contract of the API. Routes only speak to this interface, so another database
 * (PostgreSQL) can be added beside the embedded SQLite one without touching them. Every method
 * is async even where SQLite is synchronous, for the same reason.
 */

/**
 * Where a contribution's collectivité sits, resolved from its SIRET when the contribution is
 * written and kept on the row, so results can select a territory's respondents in the database.
 */
export interface Placement {
  /** Official name, for the administrator's export. */
  name: string;
  kind: CollectiviteKind;
  /** Population band, when the collectivité's population is known. */
  band: PopulationBandId | null;
  /** INSEE code, for a commune. */
  communeCode: string | null;
  /** SIREN of the EPCI a commune belongs to, or of the EPCI itself. */
  epciCode: string | null;
  /** The département (an EPCI's is that of its seat). */
  departementCode: string | null;
  regionCode: string | null;
}

/** Where a collectivité sits, without its name: what a publication needs to know of it. */
export type Location = Omit<Placement, 'name'>;

/** What is written for one collectivité and theme. Answers are already validated and normalised. */
export interface ContributionInput {
  siret: string;
  siren: string;
  theme: ThemeId;
  version: string;
  role: Role;
  answers: Answers;
  contactEmail?: string;
  placement: Placement;
}

/** A contribution as stored. */
export interface StoredRecord extends ContributionInput {
  createdAt: string;
  updatedAt: string;
}

/** A previous version of a contribution, kept when it was replaced. */
export interface HistoryRecord extends StoredRecord {
  replacedAt: string;
  /** How it was replaced: by its author's edit token, or by an administrator accepting a pending submission. */
  replacedBy: 'edit_token' | 'admin';
}

/** A submission that met an existing contribution without its edit token, kept for an administrator. */
export interface PendingRecord extends ContributionInput {
  id: string;
  receivedAt: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedAt?: string;
}

/** An HTTP answer as kept for an idempotent replay. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The identity of a write request for idempotency: the same key must come with the same request. */
export interface IdempotencyClaim {
  /** The client's `Idempotency-Key`, as sent. Stored only as a digest. */
  key: string;
  /** Method and path, e.g. `PUT /api/v1/contributions/21350238800019/cybersecurite`. */
  route: string;
  /** Digest of everything else that makes the request what it is (body, credentials). */
  requestHash: string;
}

/** What happened to a submission. */
export type SubmitOutcome =
  | { kind: 'created'; updatedAt: string }
  | { kind: 'replaced'; updatedAt: string }
  /** A contribution exists and no valid edit token came: the submission is set aside. */
  | { kind: 'pending'; pendingId: string; existingUpdatedAt: string };

/** A contribution submitted through the API. */
export interface SubmitRequest {
  contribution: ContributionInput;
  /** The edit token the client presented, if any (raw; compared with the stored digest). */
  presentedToken?: string;
  /** Digest of the token to store if this submission creates the contribution. */
  newTokenHash: Buffer;
  idempotency: IdempotencyClaim;
  now: string;
}

/** The result of {@link ContributionStore.submit}. */
export type SubmitResult =
  | { kind: 'done'; outcome: SubmitOutcome; response: StoredResponse }
  /** The same key and request were seen before: here is the answer given then. Nothing was written. */
  | { kind: 'replay'; response: StoredResponse }
  /** The key was used before for another request. Nothing was written. */
  | { kind: 'key_reused' };

/** An administrator's decision on a pending submission. */
export type PendingDecision =
  | { kind: 'accepted'; updatedAt: string; siret: string; theme: ThemeId }
  | { kind: 'rejected' }
  | { kind: 'not_found' }
  | { kind: 'already_decided'; status: 'accepted' | 'rejected' };

/** A contribution written in bulk (seeding, benchmarks), with its own dates. */
export interface BulkRecord extends StoredRecord {
  editTokenHash: Buffer;
}

/**
 * A contribution as a publication counts it: where its collectivité sits, which version of its
 * answers, and when it was last written (its version stamp in a publication's snapshot).
 */
export interface PublicationRow extends Location {
  siren: string;
  updatedAt: string;
  /** The questionnaire version answered. */
  version: string;
  answers: Answers;
}

/** What the public may know of a stored publication. */
export interface PublicationSummary {
  /** Stable and sortable, e.g. `2026-12-06T14-00-00-000Z`. */
  id: string;
  publishedAt: string;
  /** Contributions counted in it, all themes together. */
  contributions: number;
}

/**
 * A publication as stored: immutable once written. `figures` is what is served (gzip-compressed
 * JSON); `ledger` is what the next publication needs to know about this one and the public never
 * sees (which version of each contribution was counted), gzip-compressed JSON too.
 */
export interface PublicationRecord extends PublicationSummary {
  figures: Buffer;
  ledger: Buffer;
}

/** The storage the API runs on. */
export interface ContributionStore {
  /** Whether a collectivité (by SIREN) has answered a theme, and when. */
  status(siren: string, theme: ThemeId): Promise<{ exists: false } | { exists: true; updatedAt: string }>;
  /**
   * Writes a submission atomically with its idempotency record, by the sequence of
   * `submission.ts`: creates, replaces (with the matching edit token) or sets aside as pending.
   * `respond` turns the outcome into the HTTP answer to keep for replays; it must be pure.
   */
  submit(request: SubmitRequest, respond: (outcome: SubmitOutcome) => StoredResponse): Promise<SubmitResult>;
  /** The current contribution of a collectivité on a theme. */
  get(siren: string, theme: ThemeId): Promise<StoredRecord | undefined>;
  /** Previous versions, oldest first. */
  history(siren: string, theme: ThemeId): Promise<HistoryRecord[]>;
  /** Pending submissions, oldest first; decided ones too when `all` is set. */
  listPending(options?: { all?: boolean }): Promise<PendingRecord[]>;
  /** Replaces the current contribution by a pending submission (the current one goes to history). */
  acceptPending(id: string, newTokenHash: Buffer, now: string): Promise<PendingDecision>;
  rejectPending(id: string, now: string): Promise<PendingDecision>;
  /** Every contribution of a theme, for the administrator's export, by SIRET. */
  listContributions(theme: ThemeId): Promise<StoredRecord[]>;
  /** How many contributions exist, on one theme or all. */
  count(theme?: ThemeId): Promise<number>;
  /** Counts per theme, for summaries. */
  countByTheme(): Promise<Partial<Record<ThemeId, number>>>;
  /**
   * Inserts many contributions in one transaction (seeding, benchmarks). Records whose
   * collectivité already answered the theme are skipped; returns how many were inserted.
   */
  bulkInsert(records: Iterable<BulkRecord>): Promise<number>;
  /** Every contribution of a theme, as a publication counts it, in SIREN order. */
  publicationRows(theme: ThemeId): Promise<PublicationRow[]>;
  /**
   * One version of a contribution: the current one if it was written at `updatedAt`, else the one
   * kept in history that was. A publication reads it to keep counting a contribution as it was
   * when a newer version is held back (see the publication's rules on small changes).
   */
  contributionVersion(siren: string, theme: ThemeId, updatedAt: string): Promise<PublicationRow | undefined>;
  /** Stores a publication; its id must be new. */
  savePublication(record: PublicationRecord): Promise<void>;
  /** The newest publication (by `publishedAt`, then id), without its contents. */
  latestPublication(): Promise<PublicationSummary | undefined>;
  /** A stored publication with its contents. */
  publication(id: string): Promise<PublicationRecord | undefined>;
  /** Every stored publication, newest first, without contents. */
  listPublications(): Promise<PublicationSummary[]>;
  /** Deletes all but the `keep` newest publications (the newest is always kept); returns how many went. */
  prunePublications(keep: number): Promise<number>;
  /**
   * Runs `task` holding the right to publish, or returns `{ ran: false }` at once when another
   * holder has it. With PostgreSQL the database arbitrates (a session-level advisory lock), so one
   * instance publishes at a time however many share the database; with SQLite, one task at a time
   * within the process.
   */
  withPublicationLock<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
}
