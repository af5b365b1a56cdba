import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { NearViewportController } from '../../../src/elements/shared/near-viewport-controller.js';

class NearHost extends LitElement {
  calls = 0;
  readonly viewport = new NearViewportController(this, () => (this.calls += 1));
}
customElements.define('test-near-host', NearHost);

describe('NearViewportController.nearNow', () => {
  it('says at once that a host in view is near, without waiting for the observer’s first report, and calls back once', async () => {
    const host = await fixture<NearHost>(html`<test-near-host style="display: block; height: 40px"></test-near-host>`);
    expect(host.viewport.nearNow()).to.equal(true);
    expect(host.viewport.nearNow()).to.equal(true);
    expect(host.calls).to.equal(1);
  });

  it('keeps a host far below the fold, or not rendered, waiting', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <div style="height: ${window.innerHeight + 2000}px"></div>
        <test-near-host style="display: block; height: 40px"></test-near-host>
        <div hidden><test-near-host style="display: block; height: 40px"></test-near-host></div>
      </div>
    `);
    const [below, hidden] = wrapper.querySelectorAll<NearHost>('test-near-host');
    expect(below!.viewport.nearNow()).to.equal(false);
    expect(hidden!.viewport.nearNow()).to.equal(false);
    expect(below!.calls + hidden!.calls).to.equal(0);
  });
});
