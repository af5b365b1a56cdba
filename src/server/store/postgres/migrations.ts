import type { Pool, PoolClient } from 'pg';
import { contributionEditionSql, publicationEditionSql } from '../edition-of-rows.js';
import { SchemaTooNewError } from '../startup-error.js';
import { holdConnection } from './held-connection.js';

/** ISO instants compared as instants. */
const instant = (iso: string) => `'${iso}'::timestamptz`;

/**
 * The PostgreSQL schema as a numbered list of steps, the same tables, keys and step numbers as
 * the SQLite store's (`../sqlite/migrations.ts`), in PostgreSQL's types. A step, once released,
 * is never edited: changes come as new steps, so every existing database reaches the same schema.
 *
 * Type choices: timestamps are `timestamptz` (read back as ISO strings); digests and sealed
 * answers are `bytea`; answers are JSON kept as `text`, not `jsonb`, because `jsonb` refuses
 * some strings a free-text answer may legitimately hold (`\u0000`, lone surrogates) that the
 * SQLite store accepts, and the store never queries inside them.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'contributions, history, pending submissions, idempotency keys, admin actions',
    sql: `
      -- One contribution per collectivité (SIREN) and theme: the unique constraint, not a prior
      -- read, is what makes the first submission win, whichever instance receives it.
      CREATE TABLE contributions (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        siren text NOT NULL,
        siret text NOT NULL,
        theme text NOT NULL,
        version text NOT NULL,
        role text NOT NULL CHECK (role IN ('agent', 'elu')),
        answers text NOT NULL,
        contact_email text,
        edit_token_hash bytea NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        band text,
        commune_code text,
        epci_code text,
        departement_code text,
        region_code text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (siren, theme)
      );
      -- Results select a theme's respondents by territory level.
      CREATE INDEX contributions_theme_region ON contributions (theme, region_code);
      CREATE INDEX contributions_theme_departement ON contributions (theme, departement_code);
      CREATE INDEX contributions_theme_epci ON contributions (theme, epci_code);
      CREATE INDEX contributions_theme_commune ON contributions (theme, commune_code);
      CREATE INDEX contributions_theme_kind_band ON contributions (theme, kind, band);

      CREATE TABLE contribution_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        siren text NOT NULL,
        siret text NOT NULL,
        theme text NOT NULL,
        version text NOT NULL,
        role text NOT NULL,
        answers text NOT NULL,
        contact_email text,
        name text NOT NULL,
        kind text NOT NULL,
        band text,
        commune_code text,
        epci_code text,
        departement_code text,
        region_code text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        replaced_at timestamptz NOT NULL,
        replaced_by text NOT NULL CHECK (replaced_by IN ('edit_token', 'admin'))
      );
      CREATE INDEX contribution_history_siren_theme ON contribution_history (siren, theme);

      -- seq keeps the order of arrival among submissions received in the same millisecond.
      CREATE TABLE pending_submissions (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        siren text NOT NULL,
        siret text NOT NULL,
        theme text NOT NULL,
        version text NOT NULL,
        role text NOT NULL,
        answers text NOT NULL,
        contact_email text,
        name text NOT NULL,
        kind text NOT NULL,
        band text,
        commune_code text,
        epci_code text,
        departement_code text,
        region_code text,
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        decided_at timestamptz
      );
      CREATE INDEX pending_submissions_status ON pending_submissions (status, received_at);

      -- Keys and answers are kept unreadable: the key as a digest, the answer sealed with it.
      -- The primary key is what lets only one of two instances record a key.
      CREATE TABLE idempotency_keys (
        key_hash bytea PRIMARY KEY,
        route text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        sealed_response bytea NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

      CREATE TABLE admin_actions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        action text NOT NULL CHECK (action IN ('accept', 'reject')),
        pending_id text NOT NULL,
        siren text NOT NULL,
        theme text NOT NULL,
        at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'block revisions, so results are recomputed only where contributions changed',
    sql: `
      -- One row per theme and block (a département, or a région's own collectivités). Codes are
      -- '' rather than NULL so the primary key treats "no département" as one value.
      CREATE TABLE block_revisions (
        theme text NOT NULL,
        region_code text NOT NULL,
        departement_code text NOT NULL,
        revision bigint NOT NULL,
        PRIMARY KEY (theme, region_code, departement_code)
      );
      INSERT INTO block_revisions (theme, region_code, departement_code, revision)
        SELECT theme, COALESCE(region_code, ''), COALESCE(departement_code, ''), COUNT(*)
        FROM contributions GROUP BY 1, 2, 3;
      -- A block's respondents are read by these columns.
      CREATE INDEX contributions_theme_block ON contributions (theme, departement_code, region_code);
    `,
  },
  {
    version: 3,
    description: 'blocks split by population band, so a new contribution re-reads fewer answers',
    sql: `
      DROP TABLE block_revisions;
      CREATE TABLE block_revisions (
        theme text NOT NULL,
        region_code text NOT NULL,
        departement_code text NOT NULL,
        band text NOT NULL,
        revision bigint NOT NULL,
        PRIMARY KEY (theme, region_code, departement_code, band)
      );
      INSERT INTO block_revisions (theme, region_code, departement_code, band, revision)
        SELECT theme, COALESCE(region_code, ''), COALESCE(departement_code, ''), COALESCE(band, ''), COUNT(*)
        FROM contributions GROUP BY 1, 2, 3, 4;
    `,
  },
  {
    version: 4,
    description: 'publications: every public figure computed once, audited and stored',
    sql: `
      -- Immutable once written. figures is what the public is served and ledger what the next
      -- publication needs to know of this one (both gzip-compressed JSON).
      CREATE TABLE publications (
        id text PRIMARY KEY,
        published_at timestamptz NOT NULL,
        contributions integer NOT NULL,
        figures bytea NOT NULL,
        ledger bytea NOT NULL
      );
      CREATE INDEX publications_published_at ON publications (published_at, id COLLATE "C");
    `,
  },
  {
    version: 5,
    description: 'block revisions dropped: results are served from publications',
    sql: `
      -- Only results computed per request read them; the index served that reading by block.
      DROP TABLE block_revisions;
      DROP INDEX contributions_theme_block;
    `,
  },
  {
    version: 6,
    description: 'verified respondents, edit-code lock-out, a bounded review queue, attestations used once',
    sql: `
      -- The portal (or proconnect) that vouched for the respondent; NULL: unverified.
      -- Wrong edit codes in a row, and until when no code is checked.
      ALTER TABLE contributions
        ADD COLUMN verified_by text,
        ADD COLUMN wrong_codes integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz;

      ALTER TABLE contribution_history ADD COLUMN verified_by text;
      -- A verified respondent now replaces too.
      ALTER TABLE contribution_history DROP CONSTRAINT contribution_history_replaced_by_check;
      ALTER TABLE contribution_history ADD CONSTRAINT contribution_history_replaced_by_check
        CHECK (replaced_by IN ('edit_token', 'admin', 'verification'));

      -- client_hash: a digest of the sender's address, so their newer submission replaces their older one.
      ALTER TABLE pending_submissions
        ADD COLUMN verified_by text,
        ADD COLUMN client_hash bytea;
      CREATE INDEX pending_submissions_target ON pending_submissions (siren, theme, status);

      -- Attestation ids seen, until their attestation expires: each serves once.
      CREATE TABLE attestation_ids (
        issuer text NOT NULL,
        jti text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (issuer, jti)
      );
      CREATE INDEX attestation_ids_expires_at ON attestation_ids (expires_at);
    `,
  },
  {
    version: 7,
    description: 'shared drafts: answers a collectivité fills in together, sealed, expiring',
    sql: `
      -- One shared draft per collectivité and theme. The code is kept as a digest; a closed
      -- draft keeps only this row (no answers) so that colleagues can be told what became of it.
      CREATE TABLE shared_drafts (
        siren text NOT NULL,
        theme text NOT NULL,
        siret text NOT NULL,
        version text NOT NULL,
        code_hash bytea NOT NULL,
        wrong_codes integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_reason text CHECK (closed_reason IN ('sent', 'deleted', 'expired')),
        PRIMARY KEY (siren, theme)
      );
      CREATE INDEX shared_drafts_expires_at ON shared_drafts (expires_at) WHERE closed_at IS NULL;
      CREATE INDEX shared_drafts_closed_at ON shared_drafts (closed_at) WHERE closed_at IS NOT NULL;

      -- Each answer sealed (AES-256-GCM) with who changed it; its version orders the changes.
      CREATE TABLE shared_draft_answers (
        siren text NOT NULL,
        theme text NOT NULL,
        answer_key text NOT NULL,
        version integer NOT NULL,
        sealed bytea NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (siren, theme, answer_key),
        FOREIGN KEY (siren, theme) REFERENCES shared_drafts (siren, theme) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 8,
    description: 'editions: one contribution per collectivité, theme and edition; publications per edition',
    sql: `
      -- A row written before editions were recorded belongs to the edition whose wave for its
      -- theme was open then, else the oldest. A contribution's versions share its creation date.
      ALTER TABLE contributions ADD COLUMN edition text;
      UPDATE contributions SET edition = ${contributionEditionSql('created_at', instant)};
      ALTER TABLE contributions ALTER COLUMN edition SET NOT NULL;
      ALTER TABLE contributions DROP CONSTRAINT contributions_siren_theme_key;
      ALTER TABLE contributions ADD CONSTRAINT contributions_siren_theme_edition_key UNIQUE (siren, theme, edition);
      -- A publication reads one theme of one edition.
      CREATE INDEX contributions_theme_edition ON contributions (theme, edition, siren COLLATE "C");

      ALTER TABLE contribution_history ADD COLUMN edition text;
      UPDATE contribution_history SET edition = ${contributionEditionSql('created_at', instant)};
      ALTER TABLE contribution_history ALTER COLUMN edition SET NOT NULL;
      DROP INDEX contribution_history_siren_theme;
      CREATE INDEX contribution_history_siren_theme ON contribution_history (siren, theme, edition);

      ALTER TABLE pending_submissions ADD COLUMN edition text;
      UPDATE pending_submissions SET edition = ${contributionEditionSql('received_at', instant)};
      ALTER TABLE pending_submissions ALTER COLUMN edition SET NOT NULL;
      DROP INDEX pending_submissions_target;
      CREATE INDEX pending_submissions_target ON pending_submissions (siren, theme, edition, status);

      -- A publication made before belongs to the edition current when it was made.
      ALTER TABLE publications ADD COLUMN edition text;
      UPDATE publications SET edition = ${publicationEditionSql('published_at', instant)};
      ALTER TABLE publications ALTER COLUMN edition SET NOT NULL;
      CREATE INDEX publications_edition ON publications (edition, published_at, id COLLATE "C");
    `,
  },
];

/**
 * The advisory lock held while migrating, so that instances starting together take turns: the
 * first applies the steps, the others then find nothing left to do. Any fixed number would do;
 * this one spells "baro" and "migr" in ASCII, unlikely to collide with another application's.
 */
