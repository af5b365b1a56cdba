import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateSeries, type Respondent } from '../../../src/core/stats/index.js';
import { cell, near, survey, times } from './fixtures.js';

const base = { rssi: 'aucun' };

describe('aggregateSeries: counts and shares', () => {
  it('counts yes/no codes among those who answered, with a 95 % Wilson interval', () => {
    const result = aggregateSeries(survey, [...times(12, { ...base, mediation: 'oui' }), ...times(8, { ...base, mediation: 'non' })]);
    const mediation = result.questions.mediation;
    assert.equal(result.n, 20);
    assert.equal(result.suppressed, false);
    assert.equal(mediation?.n, 20);
    assert.equal(mediation?.suppressed, false);
    // 12 / 20 = 0.6; Wilson: centre (0.6 + 0.096037) / 1.192073 = 0.583890, half-width 0.197309.
    const oui = cell(mediation, 'oui');
    assert.equal(oui.count, 12);
    assert.equal(oui.share, 0.6);
    assert.equal(oui.shareOfAll, 0.6);
    assert.ok(near(oui.ci?.[0], 0.38658, 1e-5) && near(oui.ci?.[1], 0.78119, 1e-5));
    assert.equal(cell(mediation, 'non').count, 8);
    assert.equal(cell(mediation, 'non').share, 0.4);
    // Nobody answered "ne sait pas": a zero is published as a zero, not hidden.
    assert.deepEqual({ ...cell(mediation, 'nsp'), ci: null }, { count: 0, share: 0, shareOfAll: 0, ci: null });
  });

  it('leaves out respondents who were not asked, even when an old answer is left behind', () => {
    const respondents = [
      ...times(5, { ...base, mediation: 'oui', lieux: ['france_services', 'mediatheque'] }),
      ...times(5, { ...base, mediation: 'oui', lieux: ['france_services'] }),
      // Answered `lieux`, then switched `mediation` to non: the question was hidden for them.
      ...times(3, { ...base, mediation: 'non', lieux: ['mediatheque'] }),
      ...times(12, { ...base, mediation: 'non' }),
    ];
    const lieux = aggregateSeries(survey, respondents).questions.lieux;
    assert.equal(lieux?.n, 10);
    assert.equal(cell(lieux, 'mediatheque').count, 5);
  });

  it('gives each multiple-choice code its share of those who answered, so shares may add up past 1', () => {
    const respondents = [
      ...times(5, { ...base, mediation: 'oui', lieux: ['france_services', 'mediatheque'], 'lieux.autre': 'Mairie' }),
      ...times(5, { ...base, mediation: 'oui', lieux: ['france_services', 'france_services'] }),
      ...times(15, { ...base, mediation: 'non' }),
    ];
    const lieux = aggregateSeries(survey, respondents).questions.lieux;
    // France services: 10 of the 10 asked (a repeated code counts once), 10 of all 25 → 0.4.
    assert.equal(cell(lieux, 'france_services').count, 10);
    assert.equal(cell(lieux, 'france_services').share, 1);
    assert.equal(cell(lieux, 'france_services').shareOfAll, 0.4);
    // Médiathèque: 5 of 10 → 0.5, 5 of 25 → 0.2. Together 1.5 of those asked.
    assert.equal(cell(lieux, 'mediatheque').share, 0.5);
    assert.equal(cell(lieux, 'mediatheque').shareOfAll, 0.2);
    assert.equal(cell(lieux, 'autre').count, 0);
  });

  it('never publishes free text: no text question, no "other, specify" key', () => {
    const respondents = times(10, { ...base, mediation: 'oui', lieux: ['autre'], 'lieux.autre': 'Tiers-lieu', remarques: 'RAS' });
    const result = aggregateSeries(survey, respondents);
    assert.deepEqual(Object.keys(result.questions), ['mediation', 'lieux', 'rssi', 'agents']);
    assert.equal(JSON.stringify(result).includes('Tiers-lieu'), false);
    assert.equal(JSON.stringify(result).includes('RAS'), false);
  });

  it('ignores answers of the wrong shape or with unknown codes', () => {
    const respondents = [
      ...times(6, { rssi: 'interne', mediation: 'oui', lieux: ['mediatheque'] }),
      ...times(1, { rssi: 'inconnu', mediation: 'peut-etre', lieux: 'mediatheque' }),
    ];
    const result = aggregateSeries(survey, respondents);
    assert.equal(result.questions.rssi?.n, 6);
    assert.equal(result.questions.mediation?.n, 6);
    assert.equal(result.questions.lieux?.n, 6);
  });

  it('gives n, median and quartiles (type 7) for number questions', () => {
    // 1..10 → q1 3.25, median 5.5, q3 7.75; "7" as text and a missing answer do not count.
    const respondents: Respondent[] = [7, 1, 10, 4, 2, 9, 3, 6, 8, 5].map((agents) => ({ answers: { ...base, mediation: 'non', agents } }));
    respondents.push({ answers: { ...base, mediation: 'non', agents: '7' } }, { answers: { ...base, mediation: 'non' } });
    const agents = aggregateSeries(survey, respondents).questions.agents;
    assert.deepEqual(agents, { n: 10, suppressed: false, stats: { n: 10, median: 5.5, q1: 3.25, q3: 7.75 } });
  });

  it('reports no effective size without weights', () => {
    assert.equal('effectiveN' in aggregateSeries(survey, times(6, { ...base, mediation: 'oui' })), false);
  });
});

