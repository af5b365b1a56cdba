import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Answers } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { roundShare } from '../../../src/server/publication/weighted.js';
import type { PublicationRow } from '../../../src/server/store/types.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import { Outsider } from './attacker.js';
import { readCount } from './nestings.js';
import { communesIn, craftAnswers, pick, publish, rowOf, rowsFor, type Published } from './fixtures.js';

/**
 * Attack 4, reweighted beside raw: a reweighted share weighs each stratum (kind × population
 * band) by how many collectivités it stands for. Published beside the raw count, with the strata
 * sizes public, a share whose weights single out a stratum of one respondent gives that
 * respondent's answer: count = Σ x_h and share = Σ w_h x_h / Σ w_h n_h are two equations.
 */

const definition = definitions.inclusion;

/** Two complete, different sets of answers. */
const alpha = craftAnswers(definition, { lieu_mediation: 'oui', aidants_connect: 'oui', conseiller_numerique: 'oui', pass_numerique: 'oui' }, 101);
const beta = craftAnswers(definition, { lieu_mediation: 'non', aidants_connect: 'non', conseiller_numerique: 'non', pass_numerique: 'non' }, 202);

/** The common part of both worlds: enough communes of several sizes and places for national figures. */
function background(): PublicationRow[] {
  return [
    ...rowsFor('inclusion', pick(communesIn('35', '0-499'), 7, 1), () => ({}), 21),
    ...rowsFor('inclusion', pick(communesIn('29', '0-499'), 7, 1), () => ({}), 22),
    ...rowsFor('inclusion', pick(communesIn('56'), 9), () => ({}), 23),
    ...rowsFor('inclusion', pick(communesIn('44'), 12), () => ({}), 24),
    ...rowsFor('inclusion', pick(communesIn('49'), 10), () => ({}), 25),
  ];
}

/**
 * L is the only commune of 3 500 to 4 999 inhabitants answering in Ille-et-Vilaine, Q the only one
 * in Finistère (or in the two départements given); P and R are small communes there. World A: L and R answer α, P and Q answer β;
 * world B: the other way round. Every series holds the same answers in both worlds — each
 * département one α and one β among them, each population band too — so every raw figure is the
 * same: only L's own answer differs, and nothing published may tell the worlds apart.
 */
function world(swapped: boolean, [lq, pr]: readonly [string, string] = ['35', '29']): PublicationRow[] {
  const [l] = pick(communesIn(lq, '3500-4999'), 1);
  const [q] = pick(communesIn(pr, '3500-4999'), 1);
  const [p] = pick(communesIn(lq, '0-499'), 1);
  const [r] = pick(communesIn(pr, '0-499'), 1);
  const as = (c: typeof l, answers: Answers) => rowOf(c!, definition, answers);
  const [first, second] = swapped ? [beta, alpha] : [alpha, beta];
  return [as(l, first), as(r, first), as(p, second), as(q, second), ...background()];
}

/**
 * The share of an answer in a département post-stratified band by band (weight N_h / n_h), as a
 * per-request computation would publish it: what the two worlds must not be told apart by.
 */
function perBandShare(rows: readonly PublicationRow[], departement: string, question: string, code: string): number {
  const population = defaultReferential().strataCounts(`departement:${departement}`);
  const strata = new Map<string, { n: number; count: number }>();
  for (const row of rows) {
    if (row.departementCode !== departement || row.kind !== 'commune') continue;
    const key = `${row.kind}|${row.band}`;
    const stratum = strata.get(key) ?? { n: 0, count: 0 };
    stratum.n += 1;
    if ((row.answers as Record<string, unknown>)[question] === code) stratum.count += 1;
    strata.set(key, stratum);
  }
  let weighted = 0;
  let total = 0;
  for (const [key, { n, count }] of strata) {
    const weight = population[key]! / n;
    weighted += weight * count;
    total += weight * n;
  }
  return weighted / total;
}

