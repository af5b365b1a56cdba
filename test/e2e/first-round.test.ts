import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadBundleSize } from '../../bench/lib/bundle.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

/**
 * The script-tag build's first round: once the loader has run, an element's code, the chunks it
 * imports, its first API requests and, for a chart in view, Chart.js all leave together; and the
 * element takes the answers to the requests the loader sent instead of asking again.
 */

const CHUNKS = 'dist/cdn/chunks';

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

test('the questionnaire’s first screen is two files besides the loader, its chunk and Lit’s, and no other element’s code imports its chunk', async () => {
  const { loaderChunk, staticClosure } = await loadBundleSize();
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
  const tags = [...new Set(manifest.modules.flatMap((module) => (module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? [])))];
  const chunkOf = (tag: string) => {
    const chunk = loaderChunk('dist/cdn/barometre-widgets.js', tag);
    assert.ok(chunk, `the loader names <${tag}>'s chunk`);
    return chunk;
  };
  const questionnaire = chunkOf('barometre-questionnaire');
  assert.match(basename(questionnaire), /^questionnaire-element-/);
  // Its own, and Lit's with what every element shares: a round of more files took longer on
  // loopback, in connections opened.
  const imports = staticClosure(questionnaire).slice(1).map((file) => basename(file).replace(/-[\w-]{8}\.js$/, ''));
  assert.deepEqual(imports, ['lit'], `${questionnaire} imports ${imports.join(', ')}`);
  // The bundler's runtime is copied into the chunks that use it, never a file of its own.
  assert.deepEqual(readdirSync(CHUNKS).filter((name) => name.startsWith('rolldown-runtime')), []);
  // Every module its define.ts imports joins its chunk unless an earlier group took it: one that
  // another element imported too would make that element download the questionnaire.
  assert.ok(tags.length >= 10, tags.join(', '));
  for (const tag of tags.filter((name) => name !== 'barometre-questionnaire')) {
    const chunk = chunkOf(tag);
    assert.ok(!staticClosure(chunk).includes(questionnaire), `<${tag}>'s ${chunk} imports ${questionnaire}`);
  }
});

interface Entry {
  name: string;
  start: number;
  end: number;
}

