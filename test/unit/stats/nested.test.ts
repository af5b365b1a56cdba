import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateSeries, protectNestedSeries } from '../../../src/core/stats/index.js';
import { cell, question, series, survey, times } from './fixtures.js';
import { leaksBetween, leaksWithin } from './guarantee.js';

const asked = (n: number) => question(n, { oui: n, non: 0, nsp: 0 });

describe('protectNestedSeries: whole series', () => {
  it('suppresses a département of 12 respondents inside a région of 15, not the région', () => {
    const departement = series(12, { mediation: asked(12) });
    const region = series(15, { mediation: asked(15) });
    // 15 − 12 = 3 collectivités: the département's figures subtracted from the région's give theirs.
    const [child, parent] = protectNestedSeries(survey, [departement, region], [{ child: 0, parent: 1 }]);
    assert.deepEqual(child, { n: 12, suppressed: true, questions: {} });
    assert.equal(parent, region);
  });

  it('keeps a child whose parent differs by 0 or by at least minCell', () => {
    const departement = series(12, { mediation: asked(12) });
    for (const parentN of [12, 17]) {
      const [child] = protectNestedSeries(survey, [departement, series(parentN, { mediation: asked(parentN) })], [{ child: 0, parent: 1 }]);
      assert.equal(child, departement);
    }
  });

  it('drops the effective size of a series it suppresses and keeps its role and territory', () => {
    const territory = { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' as const };
    const child = { ...series(12, {}), role: 'territoire' as const, territory, effectiveN: 9 };
    const [result] = protectNestedSeries(survey, [child, series(14, {})], [{ child: 0, parent: 1 }]);
    assert.deepEqual(result, { role: 'territoire', territory, n: 12, suppressed: true, questions: {} });
  });
});

describe('protectNestedSeries: questions and cells', () => {
  it('suppresses a question whose number of respondents differs from the parent’s by a small group', () => {
    // Series differ by 10, but only 3 more answered `agents` in the parent.
    const child = series(30, { agents: { n: 20, suppressed: false, stats: { n: 20, median: 3, q1: 1, q3: 5 } } });
    const parent = series(40, { agents: { n: 23, suppressed: false, stats: { n: 23, median: 3, q1: 1, q3: 6 } } });
    const [result] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    assert.deepEqual(result?.questions.agents, { n: 20, suppressed: true });
  });

  it('hides a cell whose difference is small, then a second cell so it cannot be found as n minus the others', () => {
    // Child rssi: interne 5, mutualise 5, aucun 10 (n 20); parent: 7, 13, 20 (n 40).
    // interne: 7 − 5 = 2 → hidden. Alone it would be 20 − 5 − 10 = 5 and 7 − 5 = 2 again, so the
    // smallest non-zero published cell, mutualise (5), is hidden too. aucun: 20 − 10 = 10, 20 − 10 = 10: kept.
    const child = series(20, { rssi: question(20, { interne: 5, mutualise: 5, aucun: 10 }) });
    const parent = series(40, { rssi: question(40, { interne: 7, mutualise: 13, aucun: 20 }) });
    const [result] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    const rssi = result?.questions.rssi;
    assert.equal(cell(rssi, 'interne').count, null);
    assert.equal(cell(rssi, 'mutualise').count, null);
    assert.equal(cell(rssi, 'aucun').count, 10);
    assert.equal(cell(rssi, 'aucun').share, 0.5);
  });

  it('hides a zero when the parent’s count is small', () => {
    // Child mediation: oui 0, non 10, nsp 10; parent: oui 2, non 18, nsp 20. 2 − 0 = 2 in the difference group.
    const child = series(20, { mediation: question(20, { oui: 0, non: 10, nsp: 10 }) });
    const parent = series(40, { mediation: question(40, { oui: 2, non: 18, nsp: 20 }) });
    const [result] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    const mediation = result?.questions.mediation;
    assert.equal(cell(mediation, 'oui').count, null);
    // The hidden 0 alone would be 20 − 10 − 10: a companion (non, the first smallest) is hidden.
    assert.equal(cell(mediation, 'non').count, null);
    assert.equal(cell(mediation, 'nsp').count, 10);
  });

  it('hides a multiple-choice cell when the difference group’s complement is small', () => {
    // Child lieux (n 10): france_services 5, mediatheque 5; parent (n 20): 13, 10.
    // france_services: d = 8, and 10 − 8 = 2 of the 10 extra did not tick it → hidden.
    // mediatheque: d = 5, 10 − 5 = 5 → kept; no complementary suppression for multiple choice.
    const child = series(25, { lieux: question(10, { france_services: 5, mediatheque: 5, autre: 0 }, 25) });
    const parent = series(50, { lieux: question(20, { france_services: 13, mediatheque: 10, autre: 0 }, 50) });
    const [result] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    assert.equal(cell(result?.questions.lieux, 'france_services').count, null);
    assert.equal(cell(result?.questions.lieux, 'mediatheque').count, 5);
    assert.equal(cell(result?.questions.lieux, 'autre').count, 0);
  });

  it('compares with the parent’s published figures: a hidden parent cell gives nothing to subtract', () => {
    const child = series(20, { rssi: question(20, { interne: 5, mutualise: 5, aucun: 10 }) });
    const parentRssi = question(40, { interne: 7, mutualise: 13, aucun: 20 });
    const parent = series(40, {
      rssi: { ...parentRssi, answers: { ...parentRssi.answers, interne: { count: null, share: null, shareOfAll: null, ci: null }, mutualise: { count: null, share: null, shareOfAll: null, ci: null } } },
    });
    const [result] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    assert.equal(result, child);
  });
});

describe('protectNestedSeries: chains', () => {
  // Département ⊂ région ⊂ France, mediation counts: oui 10 / 10 / 12.
  const departement = series(30, { mediation: question(30, { oui: 10, non: 20, nsp: 0 }) });
  const region = series(60, { mediation: question(60, { oui: 10, non: 50, nsp: 0 }) });
  const france = series(100, { mediation: question(100, { oui: 12, non: 88, nsp: 0 }) });

  it('protects a child against ancestors of its parent, which need not be listed', () => {
    const result = protectNestedSeries(survey, [departement, region, france], [
      { child: 0, parent: 1 },
      { child: 1, parent: 2 },
    ]);
    // Région vs France: 12 − 10 = 2 → the région's oui is hidden (and non, its companion).
    assert.equal(cell(result[1]?.questions.mediation, 'oui').count, null);
    // Département vs région: its oui has no published counterpart any more; vs France: 12 − 10 = 2 → hidden.
    assert.equal(cell(result[0]?.questions.mediation, 'oui').count, null);
    assert.equal(result[2], france);
  });

  it('does not depend on the order of the pairs or of the series', () => {
    const forward = protectNestedSeries(survey, [departement, region, france], [
      { child: 0, parent: 1 },
      { child: 1, parent: 2 },
    ]);
    const backward = protectNestedSeries(survey, [france, region, departement], [
      { child: 1, parent: 0 },
      { child: 2, parent: 1 },
    ]);
    assert.deepEqual(backward, [forward[2], forward[1], forward[0]]);
  });

  it('rejects cycles, self-containment and unknown indices', () => {
    const list = [departement, region];
    assert.throws(() => protectNestedSeries(survey, list, [{ child: 0, parent: 1 }, { child: 1, parent: 0 }]), RangeError);
    assert.throws(() => protectNestedSeries(survey, list, [{ child: 0, parent: 0 }]), RangeError);
    assert.throws(() => protectNestedSeries(survey, list, [{ child: 0, parent: 2 }]), RangeError);
  });
});

describe('protectNestedSeries: the guarantee on aggregated series', () => {
  it('leaves no figure of a child or a parent that gives a small group by one subtraction', () => {
    // The département's 20 respondents, and 10 more in the région, among whom small groups:
    // 2 with a lieu de médiation (France services only), 2 with an RSSI mutualisé.
    const departement = [
      ...times(6, { mediation: 'oui', lieux: ['france_services', 'mediatheque'], rssi: 'interne' }),
      ...times(6, { mediation: 'non', rssi: 'mutualise' }),
      ...times(8, { mediation: 'non', rssi: 'aucun' }),
    ];
    const extra = [
      ...times(2, { mediation: 'oui', lieux: ['france_services'], rssi: 'aucun' }),
      ...times(2, { mediation: 'non', rssi: 'mutualise' }),
      ...times(6, { mediation: 'non', rssi: 'aucun' }),
    ];
    const child = aggregateSeries(survey, departement);
    const parent = aggregateSeries(survey, [...departement, ...extra]);
    // Before: the région's mediation.oui (8) minus the département's (6) gives the 2 extra.
    assert.notDeepEqual(leaksBetween(child, parent, 5), []);
    const [protectedChild, protectedParent] = protectNestedSeries(survey, [child, parent], [{ child: 0, parent: 1 }]);
    assert.deepEqual(leaksBetween(protectedChild!, protectedParent!, 5), []);
    assert.deepEqual(leaksWithin(survey, protectedChild!, 5), []);
    assert.deepEqual(leaksWithin(survey, protectedParent!, 5), []);
    // rssi, child 6 / 6 / 8 against parent 6 / 8 / 16 (Δn = 10): mutualise differs by 2, and
    // aucun by 8 whose complement in the difference group is 10 − 8 = 2: both hidden; interne
    // (difference 0, complement 10) stays.
    assert.equal(cell(protectedChild?.questions.rssi, 'interne').count, 6);
    assert.equal(cell(protectedChild?.questions.rssi, 'mutualise').count, null);
    assert.equal(cell(protectedChild?.questions.rssi, 'aucun').count, null);
    // lieux: 6 answered in the département, 8 in the région: Δn = 2 → the question is hidden.
    assert.deepEqual(protectedChild?.questions.lieux, { n: 6, suppressed: true });
  });
});
