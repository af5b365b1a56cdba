/** A code split point: `load()` imports it (once), `loaded` is its module once it is in. */
export interface Lazy<T> {
  (): Promise<T>;
  /** The module once imported: a caller that has it need not wait a turn of the event loop. */
  readonly loaded: T | undefined;
}

/**
 * A code split point loaded once per page. Heavy parts of an element (Chart.js, the map's
 * outlines) are imported dynamically so bundlers put them in chunks of their own, downloaded only
 * when needed. Every caller shares one pending import; a failed one (offline, blocked chunk) is
 * forgotten so that a later call may try again.
 */
export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const start = () => {
    if (!pending) {
      pending = load();
      pending.then(
        (module) => {
          loaded = module;
        },
        () => {
          pending = undefined;
        },
      );
    }
    return pending;
  };
  return Object.defineProperty(start, 'loaded', { get: () => loaded }) as Lazy<T>;
}
