import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MIN_CELL_FLOOR,
  parseWithFieldErrors,
  ResultsResponse,
  type FieldError,
  type ResultsResponse as ResultsResponseType,
} from '../../../src/core/schema/index.js';

/**
 * Wave-1 cybersecurity results as the server would send them. France: 2,729 respondents, 64 %
 * without an RSSI (published figure). The other figures are plausible, not published.
 */
function results(): ResultsResponseType {
  return {
    theme: 'cybersecurite',
    version: '1.0',
    generatedAt: '2025-10-15T08:00:00Z',
    ponderation: 'redressee',
    minCell: 5,
    source: {
      fr: 'Baromètre numérique des collectivités, vague 1',
      en: 'Digital barometer of French local authorities, wave 1',
    },
    series: [
      {
        role: 'france',
        territory: { id: 'france', name: 'France', kind: 'france' },
        n: 2729,
        effectiveN: 2210.4,
        suppressed: false,
        questions: {
          has_rssi: {
            n: 2729,
            suppressed: false,
            answers: {
              oui: { count: 791, share: 0.2899, shareOfAll: 0.2899, ci: [0.2731, 0.3072] },
              non: { count: 1747, share: 0.6402, shareOfAll: 0.6402, ci: [0.622, 0.658] },
              nsp: { count: 191, share: 0.07, shareOfAll: 0.07, ci: [0.0609, 0.0803] },
            },
          },
          // Asked only to those with an RSSI: shares among them, and among all respondents.
          rssi_mode: {
            n: 791,
            suppressed: false,
            answers: {
              interne: { count: 371, share: 0.469, shareOfAll: 0.1359 },
              mutualise: { count: 420, share: 0.531, shareOfAll: 0.1539 },
            },
          },
          agents_trained: { n: 2100, suppressed: false, stats: { n: 2100, median: 3, q1: 1, q3: 8 } },
        },
      },
      {
        role: 'similaires',
        territory: { id: 'groupe:commune:1000-3499', name: 'Communes de 1 000 à 3 499 habitants', kind: 'groupe' },
        n: 412,
        effectiveN: 388,
        suppressed: false,
        questions: {
          has_rssi: {
            n: 412,
            suppressed: false,
            answers: {
              oui: { count: 87, share: 0.2112, shareOfAll: 0.2112, ci: null },
              non: { count: 301, share: 0.7306, shareOfAll: 0.7306 },
              nsp: { count: 24, share: 0.0583, shareOfAll: 0.0583 },
            },
          },
        },
      },
      {
        // One commune alone: far below the threshold, shown only as a count of respondents.
        role: 'territoire',
        territory: { id: 'commune:35238', name: 'Rennes', kind: 'commune' },
        n: 1,
        suppressed: true,
        questions: {
          has_rssi: {
            n: 1,
            suppressed: true,
            answers: {
              oui: { count: null, share: null, shareOfAll: null },
              non: { count: null, share: null, shareOfAll: null, ci: null },
            },
          },
          agents_trained: { n: 1, suppressed: true, stats: null },
        },
      },
    ],
  };
}

function errorsOf(change: (value: ResultsResponseType) => void, lang: 'fr' | 'en' = 'fr'): FieldError[] {
  const value = results();
  change(value);
  const result = parseWithFieldErrors(ResultsResponse, value, lang);
  assert.equal(result.ok, false, 'the results should be refused');
  return result.ok ? [] : result.errors;
}

const france = (value: ResultsResponseType) => value.series[0]!;
const rennes = (value: ResultsResponseType) => value.series[2]!;

test('accepts weighted results with shown, conditional, numeric and suppressed cells', () => {
  const parsed = ResultsResponse.safeParse(results());
  assert.equal(parsed.success, true, JSON.stringify(!parsed.success && parsed.error.issues));
});

test('accepts raw results without effective sizes nor version, and a suppressed question without answers', () => {
  const value = results();
  value.ponderation = 'brute';
  delete value.version;
  for (const series of value.series) delete series.effectiveN;
  delete rennes(value).questions.has_rssi!.answers;
  assert.equal(ResultsResponse.safeParse(value).success, true);
});

test('a suppressed question carries nulls, never zeros', () => {
  const errors = errorsOf((value) => {
    rennes(value).questions.has_rssi!.answers!.oui = { count: 0, share: 0, shareOfAll: 0 };
  });
  assert.deepEqual(errors, [
    {
      path: 'series.2.questions.has_rssi.answers.oui',
      message:
        'Question masquée (secret statistique) : ses effectifs, parts et statistiques doivent être vides (null), jamais à zéro.',
    },
  ]);
});

test('a suppressed question carries no statistics', () => {
  const errors = errorsOf((value) => {
    rennes(value).questions.agents_trained!.stats = { n: 1, median: 12, q1: 12, q3: 12 };
  });
  assert.deepEqual(errors.map((e) => e.path), ['series.2.questions.agents_trained.stats']);
});

test('a suppressed series shows no question and no effective size', () => {
  const errors = errorsOf((value) => {
    const series = rennes(value);
    series.effectiveN = 1;
    series.questions.has_rssi = { n: 1, suppressed: false, answers: { oui: { count: 1, share: 1, shareOfAll: 1 } } };
  });
  assert.deepEqual(errors.map((e) => e.path), [
    'series.2.effectiveN',
    'series.2.questions.has_rssi.suppressed',
    // …and the question would also show a single respondent.
    'series.2.questions.has_rssi.suppressed',
  ]);
  assert.match(errors[0]!.message, /^Série masquée \(secret statistique\)/);
  assert.equal(errors[2]!.message, 'Effectif de 1 sous le seuil de secret statistique (5) : cette cellule doit être masquée.');
});

