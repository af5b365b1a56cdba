import { expect } from '@open-wc/testing';
import { seriesSlots } from '../../../src/elements/shared/chart/series-slots.js';
import { axisTop, tickStep } from '../../../src/elements/shared/chart/share-axis.js';

describe('chart helpers', () => {
  it('ends grouped share axes at a round top a few points above the largest bar', () => {
    expect(axisTop([12, 14, null], false)).to.equal(20);
    expect(axisTop([15], false)).to.equal(20);
    expect(axisTop([16], false)).to.equal(40);
    expect(axisTop([64, 25], false)).to.equal(80);
    expect(axisTop([76], false)).to.equal(100);
    expect(axisTop([100], false)).to.equal(100);
    expect(axisTop([null], false)).to.equal(20);
    // Stacked shares fill the bar, even when rounded parts add up to 101.
    expect(axisTop([101, 99], true)).to.equal(100);
  });

  it('spaces ticks by the finest step whose labels fit, always dividing the top', () => {
    // "100 %" is about 36 px wide at 13 px: 20 intervals need 960 px, 10 need 480.
    expect(tickStep(100, 600, 36)).to.equal(10);
    expect(tickStep(100, 300, 36)).to.equal(20);
    expect(tickStep(100, 150, 36)).to.equal(50);
    expect(tickStep(100, 60, 36)).to.equal(100);
    expect(tickStep(80, 200, 30)).to.equal(20);
    expect(tickStep(80, 100, 30)).to.equal(40);
    expect(tickStep(20, 600, 30)).to.equal(5);
    expect(tickStep(60, 140, 30)).to.equal(20);
    expect(tickStep(60, 100, 30)).to.equal(30);
  });

  it('gives each role its slot, the chosen territory the first, whatever the order', () => {
    expect(seriesSlots([{ role: 'territoire' }, { role: 'region' }, { role: 'france' }, { role: 'similaires' }, { role: 'departement' }])).to.deep.equal([
      0, 1, 2, 3, 4,
    ]);
    expect(seriesSlots([{ role: 'france' }, { role: 'territoire' }, { role: 'region' }])).to.deep.equal([2, 0, 1]);
    // Without the territory, France keeps its own slot rather than taking the first.
    expect(seriesSlots([{ role: 'france' }])).to.deep.equal([2]);
    // A role met twice: the later series takes a slot no role uses, then any free one.
    expect(seriesSlots([{ role: 'territoire' }, { role: 'region' }, { role: 'region' }, { role: 'region' }])).to.deep.equal([0, 1, 5, 2]);
  });
});
