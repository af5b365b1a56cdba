import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ BAROMETRE_SEED: 'none' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the reference page documents every element of the manifest, each with a live example and its snippet', async () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const declared = manifest.modules
    .flatMap((module: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }) => module.declarations ?? [])
    .filter((declaration: { tagName?: string }) => declaration.tagName);

  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/elements.html`);
  await page.waitForFunction((count) => document.querySelectorAll('#reference > section').length === count, declared.length);

  for (const declaration of declared) {
    const tag: string = declaration.tagName;
    const section = page.locator(`section[id="${tag}"]`);
    assert.equal(await section.locator(':scope > h2').textContent(), `<${tag}>`);
    // The live example is the real element, defined by the script-tag build.
    await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
    assert.equal(await section.locator(tag).count() >= 1, true, `${tag}: live example`);
    assert.match((await section.locator(':scope > pre').textContent()) ?? '', new RegExp(`<${tag}[ >]`));
    for (const attribute of declaration.attributes ?? []) {
      assert.equal(await section.locator(':scope > table th[scope="row"]', { hasText: new RegExp(`^${attribute.name}$`) }).count() >= 1, true, `${tag}[${attribute.name}]`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});