const MIGRATION_LOCK: readonly [number, number] = [0x6261726f, 0x6d696772];

/**
 * Brings a database to the latest schema. Each step runs in its own transaction together with
 * its `schema_version` row, so a crash leaves the database at a known step. Refuses a database
 * written by a newer release rather than guess. Returns the schema version.
 */
export async function migrate(pool: Pool): Promise<number> {
  const held = await holdConnection(pool);
  const { client } = held;
  let broken = false;
  try {
    // A session lock, not a transaction one: it must outlive the steps' own transactions.
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    const version = await migrateLocked(client);
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    return version;
  } catch (error) {
    // The connection is closed rather than returned to the pool: that ends its session, which
    // releases the lock for the next instance whatever state the failure left it in.
    broken = true;
    throw error;
  } finally {
    held.release(broken);
  }
}

async function migrateLocked(client: PoolClient): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
    version integer NOT NULL,
    applied_at timestamptz NOT NULL,
    description text NOT NULL
  )`);
  const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version');
  const current = rows[0]?.version ?? 0;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new SchemaTooNewError(current, latest);
  }
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    await client.query('BEGIN');
    try {
      await client.query(step.sql);
      await client.query('INSERT INTO schema_version (version, applied_at, description) VALUES ($1, now(), $2)', [
        step.version,
        step.description,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return latest;
}