describe('Publication secrecy — reweighted shares beside raw counts', () => {
  let worldA: Published;
  let worldB: Published;

  before(async () => {
    worldA = await publish('inclusion', world(false));
    worldB = await publish('inclusion', world(true));
  });

  test('both worlds are published, and the audit leaves nothing recoverable', () => {
    assert.deepEqual(worldA.unprotected, []);
    assert.deepEqual(worldB.unprotected, []);
    assert.equal(worldA.figures.series.brute['departement:35']!.status, 'publie');
    assert.equal(worldA.figures.series.redressee['departement:35']!.status, 'publie');
  });

  test('reweighted figures never carry a count', () => {
    for (const [key, series] of Object.entries(worldA.figures.series.redressee)) {
      for (const [id, question] of Object.entries(series.questions)) {
        for (const [code, answer] of Object.entries(question.answers ?? {})) assert.equal(answer.count, null, `${key} ${id}=${code}`);
      }
    }
  });

  test('a reweighted share is published only where the raw count is', () => {
    let shares = 0;
    for (const [key, series] of Object.entries(worldA.figures.series.redressee)) {
      const raw = worldA.figures.series.brute[key]!;
      assert.equal(series.status, raw.status, key);
      for (const [id, question] of Object.entries(series.questions)) {
        if (question.status === 'publie') assert.equal(raw.questions[id]!.status, 'publie', `${key} ${id}`);
        for (const [code, answer] of Object.entries(question.answers ?? {})) {
          if (answer.status !== 'publie') continue;
          shares += 1;
          assert.equal(raw.questions[id]!.answers![code]!.status, 'publie', `${key} ${id}=${code}`);
          // Shares only, rounded to a tenth of a percentage point.
          assert.ok(Math.abs(answer.share! * 1000 - Math.round(answer.share! * 1000)) < 1e-6, `${key} ${id}=${code} share ${answer.share}`);
        }
      }
    }
    assert.ok(shares > 0, 'some reweighted shares are published');
  });

  test('the two worlds are what the attack needs: per-band weights would tell them apart', () => {
    const a = perBandShare(worldA.rows, '35', 'lieu_mediation', 'oui');
    const b = perBandShare(worldB.rows, '35', 'lieu_mediation', 'oui');
    assert.ok(Math.abs(a - b) > 0.01, `per-band shares ${a} and ${b}`);
    assert.equal(worldA.figures.series.redressee['departement:35']!.status, 'publie');
  });

  test('in Ille-et-Vilaine, where L is alone in its band, reweighted shares are withheld or do not depend on L', () => {
    const a = worldA.figures.series.redressee['departement:35']!;
    const b = worldB.figures.series.redressee['departement:35']!;
    for (const [id, question] of Object.entries(a.questions)) {
      if (question.status !== 'publie') continue;
      assert.deepEqual(b.questions[id], question, `departement:35 ${id}`);
      for (const answer of Object.values(question.answers ?? {})) assert.equal(answer.count, null);
    }
  });

  test('a lone respondent of a stratum cannot be told apart by the reweighted shares: both worlds publish the same figures', () => {
    // The raw figures are the same by construction; the test is that the reweighted ones are too.
    assert.deepEqual(worldB.figures.series.brute, worldA.figures.series.brute);
    for (const [key, series] of Object.entries(worldA.figures.series.redressee)) {
      assert.deepEqual(worldB.figures.series.redressee[key], series, `${key} differs between the worlds`);
    }
  });
});

describe('Publication secrecy — a lone respondent of a stratum from raw counts', () => {
  let published: Published;
  let outsider: Outsider;

  before(async () => {
    // Each of Ille-et-Vilaine, Loire-Atlantique and Côte-d'Or has one commune of 3 500 to 4 999
    // inhabitants answering; Loire-Atlantique's other communes are the only ones of their size.
    const who = [
      ...pick(communesIn('35', '3500-4999'), 1),
      ...pick(communesIn('35', '0-499'), 10),
      ...pick(communesIn('44', '3500-4999'), 1),
      ...pick(communesIn('44', '1000-3499'), 10),
      ...pick(communesIn('21', '3500-4999'), 1),
      ...pick(communesIn('21', '500-999'), 2),
    ];
    const rows = rowsFor('inclusion', who, () => ({}), 3);
    published = await publish('inclusion', rows);
    outsider = new Outsider(definition, rows, published.figures, published.minCell);
  });

  test('the audit leaves nothing recoverable among the published series', () => {
    assert.deepEqual(published.unprotected, []);
    assert.deepEqual(outsider.determined().filter((cell) => cell.value !== 0), []);
  });

  test(
    'no respondent alone in its atom has an answer the published figures pin down',
    () => {
      // A zero a published series holding the respondent already shows is no secret.
      const zeroShown = (atom: string, question: string, code: string) =>
        Object.keys(published.figures.series.brute).some(
          (series) => outsider.atomsOf(series).has(atom) && readCount(published.figures, series, question, code) === 0,
        );
      const lone = outsider.loneAnswers().filter((cell) => !(cell.computed === 0 && zeroShown(cell.atom, cell.question, cell.code)));
      assert.deepEqual(
        lone.map((cell) => `${cell.atom} ${cell.question}=${cell.code} is ${cell.computed}`),
        [],
      );
    },
  );
});


