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

/**
 * Where a contribution is counted for results: its département (with its région), or for a
 * collectivité above départements its région alone (or nothing), and its population band.
 * Every contribution belongs to exactly one block, and a département's, a région's and France's
 * respondents are unions of blocks, so figures computed per block can be added up and recomputed
 * block by block; the band keeps a block small, so a new contribution is cheap to take in.
 */
export interface Block {
  regionCode: string | null;
  departementCode: string | null;
  band: PopulationBandId | null;
}

/** A block with contributions to a theme, and a number that grows whenever they change. */
export interface BlockRevision extends Block {
  revision: number;
}

/** Filters a respondent scope may add. Absent fields do not filter. */
interface ScopeFilters {
  kind?: CollectiviteKind;
  band?: PopulationBandId;
}

/** Which contributions a result series counts. */
export type RespondentScope = ScopeFilters &
  (
    | { level: 'commune' | 'epci' | 'departement' | 'region'; code: string }
    /** Everything. */
    | { level: 'france' }
    /** The contributions of one block exactly (a région's block holds only those without a département). */
    | { level: 'block'; block: Block }
  );

/** One respondent as statistics need it: where it sits and what it answered, nothing personal. */
export interface RespondentRecord {
  /** A stable id within one answer, so nested series can be compared (never published). */
  id: number;
  kind: CollectiviteKind;
  band: PopulationBandId | null;
  departementCode: string | null;
  regionCode: string | null;
  version: string;
  answers: Answers;
}

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

/** The storage the API runs on. */
export interface ContributionStore {
  /** Whether a collectivité (by SIREN) has answered a theme, and when. */
  status(siren: string, theme: ThemeId): Promise<{ exists: false } | { exists: true; updatedAt: string }>;
  /**
   * Writes a submission atomically with its idempotency record: creates the contribution if
   * none exists (exactly one of concurrent first submissions wins), replaces it (keeping the
   * previous version in history) if the presented edit token matches, or sets the submission
   * aside as pending otherwise. `respond` turns the outcome into the HTTP answer to keep for
   * replays; it must be pure.
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
  /** The respondents of a theme within a scope. */
  respondents(theme: ThemeId, scope: RespondentScope): Promise<RespondentRecord[]>;
  /** How many contributions exist, on one theme or all. */
  count(theme?: ThemeId): Promise<number>;
  /** Counts per theme, for summaries. */
  countByTheme(): Promise<Partial<Record<ThemeId, number>>>;
  /**
   * Inserts many contributions in one transaction (seeding, benchmarks). Records whose
   * collectivité already answered the theme are skipped; returns how many were inserted.
   */
  bulkInsert(records: Iterable<BulkRecord>): Promise<number>;
  /**
   * Every block with contributions to a theme and its revision, read in one consistent snapshot.
   * A block's revision is increased in the same transaction as any change to its contributions
   * (creation, replacement, accepted pending submission, bulk insert), so computed figures can be
   * cached per block and recomputed only where something changed — by any process sharing the
   * database.
   */
  blockRevisions(theme: ThemeId): Promise<BlockRevision[]>;
  /**
   * The sum of a theme's block revisions: it grows whenever any of them does. One number read
   * cheaply, so that every request can check whether what it keeps is still current.
   */
  revision(theme: ThemeId): Promise<number>;
  close(): Promise<void>;
}
