// Property-based fuzzing of every API route with random and malformed input, over a real socket.
// Whatever arrives, the server must answer: never a 5xx, every refusal a 4xx in the documented
// JSON shape, and still healthy afterwards. The seed is fixed so a failure replays exactly;
// FUZZ_SEED=<n> explores another part of the space.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { normalizeAnswers } from '../../../src/core/questionnaire/index.js';
import { MapResults } from '../../../src/core/schema/map-results.js';
import { ResultsResponse } from '../../../src/core/schema/results.js';
import { POPULATION_BAND_IDS } from '../../../src/core/territory/population-band.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { validAnswers } from '../../unit/questionnaire/arbitraries.js';
import { ADMIN_TOKEN, collectivites, cyberAnswers, cyberSubmission, json, onStore, publishNow, putContribution, RENNES_SIRET, startServer, type TestServer } from '../helpers.js';
import { assertNoServerError, describeRequest, rawRequest, type RawRequest } from './raw-http.js';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
/** Moderate: the four properties together take seconds, well under a minute on a small machine. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

let server: TestServer;
let port: number;
let pendingId = '00000000-0000-0000-0000-000000000000';
let keyCounter = 0;
/** Every `status error` pair the fuzzing met, to check it went deeper than the HTTP parser. */
const outcomes = new Set<string>();

function outcomeOf(status: number, text: string): string {
  try {
    const code = (JSON.parse(text) as { error?: unknown }).error;
    return typeof code === 'string' ? `${status} ${code}` : String(status);
  } catch {
    return String(status);
  }
}

/** Runs one request and checks the error contract, and that published results keep their schema. */
async function exchange(request: RawRequest) {
  const response = await rawRequest(port, request);
  outcomes.add(outcomeOf(response.status, response.text));
  assertNoServerError(response, request);
  if (response.status === 200 && request.method === 'GET') {
    // What the reading routes publish keeps its contract, whatever the query asked.
    const target = Buffer.isBuffer(request.target) ? request.target.toString('latin1') : request.target;
    if (/^\/api\/v1\/resultats\/[^/?]+\/carte(\?|$)/.test(target)) {
      const parsed = MapResults.safeParse(JSON.parse(response.text));
      assert.ok(parsed.success, `map results break their schema for ${describeRequest(request)}`);
    } else if (/^\/api\/v1\/resultats\/[^/?]+(\?|$)/.test(target)) {
      const parsed = ResultsResponse.safeParse(JSON.parse(response.text));
      assert.ok(parsed.success, `results break their schema for ${describeRequest(request)}`);
    }
  }
  return response;
}

async function assertHealthy(): Promise<void> {
  const response = await rawRequest(port, { method: 'GET', target: '/api/v1/health' });
  assert.equal(response.status, 200, `health after fuzzing: ${response.status} ${response.text}`);
  assert.equal(JSON.parse(response.text).status, 'ok');
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Percent-encodes every byte outside the unreserved set, as a careful client would. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Text of every kind: ASCII, any code point (lone surrogates included), control characters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 8 }),
);

/** Long enough to cross the router's parameter limit (100), or the 16 kB header limit. */
const hugeText = fc
  .tuple(fc.constantFrom('a', '1', '%41', 'é', '/', '..'), fc.constantFrom(101, 500, 5_000, 20_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

const SPECIAL_SEGMENTS = [
  '..', '.', '%2e%2e', '%2E%2E%2F', '..%2F..%2Fetc%2Fpasswd', '%00', 'a%00b', '%', '%zz', '%C0%AE', '%2F', '%5C', '%25',
  '%u0041', '%FF', '%E2%80%AE', '%F0%9F%98%80', 'constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty',
  '', ' ', '\\', ';', '*', '?', '#', '//', 'cybersecurite', 'inclusion', 'strategie', RENNES_SIRET, '21350238800018',
  '2135023880001', '213502388', '35600000000048', '00000000000000', '21350238800019.json', 'cybersecurite.csv',
  'inclusion.csv', '.csv', '__proto__.csv', 'constructor.csv', 'cybersecurite.CSV', 'cybersecurite.csv.csv',
];

/**
 * One path segment as bytes: mostly a known troublemaker or text percent-encoded as a careful
 * client sends it, sometimes raw bytes (which the HTTP parser itself may refuse) or a huge one.
 */
const segment: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SPECIAL_SEGMENTS).map((text) => Buffer.from(text, 'latin1')) },
  { weight: 1, arbitrary: fc.constant(null).map(() => Buffer.from(pendingId)) },
  { weight: 4, arbitrary: anyText.map((text) => Buffer.from(percentEncode(text), 'latin1')) },
  { weight: 1, arbitrary: anyText.map((text) => Buffer.from(text, 'utf8')) },
  { weight: 1, arbitrary: hugeText.map((text) => Buffer.from(text, 'utf8')) },
);