/**
 * Attack 4b, raked on régions: France is calibrated on régions as well as bands, so a commune of
 * one band in Bretagne may weigh more than one of the same band in Pays de la Loire. L
 * (Côtes-d'Armor) and Q (Mayenne) are the only communes of 3 500 to 4 999 inhabitants answering;
 * P and R are small communes beside them. World A: L and R answer α, P and Q β; world B the other
 * way round. Every raw series — each département, région and band — holds one α and one β in
 * both worlds. Weights tied to a band within a région would give France w_L + w_R answering α in
 * one world and w_P + w_Q in the other, and L's answer away; band terms plus région terms cannot.
 * These are the worlds above, placed in Côtes-d'Armor (Bretagne) and Mayenne (Pays de la Loire).
 */
const raked = (swapped: boolean) => world(swapped, ['22', '53']);

describe('Publication secrecy — shares raked on régions', () => {
  let worldA: Published;
  let worldB: Published;

  before(async () => {
    worldA = await publish('inclusion', raked(false));
    worldB = await publish('inclusion', raked(true));
  });

  test('both worlds publish the same raw figures, and the same reweighted ones', () => {
    assert.deepEqual(worldA.unprotected, []);
    assert.deepEqual(worldB.unprotected, []);
    assert.deepEqual(worldB.figures.series.brute, worldA.figures.series.brute);
    for (const [key, series] of Object.entries(worldA.figures.series.redressee)) {
      assert.deepEqual(worldB.figures.series.redressee[key], series, `${key} differs between the worlds`);
    }
    const france = worldA.figures.series.redressee.france!;
    assert.ok(Object.values(france.questions).some((question) => question.status === 'publie'), 'France has reweighted figures');
  });
});

describe('Reweighted shares of France — calibrated on régions', () => {
  let published: Published;
  // Twenty small communes of Bretagne answer "oui", five of Occitanie "non": a sample four
  // fifths Breton, where Bretagne holds a small part of the communes of these two régions. Two
  // département councils and two régional councils answer too: too few for their groups to be
  // published (and answering differently, so that each group hides the other's answers).
  before(async () => {
    const bretagne = ['22', '29', '35', '56'].flatMap((departement) => pick(communesIn(departement, '0-499'), 5));
    const occitanie = pick(communesIn('31', '0-499'), 5);
    const councils = pick((c) => c.kind === 'departement', 2);
    const regions = pick((c) => c.kind === 'region', 2);
    published = await publish('inclusion', [
      ...rowsFor('inclusion', bretagne, () => ({ lieu_mediation: 'oui' }), 41),
      ...rowsFor('inclusion', occitanie, () => ({ lieu_mediation: 'non' }), 42),
      ...rowsFor('inclusion', councils, () => ({ lieu_mediation: 'oui' }), 43),
      ...rowsFor('inclusion', regions, () => ({ lieu_mediation: 'non' }), 44),
    ]);
  });

  test('a kind too few answered for is left out of France, not France withheld', () => {
    assert.equal(published.figures.series.brute['groupe:departement']!.status, 'insuffisant');
    assert.equal(published.figures.series.brute['groupe:region']!.status, 'insuffisant');
    assert.equal(published.figures.series.brute.france!.n, 29);
    assert.equal(published.figures.series.redressee.france!.questions.lieu_mediation!.status, 'publie');
  });

  test('France weighs each région by its collectivités, not by its respondents', () => {
    const raw = published.figures.series.brute.france!.questions.lieu_mediation!;
    assert.equal(raw.answers!.oui!.share, 22 / 29);
    const weighted = published.figures.series.redressee.france!.questions.lieu_mediation!;
    // Only these two régions are calibrated: they share France's weight in proportion to their
    // communes and EPCI, so "oui" stands for Bretagne's part of them.
    const communal = (region: string) =>
      Object.entries(defaultReferential().strataCounts(region as `region:${string}`)).reduce(
        (sum, [stratum, n]) => (/^(commune|epci)\|/.test(stratum) ? sum + n : sum),
        0,
      );
    const expected = communal('region:53') / (communal('region:53') + communal('region:76'));
    assert.equal(weighted.answers!.oui!.share, roundShare(expected));
    assert.equal(weighted.answers!.oui!.count, null);
  });

  test('says which share of the collectivités the estimate stands for', () => {
    const weighted = published.figures.series.redressee.france!.questions.lieu_mediation!;
    // Only communes of fewer than 500 inhabitants stand for anyone: the other bands, EPCI and councils are not represented.
    const strata = defaultReferential().strataCounts('france');
    const total = Object.values(strata).reduce((sum, n) => sum + n, 0);
    assert.ok(Math.abs(weighted.coverage! - strata['commune|0-499']! / total) < 1e-9, `coverage ${weighted.coverage}`);
  });
});