describe('aggregateSeries: small cells', () => {
  it('suppresses a series of fewer than minCell respondents whole', () => {
    assert.deepEqual(aggregateSeries(survey, times(4, { ...base, mediation: 'oui' })), { n: 4, suppressed: true, questions: {} });
    assert.deepEqual(aggregateSeries(survey, [], { minCell: 3 }), { n: 0, suppressed: true, questions: {} });
  });

  it('suppresses a question answered by fewer than minCell, keeping only its n', () => {
    const respondents = [...times(4, { ...base, mediation: 'oui', lieux: ['mediatheque'] }), ...times(6, { ...base, mediation: 'non' })];
    const result = aggregateSeries(survey, respondents);
    assert.deepEqual(result.questions.lieux, { n: 4, suppressed: true });
    assert.deepEqual(result.questions.agents, { n: 0, suppressed: true });
    assert.equal(result.questions.mediation?.suppressed, false);
  });

  it('hides a small cell and, as its complement is small too, the large one beside it', () => {
    // mediation: oui 17, non 3 (n = 20). non: 3 < 5. oui: 20 − 17 = 3 < 5, so "not oui" would be 3.
    const mediation = aggregateSeries(survey, [...times(17, { ...base, mediation: 'oui', lieux: ['mediatheque'] }), ...times(3, { ...base, mediation: 'non' })])
      .questions.mediation;
    assert.deepEqual(cell(mediation, 'non'), { count: null, share: null, shareOfAll: null, ci: null });
    assert.deepEqual(cell(mediation, 'oui'), { count: null, share: null, shareOfAll: null, ci: null });
    assert.equal(cell(mediation, 'nsp').count, 0);
    assert.equal(mediation?.suppressed, false);
  });

  it('hides a second single-choice cell so the first cannot be found as n minus the others', () => {
    // rssi: interne 3, mutualise 7, aucun 10 (n = 20). interne is small; alone it would be 20 − 7 − 10.
    // The smallest non-zero published cell, mutualise (7), is hidden too: hidden total 10 ≥ 5.
    const respondents = [
      ...times(3, { mediation: 'non', rssi: 'interne' }),
      ...times(7, { mediation: 'non', rssi: 'mutualise' }),
      ...times(10, { mediation: 'non', rssi: 'aucun' }),
    ];
    const rssi = aggregateSeries(survey, respondents).questions.rssi;
    assert.equal(cell(rssi, 'interne').count, null);
    assert.equal(cell(rssi, 'mutualise').count, null);
    assert.equal(cell(rssi, 'aucun').count, 10);
    assert.equal(cell(rssi, 'aucun').share, 0.5);
  });

  it('does not add complementary suppression to multiple choice, whose codes do not add up to n', () => {
    // lieux (n = 10): france_services 8 → 10 − 8 = 2 did not tick it: hidden; mediatheque 5 stays.
    const respondents = [
      ...times(5, { ...base, mediation: 'oui', lieux: ['france_services', 'mediatheque'] }),
      ...times(3, { ...base, mediation: 'oui', lieux: ['france_services'] }),
      ...times(2, { ...base, mediation: 'oui', lieux: ['mediatheque', 'autre'] }),
    ];
    const lieux = aggregateSeries(survey, respondents).questions.lieux;
    assert.equal(cell(lieux, 'france_services').count, null);
    // mediatheque: 7 of 10; complement 3 is small → hidden as well; autre: 2 → hidden.
    assert.equal(cell(lieux, 'mediatheque').count, null);
    assert.equal(cell(lieux, 'autre').count, null);

    const wider = aggregateSeries(survey, [
      ...times(8, { ...base, mediation: 'oui', lieux: ['france_services'] }),
      ...times(2, { ...base, mediation: 'oui', lieux: ['mediatheque'] }),
      ...times(5, { ...base, mediation: 'oui', lieux: ['autre'] }),
    ]).questions.lieux;
    // n = 15: france_services 8 (complement 7), mediatheque 2 (hidden), autre 5 (complement 10).
    assert.equal(cell(wider, 'mediatheque').count, null);
    assert.equal(cell(wider, 'france_services').count, 8);
    assert.equal(cell(wider, 'autre').count, 5);
  });

  it('follows the threshold it is given, and refuses one below the legal floor', () => {
    const respondents = [...times(4, { ...base, mediation: 'oui' }), ...times(4, { ...base, mediation: 'non' })];
    // minCell 3: 4 and 4 are published; minCell 5: the series of 8 stands, both cells are hidden.
    assert.equal(cell(aggregateSeries(survey, respondents, { minCell: 3 }).questions.mediation, 'oui').count, 4);
    assert.equal(cell(aggregateSeries(survey, respondents).questions.mediation, 'oui').count, null);
    assert.throws(() => aggregateSeries(survey, respondents, { minCell: 2 }), RangeError);
    assert.throws(() => aggregateSeries(survey, respondents, { minCell: 4.5 }), RangeError);
  });
});

