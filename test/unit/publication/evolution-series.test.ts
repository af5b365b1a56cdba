import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EvolutionResponse } from '../../../src/core/schema/evolution.js';
import type { Question, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { QuestionResult, ResultsResponse, Series } from '../../../src/core/schema/results.js';
import { evolutionSeries, type EditionFigures, type EvolutionAsked } from '../../../src/server/publication/evolution-series.js';

/**
 * Two editions' published figures of one small questionnaire, and the ways a question can stop
 * being comparable between them: its answers, its kind, who is asked (its own condition or its
 * parent's), or the question itself gone. Figures are written by hand as a publication holds
 * them; the join must copy them, never count them again.
 */

const label = (fr: string) => ({ fr, en: fr });

const RSSI: Question = { id: 'rssi', kind: 'yesno', label: label('Avez-vous un RSSI ?') };
const RSSI_MODE: Question = {
  id: 'rssi_mode',
  kind: 'single',
  label: label('Votre RSSI est-il interne ou mutualisé ?'),
  visibleIf: { question: 'rssi', equals: 'oui' },
  options: [
    { code: 'interne', label: label('Interne') },
    { code: 'mutualise', label: label('Mutualisé') },
  ],
};

function definition(questions: Question[], version = '2.0.0'): QuestionnaireDefinition {
  return {
    theme: 'cybersecurite',
    version,
    title: label('Cybersécurité'),
    wave: 1,
    estimatedMinutes: 5,
    sections: [{ id: 'organisation', title: label('Organisation'), questions }],
  };
}

const PUBLICATION_2025 = { id: '2025-12-01T10-00-00Z', publishedAt: '2025-12-01T10:00:00Z' };
const PUBLICATION_2026 = { id: '2026-12-01T10-00-00Z', publishedAt: '2026-12-01T10:00:00Z' };

const published = (share: number, n: number, ci: [number, number] | null = null): QuestionResult['answers'] => ({
  oui: { status: 'publie', count: Math.round(share * n), share, shareOfAll: share, ...(ci ? { ci } : {}) },
  non: { status: 'publie', count: n - Math.round(share * n), share: 1 - share, shareOfAll: 1 - share },
  nsp: { status: 'masque', count: null, share: null, shareOfAll: null },
});

function series(role: Series['role'], id: string, name: string, figures: Pick<Series, 'status' | 'n' | 'questions'>): Series {
  const kind = id === 'france' ? 'france' : (id.split(':')[0] as 'departement' | 'region');
  return { role, territory: { id, name, kind }, ...figures };
}

function results(publication: ResultsResponse['publication'], all: Series[]): ResultsResponse {
  return { theme: 'cybersecurite', publication, ponderation: 'brute', minCell: 5, source: label('Baromètre'), series: all };
}

/** Ille-et-Vilaine beside France, in two editions: the share of RSSI goes from 30 % to 36 % in Ille-et-Vilaine. */
function twoEditions(defs: [QuestionnaireDefinition, QuestionnaireDefinition]): EditionFigures[] {
  return [
    {
      edition: '2025',
      definition: defs[0],
      results: results(PUBLICATION_2025, [
        series('territoire', 'departement:35', 'Ille-et-Vilaine', { status: 'publie', n: 60, questions: { rssi: { status: 'publie', n: 60, answers: published(0.3, 60, [0.2, 0.42]) } } }),
        series('france', 'france', 'France', { status: 'publie', n: 2729, questions: { rssi: { status: 'publie', n: 2729, answers: published(0.29, 2729, [0.27, 0.31]) } } }),
      ]),
    },
    {
      edition: '2026',
      definition: defs[1],
      results: results(PUBLICATION_2026, [
        series('territoire', 'departement:35', 'Ille-et-Vilaine', { status: 'publie', n: 70, questions: { rssi: { status: 'publie', n: 70, answers: published(0.36, 70, [0.26, 0.47]) } } }),
        series('france', 'france', 'France', { status: 'publie', n: 3117, questions: { rssi: { status: 'publie', n: 3117, answers: published(0.27, 3117, [0.25, 0.29]) } } }),
      ]),
    },
  ];
}

const asked = (question = 'rssi', code = 'oui'): EvolutionAsked => ({
  theme: 'cybersecurite',
  question,
  code,
  ponderation: 'brute',
  source: label('Baromètre'),
});

/** The response, checked against the contract the element reads. */
function evolution(ask: EvolutionAsked, editions: EditionFigures[]) {
  const response = evolutionSeries(ask, editions);
  const parsed = EvolutionResponse.safeParse(response);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  return response;
}

describe('evolution across editions', () => {
  it('joins two editions asking the same question: each point is its publication’s figure', () => {
    const response = evolution(asked(), twoEditions([definition([RSSI, RSSI_MODE]), definition([RSSI, RSSI_MODE])]));
    assert.deepEqual(
      response.editions.map((edition) => [edition.edition, edition.publication?.id, edition.breakBefore]),
      [
        ['2025', PUBLICATION_2025.id, null],
        ['2026', PUBLICATION_2026.id, null],
      ],
    );
    assert.deepEqual(response.editions[1]!.wording, { question: RSSI.label, answer: { fr: 'Oui', en: 'Yes' } });
    assert.deepEqual(
      response.series.map((one) => [one.role, one.territory.name, one.points.map((point) => [point.edition, point.publication.id, point.status, point.n, point.share, point.ci])]),
      [
        ['territoire', 'Ille-et-Vilaine', [['2025', PUBLICATION_2025.id, 'publie', 60, 0.3, [0.2, 0.42]], ['2026', PUBLICATION_2026.id, 'publie', 70, 0.36, [0.26, 0.47]]]],
        ['france', 'France', [['2025', PUBLICATION_2025.id, 'publie', 2729, 0.29, [0.27, 0.31]], ['2026', PUBLICATION_2026.id, 'publie', 3117, 0.27, [0.25, 0.29]]]],
      ],
    );
  });

  it('copies hidden figures as hidden: a masked answer, a question below the threshold, a series nobody answered in', () => {
    const editions = twoEditions([definition([RSSI]), definition([RSSI])]);
    editions[0]!.results!.series[0] = series('territoire', 'departement:35', 'Ille-et-Vilaine', { status: 'publie', n: 8, questions: { rssi: { status: 'insuffisant', n: null } } });
    editions[1]!.results!.series[0] = series('territoire', 'departement:35', 'Ille-et-Vilaine', { status: 'aucune', n: 0, questions: {} });
    const nsp = evolution(asked('rssi', 'nsp'), editions);
    assert.deepEqual(
      nsp.series.map((one) => one.points.map((point) => [point.status, point.n, point.share, point.ci])),
      [
        [['insuffisant', null, null, null], ['aucune', 0, null, null]],
        // France's "ne sait pas" is hidden by secrecy in both editions: never a zero.
        [['masque', 2729, null, null], ['masque', 3117, null, null]],
      ],
    );
  });

  it('takes a reweighted share as published, without a count to recompute it from', () => {
    const editions = twoEditions([definition([RSSI]), definition([RSSI])]);
    const france = editions[1]!.results!.series[1]!;
    france.questions.rssi!.answers!.oui = { status: 'publie', count: null, share: 0.314, shareOfAll: 0.314, ci: [0.3, 0.33] };
    const response = evolution(asked(), editions);
    assert.equal(response.series[1]!.points[1]!.share, 0.314);
  });

  it('joins when only the order of the answers changed', () => {
    const reordered = { ...RSSI_MODE, options: [...(RSSI_MODE as Extract<Question, { kind: 'single' }>).options].reverse() };
    const response = evolution(asked('rssi_mode', 'interne'), twoEditions([definition([RSSI, RSSI_MODE]), definition([RSSI, reordered])]));
    assert.equal(response.editions[1]!.breakBefore, null);
  });

  it('breaks when the answers offered changed, saying so in French and English', () => {
    const widened: Question = { ...RSSI_MODE, options: [...(RSSI_MODE as Extract<Question, { kind: 'single' }>).options, { code: 'externe', label: label('Prestataire') }] } as Question;
    const response = evolution(asked('rssi_mode', 'interne'), twoEditions([definition([RSSI, RSSI_MODE]), definition([RSSI, widened])]));
    assert.deepEqual(response.editions[1]!.breakBefore, {
      reason: 'codes_changed',
      message: {
        fr: 'La série s’interrompt en 2026 : les réponses proposées ne sont plus celles de 2025, les parts ne se comparent pas.',
        en: 'The series breaks in 2026: the answers offered differ from those of 2025, so the shares do not compare.',
      },
    });
    assert.equal(response.editions[0]!.breakBefore, null);
  });

  it('breaks when a number’s ranges moved, though their codes stayed', () => {
    const bins = (max: number): Question => ({
      id: 'postes',
      kind: 'number',
      label: label('Postes informatiques'),
      bins: [
        { code: 'peu', label: label('Peu'), max },
        { code: 'beaucoup', label: label('Beaucoup') },
      ],
    });
    const response = evolution(asked('postes', 'peu'), twoEditions([definition([bins(10)]), definition([bins(20)])]));
    assert.equal(response.editions[1]!.breakBefore?.reason, 'codes_changed');
  });

  it('breaks when the question is asked of other collectivités: its own condition', () => {
    const communesOnly: Question = { ...RSSI, visibleIf: { collectivite: 'kind', in: ['commune'] } };
    const response = evolution(asked(), twoEditions([definition([RSSI]), definition([communesOnly])]));
    assert.equal(response.editions[1]!.breakBefore?.reason, 'base_changed');
    assert.equal(
      response.editions[1]!.breakBefore?.message.fr,
      'La série s’interrompt en 2026 : la question n’est plus posée aux mêmes collectivités qu’en 2025, les parts ne se comparent pas.',
    );
  });

  it('breaks a follow-up whose parent is asked of other collectivités', () => {
    const communesOnly: Question = { ...RSSI, visibleIf: { collectivite: 'kind', in: ['commune'] } };
    const response = evolution(asked('rssi_mode', 'interne'), twoEditions([definition([RSSI, RSSI_MODE]), definition([communesOnly, RSSI_MODE])]));
    assert.equal(response.editions[1]!.breakBefore?.reason, 'base_changed');
  });

  it('joins conditions written in another order', () => {
    const a: Question = { ...RSSI, visibleIf: { collectivite: 'kind', in: ['commune', 'epci'] } };
    const b: Question = { ...RSSI, visibleIf: { collectivite: 'kind', in: ['epci', 'commune'] } };
    assert.equal(evolution(asked(), twoEditions([definition([a]), definition([b])])).editions[1]!.breakBefore, null);
  });

  it('breaks when the question is asked another way', () => {
    const several: Question = { ...(RSSI_MODE as Extract<Question, { kind: 'single' }>), kind: 'multiple' };
    const response = evolution(asked('rssi_mode', 'interne'), twoEditions([definition([RSSI, RSSI_MODE]), definition([RSSI, several])]));
    assert.equal(response.editions[1]!.breakBefore?.reason, 'kind_changed');
  });

  it('breaks when the question was removed: the later edition has no point and says it does not ask it', () => {
    const other: Question = { id: 'pca', kind: 'yesno', label: label('Avez-vous un PCA ?') };
    const editions = twoEditions([definition([RSSI]), definition([other])]);
    const response = evolution(asked(), editions);
    assert.equal(response.editions[1]!.wording, null);
    assert.deepEqual(response.editions[1]!.breakBefore, {
      reason: 'question_absent',
      message: {
        fr: 'La série s’interrompt en 2026 : la question n’est pas posée dans l’édition 2026.',
        en: 'The series breaks in 2026: the 2026 edition does not ask this question.',
      },
    });
    assert.deepEqual(
      response.series.map((one) => one.points.map((point) => point.edition)),
      [['2025'], ['2025']],
    );
  });

  it('an edition not published yet: a series of one point, the next edition said unpublished', () => {
    const editions = twoEditions([definition([RSSI]), definition([RSSI])]);
    editions[1]!.results = undefined;
    const response = evolution(asked(), editions);
    assert.deepEqual(response.editions[1]!.publication, null);
    assert.equal(response.editions[1]!.minCell, null);
    assert.equal(response.editions[1]!.breakBefore?.reason, 'not_published');
    assert.deepEqual(response.series.map((one) => one.points.length), [1, 1]);
  });

  it('one edition alone is a series of one point', () => {
    const [first] = twoEditions([definition([RSSI]), definition([RSSI])]);
    const response = evolution(asked(), [first!]);
    assert.deepEqual(response.editions.map((edition) => edition.breakBefore), [null]);
    assert.deepEqual(response.series.map((one) => one.points.map((point) => point.share)), [[0.3], [0.29]]);
  });
});

describe('the evolution contract', () => {
  it('refuses a hidden figure with a share, and a point from another publication than its edition’s', () => {
    const response = evolutionSeries(asked(), twoEditions([definition([RSSI]), definition([RSSI])]));
    const hiddenWithShare = structuredClone(response);
    hiddenWithShare.series[0]!.points[0] = { ...hiddenWithShare.series[0]!.points[0]!, status: 'masque' };
    assert.equal(EvolutionResponse.safeParse(hiddenWithShare).success, false);
    const misplaced = structuredClone(response);
    misplaced.series[0]!.points[1]!.publication = PUBLICATION_2025;
    assert.equal(EvolutionResponse.safeParse(misplaced).success, false);
    const unordered = structuredClone(response);
    unordered.editions.reverse();
    assert.equal(EvolutionResponse.safeParse(unordered).success, false);
  });
});
