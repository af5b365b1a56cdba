import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers, ThemeId } from '../../core/schema/questionnaire.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { ContributionAccess } from './contribution-access.js';
import type { SharedDraftStore } from './shared-drafts.js';

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
  /** The edition answered: one contribution is kept per collectivité, theme and edition. */
  edition: string;
  version: string;
  role: Role;
  answers: Answers;
  contactEmail?: string;
  placement: Placement;
  /**
   * Who vouched for the respondent: the name of the OPSN portal whose attestation came with the
   * submission, or `proconnect`. Absent, the contribution is unverified.
   */
  verifiedBy?: string;
}

/** A contribution as stored. */
export interface StoredRecord extends ContributionInput {
  createdAt: string;
  updatedAt: string;
}

/** How a contribution was replaced. */
export type ReplacedBy = 'edit_token' | 'admin' | 'verification';

/** A previous version of a contribution, kept when it was replaced. */
export interface HistoryRecord extends StoredRecord {
  replacedAt: string;
  /**
   * How it was replaced: by its author's edit code, by an administrator accepting a pending
   * submission, or by a verified respondent (the unverified version also went to review).
   */
  replacedBy: ReplacedBy;
}

/**
 * A submission kept for an administrator: it met an existing contribution without its edit code,
 * or it was an unverified contribution a verified respondent took the place of.
 */
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
  /**
   * The submission is the collectivité's contribution now, with the new edit code: it was the
   * first, or it was verified and took the place of an unverified one, which went to review
   * under `displacedPendingId`.
   */
  | { kind: 'created'; updatedAt: string; displacedPendingId?: string }
  | { kind: 'replaced'; updatedAt: string }
  /**
   * A contribution exists and no edit code came (or the respondent asked for review): the
   * submission is set aside. It replaced `replacedPendingId`, an earlier one from the same client.
   */
  | { kind: 'pending'; pendingId: string; existingUpdatedAt: string; replacedPendingId?: string };

/** Why a submission was refused. Nothing of it was kept, and its idempotency key stays free. */
export type SubmitRefusal =
  /** The edit code is not the contribution's; `remainingAttempts` before the lock-out. */
  | { kind: 'wrong_code'; remainingAttempts: number }
  /** Too many wrong codes: no code is checked for this contribution until `lockedUntil`. */
  | { kind: 'code_locked'; lockedUntil: string }
  /** The review queue holds as many submissions as allowed, for this collectivité and theme or overall. */
  | { kind: 'pending_limit'; scope: 'collectivite' | 'overall'; limit: number }
  /** The attestation was used before. */
  | { kind: 'attestation_replayed' };

/** How many submissions the review queue holds at most. */
export interface PendingLimits {
  /** Per collectivité and theme. */
  perCollectivite: number;
  /** Overall. */
  overall: number;
}

/** The attestation a verified submission came with, recorded so it is used only once. */
export interface AttestationUse {
  /** The portal that signed it. */
  issuer: string;
  /** Its `jti`. */
  id: string;
  /** When it expires: the record can go then, since the attestation is refused anyway. */
  expiresAt: string;
}

/** A contribution submitted through the API. */
export interface SubmitRequest {
  contribution: ContributionInput;
  /** The edit code the client presented, if any (as typed; read with `readEditCode`, compared with the stored digest). */
  presentedCode?: string;
  /** The respondent asks for review knowingly: no code is checked, the submission is set aside if a contribution exists. */
  review?: boolean;
  /** The edit code to give if this submission becomes the contribution; only its digest is stored. */
  newEditCode: string;
  /** The attestation of a verified submission. */
  attestation?: AttestationUse;
  /**
   * A digest of who sent it (their address), so that a newer pending submission from the same
   * client replaces the older one rather than piling up; null when unknown.
   */
  client?: Buffer | null;
  /** Defaults to {@link DEFAULT_PENDING_LIMITS}. */
  pendingLimits?: PendingLimits;
  idempotency: IdempotencyClaim;
  now: string;
}

/** The review queue's default bounds. */
export const DEFAULT_PENDING_LIMITS: PendingLimits = { perCollectivite: 3, overall: 10_000 };

/** The result of {@link ContributionStore.submit}. */
export type SubmitResult =
  | { kind: 'done'; outcome: SubmitOutcome; response: StoredResponse }
  /** The submission was refused; nothing was written but the wrong-code count. */
  | { kind: 'refused'; refusal: SubmitRefusal }
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

/** Which pending submissions to list, a page at a time, oldest first. */
export interface PendingQuery {
  theme?: ThemeId;
  /** Only those whose collectivité lies in this territory. */
  territory?: { level: 'commune' | 'epci' | 'departement' | 'region'; code: string };
  /** Decided ones too. */
  all?: boolean;
  /** At most this many. */
  limit: number;
  /** Those after this position of the previous page. */
  after?: PendingPosition;
}

/** Where a pending submission stands in the queue's order. */
export interface PendingPosition {
  receivedAt: string;
  /** Order of arrival among those received in the same millisecond. */
  seq: number;
}

/** A page of pending submissions, each with its position. */
export interface PendingPage {
  records: (PendingRecord & { position: PendingPosition })[];
  /** Whether more follow the last one. */
  more: boolean;
}

