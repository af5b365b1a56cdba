import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Request } from 'playwright-core';
import { chromiumPath } from '../lib/machine.js';
import { applyConditions, type LoadConditions } from './conditions.js';

/**
 * One page load, timed in the page by bench/pages/probe.js. Every load gets a new browser context:
 * an empty HTTP cache, no stored state, nothing compiled kept from an earlier load.
 */

export type ProbeConfig = { mode: 'input'; selector: string; host?: string } | { mode: 'canvas' };

export interface Scenario {
  /** Short name for tables. */
  label: string;
  url: string;
  probe: ProbeConfig;
  reducedMotion?: 'reduce' | 'no-preference';
  /** localStorage entries present before the page's own scripts run. */
  storage?: Record<string, string>;
  /**
   * Whether the timed load is a visit again: the page is first loaded once, untimed, in the same
   * browser context, whose cache (HTTP and compiled code) the timed load then finds.
   */
  visitedBefore?: boolean;
}

export interface ResourceTiming {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
  /** Bytes that came over the network: 0 when the browser's cache answered. */
  transferSize: number;
}

export interface LoadResult {
  /** From navigation start to the probe's "done" (ms). */
  doneAt: number;
  /** Canvas: first painted frame; input: same as doneAt. */
  firstAt: number;
  /** What the probe found. */
  what: string;
  resources: ResourceTiming[];
  /** Scripts and stylesheets received before done, with each body's gzip-9 and brotli-11 sizes (when asked). */
  downloaded?: { files: number; gzip: number; brotli: number };
  /** Requests to anywhere but the local server (when asked): nothing may come from the internet. */
  external?: string[];
}

const PROBE = readFileSync(resolve(import.meta.dirname, '../pages/probe.js'), 'utf8');
const DONE = '__bench_done__';

export function launch(): Promise<Browser> {
  // The flags of test/e2e/harness.ts (a quiet browser that fetches nothing of its own), and every
  // host name but the local server's failing at once: nothing may come from the internet, and a
  // page that asks anyway must not wait for a network that is not there. Nor does the browser
  // prepare its address bar's suggestions popup (a page of its own, over a hundred files, loaded
  // and run in the background of most new contexts): it took the processor from whichever page was
  // being timed, either side of a comparison, at random.
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=WebUIOmniboxPopup',
    ],
  });
}

export async function loadOnce(
  browser: Browser,
  scenario: Scenario,
  options: { weigh?: boolean; timeoutMs?: number; conditions?: LoadConditions } = {},
): Promise<LoadResult> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: scenario.reducedMotion ?? 'no-preference',
    serviceWorkers: 'block',
    // The HTTP/2 front's certificate is the benchmark's own (see render/http2-front.ts).
    ignoreHTTPSErrors: true,
  });
  try {
    const setup = [
      `window.__benchProbeConfig = ${JSON.stringify(scenario.probe)};`,
      ...Object.entries(scenario.storage ?? {}).map(
        ([key, value]) => `try { localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)}); } catch {}`,
      ),
    ].join('\n');
    await context.addInitScript({ content: `${setup}\n${PROBE}` });
    const page = await context.newPage();
    if (options.conditions) await applyConditions(page, options.conditions);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const received: Request[] = [];
    let finished = false;
    const external: string[] = [];
    const local = new URL(scenario.url).origin;
    if (options.weigh) {
      page.on('request', (request) => {
        const url = request.url();
        if (/^https?:/.test(url) && new URL(url).origin !== local) external.push(url);
      });
      page.on('requestfinished', (request) => {
        const type = request.resourceType();
        if (!finished && (type === 'script' || type === 'stylesheet')) received.push(request);
      });
    }
    const timeout = options.timeoutMs ?? 30_000;
    const visit = async () => {
      finished = false;
      received.length = 0;
      external.length = 0;
      const done = page.waitForEvent('console', { predicate: (message) => message.text() === DONE, timeout });
      await page.goto(scenario.url, { waitUntil: 'commit', timeout });
      try {
        await done;
      } catch (error) {
        const detail = errors.length > 0 ? ` Page errors: ${errors.join(' | ')}` : '';
        throw new Error(`${scenario.label}: not rendered within ${timeout / 1000} s (${scenario.url}).${detail}`, { cause: error });
      }
      finished = true;
    };
    if (scenario.visitedBefore) await visit();
    await visit();
    const result = (await page.evaluate('window.__benchResult')) as LoadResult;
    if (options.weigh) {
      let gzip = 0;
      let brotli = 0;
      for (const request of received) {
        const body = await (await request.response())?.body().catch(() => undefined);
        if (!body) continue;
        gzip += gzipSync(body, { level: 9 }).length;
        brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      }
      result.downloaded = { files: received.length, gzip, brotli };
      result.external = external;
    }
    return result;
  } finally {
    await context.close();
  }
}
