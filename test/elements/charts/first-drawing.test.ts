import { expect } from '@open-wc/testing';
import { sendFirstRequests } from '../../../src/cdn/first-requests.js';
import { loadChartRuntime } from '../../../src/elements/shared/chart/chart-loader.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { cybersecuriteDefinition } from '../../../src/questionnaires/cybersecurite.js';
import { shadow } from './helpers/dom.js';
import { API, defaultRoute, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

/**
 * The script-tag loader's head start, as a chart meets it: Chart.js imported ahead of the element
 * (`cdn/early-chart-runtime.ts`) and the first requests sent and read before its code runs
 * (`cdn/first-requests.ts`). This file runs in a page of its own, so nothing imported the chart
 * runtime through the elements' own door before it.
 */

/** Lets every pending promise settle without giving the browser a turn: no task, no frame. */
async function microtasksOnly(): Promise<void> {
  for (let turn = 0; turn < 500; turn++) await null;
}

describe('<barometre-territoire-chart> after the loader', () => {
  let api: FakeApi;

  beforeEach(() => {
    // The definition served too, so that nothing falls back to the bundled one (a download).
    api = installFakeApi((url, init) =>
      url.pathname.endsWith('/questionnaires/cybersecurite') ? json(cybersecuriteDefinition) : defaultRoute(url, init),
    );
  });
  afterEach(() => api.restore());

  it('has the chart runtime in hand once another script evaluated it, before importing it itself', async () => {
    expect(loadChartRuntime.loaded).to.equal(undefined);
    const runtime = await import('../../../src/elements/shared/chart/chart-runtime.js');
    // Compared here, not by the assertion: a failing one would carry the module's functions to the report.
    expect(loadChartRuntime.loaded?.drawChart === runtime.drawChart, 'the runtime was not in hand').to.equal(true);
  });

  it('draws its figures in the task that first renders it, no frame showing it empty before', async () => {
    await import('../../../src/elements/shared/chart/chart-runtime.js');
    const el = document.createElement('barometre-territoire-chart') as BarometreTerritoireChart;
    for (const [name, value] of Object.entries({ api: API, theme: 'cybersecurite', question: 'rssi', territoire: 'departement:35', comparer: 'region france' })) {
      el.setAttribute(name, value);
    }
    sendFirstRequests(el);
    // The answers come and are read while the element's code would still be on its way.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = api.requests.length;

    document.body.append(el);
    await microtasksOnly();
    expect(el.chart, 'the chart was not drawn within the task').to.not.equal(undefined);
    expect(shadow(el).querySelectorAll('tbody tr').length).to.be.greaterThan(0);
    // The element took the answers the loader asked for: nothing asked twice.
    expect(api.requests.length).to.equal(asked);
    el.remove();
  });
});