/** Route shapes of the API (and a few beside it); `{}` takes a fuzzed segment. */
const TEMPLATES = [
  '/api/v1/{}',
  '/api/v1/health/{}',
  '/api/v1/questionnaires/{}',
  '/api/v1/collectivites/{}',
  '/api/v1/contributions/{}/{}',
  `/api/v1/contributions/${RENNES_SIRET}/{}`,
  '/api/v1/contributions/{}/cybersecurite',
  '/api/v1/resultats/{}',
  '/api/v1/resultats/{}/carte',
  '/api/v1/resultats/cybersecurite/{}',
  '/api/v1/territoires/{}',
  '/api/v1/export/{}',
  '/api/v1/admin/pending/{}',
  '/api/v1/admin/pending/{}/accept',
  '/api/v1/admin/pending/{}/reject',
  '/api/v1/admin/{}',
  '/api/v1/{}/{}/{}',
  '/api/{}',
  '/{}',
  '{}',
];

function fill(template: string, segments: Buffer[]): Buffer {
  const parts = template.split('{}');
  const out: Buffer[] = [];
  parts.forEach((part, i) => {
    out.push(Buffer.from(part, 'latin1'));
    if (i < parts.length - 1) out.push(segments[i] ?? Buffer.alloc(0));
  });
  return Buffer.concat(out);
}

const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'PUT', 'PUT', 'POST', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'get'];

/** A fresh idempotency key, so that fuzzed writes do not all collide on one. */
function freshKey(): string {
  keyCounter += 1;
  return `fuzz-${keyCounter}`;
}

const KNOWN_VALUES: Record<string, string[]> = {
  territoire: ['france', 'departement:35', 'region:53', 'commune:35238', 'epci:243500139', 'departement:2A', 'departement:99', 'commune:00000', 'groupe:commune:1000-3499', 'FRANCE', ' france'],
  comparer: ['departement', 'region', 'france', 'similaires', 'region,france', 'region france', ',,,', 'territoire', 'region,region'],
  question: ['rssi', 'lieu_mediation', 'constructor', '__proto__', 'besoin_principal', 'toString', 'types_attaques.autre', 'RSSI'],
  ponderation: ['brute', 'redressee', 'Brute', 'aucune'],
  type: ['commune', 'epci', 'departement', 'region', 'csp', 'france'],
  bande: [...POPULATION_BAND_IDS, '0-0'],
  niveau: ['departement', 'region', 'commune', 'france'],
  q: ['ren', 'Rennes', 'a', '%', '_', '*', "'", 'saint', 'île', '35', '  '],
  limit: ['1', '50', '0', '51', '-1', '1e1', '10.5', '\uff19', '99999999999999999999', '010'],
};
const QUERY_KEYS = [...Object.keys(KNOWN_VALUES), '__proto__', 'constructor', 'hasOwnProperty', 'q[]', 'comparer[]', 'a[b]', '', 'territoire.x'];

const queryPair = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: anyText }),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...Object.values(KNOWN_VALUES).flat()) },
      { weight: 2, arbitrary: anyText },
      { weight: 1, arbitrary: hugeText },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    fc.oneof({ weight: 12, arbitrary: fc.constant('percent') }, { weight: 1, arbitrary: fc.constant('raw') }, { weight: 1, arbitrary: fc.constant('no-value') }),
  )
  .map(([key, value, how]) => {
    if (how === 'no-value') return percentEncode(key);
    // Raw: as typed, reserved characters and all (a raw space or control byte is the parser's to refuse).
    return how === 'percent' ? `${percentEncode(key)}=${percentEncode(value)}` : `${key}=${value}`;
  });

/** A query string: pairs (repeats included), joined by the usual separator or odder ones. */
const queryString: fc.Arbitrary<Buffer> = fc
  .tuple(fc.array(queryPair, { maxLength: 8 }), fc.constantFrom('&', '&', '&', ';', '&&'))
  .map(([pairs, separator]) => Buffer.from(`?${pairs.join(separator)}`, 'utf8'));

