import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import {
  CONTRACT_RULES,
  FIGURE_STATUSES,
  MapResults,
  MIN_CELL_FLOOR,
  parseWithFieldErrors,
  ResultsResponse,
  type AnswerResult,
  type MapResults as MapResultsType,
  type QuestionResult,
  type ResultsResponse as ResultsResponseType,
  type Series,
} from '../../../src/core/schema/index.js';

/**
 * Wave-1 cybersecurity results, raw, as a publication serves them. France: 2,729 respondents,
 * 64 % without an RSSI; the other figures are plausible, not published ones. Every state a
 * figure can be in appears once at least:
 * - series: published (France, Ille-et-Vilaine, a group), `masque` (Bretagne, hidden to protect
 *   another figure), `aucune` (a group nobody belongs to), `insuffisant` (Rennes alone);
 * - questions: published, a conditional one (`rssi_mode`, asked only to those with an RSSI),
 *   a number question in bins with its median, `insuffisant`, `masque`, `aucune`;
 * - answers: published, and `masque` (a sensitive question's small counts).
 */
function results(): ResultsResponseType {
  return {
    theme: 'cybersecurite',
    version: '1.0',
    publication: { id: '2026-12-06T14-00-00Z', publishedAt: '2026-12-06T14:00:00Z' },
    ponderation: 'brute',
    minCell: 5,
    source: {
      fr: 'Baromètre numérique des collectivités, vague 1',
      en: 'Digital barometer of French local authorities, wave 1',
    },
    series: [
      {
        role: 'france',
        territory: { id: 'france', name: 'France', kind: 'france' },
        status: 'publie',
        n: 2729,
        questions: {
          has_rssi: {
            status: 'publie',
            n: 2729,
            answers: {
              oui: { status: 'publie', count: 791, share: 0.2899, shareOfAll: 0.2899, ci: [0.2731, 0.3072] },
              non: { status: 'publie', count: 1747, share: 0.6402, shareOfAll: 0.6402, ci: [0.622, 0.658] },
              nsp: { status: 'publie', count: 191, share: 0.07, shareOfAll: 0.07, ci: [0.0609, 0.0803] },
            },
          },
          // Asked only to those with an RSSI: shares among them, and among all respondents.
          rssi_mode: {
            status: 'publie',
            n: 791,
            answers: {
              interne: { status: 'publie', count: 371, share: 0.469, shareOfAll: 0.1359 },
              mutualise: { status: 'publie', count: 420, share: 0.531, shareOfAll: 0.1539 },
            },
          },
          // Sensitive: its small counts are hidden.
          incident_grave: {
            status: 'publie',
            n: 2600,
            answers: {
              oui: { status: 'masque', count: null, share: null, shareOfAll: null },
              non: { status: 'publie', count: 2410, share: 0.9269, shareOfAll: 0.8831, ci: [0.9164, 0.9362] },
              nsp: { status: 'masque', count: null, share: null, shareOfAll: null, ci: null },
            },
          },
          // A number question, published in its bins, with a rounded median.
          agents_trained: {
            status: 'publie',
            n: 2100,
            answers: {
              aucun: { status: 'publie', count: 420, share: 0.2, shareOfAll: 0.1539 },
              un_ou_deux: { status: 'publie', count: 735, share: 0.35, shareOfAll: 0.2693 },
              de_3_a_9: { status: 'publie', count: 630, share: 0.3, shareOfAll: 0.2309 },
              au_moins_10: { status: 'publie', count: 315, share: 0.15, shareOfAll: 0.1154 },
            },
            median: 3,
          },
        },
      },
      {
        role: 'departement',
        territory: { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' },
        status: 'publie',
        n: 48,
        questions: {
          has_rssi: {
            status: 'publie',
            n: 48,
            answers: {
              oui: { status: 'masque', count: null, share: null, shareOfAll: null },
              non: { status: 'publie', count: 30, share: 0.625, shareOfAll: 0.625, ci: [0.484, 0.748] },
              nsp: { status: 'masque', count: null, share: null, shareOfAll: null },
            },
          },
          rssi_mode: { status: 'insuffisant', n: null },
          agents_trained: { status: 'masque', n: null },
        },
      },
      {
        role: 'region',
        territory: { id: 'region:53', name: 'Bretagne', kind: 'region' },
        status: 'masque',
        n: null,
        questions: {},
      },
      {
        role: 'similaires',
        territory: { id: 'groupe:commune:1000-3499', name: 'Communes de 1 000 à 3 499 habitants', kind: 'groupe' },
        status: 'publie',
        n: 412,
        questions: {
          has_rssi: {
            status: 'publie',
            n: 412,
            answers: {
              oui: { status: 'publie', count: 87, share: 0.2112, shareOfAll: 0.2112, ci: null },
              non: { status: 'publie', count: 301, share: 0.7306, shareOfAll: 0.7306 },
              nsp: { status: 'publie', count: 24, share: 0.0583, shareOfAll: 0.0583 },
            },
          },
          // Added in a later version of the questionnaire: nobody of the group answered it.
          incident_grave: { status: 'aucune', n: 0 },
        },
      },
      {
        role: 'similaires',
        territory: { id: 'groupe:epci:300000+', name: 'EPCI de 300 000 habitants ou plus', kind: 'groupe' },
        status: 'aucune',
        n: 0,
        questions: {},
      },
      {
        // One commune alone: below the threshold, nothing is published but that.
        role: 'territoire',
        territory: { id: 'commune:35238', name: 'Rennes', kind: 'commune' },
        status: 'insuffisant',
        n: null,
        questions: {},
      },
    ],
  };
}

/** The same results reweighted: shares only, never a raw count, and the effective sizes. */
function weighted(): ResultsResponseType {
  const value = results();
  value.ponderation = 'redressee';
  const effective: Record<string, number> = { france: 2210.4, 'departement:35': 39.5, 'groupe:commune:1000-3499': 388 };
  for (const series of value.series) {
    if (series.status === 'publie') series.effectiveN = effective[series.territory.id]!;
    for (const question of Object.values(series.questions)) {
      for (const answer of Object.values(question.answers ?? {})) answer.count = null;
    }
  }
  return value;
}

const SERIES = { france: 0, departement: 1, bretagne: 2, similaires: 3, groupeVide: 4, rennes: 5 } as const;
const seriesOf = (value: ResultsResponseType, name: keyof typeof SERIES): Series => value.series[SERIES[name]]!;
const questionOf = (value: ResultsResponseType, name: keyof typeof SERIES, id: string): QuestionResult =>
  seriesOf(value, name).questions[id]!;
const answerOf = (value: ResultsResponseType, name: keyof typeof SERIES, id: string, code: string): AnswerResult =>
  questionOf(value, name, id).answers![code]!;

/** Every contract rule some test above saw broken. */
const rulesSeen = new Set<string>();

/**
 * What is wrong with a value, as `rule @ path` (the contract rule for rules, zod's code for
 * shapes), in the order reported; empty when the value is valid.
 */
function problems(schema: z.ZodMiniType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    let rule: string = issue.code;
    if (issue.code === 'custom') rulesSeen.add((rule = String((issue.params as { rule?: unknown } | undefined)?.rule)));
    else if (issue.code === 'unrecognized_keys') rule += ` ${issue.keys.join(',')}`;
    return `${rule} @ ${issue.path.join('.')}`;
  });
}

