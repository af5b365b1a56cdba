/**
 * A loader kept from the release before. Browsers keep the loader with `stale-while-revalidate`
 * (see the README's caching section): a page visited again within a week runs the copy they kept
 * at once, and revalidates it in the background. That copy names its own release's chunks, which a
 * deployment keeps for that long; if they are gone anyway, importing an element's chunk fails.
 * The loader then imports a fresh copy of itself under a URL no cache has seen, stops watching the
 * page and hands over: the fresh copy defines what is still undefined, with chunks of its own
 * release (no chunk imports the loader, see `scripts/loader-own-copies.mjs`), and the stale copy's
 * `load(tag)` resolves with the fresh copy's.
 *
 * Once per page: a copy that takes over never hands over in turn, and says its failures on the
 * console as the loader always did (so does the copy a front keying its cache without the query
 * string would serve: the stale one again). When no fresh copy can be had either (offline), the
 * element's failure is said as before, and a later appearance of its tag tries again.
 */

/** What the fresh copy is asked: the loader's own export. */
interface Loader {
  load(tag: string): Promise<void>;
}

/** The query naming a copy imported to take over (a page's own script tag is unlikely to carry it). */
const HANDOVER = 'handover';

/** Whether this copy was imported by a stale one, to take over from it. */
const takingOver = new URL(import.meta.url).searchParams.has(HANDOVER);

/** The element chunks this copy asked for: the fresh copy comes once they have all settled. */
const downloads: Promise<unknown>[] = [];

/** The fresh copy, once one is asked for. */
let successor: Promise<Loader> | undefined;

function importFreshCopy(stopWatching: () => void): Promise<Loader> {
  const url = new URL(import.meta.url);
  url.searchParams.set(HANDOVER, String(Date.now()));
  // After this copy's own downloads: an element it is still defining would be defined twice.
  return Promise.allSettled(downloads)
    .then(() => import(/* @vite-ignore */ url.href) as Promise<Loader>)
    .then(
      (copy) => {
        stopWatching();
        return copy;
      },
      (error: unknown) => {
        successor = undefined;
        throw error;
      },
    );
}

/**
 * Imports an element's chunk (`chunk`) — or has the fresh copy load the element, when this copy's
 * chunk is not there or this copy has already handed over. Rejects with the element's own error
 * when no fresh copy could be had.
 */
export function importElement(tag: string, chunk: () => Promise<unknown>, stopWatching: () => void): Promise<unknown> {
  // A copy that takes over leaves alone what the stale one defined: no clash to warn about.
  if (takingOver && customElements.get(tag)) return Promise.resolve();
  if (successor) return successor.then((copy) => copy.load(tag));
  const own = chunk();
  if (takingOver) return own;
  downloads.push(own);
  return own.catch((error: unknown) => {
    successor ??= importFreshCopy(stopWatching);
    return successor.then(
      (copy) => copy.load(tag),
      () => Promise.reject(error),
    );
  });
}
