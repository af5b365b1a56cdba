import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// The demo pages as a phone (375 px) and a laptop (1280 px) show them: nothing wider than the
// screen, nothing cut off, French on French pages, and controls styled like the elements'.

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

const WIDTHS = [375, 1280] as const;

/** Brings a map into view, where it loads, and waits for `shown` in it: its shapes, or its status when it has no figures. */
async function mapShown(page: Page, selector: string, shown: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction(([sel, inside]) => document.querySelector(sel!)?.shadowRoot?.querySelector(inside!), [selector, shown], { timeout: 20_000 });
}

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** How far the page reaches past the right edge of the screen, in CSS pixels (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const width of WIDTHS) {
  test(`the OPSN portal fits ${width} px, its event log wrapping long events rather than cutting them`, async () => {
    const page = await open('/portail-opsn.html', width);
    // The questionnaire's first events reach the log; then a long one, as a submission's would be.
    await page.waitForFunction(() => document.querySelectorAll('#event-log li').length > 0, undefined, { timeout: 20_000 });
    await page.evaluate(() => {
      const detail = { theme: 'cybersecurite', siret: '21350238800019', status: 'created', updatedAt: new Date().toISOString(), editToken: '7KQ4-M2XD-9HCT-R0FB' };
      document.dispatchEvent(new CustomEvent('barometre-submitted', { detail }));
    });
    assert.equal(await overflow(page), 0, 'the page is no wider than the screen');
    const log = await page.evaluate(() => {
      const list = document.getElementById('event-log')!;
      const card = list.closest('aside')!.getBoundingClientRect();
      // A scrolling list clips what sticks out of it: its numbers must fit in its left padding.
      const number = document.createElement('span');
      number.textContent = `${list.children.length}.`;
      list.firstElementChild!.append(number);
      const marker = number.getBoundingClientRect().width + 4;
      number.remove();
      return { scroll: list.scrollWidth, client: list.clientWidth, right: card.right, screen: window.innerWidth, marker, padding: parseFloat(getComputedStyle(list).paddingLeft) };
    });
    assert.ok(log.marker <= log.padding, `the log's numbers are not cut off: ${JSON.stringify(log)}`);
    assert.ok(log.scroll <= log.client, `the log's lines fit its width: ${JSON.stringify(log)}`);
    assert.ok(log.right <= log.screen, `the log's card is on screen: ${JSON.stringify(log)}`);
    await page.close();
  });

  test(`the element reference reads in French at ${width} px: French summaries, English details marked as such, code as code`, async () => {
    const page = await open('/elements.html', width);
    await page.waitForFunction(() => document.querySelectorAll('#reference > section').length > 0);
    const found = await page.evaluate(() => {
      const sections = [...document.querySelectorAll('#reference > section')];
      return {
        backticks: [...document.querySelectorAll('#reference p, #reference td')].filter((node) => node.textContent!.includes('`')).length,
        unmarked: [...document.querySelectorAll('#reference td:last-child')].filter((cell) => cell.closest('[lang]')!.getAttribute('lang') !== 'en').length,
        summaries: sections.map((section) => section.querySelector(':scope > p')!).filter((p) => p.closest('[lang]')!.getAttribute('lang') === 'fr').length,
        codes: document.querySelectorAll('#reference td code').length,
        sections: sections.length,
      };
    });
    assert.equal(found.backticks, 0, 'no Markdown backtick is shown');
    assert.equal(found.unmarked, 0, 'every English description says it is English');
    assert.ok(found.summaries >= 6, `the elements are introduced in French: ${found.summaries} of ${found.sections}`);
    assert.ok(found.codes > 0, 'code is set as code');
    assert.equal(await overflow(page), 0, 'the page is no wider than the screen');
    await page.close();
  });

  test(`the prefecture page, with its results and participation maps, fits ${width} px`, async () => {
    const page = await open('/prefecture.html', width);
    // Nobody has answered on this server: the participation map is drawn (a real 0 % everywhere), the results map says it is empty.
    await mapShown(page, 'barometre-carte[question="lieu_mediation"]', '[part~="status"][data-state="empty"]');
    await mapShown(page, 'barometre-carte[mesure="participation"]', 'svg.map [role="option"]');
    const maps = await page.evaluate(() =>
      [...document.querySelectorAll('barometre-carte')].map((map) => ({ right: map.getBoundingClientRect().right, screen: window.innerWidth })),
    );
    assert.equal(maps.length, 2);
    for (const map of maps) assert.ok(map.right <= map.screen, `the map is on screen: ${JSON.stringify(map)}`);
    assert.equal(await overflow(page), 0, 'the page is no wider than the screen');
    await page.close();
  });

  test(`the configurator with a participation map fits ${width} px`, async () => {
    const page = await open('/integrer.html', width);
    await page.getByRole('radio', { name: 'Carte de France' }).check();
    await page.getByRole('radio', { name: /^La participation/ }).check();
    await page.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes('mesure="participation"'), undefined, {
      timeout: 20_000,
    });
    await mapShown(page, '#preview barometre-carte', 'svg.map [role="option"]');
    assert.equal(await overflow(page), 0, 'the page is no wider than the screen');
    await page.close();
  });

  test(`the comparison page's theme list is styled like the elements' controls at ${width} px`, async () => {
    const page = await open('/comparer.html', width);
    const select = await page.evaluate(() => {
      const element = document.getElementById('theme')!;
      const style = getComputedStyle(element);
      const body = getComputedStyle(document.body);
      return { height: element.getBoundingClientRect().height, font: style.fontFamily, bodyFont: body.fontFamily, size: style.fontSize, bodySize: body.fontSize, border: style.borderTopWidth, width: element.getBoundingClientRect().width, card: element.parentElement!.clientWidth };
    });
    assert.ok(select.height >= 44, `a control at least 44 px high: ${JSON.stringify(select)}`);
    assert.equal(select.font, select.bodyFont, 'the page’s font');
    assert.equal(select.size, select.bodySize, 'the page’s font size');
    assert.equal(select.border, '1px');
    assert.ok(select.width > select.card * 0.8, 'as wide as its card');
    assert.equal(await overflow(page), 0, 'the page is no wider than the screen');
    await page.close();
  });
}