const ACCEPT_LANGUAGES = ['en', 'fr', 'en-GB,en;q=0.9', '*', 'en;q=abc', 'en;q=0', 'de, en;q=0.1', 'EN', ';;;', 'q=1', ',', 'zz-ZZ;q=2'];
const AUTHORIZATIONS = [`Bearer ${ADMIN_TOKEN}`, 'Bearer', 'Bearer ', 'Bearer x', 'bearer ' + ADMIN_TOKEN, 'Basic YWRtaW46YWRtaW4=', ADMIN_TOKEN, `Bearer ${ADMIN_TOKEN} extra`, 'Bearer \u00e9\u00e9'];

/** Header values: mostly printable, sometimes anything (control bytes make the parser refuse the request). */
const headerText = fc.oneof({ weight: 8, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) }, { weight: 1, arbitrary: anyText });

/** Headers a client might send, odd ones included; names repeat sometimes. */
const headerLines: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    fc.tuple(fc.constant('Accept-Language'), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ACCEPT_LANGUAGES) }, { weight: 2, arbitrary: headerText }, { weight: 1, arbitrary: hugeText })),
    fc.tuple(fc.constant('Authorization'), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...AUTHORIZATIONS) }, { weight: 2, arbitrary: headerText.map((text) => `Bearer ${text}`) }, { weight: 1, arbitrary: hugeText })),
    fc.tuple(fc.constant('Idempotency-Key'), fc.oneof(fc.constant(null).map(freshKey), fc.constantFrom('', ' ', 'reused-key', 'k'.repeat(256)), headerText)),
    fc.tuple(fc.constant('Origin'), fc.oneof(fc.constantFrom('https://evil.example', 'null', ''), headerText)),
    fc.tuple(fc.constant('X-Forwarded-For'), fc.oneof(fc.constantFrom('1.2.3.4', '::1, 10.0.0.1', 'not an address'), headerText)),
    fc.tuple(fc.constant('Accept'), fc.constantFrom('application/json', 'text/csv', '*/*', 'text/html', '')),
    fc.tuple(fc.constant('If-None-Match'), fc.constantFrom('*', '"x"', 'W/"y"')),
    fc.tuple(fc.constantFrom('X-Fuzz', 'Cookie', 'Range'), headerText),
  ),
  { maxLength: 4 },
);

// ---------------------------------------------------------------------------------------------
// Bodies

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json, text/plain',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '',
  ';',
];

/** Prototype keys placed where a careless merge would let them change objects. */
const PROTOTYPE_BODIES = [
  '{"__proto__":{"role":"agent"},"role":"agent","version":"1.0.0","answers":{}}',
  '{"role":"agent","version":"1.0.0","answers":{"__proto__":{"rssi":"interne"}}}',
  '{"role":"agent","version":"1.0.0","answers":{"constructor":{"prototype":{"polluted":1}}}}',
  '{"role":"agent","version":"1.0.0","answers":{"constructor":"x","toString":"y","hasOwnProperty":"z","__defineGetter__":1}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"role":"agent","version":"1.0.0","answers":{"rssi":"aucun"},"contactEmail":{"__proto__":"x"}}',
  '{"role":"agent","version":"1.0.0","answers":{"\\u005f_proto__":{"a":1}}}',
];

/** Nesting as deep as fits the body limit, in arrays, objects, or both, at the top or as an answer. */
const deepBody = fc.tuple(fc.constantFrom(10, 1_000, 10_000, 30_000), fc.constantFrom('array', 'object', 'mixed'), fc.boolean()).map(([depth, kind, inAnswers]) => {
  const open = kind === 'array' ? '[' : kind === 'object' ? '{"a":' : '[{"a":';
  const close = kind === 'array' ? ']' : kind === 'object' ? '}' : '}]';
  const count = Math.max(1, Math.floor(Math.min(depth, 60_000 / open.length) / (kind === 'mixed' ? 2 : 1)));
  const nested = `${open.repeat(count)}1${close.repeat(count)}`;
  return inAnswers ? `{"role":"agent","version":"1.0.0","answers":{"rssi":${nested}}}` : nested;
});

/** Text that is not JSON, or JSON with something wrong around it. */
const brokenJson = fc.oneof(
  anyText,
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"role": "agent",',
    "{'role': 'agent'}",
    '{"role": NaN}',
    '{"role": "agent"} trailing',
    '\ufeff{"role":"agent","version":"1.0.0","answers":{}}',
    '{"a":1,"a":2}',
    '/* comment */ {}',
    'null',
    'true',
    '0',
    '"string"',
    '[]',
    '{"role":"agent","version":"1.0.0","answers":{"rssi":"\\ud800"}}',
    '{"role":"agent","version":"1.0.0","answers":{"rssi":"\\u0000"}}',
    'role=agent&version=1.0.0',
  ),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
);

const anyJsonValue = fc.jsonValue({ maxDepth: 4 });