describe('aggregateSeries: weights', () => {
  // Stratum A (N = 100): 4 respondents, 3 oui → weight 100/4 = 25.
  // Stratum B (N = 300): 2 respondents, 0 oui → weight 300/2 = 150.
  const respondents = [
    ...times(3, { rssi: 'aucun', mediation: 'oui' }, { stratum: 'A', weight: 25 }),
    ...times(1, { rssi: 'aucun', mediation: 'non' }, { stratum: 'A', weight: 25 }),
    ...times(2, { rssi: 'aucun', mediation: 'non' }, { stratum: 'B', weight: 150 }),
  ];

  it('weights shares but keeps raw counts, and reports Kish’s effective size', () => {
    const result = aggregateSeries(survey, respondents, { minCell: 3 });
    const oui = cell(result.questions.mediation, 'oui');
    // share = 3·25 / (4·25 + 2·150) = 75 / 400 = 0.1875 (raw: 3/6 = 0.5).
    assert.equal(oui.share, 0.1875);
    assert.equal(oui.shareOfAll, 0.1875);
    assert.equal(oui.count, 3);
    // non: (25 + 300) / 400 = 0.8125.
    assert.equal(cell(result.questions.mediation, 'non').share, 0.8125);
    assert.equal(result.n, 6);
    // effectiveN = 400² / (4·625 + 2·22500) = 160000 / 47500 ≈ 3.368.
    assert.ok(near(result.effectiveN, 3.368421052631579));
    // The interval uses the effective size: Wilson(0.1875, 3.368) = [0.0240, 0.6840].
    assert.ok(near(oui.ci?.[0], 0.0240, 1e-4) && near(oui.ci?.[1], 0.6840, 1e-4));
  });

  it('gives raw shares without weights', () => {
    const raw = respondents.map(({ answers }) => ({ answers }));
    const result = aggregateSeries(survey, raw, { minCell: 3 });
    assert.equal(cell(result.questions.mediation, 'oui').share, 0.5);
    assert.equal('effectiveN' in result, false);
  });

  it('never lets weights bring back a small cell', () => {
    // 1 oui weighing 1000 against 9 non weighing 1: the weighted share is large, the count is 1.
    const heavy = [
      ...times(1, { rssi: 'aucun', mediation: 'oui' }, { weight: 1000 }),
      ...times(9, { rssi: 'aucun', mediation: 'non' }, { weight: 1 }),
    ];
    const mediation = aggregateSeries(survey, heavy).questions.mediation;
    assert.equal(cell(mediation, 'oui').share, null);
    assert.equal(cell(mediation, 'oui').count, null);
  });

  it('rejects a weight that is not positive and finite', () => {
    assert.throws(() => aggregateSeries(survey, times(6, base, { weight: 0 })), RangeError);
    assert.throws(() => aggregateSeries(survey, times(6, base, { weight: Number.POSITIVE_INFINITY })), RangeError);
  });
});
