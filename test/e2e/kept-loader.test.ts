import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { startFront, type Front } from './front.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

/**
 * The loader a browser kept: it is revalidated behind the page's back (`stale-while-revalidate`),
 * so a visit the day after runs the copy the browser kept at once, and a copy of the release
 * before whose element's chunk is gone hands over to a fresh copy of itself.
 */

const CDN = 'dist/cdn';
const LOADER = readFileSync(join(CDN, 'barometre-widgets.js'), 'utf8');
const SIRET_LABEL = 'Numéro SIRET de votre collectivité';
const DAY_SECONDS = 24 * 3600;

/** The chunk the built loader imports for a tag, as its table names it. */
function chunkOf(tag: string): string {
  const name = new RegExp(`"${tag}":\\(\\)=>[^\`]*\`\\./chunks/([\\w-]+\\.js)\``).exec(LOADER)?.[1];
  assert.ok(name, `the loader names a chunk for <${tag}>`);
  return name;
}

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const pathOf = (incoming: IncomingMessage) => new URL(incoming.url ?? '/', 'http://front').pathname;

/** A page of the host's, kept five minutes and revalidated with its tag, as the server's pages are. */
function hostPage(path: string, html: (origin: string) => string, origin: () => string) {
  return (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    if (pathOf(incoming) !== path) return false;
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300', etag: '"page"', age: String(DAY_SECONDS) };
    if (incoming.headers['if-none-match'] === '"page"') outgoing.writeHead(304, headers).end();
    else outgoing.writeHead(200, headers).end(html(origin()));
    return true;
  };
}

