import type { Database } from 'better-sqlite3';
import { contributionEditionSql, publicationEditionSql } from '../edition-of-rows.js';
import { SchemaTooNewError } from '../startup-error.js';

/** ISO instants compare as the text SQLite keeps them in. */
const text = (iso: string) => `'${iso}'`;

/**
 * The database schema as a numbered list of steps. A step, once released, is never edited:
 * changes come as new steps, so every existing database reaches the same schema.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'contributions, history, pending submissions, idempotency keys, admin actions',
    sql: `
      -- One contribution per collectivité (SIREN) and theme: the unique constraint, not a prior
      -- read, is what makes the first submission win under concurrency.
      CREATE TABLE contributions (
        id INTEGER PRIMARY KEY,
        siren TEXT NOT NULL,
        siret TEXT NOT NULL,
        theme TEXT NOT NULL,
        version TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'elu')),
        answers TEXT NOT NULL,
        contact_email TEXT,
        edit_token_hash BLOB NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        band TEXT,
        commune_code TEXT,
        epci_code TEXT,
        departement_code TEXT,
        region_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (siren, theme)
      );
      -- Results select a theme's respondents by territory level.
      CREATE INDEX contributions_theme_region ON contributions (theme, region_code);
      CREATE INDEX contributions_theme_departement ON contributions (theme, departement_code);
      CREATE INDEX contributions_theme_epci ON contributions (theme, epci_code);
      CREATE INDEX contributions_theme_commune ON contributions (theme, commune_code);
      CREATE INDEX contributions_theme_kind_band ON contributions (theme, kind, band);

      CREATE TABLE contribution_history (
        id INTEGER PRIMARY KEY,
        siren TEXT NOT NULL,
        siret TEXT NOT NULL,
        theme TEXT NOT NULL,
        version TEXT NOT NULL,
        role TEXT NOT NULL,
        answers TEXT NOT NULL,
        contact_email TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        band TEXT,
        commune_code TEXT,
        epci_code TEXT,
        departement_code TEXT,
        region_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by TEXT NOT NULL CHECK (replaced_by IN ('edit_token', 'admin'))
      );
      CREATE INDEX contribution_history_siren_theme ON contribution_history (siren, theme);

      CREATE TABLE pending_submissions (
        id TEXT PRIMARY KEY,
        siren TEXT NOT NULL,
        siret TEXT NOT NULL,
        theme TEXT NOT NULL,
        version TEXT NOT NULL,
        role TEXT NOT NULL,
        answers TEXT NOT NULL,
        contact_email TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        band TEXT,
        commune_code TEXT,
        epci_code TEXT,
        departement_code TEXT,
        region_code TEXT,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        decided_at TEXT
      );
      CREATE INDEX pending_submissions_status ON pending_submissions (status, received_at);

      -- Keys and answers are kept unreadable: the key as a digest, the answer sealed with it.
      CREATE TABLE idempotency_keys (
        key_hash BLOB PRIMARY KEY,
        route TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        sealed_response BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

      CREATE TABLE admin_actions (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject')),
        pending_id TEXT NOT NULL,
        siren TEXT NOT NULL,
        theme TEXT NOT NULL,
        at TEXT NOT NULL
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
        theme TEXT NOT NULL,
        region_code TEXT NOT NULL,
        departement_code TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (theme, region_code, departement_code)
      ) WITHOUT ROWID;
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
        theme TEXT NOT NULL,
        region_code TEXT NOT NULL,
        departement_code TEXT NOT NULL,
        band TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (theme, region_code, departement_code, band)
      ) WITHOUT ROWID;
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
      -- publication needs to know of this one (both gzip-compressed JSON). published_at is an
      -- ISO instant, so its text orders publications in time.
      CREATE TABLE publications (
        id TEXT PRIMARY KEY,
        published_at TEXT NOT NULL,
        contributions INTEGER NOT NULL,
        figures BLOB NOT NULL,
        ledger BLOB NOT NULL
      );
      CREATE INDEX publications_published_at ON publications (published_at, id);
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
      ALTER TABLE contributions ADD COLUMN verified_by TEXT;
      -- Wrong edit codes in a row, and until when no code is checked.
      ALTER TABLE contributions ADD COLUMN wrong_codes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE contributions ADD COLUMN locked_until TEXT;

      ALTER TABLE pending_submissions ADD COLUMN verified_by TEXT;
      -- A digest of the sender's address: their newer submission replaces their older one.
      ALTER TABLE pending_submissions ADD COLUMN client_hash BLOB;
      CREATE INDEX pending_submissions_target ON pending_submissions (siren, theme, status);

      -- Rebuilt, as SQLite cannot change a CHECK: a verified respondent now replaces too.
      CREATE TABLE contribution_history_v6 (
        id INTEGER PRIMARY KEY,
        siren TEXT NOT NULL,
        siret TEXT NOT NULL,
        theme TEXT NOT NULL,
        version TEXT NOT NULL,
        role TEXT NOT NULL,
        answers TEXT NOT NULL,
        contact_email TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        band TEXT,
        commune_code TEXT,
        epci_code TEXT,
        departement_code TEXT,
        region_code TEXT,
        verified_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by TEXT NOT NULL CHECK (replaced_by IN ('edit_token', 'admin', 'verification'))
      );
      INSERT INTO contribution_history_v6 (id, siren, siret, theme, version, role, answers, contact_email, name, kind, band,
          commune_code, epci_code, departement_code, region_code, created_at, updated_at, replaced_at, replaced_by)
        SELECT id, siren, siret, theme, version, role, answers, contact_email, name, kind, band,
          commune_code, epci_code, departement_code, region_code, created_at, updated_at, replaced_at, replaced_by
        FROM contribution_history;
      DROP TABLE contribution_history;
      ALTER TABLE contribution_history_v6 RENAME TO contribution_history;
      CREATE INDEX contribution_history_siren_theme ON contribution_history (siren, theme);

      -- Attestation ids seen, until their attestation expires: each serves once.
      CREATE TABLE attestation_ids (
        issuer TEXT NOT NULL,
        jti TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (issuer, jti)
      ) WITHOUT ROWID;
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
        siren TEXT NOT NULL,
        theme TEXT NOT NULL,
        siret TEXT NOT NULL,
        version TEXT NOT NULL,
        code_hash BLOB NOT NULL,
        wrong_codes INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        closed_at TEXT,
        closed_reason TEXT CHECK (closed_reason IN ('sent', 'deleted', 'expired')),
        PRIMARY KEY (siren, theme)
      ) WITHOUT ROWID;
      CREATE INDEX shared_drafts_expires_at ON shared_drafts (expires_at) WHERE closed_at IS NULL;
      CREATE INDEX shared_drafts_closed_at ON shared_drafts (closed_at) WHERE closed_at IS NOT NULL;

      -- Each answer sealed (AES-256-GCM) with who changed it; its version orders the changes.
      CREATE TABLE shared_draft_answers (
        siren TEXT NOT NULL,
        theme TEXT NOT NULL,
        answer_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        sealed BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (siren, theme, answer_key),
        FOREIGN KEY (siren, theme) REFERENCES shared_drafts (siren, theme) ON DELETE CASCADE
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    description: 'editions: one contribution per collectivité, theme and edition; publications per edition',
    sql: `
      -- Rebuilt, as SQLite cannot change a UNIQUE constraint. A row written before editions were
      -- recorded belongs to the edition whose wave for its theme was open then, else the oldest.
      CREATE TABLE contributions_v8 (
        id INTEGER PRIMARY KEY,
        siren TEXT NOT NULL,
        siret TEXT NOT NULL,
        theme TEXT NOT NULL,
        edition TEXT NOT NULL,
        version TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'elu')),
        answers TEXT NOT NULL,
        contact_email TEXT,
        edit_token_hash BLOB NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        band TEXT,
        commune_code TEXT,
        epci_code TEXT,
        departement_code TEXT,
        region_code TEXT,
        verified_by TEXT,
        wrong_codes INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (siren, theme, edition)
      );
      INSERT INTO contributions_v8 (id, siren, siret, theme, edition, version, role, answers, contact_email, edit_token_hash,
          name, kind, band, commune_code, epci_code, departement_code, region_code, verified_by, wrong_codes, locked_until,
          created_at, updated_at)
        SELECT id, siren, siret, theme, ${contributionEditionSql('created_at', text)}, version, role, answers, contact_email,
          edit_token_hash, name, kind, band, commune_code, epci_code, departement_code, region_code, verified_by, wrong_codes,
          locked_until, created_at, updated_at
        FROM contributions;
      DROP TABLE contributions;
      ALTER TABLE contributions_v8 RENAME TO contributions;
      -- A publication reads one theme of one edition.
      CREATE INDEX contributions_theme_edition ON contributions (theme, edition, siren);
      CREATE INDEX contributions_theme_region ON contributions (theme, region_code);
      CREATE INDEX contributions_theme_departement ON contributions (theme, departement_code);
      CREATE INDEX contributions_theme_epci ON contributions (theme, epci_code);
      CREATE INDEX contributions_theme_commune ON contributions (theme, commune_code);
      CREATE INDEX contributions_theme_kind_band ON contributions (theme, kind, band);

      -- A contribution's versions share its creation date, hence its edition.
      ALTER TABLE contribution_history ADD COLUMN edition TEXT NOT NULL DEFAULT '';
      UPDATE contribution_history SET edition = ${contributionEditionSql('created_at', text)};
      DROP INDEX contribution_history_siren_theme;
      CREATE INDEX contribution_history_siren_theme ON contribution_history (siren, theme, edition);

      ALTER TABLE pending_submissions ADD COLUMN edition TEXT NOT NULL DEFAULT '';
      UPDATE pending_submissions SET edition = ${contributionEditionSql('received_at', text)};
      DROP INDEX pending_submissions_target;
      CREATE INDEX pending_submissions_target ON pending_submissions (siren, theme, edition, status);

      -- A publication made before belongs to the edition current when it was made.
      ALTER TABLE publications ADD COLUMN edition TEXT NOT NULL DEFAULT '';
      UPDATE publications SET edition = ${publicationEditionSql('published_at', text)};
      CREATE INDEX publications_edition ON publications (edition, published_at, id);
    `,
  },
];

/**
 * Brings a database to the latest schema. Each step runs in its own transaction together with
 * the bump of `schema_version`, so a crash leaves the database at a known step.
 * Refuses a database written by a newer release rather than guess.
 */
export function migrate(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TEXT NOT NULL,
    description TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null })
    .version ?? 0;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new SchemaTooNewError(current, latest);
  }
  const record = db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)');
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      record.run(step.version, new Date().toISOString(), step.description);
    }).immediate();
  }
  return latest;
}