/** Envelopes close to a real submission with one or more parts wrong. */
const envelope = fc
  .record(
    {
      role: fc.oneof(fc.constantFrom('agent', 'elu', 'maire', '', 'AGENT'), anyJsonValue),
      version: fc.oneof(fc.constantFrom('1.0.0', '0.9.0', '1.0', '9.9.9', '1.0.0 ', ''), anyJsonValue),
      answers: fc.oneof(
        { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...Object.keys(cyberAnswers()), 'types_attaques', 'types_attaques.autre', 'inconnue', 'rssi.autre', '__proto__', 'constructor'), anyJsonValue, { maxKeys: 6 }).map((changes) => ({ ...cyberAnswers(), ...changes })) },
        { weight: 1, arbitrary: anyJsonValue },
        { weight: 1, arbitrary: fc.dictionary(anyText, anyJsonValue, { maxKeys: 5 }) },
      ),
      contactEmail: fc.oneof(fc.constantFrom('dgs@example.fr', 'pas un e-mail', '', `${'a'.repeat(250)}@example.fr`, '=cmd@example.fr'), anyJsonValue),
      extra: anyJsonValue,
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));

/** Correct submissions of any shape the engine accepts, so writes also get through to the store. */
const cyberDefinition = definitions.cybersecurite;
const validSubmission = fc
  .tuple(validAnswers(cyberDefinition), fc.constantFrom('agent', 'elu'), fc.option(fc.stringMatching(/^[a-z]{1,12}\.[a-z]{1,12}@[a-z]{2,10}\.fr$/), { nil: undefined }))
  .map(([answers, role, contactEmail]) =>
    JSON.stringify({ role, version: cyberDefinition.version, answers: normalizeAnswers(cyberDefinition, answers), ...(contactEmail ? { contactEmail } : {}) }),
  );

const body = fc.oneof(
  { weight: 3, arbitrary: validSubmission },
  { weight: 4, arbitrary: envelope },
  { weight: 2, arbitrary: anyJsonValue.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_BODIES) },
  { weight: 1, arbitrary: deepBody },
  { weight: 2, arbitrary: brokenJson },
);

// ---------------------------------------------------------------------------------------------