const questionnairePage = (origin: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <script type="module" src="/cdn/barometre-widgets.js"></script></head><body>
  <barometre-provider api="${origin}/api/v1"><barometre-questionnaire theme="cybersecurite"></barometre-questionnaire></barometre-provider>
  </body></html>`;

/** What the loader says on the console (a clash of definitions, an element that could not load). */
function loaderMessages(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('barometre-widgets:')) said.push(`${message.type()}: ${message.text()}`);
  });
  return said;
}

test('no chunk imports the loader: a fresh copy of the loader brings chunks that link to it alone', () => {
  const chunks = readdirSync(join(CDN, 'chunks')).filter((name) => name.endsWith('.js'));
  assert.ok(chunks.length > 10);
  const importing = chunks.filter((name) => /from\s*["']\.\.\/barometre-widgets\.js["']/.test(readFileSync(join(CDN, 'chunks', name), 'utf8')));
  assert.deepEqual(importing, []);
});

/**
 * A front that serves, at the loader's own URL, the loader of "the release before": the built
 * loader with its questionnaire's chunk renamed to a file that is not there (a deployment removed
 * it), and its provider's chunk under another URL (the release before's own provider, which is
 * there). The loader with a query string is the current one, from the server.
 */
async function releaseBefore(options: { freshAnswers?: () => boolean } = {}): Promise<Front> {
  const questionnaire = chunkOf('barometre-questionnaire');
  const provider = chunkOf('barometre-provider');
  const stale = LOADER.replaceAll(questionnaire, 'questionnaire-g0ne0000.js').replaceAll(provider, `${provider}?release-before`);
  let origin = '';
  const page = hostPage('/kept-loader.html', questionnairePage, () => origin);
  const front = await startFront(server.origin, {
    own: (incoming, outgoing) => {
      if (page(incoming, outgoing)) return true;
      const url = new URL(incoming.url ?? '/', 'http://front');
      if (url.pathname !== '/cdn/barometre-widgets.js') return false;
      if (url.search === '') {
        outgoing.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(stale);
        return true;
      }
      if (options.freshAnswers?.() === false) {
        // Offline, for the fresh copy: the connection fails as a network down would fail it.
        outgoing.destroy();
        return true;
      }
      return false;
    },
  });
  origin = front.origin;
  return front;
}

test('a loader of the release before whose element chunk is gone hands over to a fresh copy, asked for once', async () => {
  const front = await releaseBefore();
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname + new URL(request.url()).search));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const said = loaderMessages(page);
  try {
    await page.goto(`${front.origin}/kept-loader.html`);
    await page.locator('barometre-questionnaire').getByLabel(SIRET_LABEL).waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForLoadState('networkidle');

    const fresh = asked.filter((path) => /^\/cdn\/barometre-widgets\.js\?handover=\d+$/.test(path));
    assert.equal(fresh.length, 1, `the fresh copy is asked for once:\n${asked.join('\n')}`);
    assert.ok(asked.includes(`/cdn/chunks/${chunkOf('barometre-questionnaire')}`), 'the questionnaire comes from the fresh copy’s chunk');
    // The provider the stale copy defined stays: the fresh copy does not load it again.
    assert.ok(asked.includes(`/cdn/chunks/${chunkOf('barometre-provider')}?release-before`));
    assert.ok(!asked.includes(`/cdn/chunks/${chunkOf('barometre-provider')}`), `the fresh copy left the provider alone:\n${asked.join('\n')}`);
    assert.deepEqual(said, [], 'no clash of definitions, no element that could not load');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await front.close();
  }
});

test('when the fresh copy cannot be had either, the failure is said once and a later questionnaire tries again', async () => {
  let online = false;
  const front = await releaseBefore({ freshAnswers: () => online });
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname + new URL(request.url()).search));
  const said = loaderMessages(page);
  try {
    await page.goto(`${front.origin}/kept-loader.html`);
    await page.waitForFunction(() => customElements.get('barometre-provider') !== undefined);
    const failed = () => said.filter((text) => text.includes('could not load <barometre-questionnaire>'));
    for (let waited = 0; failed().length === 0 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    assert.equal(failed().length, 1, `said once: ${JSON.stringify(said)}`);
    assert.ok(failed()[0]!.startsWith('error:'));
    const handovers = () => asked.filter((path) => path.startsWith('/cdn/barometre-widgets.js?handover=')).length;
    assert.equal(handovers(), 1, 'no loop of fresh copies');
    assert.equal(await page.evaluate(() => customElements.get('barometre-questionnaire')), undefined);

    // Back online: a questionnaire that appears later is tried again, and the fresh copy takes over.
    online = true;
    await page.evaluate(() => {
      const later = document.createElement('barometre-questionnaire');
      later.setAttribute('theme', 'cybersecurite');
      document.querySelector('barometre-provider')!.append(later);
    });
    await page.locator('barometre-questionnaire').first().getByLabel(SIRET_LABEL).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(handovers(), 2);
    assert.equal(failed().length, 1, `nothing more said: ${JSON.stringify(said)}`);
  } finally {
    await page.close();
    await front.close();
  }
});

test('visited again the day after, the page runs the kept loader: its element’s requests leave before the loader is revalidated', async () => {
  let origin = '';
  let revisiting = false;
  let definitionArrived = () => {};
  const definition = new Promise<void>((resolve) => (definitionArrived = resolve));
  /** What held the loader's revalidation back: the definition's request arriving, or the time running out. */
  let loaderHeldUntil: 'definition' | 'timeout' | undefined;
  const page = hostPage('/revisit.html', questionnairePage, () => origin);
  const front = await startFront(server.origin, {
    ageSeconds: DAY_SECONDS,
    own: (incoming, outgoing) => {
      if (revisiting && pathOf(incoming) === '/api/v1/questionnaires/cybersecurite') definitionArrived();
      return page(incoming, outgoing);
    },
    release: async (incoming) => {
      if (!revisiting || pathOf(incoming) !== '/cdn/barometre-widgets.js') return;
      loaderHeldUntil = await Promise.race([
        definition.then(() => 'definition' as const),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000)),
      ]);
    },
  });
  origin = front.origin;
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/revisit.html`);
    await tab.locator('barometre-questionnaire').getByLabel(SIRET_LABEL).waitFor({ state: 'visible', timeout: 15_000 });
    await tab.waitForLoadState('networkidle');

    revisiting = true;
    await tab.goto(`${origin}/revisit.html`, { waitUntil: 'commit' });
    await tab.locator('barometre-questionnaire').getByLabel(SIRET_LABEL).waitFor({ state: 'visible', timeout: 15_000 });
    for (let waited = 0; loaderHeldUntil === undefined && waited < 10_000; waited += 100) await tab.waitForTimeout(100);
    assert.equal(loaderHeldUntil, 'definition', 'the loader is revalidated in the background: the definition’s request came while its answer was held back');
  } finally {
    await context.close();
    await front.close();
  }
});