/** The problems of the results after a change. */
function broken(change: (value: ResultsResponseType) => void, base: () => ResultsResponseType = results): string[] {
  const value = base();
  change(value);
  return problems(ResultsResponse, value);
}

/** Asserts that results pass after a change (the valid side of a rule). */
function passes(change: (value: ResultsResponseType) => void, base: () => ResultsResponseType = results): void {
  assert.deepEqual(broken(change, base), []);
}

describe('ResultsResponse', () => {
  it('accepts raw results with every state of series, question and answer', () => {
    assert.deepEqual(problems(ResultsResponse, results()), []);
    const statuses = new Set(results().series.flatMap((s) => [s.status, ...Object.values(s.questions).map((q) => q.status)]));
    assert.deepEqual([...statuses].sort(), [...FIGURE_STATUSES].sort());
  });

  it('accepts reweighted results: shares without counts, effective sizes', () => {
    assert.deepEqual(problems(ResultsResponse, weighted()), []);
  });

  it('accepts results without version, effective sizes, intervals, median nor answers', () => {
    passes((value) => {
      delete value.version;
      delete questionOf(value, 'france', 'agents_trained').median;
      delete questionOf(value, 'france', 'has_rssi').answers;
      for (const answer of Object.values(questionOf(value, 'departement', 'has_rssi').answers!)) delete answer.ci;
    });
    passes((value) => {
      questionOf(value, 'france', 'agents_trained').median = null;
    });
  });

  it('refuses the fields of the old contract: generatedAt, suppressed, quartiles', () => {
    const old = results() as unknown as Record<string, unknown>;
    delete old.publication;
    old.generatedAt = '2025-10-15T08:00:00Z';
    const france = (old.series as Record<string, unknown>[])[0]!;
    france.suppressed = false;
    (france.questions as Record<string, Record<string, unknown>>).agents_trained!.stats = { n: 2100, median: 3, q1: 1, q3: 8 };
    assert.deepEqual(problems(ResultsResponse, old), [
      'invalid_type @ publication',
      'unrecognized_keys stats @ series.0.questions.agents_trained',
      'unrecognized_keys suppressed @ series.0',
      'unrecognized_keys generatedAt @ ',
    ]);
  });

  it('names its publication by a stable id and an ISO instant', () => {
    passes((value) => {
      value.publication = { id: 'v1.2026-12_06:a', publishedAt: '2026-12-06T14:00:00.123Z' };
    });
    assert.deepEqual(
      broken((value) => {
        value.publication = { id: '2026 12 06', publishedAt: '6 décembre 2026' };
      }),
      ['invalid_format @ publication.id', 'invalid_format @ publication.publishedAt'],
    );
    assert.deepEqual(
      broken((value) => {
        value.publication.id = 'x'.repeat(65);
      }),
      ['invalid_format @ publication.id'],
    );
  });

  it('knows four statuses for series and questions, two for answers', () => {
    assert.deepEqual(FIGURE_STATUSES, ['publie', 'aucune', 'insuffisant', 'masque']);
    assert.deepEqual(
      broken((value) => {
        (seriesOf(value, 'rennes') as { status: string }).status = 'supprime';
        (questionOf(value, 'departement', 'rssi_mode') as { status: string }).status = 'suppressed';
        (answerOf(value, 'departement', 'has_rssi', 'oui') as { status: string }).status = 'insuffisant';
      }),
      [
        'invalid_value @ series.1.questions.has_rssi.answers.oui.status',
        'invalid_value @ series.1.questions.rssi_mode.status',
        'invalid_value @ series.5.status',
      ],
    );
  });

  describe('status_values: a figure not published carries no value', () => {
    it('a series nobody answered counts 0, never null, and shows nothing else', () => {
      passes((value) => {
        seriesOf(value, 'groupeVide').n = 0;
      });
      for (const [n, rest] of [
        [null, {}],
        [3, {}],
        [0, { effectiveN: 1 }],
        [0, { questions: { has_rssi: { status: 'aucune', n: 0 } } }],
      ] as const) {
        assert.deepEqual(
          broken((value) => Object.assign(seriesOf(value, 'groupeVide'), { n }, rest)),
          ['status_values @ series.4'],
          JSON.stringify({ n, rest }),
        );
      }
    });

    for (const [status, name] of [
      ['insuffisant', 'rennes'],
      ['masque', 'bretagne'],
    ] as const) {
      it(`a ${status} series counts null, never zero nor its respondents, and shows nothing else`, () => {
        const at = `status_values @ series.${SERIES[name]}`;
        for (const change of [
          { n: 0 },
          { n: 4 },
          { n: 2000 },
          { effectiveN: 3.2 },
          { questions: { has_rssi: { status: 'insuffisant', n: null } } },
        ]) {
          assert.deepEqual(
            broken((value) => Object.assign(seriesOf(value, name), change)),
            [at],
            JSON.stringify(change),
          );
        }
      });
    }

    it('a question nobody answered counts 0 and shows no answer nor median', () => {
      passes((value) => {
        questionOf(value, 'similaires', 'incident_grave').answers = {};
      });
      for (const change of [
        { n: null },
        { n: 5 },
        { median: 0 },
        { answers: { oui: { status: 'masque', count: null, share: null, shareOfAll: null } } },
      ]) {
        assert.deepEqual(
          broken((value) => Object.assign(questionOf(value, 'similaires', 'incident_grave'), change)),
          ['status_values @ series.3.questions.incident_grave'],
          JSON.stringify(change),
        );
      }
    });

    for (const [status, id] of [
      ['insuffisant', 'rssi_mode'],
      ['masque', 'agents_trained'],
    ] as const) {
      it(`a ${status} question counts null, never zero, and shows no answer nor median`, () => {
        for (const change of [
          { n: 0 },
          { n: 4 },
          { median: 2 },
          { answers: { interne: { status: 'publie', count: 2, share: 0.5, shareOfAll: 0.04 } } },
        ]) {
          assert.deepEqual(
            broken((value) => Object.assign(questionOf(value, 'departement', id), change)),
            [`status_values @ series.1.questions.${id}`],
            JSON.stringify(change),
          );
        }
      });
    }

    it('a hidden answer has null count, shares and interval, never zeros', () => {
      for (const change of [
        { count: 0 },
        { count: 3 },
        { share: 0 },
        { shareOfAll: 0.06 },
        { ci: [0, 0.1] },
      ]) {
        assert.deepEqual(
          broken((value) => Object.assign(answerOf(value, 'departement', 'has_rssi', 'oui'), change)),
          ['status_values @ series.1.questions.has_rssi.answers.oui'],
          JSON.stringify(change),
        );
      }
    });
  });

  describe('published_without_values: a published figure carries its values', () => {
    it('a published series has its count', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'france').n = null;
        }),
        ['published_without_values @ series.0.n'],
      );
    });

    it('a published question has its count', () => {
      assert.deepEqual(
        broken((value) => {
          questionOf(value, 'france', 'rssi_mode').n = null;
        }),
        ['published_without_values @ series.0.questions.rssi_mode.n'],
      );
    });

    it('a published answer has both shares', () => {
      for (const change of [{ share: null }, { shareOfAll: null }, { count: null, share: null, shareOfAll: null }]) {
        assert.deepEqual(
          broken((value) => Object.assign(answerOf(value, 'france', 'has_rssi', 'nsp'), change)),
          ['published_without_values @ series.0.questions.has_rssi.answers.nsp.share'],
          JSON.stringify(change),
        );
      }
    });
  });

  describe('weighted_count: reweighted results publish shares only', () => {
    it('refuses any raw count beside reweighted shares, zero included', () => {
      assert.deepEqual(
        broken((value) => {
          answerOf(value, 'france', 'has_rssi', 'oui').count = 791;
          answerOf(value, 'similaires', 'has_rssi', 'nsp').count = 0;
        }, weighted),
        [
          'weighted_count @ series.0.questions.has_rssi.answers.oui.count',
          'weighted_count @ series.3.questions.has_rssi.answers.nsp.count',
        ],
      );
    });

    it('lets raw results carry their counts', () => {
      const value = results();
      assert.equal(answerOf(value, 'france', 'has_rssi', 'oui').count, 791);
      assert.deepEqual(problems(ResultsResponse, value), []);
    });
  });

  describe('below_min_cell: nothing published rests on fewer respondents than minCell', () => {
    it('publishes a series of exactly minCell respondents, not one fewer', () => {
      const shrink = (n: number) => (value: ResultsResponseType) => {
        const series = seriesOf(value, 'departement');
        series.n = n;
        series.questions = {};
      };
      passes(shrink(5));
      assert.deepEqual(broken(shrink(4)), ['below_min_cell @ series.1.status']);
      assert.deepEqual(broken(shrink(0)), ['below_min_cell @ series.1.status']);
    });

    it('publishes a question of exactly minCell respondents, not one fewer', () => {
      const shrink = (n: number) => (value: ResultsResponseType) => {
        questionOf(value, 'france', 'rssi_mode').n = n;
        questionOf(value, 'france', 'rssi_mode').answers = {
          interne: { status: 'publie', count: n - 1, share: (n - 1) / n, shareOfAll: 0.0011 },
          mutualise: { status: 'masque', count: null, share: null, shareOfAll: null },
        };
      };
      passes(shrink(5));
      assert.deepEqual(broken(shrink(4)), ['below_min_cell @ series.0.questions.rssi_mode.status']);
    });

    it('follows the threshold the results declare', () => {
      passes((value) => {
        value.minCell = 48;
      });
      assert.deepEqual(
        broken((value) => {
          value.minCell = 49;
        }),
        ['below_min_cell @ series.1.status', 'below_min_cell @ series.1.questions.has_rssi.status'],
      );
    });

    it('never lets the threshold go below the statistical-secrecy floor of 3, nor be fractional', () => {
      assert.equal(MIN_CELL_FLOOR, 3);
      const minCell = (value: number) => (results: ResultsResponseType) => {
        results.minCell = value;
      };
      passes(minCell(3));
      assert.deepEqual(broken(minCell(2)), ['too_small @ minCell']);
      assert.deepEqual(broken(minCell(4.5)), ['invalid_type @ minCell']);
    });
  });

  describe('count_above_n: no answer counts more respondents than its question', () => {
    it('accepts every respondent choosing one code, not one more', () => {
      passes((value) => {
        answerOf(value, 'france', 'rssi_mode', 'mutualise').count = 791;
      });
      assert.deepEqual(
        broken((value) => {
          answerOf(value, 'france', 'rssi_mode', 'mutualise').count = 792;
        }),
        ['count_above_n @ series.0.questions.rssi_mode.answers.mutualise.count'],
      );
    });
  });

  describe('question_n_above_series_n: no question counts more respondents than its series', () => {
    it('accepts a question every respondent answered, not one more', () => {
      passes((value) => {
        questionOf(value, 'france', 'agents_trained').n = 2729;
      });
      assert.deepEqual(
        broken((value) => {
          questionOf(value, 'france', 'agents_trained').n = 2730;
        }),
        ['question_n_above_series_n @ series.0.questions.agents_trained.n'],
      );
    });
  });

  describe('effective_n_above_n: weights never make a series larger', () => {
    it('accepts an effective size up to the raw count, not above, and only positive', () => {
      passes((value) => {
        seriesOf(value, 'france').effectiveN = 2729;
      }, weighted);
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'france').effectiveN = 2729.5;
        }, weighted),
        ['effective_n_above_n @ series.0.effectiveN'],
      );
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'france').effectiveN = 0;
        }, weighted),
        ['too_small @ series.0.effectiveN'],
      );
    });
  });

  describe('ci_excludes_share: an interval contains its share', () => {
    it('accepts an interval with the share on a bound, or off by rounding noise only', () => {
      passes((value) => {
        answerOf(value, 'france', 'has_rssi', 'non').ci = [0.6402, 0.658];
        answerOf(value, 'france', 'has_rssi', 'oui').ci = [0.2731, 0.2899 - 1e-12];
        answerOf(value, 'france', 'has_rssi', 'nsp').ci = [0.07 + 1e-12, 0.0803];
        answerOf(value, 'similaires', 'has_rssi', 'oui').ci = [0, 1];
      });
    });

    it('refuses an interval beside its share, on either side', () => {
      assert.deepEqual(
        broken((value) => {
          answerOf(value, 'france', 'has_rssi', 'non').ci = [0.7, 0.8];
          answerOf(value, 'france', 'has_rssi', 'oui').ci = [0.1, 0.2898];
        }),
        [
          'ci_excludes_share @ series.0.questions.has_rssi.answers.oui.ci',
          'ci_excludes_share @ series.0.questions.has_rssi.answers.non.ci',
        ],
      );
    });

    it('checks reweighted intervals too', () => {
      assert.deepEqual(
        broken((value) => {
          answerOf(value, 'similaires', 'has_rssi', 'non').ci = [0.1, 0.2];
        }, weighted),
        ['ci_excludes_share @ series.3.questions.has_rssi.answers.non.ci'],
      );
    });
  });

  describe('shapes of figures', () => {
    it('takes shares as fractions, counts as whole numbers', () => {
      assert.deepEqual(
        broken((value) => {
          Object.assign(answerOf(value, 'france', 'has_rssi', 'non'), { share: 64.02, shareOfAll: -0.1, count: 1747.5 });
        }),
        [
          'invalid_type @ series.0.questions.has_rssi.answers.non.count',
          'too_big @ series.0.questions.has_rssi.answers.non.share',
          'too_small @ series.0.questions.has_rssi.answers.non.shareOfAll',
        ],
      );
    });

    it('keys questions and answers by machine ids', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'france').questions['Has RSSI'] = { status: 'aucune', n: 0 };
          questionOf(value, 'france', 'has_rssi').answers!['Oui'] = { status: 'masque', count: null, share: null, shareOfAll: null };
        }),
        ['invalid_key @ series.0.questions.has_rssi.answers.Oui', 'invalid_key @ series.0.questions.Has RSSI'],
      );
    });
  });

  describe('territories', () => {
    it('territory_id: a territory id, or a group id for a group', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'rennes').territory.id = 'commune:3523';
          seriesOf(value, 'similaires').territory.id = 'commune-1000-3499';
        }),
        ['territory_id @ series.3.territory.id', 'territory_id @ series.5.territory.id'],
      );
      passes((value) => {
        seriesOf(value, 'similaires').territory.id = 'groupe:epci:20000-49999';
        seriesOf(value, 'departement').territory = { id: 'departement:2A', name: 'Corse-du-Sud', kind: 'departement' };
      });
    });

    it('territory_id_kind: the id is of the kind given', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'rennes').territory = { id: 'commune:35238', name: 'Rennes', kind: 'epci' };
        }),
        ['territory_id_kind @ series.5.territory.id'],
      );
    });

    it('series_role_kind: each comparison role has its kind of territory', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'similaires').territory = { id: 'region:53', name: 'Bretagne', kind: 'region' };
          seriesOf(value, 'departement').territory = { id: 'region:53', name: 'Bretagne', kind: 'region' };
        }),
        ['series_role_kind @ series.1.territory.kind', 'series_role_kind @ series.3.territory.kind'],
      );
      passes((value) => {
        seriesOf(value, 'rennes').territory = { id: 'epci:243500139', name: 'Rennes Métropole', kind: 'epci' };
      });
    });

    it('territoire_is_group: the territory looked at is one territory, not a group', () => {
      assert.deepEqual(
        broken((value) => {
          seriesOf(value, 'rennes').territory = { id: 'groupe:commune:100000+', name: 'Grandes villes', kind: 'groupe' };
        }),
        ['territoire_is_group @ series.5.territory.kind'],
      );
    });
  });

  it('sends one series at least, and its credit in both languages', () => {
    assert.deepEqual(
      broken((value) => {
        value.source = { fr: 'Baromètre' } as never;
        value.series = [];
      }),
      ['invalid_type @ source.en', 'too_small @ series'],
    );
  });

  it('explains each broken rule to people, in French and English', () => {
    const value = weighted();
    answerOf(value, 'france', 'has_rssi', 'oui').count = 791;
    seriesOf(value, 'groupeVide').n = null;
    Object.assign(seriesOf(value, 'departement'), { n: 4, effectiveN: 3.1, questions: {} });
    const fr = parseWithFieldErrors(ResultsResponse, value, 'fr');
    const en = parseWithFieldErrors(ResultsResponse, value, 'en');
    assert.ok(!fr.ok && !en.ok);
    assert.deepEqual(fr.errors, [
      {
        path: 'series.4',
        message: 'Sans réponse, l’effectif vaut 0 et aucune part n’est publiée.',
      },
      {
        path: 'series.0.questions.has_rssi.answers.oui.count',
        message: 'Des résultats redressés ne publient que des parts : l’effectif brut d’une réponse doit être null.',
      },
      {
        path: 'series.1.status',
        message: 'Effectif de 4 sous le seuil de secret statistique (5) : ce chiffre ne peut pas être publié.',
      },
    ]);
    assert.deepEqual(en.errors.map((e) => e.message), [
      'With no response, the count is 0 and no share is published.',
      'Weighted results publish shares only: an answer’s raw count must be null.',
      'A count of 4 is below the confidentiality threshold (5): this figure cannot be published.',
    ]);
  });
});

