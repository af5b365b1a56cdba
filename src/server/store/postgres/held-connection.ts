import type { Pool, PoolClient } from 'pg';

/** A pooled connection held for several statements, and the way to give it back. */
export interface HeldConnection {
  readonly client: PoolClient;
  /** Gives it back to the pool; it is closed instead when `broken` says so or when it failed while held. */
  release(broken?: boolean): void;
}

/**
 * Takes a connection from the pool for several statements (a transaction, a session lock).
 *
 * While a connection is held, `pg` reports its end (a database restart, `pg_terminate_backend`,
 * a network cut) as an `error` event on it, besides failing the statement in flight; the pool
 * listens to idle connections only. Unheard, that event is thrown at the process and stops the
 * whole server for one lost connection. It is heard here: `onError` is told (by default nothing
 * more is needed, the statement's own failure carries the error), and the connection is closed on
 * release rather than pooled again.
 */
export async function holdConnection(pool: Pool, onError: (error: Error) => void = () => undefined): Promise<HeldConnection> {
  const client = await pool.connect();
  let failed = false;
  const listener = (error: Error) => {
    failed = true;
    onError(error);
  };
  client.on('error', listener);
  return {
    client,
    release(broken = false) {
      client.removeListener('error', listener);
      client.release(broken || failed);
    },
  };
}