describe(onStore('fuzzing every route'), { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    port = Number(new URL(server.url).port);
    // Contributions in one département, so results and the map compute real, protected figures.
    for (const commune of collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 12)) {
      const created = await json(await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission({ rssi: 'mutualise' })));
      assert.equal(created.status, 201);
    }
    // A submission set aside, so the administrator's routes have a real pending id to be fuzzed with.
    await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission());
    const conflict = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'interne' })));
    assert.equal(conflict.status, 409);
    pendingId = conflict.body.details.pendingId;
    assert.equal((await publishNow(server.url)).contributions, 13);
  });

  after(async () => {
    await assertHealthy();
    await server.close();
  });

  test('random path segments on every route and method', async (t) => {
    t.diagnostic(`seed ${SEED}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TEMPLATES),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.constantFrom(...METHODS),
        fc.option(queryString, { nil: undefined }),
        fc.boolean(),
        async (template, segments, method, query, admin) => {
          const target = Buffer.concat([fill(template, segments), query ?? Buffer.alloc(0)]);
          const headers: [string, string][] = [['Idempotency-Key', freshKey()]];
          if (admin) headers.push(['Authorization', `Bearer ${ADMIN_TOKEN}`]);
          const withBody = method === 'PUT' || method === 'POST' || method === 'PATCH';
          if (withBody) headers.push(['Content-Type', 'application/json']);
          await exchange({ method, target, headers, ...(withBody ? { body: JSON.stringify(cyberSubmission()) } : {}) });
          await assertHealthy();
        },
      ),
      { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
    );
  });

  test('random query strings on the reading routes', async (t) => {
    t.diagnostic(`seed ${SEED + 1}`);
    const paths = [
      '/api/v1/territoires',
      '/api/v1/resultats/cybersecurite',
      '/api/v1/resultats/cybersecurite',
      '/api/v1/resultats/inclusion',
      '/api/v1/resultats/cybersecurite/carte',
      '/api/v1/resultats/inclusion/carte',
      '/api/v1/questionnaires',
      '/api/v1/health',
      '/api/v1/publications',
      `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), queryString, fc.constantFrom('GET', 'GET', 'HEAD'), headerLines, async (path, query, method, headers) => {
        await exchange({ method, target: Buffer.concat([Buffer.from(path), query]), headers });
        await assertHealthy();
      }),
      { seed: SEED + 1, numRuns: RUNS, includeErrorInReport: true },
    );
  });

  test('arbitrary, malformed and hostile bodies on the write routes', async (t) => {
    t.diagnostic(`seed ${SEED + 2}`);
    const sirets = [RENNES_SIRET, ...collectivites((c) => c.kind === 'commune' && c.departementCode === '29', 4).map((c) => c.siret)];
    const writeTarget = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...sirets), fc.constantFrom('cybersecurite', 'cybersecurite', 'inclusion', 'astrologie')).map(([siret, theme]) => ({ method: 'PUT', target: `/api/v1/contributions/${siret}/${theme}` })) },
      { weight: 1, arbitrary: fc.constantFrom('accept', 'reject').map((action) => ({ method: 'POST', target: `/api/v1/admin/pending/${pendingId}/${action}` })) },
    );
    await fc.assert(
      fc.asyncProperty(
        writeTarget,
        body,
        fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
        headerLines,
        async ({ method, target }, text, contentType, extra) => {
          const headers: [string, string][] = [['Idempotency-Key', freshKey()], ...extra];
          if (contentType !== undefined) headers.push(['Content-Type', contentType]);
          await exchange({ method, target, headers, body: text });
          await assertHealthy();
        },
      ),
      { seed: SEED + 2, numRuns: RUNS, includeErrorInReport: true },
    );
  });

  test('odd headers and framing on every route', async (t) => {
    t.diagnostic(`seed ${SEED + 3}`);
    const targets = [
      '/api/v1',
      '/api/v1/health',
      '/api/v1/questionnaires/cybersecurite',
      `/api/v1/collectivites/${RENNES_SIRET}`,
      '/api/v1/territoires?q=rennes',
      `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`,
      '/api/v1/resultats/cybersecurite?territoire=departement:35&comparer=region,france&question=rssi',
      '/api/v1/resultats/cybersecurite/carte?question=rssi',
      '/api/v1/export/cybersecurite.csv',
      '/api/v1/publications',
      '/api/v1/admin/pending',
      `/api/v1/admin/pending/${'0'.repeat(8)}/accept`,
    ];
    const framing = fc.constantFrom<[string, string][]>(
      [],
      [],
      [['Content-Length', 'abc']],
      [['Content-Length', '-1']],
      [['Content-Length', '5'], ['Content-Length', '6']],
      [['Transfer-Encoding', 'chunked']],
      [['Transfer-Encoding', 'gzip']],
      [['Content-Encoding', 'gzip']],
      [['Expect', '100-continue']],
      [['X-Bad\u0000Name', 'x']],
      [['X-Ctl', 'a\u0001b']],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom('GET', 'GET', 'HEAD', 'PUT', 'POST', 'OPTIONS'),
        headerLines,
        framing,
        fc.option(body, { nil: undefined }),
        async (target, method, extra, frame, text) => {
          const headers: [string, string][] = [['Idempotency-Key', freshKey()], ['Content-Type', 'application/json'], ...extra, ...frame];
          // A declared Content-Length is what is sent; chunked framing gets a (possibly wrong) chunk.
          const chunked = frame.some(([name, value]) => name === 'Transfer-Encoding' && value === 'chunked');
          const chunk = text === undefined ? '' : `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
          const payload = chunked ? `${chunk}0\r\n\r\n` : text;
          const lengthGiven = frame.some(([name]) => name === 'Content-Length');
          const request: RawRequest = { method, target, headers, contentLength: !chunked };
          if (payload !== undefined) request.body = payload;
          // A declared length longer than the body would make the server wait for the rest: send it padded.
          else if (lengthGiven) request.body = ' '.repeat(6);
          await exchange(request);
          await assertHealthy();
        },
      ),
      { seed: SEED + 3, numRuns: RUNS, includeErrorInReport: true },
    );
  });

  test('the fuzzing reached every layer, from the HTTP parser to the store', () => {
    // A generator that drifts into only producing garbage would keep passing while testing
    // nothing but the parser: these outcomes need requests that got through to each layer.
    const expected = [
      '200', // results and other reads
      '201', // a contribution stored
      '409 contribution_exists',
      '422 invalid_answers',
      '400 validation_failed',
      '400 invalid_json',
      '400 invalid_query',
      '400 idempotency_key_invalid',
      '401 unauthorized',
      '404 not_found',
      '404 theme_not_found',
      '413 payload_too_large',
      '415 unsupported_media_type',
      '431 headers_too_large',
      '400 bad_request',
    ];
    const missing = expected.filter((outcome) => !outcomes.has(outcome));
    assert.deepEqual(missing, [], `outcomes met: ${[...outcomes].sort().join(', ')}`);
  });
});
