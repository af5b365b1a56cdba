/**
 * A code split point loaded once per page. Heavy parts of an element (Chart.js, the map's
 * outlines) are imported dynamically so bundlers put them in chunks of their own, downloaded only
 * when needed. Every caller shares one pending import; a failed one (offline, blocked chunk) is
 * forgotten so that a later call may try again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}