/**
 * A contribution written in bulk (seeding, benchmarks), with its own dates. Without an edition it
 * belongs to the current one of the release's calendar (see `bulkEdition`).
 */
export interface BulkRecord extends Omit<StoredRecord, 'edition'> {
  edition?: string;
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
  /** The edition whose contributions it counts. */
  edition: string;
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
  /** Shared drafts (`shared-drafts.ts`), in the same database. */
  readonly sharedDrafts: SharedDraftStore;
  /** Whether a collectivité (by SIREN) has answered a theme in an edition, and when. */
  status(siren: string, theme: ThemeId, edition: string): Promise<{ exists: false } | { exists: true; updatedAt: string }>;
  /**
   * Writes a submission atomically with its idempotency record, by the sequence of
   * `submission.ts`: creates, replaces (with the matching edit token) or sets aside as pending.
   * `respond` turns the outcome into the HTTP answer to keep for replays; it must be pure.
   */
  submit(request: SubmitRequest, respond: (outcome: SubmitOutcome) => StoredResponse): Promise<SubmitResult>;
  /**
   * A contribution, to whoever presents its edit code (`presentedCode`, checked and counted
   * towards the lock-out as a submission's is) or was verified by the route (`undefined`): the
   * previous edition's answers a new questionnaire starts from.
   */
  openContribution(
    key: { siren: string; theme: ThemeId; edition: string },
    presentedCode: string | undefined,
    now: string,
  ): Promise<ContributionAccess<StoredRecord>>;
  /** The current contribution of a collectivité on a theme in an edition. */
  get(siren: string, theme: ThemeId, edition: string): Promise<StoredRecord | undefined>;
  /** Previous versions, oldest first. */
  history(siren: string, theme: ThemeId, edition: string): Promise<HistoryRecord[]>;
  /** Pending submissions, oldest first; decided ones too when `all` is set. */
  listPending(options?: { all?: boolean }): Promise<PendingRecord[]>;
  /** One page of pending submissions, oldest first, filtered by theme and territory. */
  pendingPage(query: PendingQuery): Promise<PendingPage>;
  /**
   * Replaces the current contribution by a pending submission (the current one goes to history),
   * with a new edit code of which only the digest is kept.
   */
  acceptPending(id: string, newEditCode: string, now: string): Promise<PendingDecision>;
  rejectPending(id: string, now: string): Promise<PendingDecision>;
  /** Every contribution of a theme (of every edition, or of one), for the administrator's export, by SIRET. */
  listContributions(theme: ThemeId, edition?: string): Promise<StoredRecord[]>;
  /** How many contributions exist, on one theme or all, in one edition or all. */
  count(theme?: ThemeId, edition?: string): Promise<number>;
  /** Counts per theme, for summaries. */
  countByTheme(): Promise<Partial<Record<ThemeId, number>>>;
  /**
   * Inserts many contributions in one transaction (seeding, benchmarks). Records whose
   * collectivité already answered the theme in that edition are skipped; returns how many were inserted.
   */
  bulkInsert(records: Iterable<BulkRecord>): Promise<number>;
  /**
   * Every contribution of a theme in an edition, as a publication counts it, in SIREN order;
   * only verified ones when `countUnverified` is false.
   */
  publicationRows(theme: ThemeId, options: { edition: string; countUnverified?: boolean }): Promise<PublicationRow[]>;
  /**
   * One version of a contribution: the current one if it was written at `updatedAt`, else the one
   * kept in history that was. A publication reads it to keep counting a contribution as it was
   * when a newer version is held back (see the publication's rules on small changes).
   */
  contributionVersion(siren: string, theme: ThemeId, edition: string, updatedAt: string): Promise<PublicationRow | undefined>;
  /** Stores a publication; its id must be new. */
  savePublication(record: PublicationRecord): Promise<void>;
  /** The newest publication (by `publishedAt`, then id), of every edition or of one, without its contents. */
  latestPublication(edition?: string): Promise<PublicationSummary | undefined>;
  /** A stored publication with its contents. */
  publication(id: string): Promise<PublicationRecord | undefined>;
  /** Every stored publication, newest first, without contents. */
  listPublications(): Promise<PublicationSummary[]>;
  /**
   * Deletes all but the `keep` newest publications of an edition (the newest is always kept);
   * returns how many went. Other editions' publications are left alone.
   */
  prunePublications(keep: number, edition?: string): Promise<number>;
  /**
   * Runs `task` holding the right to publish, or returns `{ ran: false }` at once when another
   * holder has it. With PostgreSQL the database arbitrates (a session-level advisory lock), so one
   * instance publishes at a time however many share the database; with SQLite, one task at a time
   * within the process.
   */
  withPublicationLock<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Whether the database answers and takes writes now, for the readiness check: a write rolled
   * back at once on SQLite, the session's and the server's read-only state on PostgreSQL. Throws
   * what the database threw when it cannot be reached.
   */
  probe(): Promise<StoreProbe>;
  close(): Promise<void>;
}

/** What {@link ContributionStore.probe} finds. */
export interface StoreProbe {
  kind: 'sqlite' | 'postgresql';
  writable: boolean;
  /** The folder holding the database's files when they are on this machine (SQLite): its free space matters. */
  dataDirectory?: string;
}
