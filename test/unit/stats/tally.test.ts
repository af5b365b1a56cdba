import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDefinition } from '../../../src/core/questionnaire/index.js';
import { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { addTally, emptyTally, publishedQuestions, quartiles, quartilesOfCounts, tallyAnswers, type Tally } from '../../../src/core/stats/index.js';
import { binOf, codesOf, type BinnedQuestion, type QuestionTally } from '../../../src/core/stats/tally.js';
import { survey } from './fixtures.js';

const agents = publishedQuestions(survey).find((question) => question.id === 'agents') as BinnedQuestion;
const BIN_CODES = ['aucun', 'un_ou_deux', 'de_3_a_9', 'au_moins_10'];

/** One question of a tally, which must be there. */
function question(tally: Tally, id: string): QuestionTally {
  const counts = tally.questions.get(id);
  assert.ok(counts, `the tally has no question ${id}`);
  return counts;
}

/** A question's counts as a plain object, codes in the tally's order. */
function codes(tally: Tally, id: string): Record<string, number> {
  return Object.fromEntries(question(tally, id).codes);
}

/** Tallies as plain data, to compare them. */
function plain(tally: Tally): unknown {
  const sorted = <K>(map: ReadonlyMap<K, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    n: tally.n,
    questions: [...tally.questions].map(([id, counts]) => [
      id,
      counts.exclusive,
      counts.n,
      sorted(counts.codes),
      counts.values === undefined ? null : sorted(counts.values),
    ]),
  };
}

/** Answers as they may come: every question optional, numbers on and around every bin bound. */
const answers = fc.record(
  {
    mediation: fc.constantFrom('oui', 'non', 'nsp'),
    lieux: fc.subarray(['france_services', 'mediatheque', 'autre'], { minLength: 1 }),
    rssi: fc.constantFrom('interne', 'mutualise', 'aucun'),
    agents: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(-1, 0.5, 2.5, 9.000001, 1e6)),
    formes: fc.constantFrom('oui', 'non', 'nsp'),
    budget: fc.integer({ min: 0, max: 10_000 }),
    remarques: fc.string(),
  },
  { requiredKeys: [] },
);

describe('the test questionnaire', () => {
  it('is sound: bins in order, last bin open, conditions on earlier questions and on bin bounds', () => {
    assert.deepEqual(checkDefinition(survey), []);
  });
});

describe('publishedQuestions', () => {
  it('keeps choices and binned numbers, in definition order; never free text nor a number without bins', () => {
    assert.deepEqual(
      publishedQuestions(survey).map((q) => q.id),
      ['mediation', 'lieux', 'rssi', 'agents', 'formes'],
    );
  });

  it('keeps the first question of a repeated id', () => {
    const repeated = QuestionnaireDefinition.parse({
      ...survey,
      sections: [
        ...survey.sections,
        {
          id: 'encore',
          title: { fr: 'Encore', en: 'Again' },
          questions: [
            {
              id: 'mediation',
              kind: 'single',
              label: { fr: 'Lequel ?', en: 'Which one?' },
              options: [
                { code: 'un', label: { fr: 'Un', en: 'One' } },
                { code: 'deux', label: { fr: 'Deux', en: 'Two' } },
              ],
            },
          ],
        },
      ],
    });
    const published = publishedQuestions(repeated);
    assert.deepEqual(published.map((q) => q.id), ['mediation', 'lieux', 'rssi', 'agents', 'formes']);
    assert.equal(published[0]!.kind, 'yesno');
  });
});

describe('codesOf', () => {
  it('gives oui, non, nsp for yes/no, the options in order for choices, the bins in order for numbers', () => {
    const byId = new Map(publishedQuestions(survey).map((q) => [q.id, q]));
    assert.deepEqual(codesOf(byId.get('mediation')!), ['oui', 'non', 'nsp']);
    assert.deepEqual(codesOf(byId.get('lieux')!), ['france_services', 'mediatheque', 'autre']);
    assert.deepEqual(codesOf(byId.get('rssi')!), ['interne', 'mutualise', 'aucun']);
    assert.deepEqual(codesOf(agents), BIN_CODES);
  });
});