test('the loader sends the first requests of a questionnaire and a chart with their code, each once', async () => {
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <script type="module" src="/cdn/barometre-widgets.js"></script></head><body>
    <barometre-provider api="${server.api}" territoire="departement:33">
      <barometre-questionnaire theme="cybersecurite"></barometre-questionnaire>
      <barometre-territoire-chart theme="inclusion" question="lieu_mediation" comparer="region france"></barometre-territoire-chart>
    </barometre-provider></body></html>`;
  await page.route(`${server.origin}/first-round.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.origin}/first-round.html`);
  // The questionnaire's progress shows once its definition is in; the chart's source line once its results are.
  await page.waitForFunction(() =>
    Boolean(
      document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="progress"]') &&
        document.querySelector('barometre-territoire-chart')?.shadowRoot?.querySelector('[part~="source"]'),
    ),
  );
  await page.waitForLoadState('networkidle');

  const api = asked.filter((url) => url.includes('/api/v1/')).map((url) => url.slice(server.api.length));
  const count = (pattern: RegExp) => api.filter((path) => pattern.test(path)).length;
  // The definitions, each once; the questionnaire's wave is asked once too, after its first screen.
  assert.equal(count(/^\/questionnaires\/cybersecurite(\?|$)/), 1, api.join('\n'));
  assert.equal(count(/^\/questionnaires\/cybersecurite\/vague(\?|$)/), 1, api.join('\n'));
  assert.equal(count(/^\/questionnaires\/inclusion(\?|$)/), 1, api.join('\n'));
  assert.equal(count(/^\/resultats\/inclusion\?/), 1, api.join('\n'));
  assert.equal(asked.filter((url) => /preload-helper/.test(url)).length, 0, 'no preload helper of its own');
  const code = asked.filter((url) => url.includes('/cdn/'));
  assert.deepEqual(code, [...new Set(code)], 'each file of code is asked for once');
  // Chart.js, the largest file of the chart's first drawing, before the chart's own code.
  const runtimeAt = code.findIndex((url) => /\/chunks\/chart-runtime-/.test(url));
  assert.ok(runtimeAt >= 0 && runtimeAt < code.findIndex((url) => /\/chunks\/territoire-chart-/.test(url)), code.join('\n'));

  const entries = (await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
  )) as Entry[];
  const find = (pattern: RegExp) => {
    const found = entries.find((entry) => pattern.test(entry.name));
    assert.ok(found, `${pattern} was loaded`);
    return found;
  };
  const questionnaire = find(/\/chunks\/questionnaire-element-[\w-]+\.js$/);
  const chart = find(/\/chunks\/territoire-chart-[\w-]+\.js$/);
  // The chart's answers and Chart.js: asked for before its code had arrived, in the same round.
  for (const pattern of [/\/questionnaires\/inclusion$/, /\/resultats\/inclusion\?/, /\/chunks\/chart-runtime-[\w-]+\.js$/]) {
    const entry = find(pattern);
    assert.ok(entry.start < chart.end, `${entry.name} started at ${entry.start} ms, before ${chart.name} arrived at ${chart.end} ms`);
  }
  // A first visit's questionnaire opens on its identification step, which needs no definition:
  // the element asks for it as it draws that step, not the loader beside its code.
  const definition = find(/\/questionnaires\/cybersecurite$/);
  assert.ok(definition.start >= questionnaire.end, `${definition.name} started at ${definition.start} ms, after ${questionnaire.name} arrived at ${questionnaire.end} ms`);
  // And every chunk the element's chunk imports, however deep: the preload helper
  // (`src/cdn/preload-helper.ts`) announces them beside the chunk, else each level of imports
  // would wait for the one above it to arrive.
  const { staticClosure } = await loadBundleSize();
  for (const element of [questionnaire, chart]) {
    const imports = staticClosure(join(CHUNKS, basename(element.name))).slice(1).map((file) => basename(file));
    assert.ok(imports.length > 0, `${element.name} imports chunks`);
    for (const name of imports) {
      const entry = entries.find((loaded) => loaded.name.endsWith(`/chunks/${name}`));
      assert.ok(entry, `${name}, imported by ${element.name}, was loaded`);
      assert.ok(entry.start < element.end, `${entry.name} started at ${entry.start} ms, before ${element.name} arrived at ${element.end} ms`);
    }
  }
  await page.close();
});

test('the loader sends the definition and the later steps’ code with a questionnaire’s when its theme has a draft on the device', async () => {
  const context = await browser.newContext();
  // Any key of the theme's drafts will do: the loader reads the keys only, never a draft.
  await context.addInitScript(() => localStorage.setItem('barometre:draft:cybersecurite:1.0.0:-', '{}'));
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <script type="module" src="/cdn/barometre-widgets.js"></script></head><body>
    <barometre-questionnaire api="${server.api}" theme="cybersecurite"></barometre-questionnaire></body></html>`;
  await page.route(`${server.origin}/draft-round.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.origin}/draft-round.html`);
  await page.waitForFunction(() => Boolean(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="progress"]')));
  await page.waitForLoadState('networkidle');

  const entries = (await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
  )) as Entry[];
  const loader = entries.find((entry) => /\/barometre-widgets\.js$/.test(entry.name));
  const views = entries.find((entry) => /\/chunks\/views-[\w-]+\.js$/.test(entry.name));
  assert.ok(loader && views, 'the loader and the steps’ code were loaded');
  const definition = entries.find((entry) => /\/questionnaires\/cybersecurite$/.test(entry.name));
  assert.ok(definition, 'the definition was loaded');
  assert.equal(asked.filter((url) => /\/chunks\/views-[\w-]+\.js$/.test(url)).length, 1, 'the steps’ code is asked for once');
  assert.equal(asked.filter((url) => /\/questionnaires\/cybersecurite$/.test(url)).length, 1, 'the definition is asked for once');
  // Asked for by the loader as it ran, not by the element once its own code had arrived.
  const element = entries.filter((entry) => /\/chunks\/questionnaire-element-[\w-]+\.js$/.test(entry.name)).sort((a, b) => a.start - b.start)[0]!;
  for (const entry of [views, definition]) {
    assert.ok(entry.start < element.end, `${entry.name} started at ${entry.start} ms, before ${element.name} arrived at ${element.end} ms`);
  }
  await context.close();
});
