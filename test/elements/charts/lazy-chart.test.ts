import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { shadow, untilStatus } from './helpers/dom.js';
import { API, installFakeApi, type FakeApi } from './helpers/fake-api.js';

/**
 * This file runs in a page of its own, so nothing has loaded Chart.js before it: the resource
 * timeline shows exactly when the chart module and Chart.js are requested.
 */
function chartResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /chart-runtime|\/chart\.js\//.test(name));
}

describe('<barometre-territoire-chart> loading Chart.js', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  it('requests the chart chunk only when the element approaches the viewport', async () => {
    const spacer = window.innerHeight + 2000;
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <div style="height: ${spacer}px"></div>
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
      </div>
    `);
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    // The data (and its table, for screen readers) is there at once...
    await untilStatus(el, 'ready');
    expect(shadow(el).querySelector('table')).to.not.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // ...but not Chart.js.
    expect(chartResources()).to.deep.equal([]);
    expect(el.chart).to.equal(undefined);

    // Still below the fold, but within the observer's margin: the chunk starts loading.
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - window.innerHeight - 150);
    await waitUntil(() => el.chart, 'the chart was not drawn when it approached the viewport', { timeout: 5000 });
    expect(el.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
    const loaded = chartResources();
    expect(loaded.some((name) => name.includes('chart-runtime'))).to.equal(true);
    expect(loaded.some((name) => name.includes('/chart.js/'))).to.equal(true);
    window.scrollTo(0, 0);
  });
});