test('a series shown with fewer respondents than minCell is refused, in English too', () => {
  const errors = errorsOf((value) => {
    const series = rennes(value);
    series.suppressed = false;
    series.n = 4;
    series.questions = {};
  }, 'en');
  assert.deepEqual(errors, [
    {
      path: 'series.2.suppressed',
      message: 'A count of 4 is below the confidentiality threshold (5): this cell must be suppressed.',
    },
  ]);
});

test('minCell can never go below the statistical-secrecy floor of 3', () => {
  assert.equal(MIN_CELL_FLOOR, 3);
  const errors = errorsOf((value) => {
    value.minCell = 2;
  });
  assert.deepEqual(errors, [{ path: 'minCell', message: 'La valeur doit être supérieure ou égale à 3.' }]);
});

test('an answer is either fully shown or fully suppressed', () => {
  const errors = errorsOf((value) => {
    france(value).questions.has_rssi!.answers!.nsp = { count: 191, share: null, shareOfAll: null };
  });
  assert.deepEqual(errors.map((e) => e.path), ['series.0.questions.has_rssi.answers.nsp']);
  assert.match(errors[0]!.message, /soit entièrement affichée/);
});

test('shares are fractions: a percentage is refused', () => {
  const errors = errorsOf((value) => {
    france(value).questions.has_rssi!.answers!.non = { count: 1747, share: 64.02, shareOfAll: 64.02 };
  });
  assert.deepEqual(errors, [
    { path: 'series.0.questions.has_rssi.answers.non.share', message: 'La valeur doit être inférieure ou égale à 1.' },
    { path: 'series.0.questions.has_rssi.answers.non.shareOfAll', message: 'La valeur doit être inférieure ou égale à 1.' },
  ]);
});

test('a confidence interval must contain its share', () => {
  const errors = errorsOf((value) => {
    france(value).questions.has_rssi!.answers!.non!.ci = [0.7, 0.8];
  });
  assert.deepEqual(errors, [
    {
      path: 'series.0.questions.has_rssi.answers.non.ci',
      message: 'L’intervalle de confiance [0,7 ; 0,8] doit contenir la part 0,6402.',
    },
  ]);
});

test('quartiles must be ordered', () => {
  const errors = errorsOf((value) => {
    france(value).questions.agents_trained!.stats = { n: 2100, median: 9, q1: 1, q3: 8 };
  });
  assert.deepEqual(errors, [
    { path: 'series.0.questions.agents_trained.stats', message: 'Les quartiles doivent être ordonnés : q1 ≤ médiane ≤ q3.' },
  ]);
});

test('counts cannot exceed the question’s, nor the question’s the series’', () => {
  const errors = errorsOf((value) => {
    const questions = france(value).questions;
    questions.rssi_mode!.answers!.mutualise!.count = 800;
    questions.agents_trained!.n = 3000;
    questions.agents_trained!.stats!.n = 3001;
  });
  assert.deepEqual(errors, [
    {
      path: 'series.0.questions.rssi_mode.answers.mutualise.count',
      message: 'L’effectif d’une réponse (800) ne peut dépasser celui de la question (791).',
    },
    {
      path: 'series.0.questions.agents_trained.stats.n',
      message: 'L’effectif des statistiques (3\u202f001) ne peut dépasser celui de la question (3\u202f000).',
    },
    {
      path: 'series.0.questions.agents_trained.n',
      message: 'L’effectif de la question (3\u202f000) ne peut dépasser celui de la série (2\u202f729).',
    },
  ]);
});

test('a weighted effective size cannot exceed the raw count', () => {
  const errors = errorsOf((value) => {
    france(value).effectiveN = 2800;
  }, 'en');
  assert.deepEqual(errors, [
    { path: 'series.0.effectiveN', message: 'The effective size (2,800) cannot exceed the raw count (2,729).' },
  ]);
});

test('territory ids follow the territory format and match their kind', () => {
  const mismatch = errorsOf((value) => {
    rennes(value).territory.kind = 'epci';
  });
  assert.deepEqual(mismatch, [
    {
      path: 'series.2.territory.id',
      message: 'L’identifiant « commune:35238 » ne correspond pas au type de territoire « epci ».',
    },
  ]);
  const malformed = errorsOf((value) => {
    rennes(value).territory.id = 'commune:3523';
  });
  assert.deepEqual(malformed.map((e) => e.path), ['series.2.territory.id']);
  assert.match(malformed[0]!.message, /^Identifiant de territoire « commune:3523 » non valide/);
});

test('each role has its kind of territory', () => {
  const errors = errorsOf((value) => {
    value.series[1]!.territory = { id: 'region:53', name: 'Bretagne', kind: 'region' };
    rennes(value).territory = { id: 'groupe:commune:100000+', name: 'Grandes villes', kind: 'groupe' };
  });
  assert.deepEqual(errors, [
    { path: 'series.1.territory.kind', message: 'Une série « similaires » doit porter sur un territoire de type « groupe ».' },
    {
      path: 'series.2.territory.kind',
      message:
        'Une série « territoire » porte sur un territoire précis ; un groupe de collectivités comparables prend le rôle « similaires ».',
    },
  ]);
});

test('the source credit exists in both languages, and at least one series is sent', () => {
  const errors = errorsOf((value) => {
    value.source = { fr: 'Baromètre' } as never;
    value.series = [];
  });
  assert.deepEqual(errors, [
    { path: 'source.en', message: 'Ce champ est obligatoire.' },
    { path: 'series', message: 'La liste ne peut pas être vide.' },
  ]);
});
