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
 *
 * `inHand`, when given, finds the module already evaluated by another script (see
 * `chart/chart-loader.ts`): `loaded` has it at once, before this split point's own `import()`,
 * which settles a task later even for a module already there, has come back.
 */
export function lazy<T>(load: () => Promise<T>, inHand?: () => T | undefined): Lazy<T> {
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
  return Object.defineProperty(start, 'loaded', { get: () => loaded ?? inHand?.() }) as Lazy<T>;
}
