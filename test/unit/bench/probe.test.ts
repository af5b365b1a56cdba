import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, loadOnce } from '../../../bench/render/browser.js';

/**
 * The render benchmark's probe (bench/pages/probe.js) on pages whose first input or chart comes
 * at the end of one long task, as a page's code evaluating and drawing in one go would: "done"
 * may never come before what it waits for exists.
 */

/** When the page's task starts, and how long it holds the main thread before it draws (ms). */
const TASK_START_MS = 50;
const TASK_MS = 300;
/** The earliest an input or a chart can exist, counted from the navigation's start. */
const DRAWN_AT_LEAST_MS = TASK_START_MS + TASK_MS;

/** Starts a long task a little after the page's start, with frames already asked for. */
const page = (draw: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Probe</title></head>
<body><main></main>
<script>
setTimeout(() => {
  const until = performance.now() + ${TASK_MS};
  while (performance.now() < until) {}
  ${draw}
}, ${TASK_START_MS});
</script>
</body></html>`;

const PAGES: Record<string, string> = {
  '/input.html': page(`document.querySelector('main').innerHTML = '<label>SIRET <input name="siret"></label>';`),
  '/canvas.html': page(`
  const canvas = document.createElement('canvas');
  canvas.width = 200;
  canvas.height = 100;
  canvas.getContext('2d').fillRect(10, 10, 120, 60);
  document.querySelector('main').append(canvas);`),
};

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  server = createServer((request, response) => {
    const body = PAGES[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('an input drawn at the end of a long task is done after that task, not at the frame it held back', async () => {
  const result = await loadOnce(browser, { label: 'input', url: `${origin}/input.html`, probe: { mode: 'input', selector: 'input' } });
  assert.equal(result.what, 'input siret');
  assert.ok(result.doneAt >= DRAWN_AT_LEAST_MS, `done at ${result.doneAt.toFixed(1)} ms, before the input existed`);
});

test('a chart drawn at the end of a long task is first painted and done after that task', async () => {
  const result = await loadOnce(browser, { label: 'canvas', url: `${origin}/canvas.html`, probe: { mode: 'canvas' } });
  assert.equal(result.what, 'canvas 200×100');
  assert.ok(result.firstAt >= DRAWN_AT_LEAST_MS, `first painted at ${result.firstAt.toFixed(1)} ms, before the canvas existed`);
  assert.ok(result.doneAt >= result.firstAt);
});
