import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { hasResultsShape } from '../../../src/elements/shared/results/results-shape.js';
import { cyberSeries, resultsOf } from './fixtures/results.js';
import { part, shadow, statusOf, text, untilStatus } from './helpers/dom.js';
import { captureEvents } from './helpers/events.js';
import { API, defaultRoute, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

/**
 * Results are drawn after a quick look at their shape, their full contract checked once the first
 * frame is painted: a body that passes the look but breaks the contract is still refused, in the
 * contract's words, and what was drawn gives way to the refusal.
 */
describe('results checked in full after the first frame', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  beforeEach(() => {
    api = installFakeApi();
    capture = captureEvents(['barometre-data', 'barometre-error']);
  });

  afterEach(() => {
    api.restore();
    capture.stop();
  });

  it('refuses, once drawn, results that pass the quick look but break the contract', async () => {
    // A published series below the threshold it claims: only the full contract knows.
    const broken = resultsOf('cybersecurite', [cyberSeries().france]);
    broken.minCell = 10_000;
    expect(hasResultsShape(broken)).to.equal(true);
    api.route = () => json(broken);
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(capture.of('barometre-error').map((event) => event.detail.code)).to.deep.equal(['invalid_results']);
    expect(text(part(el, 'status'))).to.match(/^Les résultats n’ont pas pu être chargés\. Les données reçues ne respectent pas le format attendu \(series\.0\.status : .+\)\.$/);
    expect(part(el, 'canvas')).to.equal(null);
    expect(shadow(el).querySelector('table')).to.equal(null);

    api.route = defaultRoute;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => statusOf(el) === 'ready', 'the retry never drew', { timeout: 5000 });
  });

  it('keeps valid results drawn once checked in full', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statusOf(el)).to.equal('ready');
    expect(capture.of('barometre-error')).to.have.length(0);
    expect(capture.of('barometre-data')).to.have.length(1);
  });

  it('tells results from bodies that only look like them', () => {
    const valid = resultsOf('cybersecurite', [cyberSeries().france]);
    expect(hasResultsShape(valid)).to.equal(true);
    expect(hasResultsShape({ hello: 'world' })).to.equal(false);
    const percent = resultsOf('cybersecurite', [cyberSeries().france]);
    (percent.series[0]!.questions.rssi!.answers!.aucun as { share: number }).share = 64.02;
    expect(hasResultsShape(percent)).to.equal(false);
    const shownWhileMasked = resultsOf('cybersecurite', [cyberSeries().france]);
    (shownWhileMasked.series[0]!.questions.rssi!.answers!.aucun as { status: string }).status = 'masque';
    expect(hasResultsShape(shownWhileMasked)).to.equal(false);
  });
});
