import { RECOVERY_DOC, SchemaTooNewError } from '../startup-error.js';

/**
 * The one line said when the server cannot start on a PostgreSQL database: what went wrong in
 * an operator's words, and where to look. `database` names it without its password.
 */
export function postgresStartupMessage(database: string, error: unknown): string {
  if (error instanceof SchemaTooNewError) return error.describe(database);
  const { code } = error as { code?: unknown };
  const reason = error instanceof Error ? error.message : String(error);
  const hint = (() => {
    switch (code) {
      case 'ECONNREFUSED':
        return 'nothing answers at that address: is PostgreSQL running, and are the host and port right?';
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return 'the host name is not known: check the host of BAROMETRE_DATABASE_URL.';
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return 'the host cannot be reached: check the network and any firewall between them.';
      case '28P01':
      case '28000':
        return 'the server refused these credentials: check the user and password of BAROMETRE_DATABASE_URL.';
      case '3D000':
        return 'that database does not exist: create it (createdb) or correct its name.';
      case '57P03':
        return 'PostgreSQL is starting or shutting down: the server can be started again once it accepts connections.';
      case '53300':
        return 'PostgreSQL has no connection left: lower BAROMETRE_DATABASE_POOL or raise max_connections.';
      default:
        // pg's own timeout has no code.
        if (/timeout/i.test(reason)) return 'PostgreSQL did not answer in time: check that it is up and reachable.';
        return undefined;
    }
  })();
  return `Cannot open the PostgreSQL database ${database}: ${reason}${hint ? ` — ${hint}` : ''} (${RECOVERY_DOC}).`;
}
