import { median, ms, percentile, sortedCopy } from '../lib/stats.js';
import type { LoadResult, ResourceTiming } from './browser.js';

/** What the render tables and notes say of a side's loads: medians of each load's figures, and its rounds of requests. */

export interface Summary {
  done: number;
  /** Quartiles of done: how much the loads varied. */
  q1: number;
  q3: number;
  first: number;
  lastAsset: number;
  lastApi: number;
  /** The last script, style or API response in before done, and the time from it to done, each a median over the loads. */
  lastIn: number;
  afterLastIn: number;
  requests: number;
  rounds: number;
  /** Requests that went over the network (a revalidation included) and their bytes, and their rounds: what a visit again still waits for. */
  network: number;
  networkBytes: number;
  networkRounds: number;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
export const isAsset = (name: string) => /\.(?:m?js|cjs|css)$/.test(new URL(name).pathname);
export const isApi = (name: string) => new URL(name).pathname.startsWith('/api/');
const isAssetOrApi = (name: string) => isAsset(name) || isApi(name);
/** A load with none of a kind of response has no time for it: left out of that median, not counted as NaN (which sorts anywhere). */
const finite = (values: readonly number[]) => values.filter(Number.isFinite);

/**
 * The sequential rounds of requests of a load: a request that starts after the first response of
 * the current round has arrived (it could only be asked for because of what came) opens a new
 * round. A page whose files are all named in its HTML needs one.
 */
export function roundsOf(resources: readonly ResourceTiming[]): ResourceTiming[][] {
  const sorted = [...resources].sort((a, b) => a.startTime - b.startTime);
  const rounds: ResourceTiming[][] = [];
  let firstEnd = Number.NEGATIVE_INFINITY;
  for (const entry of sorted) {
    if (entry.startTime >= firstEnd) {
      rounds.push([entry]);
      firstEnd = entry.responseEnd;
    } else {
      rounds.at(-1)!.push(entry);
      firstEnd = Math.min(firstEnd, entry.responseEnd);
    }
  }
  return rounds;
}

export const before = (load: LoadResult) => load.resources.filter((entry) => entry.responseEnd <= load.doneAt);
export const overNetwork = (load: LoadResult) => before(load).filter((entry) => entry.transferSize > 0);

/**
 * `[barometre-widgets.js] → [questionnaire-….js +11] → [views-….js +3, GET questionnaires/cybersecurite]`
 * for one load; only what went over the network with `networkOnly` (a visit again).
 */
export function describeRounds(load: LoadResult | undefined, networkOnly = false): string {
  if (!load) return '';
  const path = (entry: ResourceTiming) => new URL(entry.name).pathname;
  return roundsOf(networkOnly ? overNetwork(load) : before(load))
    .map((round) => {
      const files = round.filter((entry) => !isApi(entry.name));
      const parts = files.length > 0 ? [`${path(files[0]!).split('/').pop()}${files.length > 1 ? ` +${files.length - 1}` : ''}`] : [];
      for (const entry of round) if (isApi(entry.name)) parts.push(`GET ${path(entry).replace('/api/v1/', '')}`);
      return `[${parts.join(', ')}]`;
    })
    .join(' → ');
}

/** Medians over the loads: done, first paint, the last script/style and API response received before done, requests and rounds. */
export function summarize(loads: readonly LoadResult[]): Summary {
  const last = (load: LoadResult, keep: (name: string) => boolean) => {
    const ends = before(load).filter((entry) => keep(entry.name)).map((entry) => entry.responseEnd);
    return ends.length > 0 ? Math.max(...ends) : Number.NaN;
  };
  const done = sortedCopy(loads.map((load) => load.doneAt));
  return {
    done: median(done),
    q1: percentile(done, 25),
    q3: percentile(done, 75),
    first: median(loads.map((load) => load.firstAt)),
    lastAsset: median(finite(loads.map((load) => last(load, isAsset)))),
    lastApi: median(finite(loads.map((load) => last(load, isApi)))),
    lastIn: median(finite(loads.map((load) => last(load, isAssetOrApi)))),
    // Per load, then the median: medians of the arrival and of done taken apart may come from different loads.
    afterLastIn: median(finite(loads.map((load) => load.doneAt - last(load, isAssetOrApi)))),
    requests: median(loads.map((load) => before(load).length)),
    rounds: median(loads.map((load) => roundsOf(before(load)).length)),
    network: median(loads.map((load) => overNetwork(load).length)),
    networkBytes: median(loads.map((load) => overNetwork(load).reduce((sum, entry) => sum + entry.transferSize, 0))),
    networkRounds: median(loads.map((load) => roundsOf(overNetwork(load)).length)),
  };
}

/** Where the time of a side went: waiting for requests, then script and rendering. */
export function breakdown(name: string, s: Summary): string {
  return (
    `${name}: ${s.requests} requests in ${s.rounds} sequential round${s.rounds === 1 ? '' : 's'}, the last in at ${ms(s.lastIn)} ` +
    `(${Math.round((100 * s.lastIn) / s.done)} % of its ${ms(s.done)}), then ${ms(s.afterLastIn)} of script and rendering`
  );
}