/** A map of one question over départements, raw, with a territory in each state. */
function mapResults(): MapResultsType {
  return {
    theme: 'cybersecurite',
    question: 'has_rssi',
    niveau: 'departement',
    ponderation: 'brute',
    version: '1.0',
    publication: { id: '2026-12-06T14-00-00Z', publishedAt: '2026-12-06T14:00:00Z' },
    minCell: 5,
    source: { fr: 'Baromètre numérique des collectivités, vague 1', en: 'Digital barometer of French local authorities, wave 1' },
    territories: [
      {
        id: 'departement:35',
        name: 'Ille-et-Vilaine',
        status: 'publie',
        n: 48,
        answers: {
          oui: { status: 'masque', count: null, share: null, shareOfAll: null },
          non: { status: 'publie', count: 30, share: 0.625, shareOfAll: 0.625, ci: [0.484, 0.748] },
          nsp: { status: 'masque', count: null, share: null, shareOfAll: null },
        },
      },
      { id: 'departement:2A', name: 'Corse-du-Sud', status: 'insuffisant', n: null },
      { id: 'departement:48', name: 'Lozère', status: 'aucune', n: 0 },
      { id: 'departement:22', name: 'Côtes-d’Armor', status: 'masque', n: null },
    ],
  };
}

function mapBroken(change: (value: MapResultsType) => void): string[] {
  const value = mapResults();
  change(value);
  return problems(MapResults, value);
}

