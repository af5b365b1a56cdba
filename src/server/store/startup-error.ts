/**
 * A database the server must not start on: damaged, not a database, unreachable, read-only, or
 * written by a newer release. Its message is one line for the operator, naming the database (a
 * file path, or a PostgreSQL URL without its password) and what to do; `main` prints it and
 * exits with code 1, so the instance never joins a load balancer's pool.
 */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}

/** Where the operator finds the recovery steps, named in every start-up refusal. */
export const RECOVERY_DOC = 'see "Operating the server" in src/server/README.md';

/** A database whose schema a newer release wrote: this one would misread it, so it refuses. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly current: number,
    readonly latest: number,
  ) {
    super(`The database schema (version ${current}) is newer than this server knows (${latest}).`);
  }

  /** The operator's line, naming the database. */
  describe(database: string): string {
    return (
      `The database ${database} has schema version ${this.current}, newer than this release knows (${this.latest}): ` +
      `run the release that wrote it, or restore a backup made with this one (${RECOVERY_DOC}).`
    );
  }
}
