/**
 * The script-tag entry. It weighs about three kilobytes gzip: it watches the page for Baromètre
 * tags and loads each element's code the first time its tag appears, so a page with one
 * questionnaire never downloads the charts, and a page of charts never downloads the questionnaire.
 *
 * Elements placed inside another component's shadow root are not seen by the watcher: load them
 * with `import { load } from '…/barometre-widgets.js'; await load('barometre-territoire-chart')`,
 * or call `loadAll()`.
 *
 * Everything an element's first render needs leaves in one round once the tag is seen: its chunk
 * and every chunk that chunk imports (announced together from the build's preload list,
 * `cdn/preload-helper.ts`), the API requests it will make first (`cdn/first-requests.ts`), and
 * Chart.js for a chart near the viewport (`cdn/early-chart-runtime.ts`). A questionnaire's first
 * screen is its identification step, drawn from its code alone; one that opens on another step
 * (a draft, a receipt or a contribution waiting on the device) gets its definition and the code
 * of that step in the same round (`cdn/later-steps.ts`).
 *
 * A loader kept from the release before whose chunks are gone hands over to a fresh copy of itself
 * (`cdn/hand-over.ts`).
 */
import { startChartRuntimeWhenNear } from './cdn/early-chart-runtime.js';
import { sendFirstRequests } from './cdn/first-requests.js';
import { importElement } from './cdn/hand-over.js';
import { startLaterStepsWhenKept } from './cdn/later-steps.js';

const loaders = {
  'barometre-provider': () => import('./elements/provider/define.js'),
  'barometre-questionnaire': () => import('./elements/questionnaire/define.js'),
  'barometre-territoire-chart': () => import('./elements/territoire-chart/define.js'),
  'barometre-indicateur': () => import('./elements/indicateur/define.js'),
  'barometre-carte': () => import('./elements/carte/define.js'),
  'barometre-territoire-select': () => import('./elements/territoire-select/define.js'),
  'barometre-synthese': () => import('./elements/synthese/define.js'),
  'barometre-profil': () => import('./elements/profil/define.js'),
  'barometre-participation': () => import('./elements/participation/define.js'),
  'barometre-evolution': () => import('./elements/evolution/define.js'),
} as const;

/** A tag this script can define. */
export type BarometreTag = keyof typeof loaders;

const TAGS = Object.keys(loaders) as BarometreTag[];
const loading = new Map<BarometreTag, Promise<void>>();
let watcher: MutationObserver | undefined;
const stopWatching = () => watcher?.disconnect();

/** Loads and defines one element (once); resolves when it is defined. */
export function load(tag: BarometreTag): Promise<void> {
  let pending = loading.get(tag);
  if (!pending) {
    pending = importElement(tag, loaders[tag], stopWatching).then(
      () => undefined,
      (error: unknown) => {
        // A failed download (network, blocked chunk) may be retried when the tag shows up again.
        loading.delete(tag);
        console.error(`barometre-widgets: could not load <${tag}>.`, error);
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads and defines every element. */
export function loadAll(): Promise<void> {
  return Promise.all(TAGS.map(load)).then(() => undefined);
}

const isTag = (name: string): name is BarometreTag => Object.hasOwn(loaders, name);

/**
 * An element seen in the page. Until its tag is defined, its first requests are sent from here;
 * once it is, the element sends them itself as it connects, and a request from here would come
 * second and be wasted.
 */
function seen(element: Element, tag: BarometreTag): void {
  const defined = customElements.get(tag) !== undefined;
  // Chart.js first: the largest file of a chart's first drawing, parsed while the rest comes in,
  // so that it is there when the figures render. The check of the chart's place lays the page
  // out a little sooner than its first paint would.
  if (!defined && (tag === 'barometre-territoire-chart' || tag === 'barometre-evolution')) startChartRuntimeWhenNear(element);
  if (!defined) sendFirstRequests(element);
  if (!loading.has(tag)) void load(tag);
  if (defined) return;
  if (tag === 'barometre-questionnaire') startLaterStepsWhenKept(element);
}

function discover(root: ParentNode): void {
  for (const tag of TAGS) {
    for (const element of root.querySelectorAll(tag)) seen(element, tag);
  }
}

function watch(): void {
  discover(document);
  watcher = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (isTag(node.localName)) seen(node, node.localName);
        if (node.firstElementChild) discover(node);
      }
    }
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}

// A module script runs after parsing, but this one may also be imported early by a bundler.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