const territory = (value: MapResultsType, index: number) => value.territories[index]!;

describe('MapResults', () => {
  it('accepts a map with a territory in each state, and the same reweighted without counts', () => {
    assert.deepEqual(problems(MapResults, mapResults()), []);
    assert.deepEqual(
      mapBroken((value) => {
        value.ponderation = 'redressee';
        for (const answer of Object.values(territory(value, 0).answers!)) answer.count = null;
      }),
      [],
    );
  });

  it('drops fields it does not know, so a newer server does not break embedded maps', () => {
    const value = { ...mapResults(), couleurs: ['#000091'] };
    const parsed = MapResults.safeParse(value);
    assert.ok(parsed.success);
    assert.equal('couleurs' in parsed.data, false);
  });

  it('status_values: a territory not published carries null (0 when nobody answered) and no answer', () => {
    for (const [index, change] of [
      [1, { n: 0 }],
      [1, { n: 3 }],
      [3, { n: 0 }],
      [2, { n: null }],
      [2, { answers: {} as Record<string, AnswerResult>, n: 1 }],
      [3, { answers: { non: { status: 'publie', count: 4, share: 1, shareOfAll: 1 } } }],
    ] as const) {
      assert.deepEqual(
        mapBroken((value) => Object.assign(territory(value, index), change)),
        [`status_values @ territories.${index}`],
        JSON.stringify(change),
      );
    }
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 0).answers!.oui!.count = 0;
      }),
      ['status_values @ territories.0.answers.oui'],
    );
  });

  it('published_without_values: a published territory has its count, a published answer its shares', () => {
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 0).n = null;
      }),
      ['published_without_values @ territories.0.n'],
    );
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 0).answers!.non!.shareOfAll = null;
      }),
      ['published_without_values @ territories.0.answers.non.share'],
    );
  });

  it('below_min_cell: a published territory counts minCell respondents at least', () => {
    const shrink = (n: number) => (value: MapResultsType) => {
      territory(value, 0).n = n;
      delete territory(value, 0).answers;
    };
    assert.deepEqual(mapBroken(shrink(5)), []);
    assert.deepEqual(mapBroken(shrink(4)), ['below_min_cell @ territories.0.status']);
  });

  it('count_above_n: no answer counts more respondents than its territory', () => {
    assert.deepEqual(
      mapBroken((value) => {
        Object.assign(territory(value, 0).answers!.non!, { count: 48, share: 1, shareOfAll: 1, ci: [0.93, 1] });
      }),
      [],
    );
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 0).answers!.non!.count = 49;
      }),
      ['count_above_n @ territories.0.answers.non.count'],
    );
  });

  it('weighted_count: a reweighted map publishes shares only', () => {
    assert.deepEqual(
      mapBroken((value) => {
        value.ponderation = 'redressee';
      }),
      ['weighted_count @ territories.0.answers.non.count'],
    );
  });

  it('ci_excludes_share: an interval contains its share', () => {
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 0).answers!.non!.ci = [0.1, 0.2];
      }),
      ['ci_excludes_share @ territories.0.answers.non.ci'],
    );
  });

  it('territory_id and territory_id_kind: every territory is of the level mapped', () => {
    assert.deepEqual(
      mapBroken((value) => {
        territory(value, 1).id = 'departement:20';
        territory(value, 2).id = 'region:76';
      }),
      ['territory_id @ territories.1.id', 'territory_id_kind @ territories.2.id'],
    );
    assert.deepEqual(
      mapBroken((value) => {
        value.niveau = 'region';
        value.territories = [{ id: 'region:53', name: 'Bretagne', status: 'aucune', n: 0 }];
      }),
      [],
    );
  });

  it('refuses the old generatedAt in place of the publication', () => {
    const old = mapResults() as unknown as Record<string, unknown>;
    delete old.publication;
    old.generatedAt = '2025-10-15T08:00:00Z';
    assert.deepEqual(problems(MapResults, old), ['invalid_type @ publication']);
  });
});

// Runs last: a rule added to the contract without a test here fails it.
it('every rule of the results contract is broken by some test above', () => {
  const contributionRules = ['siret', 'siret_not_normalised', 'updated_before_created', 'status_updated_at'];
  assert.deepEqual(
    CONTRACT_RULES.filter((rule) => !contributionRules.includes(rule) && !rulesSeen.has(rule)),
    [],
  );
});