describe('binOf', () => {
  it('puts a value on a bin’s bound in that bin, and the next value in the next one', () => {
    assert.equal(binOf(agents, 0), 'aucun');
    assert.equal(binOf(agents, 1), 'un_ou_deux');
    assert.equal(binOf(agents, 2), 'un_ou_deux');
    assert.equal(binOf(agents, 3), 'de_3_a_9');
    assert.equal(binOf(agents, 9), 'de_3_a_9');
    assert.equal(binOf(agents, 10), 'au_moins_10');
  });

  it('bins values between whole bounds by the bound they do not exceed', () => {
    assert.equal(binOf(agents, 0.5), 'un_ou_deux');
    assert.equal(binOf(agents, 2.000001), 'de_3_a_9');
    assert.equal(binOf(agents, 9.5), 'au_moins_10');
  });

  it('puts everything below the first bound in the first bin and everything above the last bound in the open last bin', () => {
    assert.equal(binOf(agents, -1), 'aucun');
    assert.equal(binOf(agents, -1e9), 'aucun');
    assert.equal(binOf(agents, 1e9), 'au_moins_10');
    assert.equal(binOf(agents, Number.MAX_VALUE), 'au_moins_10');
  });

  it('puts a value above every bound in the last bin, even when that bin was given a bound', () => {
    const closed: BinnedQuestion = { ...agents, bins: agents.bins.map((bin, i) => ({ ...bin, max: (i + 1) * 10 })) };
    assert.equal(binOf(closed, 40), 'au_moins_10');
    assert.equal(binOf(closed, 41), 'au_moins_10');
  });

  it('agrees with the bins’ definition: a value belongs to the bin whose range (previous bound, bound] holds it', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (value) => {
        const bounds = [-Infinity, 0, 2, 9, Infinity];
        const index = bounds.findIndex((bound, i) => i > 0 && value > bounds[i - 1]! && value <= bound) - 1;
        assert.equal(binOf(agents, value), BIN_CODES[index]);
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});

describe('emptyTally', () => {
  it('has every published question with every code at zero, in order, and no respondent', () => {
    const tally = emptyTally(survey);
    assert.equal(tally.n, 0);
    assert.deepEqual([...tally.questions.keys()], ['mediation', 'lieux', 'rssi', 'agents', 'formes']);
    assert.deepEqual(question(tally, 'mediation'), {
      exclusive: true,
      n: 0,
      codes: new Map([['oui', 0], ['non', 0], ['nsp', 0]]),
    });
    assert.deepEqual(question(tally, 'lieux'), {
      exclusive: false,
      n: 0,
      codes: new Map([['france_services', 0], ['mediatheque', 0], ['autre', 0]]),
    });
    assert.deepEqual(question(tally, 'agents'), {
      exclusive: true,
      n: 0,
      codes: new Map(BIN_CODES.map((code) => [code, 0])),
      values: new Map(),
    });
    // Only numbers keep their values, for the median.
    assert.equal(question(tally, 'rssi').values, undefined);
  });
});

describe('tallyAnswers', () => {
  it('counts number answers in their bins, bounds included, the open last bin taking every larger value', () => {
    const values = [0, 0, 1, 2, 2, 3, 9, 10, 11, 500];
    const tally = tallyAnswers(survey, values.map((value) => ({ agents: value })));
    assert.equal(tally.n, 10);
    const counts = question(tally, 'agents');
    assert.equal(counts.n, 10);
    assert.deepEqual(codes(tally, 'agents'), { aucun: 2, un_ou_deux: 3, de_3_a_9: 2, au_moins_10: 3 });
    // …and by value, for the median, without the bins losing anything.
    assert.deepEqual([...counts.values!].sort(([a], [b]) => a - b), [[0, 2], [1, 1], [2, 2], [3, 1], [9, 1], [10, 1], [11, 1], [500, 1]]);
  });

  it('does not count a number answer that is not a finite number, nor one not given', () => {
    const tally = tallyAnswers(survey, [
      { agents: '3' },
      { agents: Number.NaN },
      { agents: Number.POSITIVE_INFINITY },
      { agents: null },
      { agents: [3] },
      {},
      { agents: 4 },
    ]);
    assert.equal(tally.n, 7);
    assert.equal(question(tally, 'agents').n, 1);
    assert.deepEqual(codes(tally, 'agents'), { aucun: 0, un_ou_deux: 0, de_3_a_9: 1, au_moins_10: 0 });
    assert.deepEqual([...question(tally, 'agents').values!], [[4, 1]]);
  });

  it('never tallies a number without bins nor a free text', () => {
    const tally = tallyAnswers(survey, [{ budget: 12_000, remarques: 'Notre RSSI part en mars.' }]);
    assert.equal(tally.n, 1);
    assert.equal(tally.questions.has('budget'), false);
    assert.equal(tally.questions.has('remarques'), false);
    for (const counts of tally.questions.values()) assert.equal(counts.n, 0);
  });

  it('counts each ticked code of a multiple choice once per respondent, so codes add up to more than n', () => {
    const tally = tallyAnswers(survey, [
      { mediation: 'oui', lieux: ['france_services', 'mediatheque'] },
      { mediation: 'oui', lieux: ['france_services', 'autre'], 'lieux.autre': 'Bus numérique' },
      { mediation: 'oui', lieux: ['mediatheque'] },
    ]);
    const lieux = question(tally, 'lieux');
    assert.equal(lieux.exclusive, false);
    assert.equal(lieux.n, 3);
    assert.deepEqual(codes(tally, 'lieux'), { france_services: 2, mediatheque: 2, autre: 1 });
  });

  it('counts a code ticked twice once, ignores unknown codes, and does not count an answer with no known code', () => {
    const tally = tallyAnswers(survey, [
      { mediation: 'oui', lieux: ['mediatheque', 'mediatheque'] },
      { mediation: 'oui', lieux: ['mediatheque', 'cyberbase', 3] },
      { mediation: 'oui', lieux: ['cyberbase'] },
      { mediation: 'oui', lieux: [] },
      { mediation: 'oui', lieux: 'mediatheque' },
      { mediation: 'oui' },
    ]);
    assert.equal(question(tally, 'lieux').n, 2);
    assert.deepEqual(codes(tally, 'lieux'), { france_services: 0, mediatheque: 2, autre: 0 });
    assert.equal(question(tally, 'mediation').n, 6);
  });

  it('counts one code per respondent for yes/no and single choice, and no unknown code', () => {
    const tally = tallyAnswers(survey, [
      { mediation: 'oui', rssi: 'interne' },
      { mediation: 'non', rssi: 'mutualise' },
      { mediation: 'peut-être', rssi: ['interne'] },
      { mediation: 'OUI', rssi: 'externe' },
      { mediation: 'nsp', rssi: 'aucun' },
    ]);
    assert.equal(question(tally, 'mediation').n, 3);
    assert.deepEqual(codes(tally, 'mediation'), { oui: 1, non: 1, nsp: 1 });
    assert.equal(question(tally, 'rssi').n, 3);
    assert.deepEqual(codes(tally, 'rssi'), { interne: 1, mutualise: 1, aucun: 1 });
  });

  it('counts a conditional question only for respondents whose own answers showed it', () => {
    const tally = tallyAnswers(survey, [
      { mediation: 'oui', lieux: ['mediatheque'] },
      // Left behind after `mediation` was changed: the question was hidden, the answer does not count.
      { mediation: 'non', lieux: ['france_services'] },
      { mediation: 'nsp', lieux: ['france_services'] },
      { lieux: ['france_services'] },
      // Shown but not answered.
      { mediation: 'oui' },
    ]);
    assert.equal(tally.n, 5);
    assert.equal(question(tally, 'mediation').n, 4);
    assert.equal(question(tally, 'lieux').n, 1);
    assert.deepEqual(codes(tally, 'lieux'), { france_services: 0, mediatheque: 1, autre: 0 });
  });

  it('counts a question shown on a number only above its bin bound', () => {
    const tally = tallyAnswers(survey, [
      { agents: 0, formes: 'oui' },
      { agents: -1, formes: 'oui' },
      { agents: '3', formes: 'oui' },
      { formes: 'oui' },
      { agents: 0.5, formes: 'non' },
      { agents: 1, formes: 'oui' },
      { agents: 12, formes: 'nsp' },
    ]);
    assert.equal(question(tally, 'formes').n, 3);
    assert.deepEqual(codes(tally, 'formes'), { oui: 1, non: 1, nsp: 1 });
    // Those asked are exactly those counted in the bins above the bound.
    const agentsCodes = codes(tally, 'agents');
    assert.equal(agentsCodes.un_ou_deux! + agentsCodes.de_3_a_9! + agentsCodes.au_moins_10!, 3);
  });

  it('counts every respondent in the group, even one who answered nothing, and reads answers from any iterable', () => {
    function* respondents() {
      yield {};
      yield { remarques: 'Rien à signaler.' };
      yield { mediation: 'oui' };
    }
    const tally = tallyAnswers(survey, respondents());
    assert.equal(tally.n, 3);
    assert.equal(question(tally, 'mediation').n, 1);
  });

  it('does not read what a plain object inherits', () => {
    const inherited = Object.create({ mediation: 'oui', agents: 4 }) as Record<string, unknown>;
    const tally = tallyAnswers(survey, [inherited]);
    assert.equal(question(tally, 'mediation').n, 0);
    assert.equal(question(tally, 'agents').n, 0);
  });

  it('keeps every invariant the figures rest on, whatever the answers', () => {
    fc.assert(
      fc.property(fc.array(answers, { maxLength: 60 }), (list) => {
        const tally = tallyAnswers(survey, list);
        assert.equal(tally.n, list.length);
        for (const [id, counts] of tally.questions) {
          const total = [...counts.codes.values()].reduce((sum, count) => sum + count, 0);
          assert.ok(counts.n <= tally.n, id);
          for (const count of counts.codes.values()) assert.ok(count >= 0 && count <= counts.n, id);
          if (counts.exclusive) assert.equal(total, counts.n, `${id}: exclusive codes add up to n`);
          else assert.ok(total >= counts.n && (counts.n > 0 || total === 0), id);
          if (counts.values) assert.equal([...counts.values.values()].reduce((sum, count) => sum + count, 0), counts.n, id);
        }
        // Recounted by hand: the bins of the numbers given, lieux only where mediation is oui.
        const numbers = list.map((a) => a.agents).filter((value) => value !== undefined);
        assert.deepEqual(
          codes(tally, 'agents'),
          Object.fromEntries(BIN_CODES.map((code) => [code, numbers.filter((value) => binOf(agents, value) === code).length])),
        );
        assert.equal(question(tally, 'lieux').n, list.filter((a) => a.mediation === 'oui' && a.lieux !== undefined).length);
        assert.equal(question(tally, 'formes').n, list.filter((a) => a.agents !== undefined && a.agents > 0 && a.formes !== undefined).length);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});

describe('addTally', () => {
  it('adds up: the tally of parts added together is the tally of the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(answers, fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (items) => {
        const parts = [0, 1, 2, 3].map((part) =>
          tallyAnswers(
            survey,
            items.filter(([, at]) => at === part).map(([a]) => a),
          ),
        );
        const sum = parts.reduce((into, part) => addTally(into, part), emptyTally(survey));
        assert.deepEqual(plain(sum), plain(tallyAnswers(survey, items.map(([a]) => a))));
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });

  it('adds in place and leaves the tally added unchanged', () => {
    const into = tallyAnswers(survey, [{ agents: 3 }]);
    const from = tallyAnswers(survey, [{ agents: 3 }, { agents: 40 }]);
    const before = plain(from);
    assert.equal(addTally(into, from), into);
    assert.equal(into.n, 3);
    assert.deepEqual(codes(into, 'agents'), { aucun: 0, un_ou_deux: 0, de_3_a_9: 2, au_moins_10: 1 });
    assert.deepEqual([...question(into, 'agents').values!].sort(([a], [b]) => a - b), [[3, 2], [40, 1]]);
    assert.deepEqual(plain(from), before);
  });

  it('refuses tallies of different definitions', () => {
    const other = (id: string, counts: QuestionTally) => {
      const tally = emptyTally({ ...survey, sections: [] });
      tally.questions.set(id, counts);
      return tally;
    };
    // A question this definition does not publish.
    assert.throws(() => addTally(emptyTally(survey), other('budget', { exclusive: true, n: 0, codes: new Map() })), /different definitions cannot be added \(question budget\)/);
    // A number where this definition has a yes/no question.
    assert.throws(
      () => addTally(emptyTally(survey), other('mediation', { exclusive: true, n: 0, codes: new Map(), values: new Map() })),
      /different definitions cannot be added \(question mediation\)/,
    );
    // A multiple choice where this definition has a single one.
    assert.throws(() => addTally(emptyTally(survey), other('rssi', { exclusive: false, n: 0, codes: new Map() })), /different definitions/);
  });
});

describe('the median of a number question', () => {
  it('read from the tally’s values, equals the median of the answers themselves, across added tallies too', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 50 }), fc.nat(50), (values, cut) => {
        const list = values.map((agents) => ({ agents }));
        const tally = addTally(tallyAnswers(survey, list.slice(0, cut)), tallyAnswers(survey, list.slice(cut)));
        assert.deepEqual(quartilesOfCounts(question(tally, 'agents').values!), quartiles(values));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('quartilesOfCounts equals the quartiles of the expanded list, zero counts ignored', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 5 })), { maxLength: 30 }), (pairs) => {
        const counts = new Map<number, number>();
        for (const [value, count] of pairs) counts.set(value, (counts.get(value) ?? 0) + count);
        const expanded = [...counts].flatMap(([value, count]) => Array.from({ length: count }, () => value));
        assert.deepEqual(quartilesOfCounts(counts), quartiles(expanded));
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
