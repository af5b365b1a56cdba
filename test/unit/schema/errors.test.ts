import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  ApiErrorBody,
  CollectiviteSiren,
  ContactEmail,
  CONTRACT_RULES,
  contractIssue,
  ContributionSubmission,
  formatPath,
  parseWithFieldErrors,
  PublicationRef,
  QuestionnaireDefinition,
  ResultsResponse,
  StoredContribution,
  toFieldErrors,
  validationErrorBody,
  VALIDATION_FAILED,
  type RuleValues,
} from '../../../src/core/schema/index.js';
import * as patterns from '../../../src/core/schema/patterns.js';

/** The messages for `input` against `schema`, in both languages, as `[fr, en]` pairs. */
function messagesFor(schema: z.ZodMiniType, input: unknown): Array<[string, string]> {
  const fr = parseWithFieldErrors(schema, input, 'fr');
  const en = parseWithFieldErrors(schema, input, 'en');
  assert.ok(!fr.ok && !en.ok, 'the input should be refused');
  return fr.errors.map((error, index) => [error.message, en.errors[index]!.message]);
}

test('invalid_type: the expected type, what was received, and missing fields as required', () => {
  const schema = z.object({ population: z.number() });
  assert.deepEqual(messagesFor(schema, { population: '12 000' }), [
    ['Valeur attendue : un nombre (reçu : un texte).', 'Expected a number (got a text).'],
  ]);
  assert.deepEqual(messagesFor(schema, {}), [['Ce champ est obligatoire.', 'This field is required.']]);
  assert.deepEqual(messagesFor(z.number().check(z.int()), 2.5), [
    ['Valeur attendue : un nombre entier (reçu : un nombre).', 'Expected a whole number (got a number).'],
  ]);
  // Without the input reported, the expected type is still named.
  const issues = schema.safeParse({ population: '12 000' }).error!.issues;
  assert.deepEqual(toFieldErrors(issues, 'fr'), [{ path: 'population', message: 'Valeur attendue : un nombre.' }]);
});

test('too_small and too_big for texts, lists and numbers', () => {
  assert.deepEqual(messagesFor(z.string().check(z.minLength(1)), ''), [
    ['Ce champ ne peut pas être vide.', 'This field cannot be empty.'],
  ]);
  assert.deepEqual(messagesFor(z.string().check(z.maxLength(500)), 'x'.repeat(501)), [
    ['Saisissez au plus 500 caractères.', 'Enter at most 500 characters.'],
  ]);
  assert.deepEqual(messagesFor(z.string().check(z.length(5)), '3523'), [
    ['Saisissez exactement 5 caractères.', 'Enter exactly 5 characters.'],
  ]);
  assert.deepEqual(messagesFor(z.array(z.string()).check(z.maxLength(3)), ['a', 'b', 'c', 'd']), [
    ['La liste doit compter au plus 3 éléments.', 'The list must have at most 3 items.'],
  ]);
  assert.deepEqual(messagesFor(z.number().check(z.positive()), 0), [
    ['La valeur doit être supérieure à 0.', 'The value must be greater than 0.'],
  ]);
  assert.deepEqual(messagesFor(z.number().check(z.lte(10000)), 12000), [
    ['La valeur doit être inférieure ou égale à 10\u202f000.', 'The value must be less than or equal to 10,000.'],
  ]);
  assert.deepEqual(messagesFor(z.number().check(z.lt(1)), 1), [
    ['La valeur doit être inférieure à 1.', 'The value must be less than 1.'],
  ]);
});

test('invalid_format: the contract’s own formats and patterns get its words, with an example', () => {
  assert.deepEqual(messagesFor(ContactEmail, 'mairie'), [
    [
      'Adresse e-mail non valide : elle doit avoir la forme nom@domaine.fr.',
      'Invalid e-mail address: it must look like name@domain.org.',
    ],
  ]);
  assert.deepEqual(messagesFor(PublicationRef, { id: 'publication du 6 décembre', publishedAt: '06/12/2026' }), [
    [
      'Identifiant de publication non valide : 1 à 64 lettres sans accents, chiffres et « _ . : - » (par exemple 2026-12-06T14-00-00Z).',
      'Invalid publication identifier: 1 to 64 unaccented letters, digits and “_ . : -” (such as 2026-12-06T14-00-00Z).',
    ],
    [
      'Date et heure attendues au format ISO 8601 en UTC, par exemple 2025-10-01T09:30:00Z.',
      'Expected an ISO 8601 UTC date and time, such as 2025-10-01T09:30:00Z.',
    ],
  ]);
  assert.deepEqual(messagesFor(CollectiviteSiren, '213 502 388'), [
    ['Le SIREN s’écrit en 9 chiffres, sans espaces ni séparateurs.', 'A SIREN is written as 9 digits, without spaces or separators.'],
  ]);
  // A pattern is recognised by the very expression the contract checks with, not by a copy of it.
  assert.deepEqual(messagesFor(z.string().check(z.regex(patterns.REGION_CODE)), '5'), [
    ['Code de région attendu : deux chiffres (par exemple 53).', 'Expected a région code: two digits (such as 53).'],
  ]);
});

test('every pattern of the contract has words of its own, never zod’s “must match pattern”', () => {
  for (const [name, pattern] of Object.entries(patterns)) {
    for (const lang of ['fr', 'en'] as const) {
      const result = parseWithFieldErrors(z.string().check(z.regex(pattern)), '¤', lang);
      assert.ok(!result.ok, name);
      assert.doesNotMatch(result.errors[0]!.message, /motif|pattern/, `${name} (${lang})`);
    }
  }
});

test('invalid_format: other formats and patterns are worded by zod’s own French and English locales', () => {
  assert.deepEqual(messagesFor(z.url(), 'mairie'), [['URL invalide.', 'Invalid URL.']]);
  assert.deepEqual(messagesFor(z.iso.date(), '01/10/2025'), [['Date ISO invalide.', 'Invalid ISO date.']]);
  assert.deepEqual(messagesFor(z.uuid(), 'abc'), [['UUID invalide.', 'Invalid UUID.']]);
  assert.deepEqual(messagesFor(z.string().check(z.startsWith('commune:')), 'epci:1'), [
    ['Chaîne de caractères invalide : doit commencer par "commune:".', 'Invalid string: must start with "commune:".'],
  ]);
  assert.deepEqual(messagesFor(z.string().check(z.regex(/^\d{5}$/)), '3523'), [
    [
      'Chaîne de caractères invalide : doit correspondre au motif /^\\d{5}$/.',
      'Invalid string: must match pattern /^\\d{5}$/.',
    ],
  ]);
  // Zod's global configuration is not touched: a page's own schemas keep their own wording.
  assert.equal(z.uuid().safeParse('abc').error!.issues[0]!.message, 'Invalid input');
});

test('not_multiple_of', () => {
  assert.deepEqual(messagesFor(z.number().check(z.multipleOf(5)), 12), [
    ['La valeur doit être un multiple de 5.', 'The value must be a multiple of 5.'],
  ]);
});

test('invalid_value: one accepted value, or a choice naming what was received', () => {
  assert.deepEqual(messagesFor(z.literal('yesno'), 'yes-no'), [
    ['La seule valeur acceptée est « yesno ».', 'The only accepted value is “yesno”.'],
  ]);
  assert.deepEqual(messagesFor(z.enum(['brute', 'redressee']), 'ponderee'), [
    [
      '« ponderee » n’est pas reconnu : choisissez parmi « brute », « redressee ».',
      '“ponderee” is not recognised: choose one of “brute”, “redressee”.',
    ],
  ]);
});

test('unrecognized_keys: one message per key, at the key’s own path', () => {
  const schema = z.strictObject({ label: z.string() });
  const result = parseWithFieldErrors(schema, { label: 'x', color: 'red', size: 2 }, 'en');
  assert.deepEqual(result, {
    ok: false,
    errors: [
      { path: 'color', message: 'Unknown field “color”: remove it or correct its name.' },
      { path: 'size', message: 'Unknown field “size”: remove it or correct its name.' },
    ],
  });
  // A close misspelling of a missing field gets a suggestion, also outside unions.
  assert.deepEqual(parseWithFieldErrors(schema, { lable: 'x' }), {
    ok: false,
    errors: [
      { path: 'label', message: 'Ce champ est obligatoire.' },
      { path: 'lable', message: 'Champ inconnu « lable » : vouliez-vous écrire « label » ?' },
    ],
  });
});

test('invalid_union: all accepted types named, or the closest branch explained', () => {
  const scalar = z.union([z.string(), z.number()]);
  assert.deepEqual(messagesFor(scalar, null), [
    ['Valeur attendue : un texte ou un nombre (reçu : null).', 'Expected a text or a number (got null).'],
  ]);
  const shapes = z.union([
    z.strictObject({ question: z.string(), gt: z.number() }),
    z.strictObject({ all: z.array(z.string()) }),
  ]);
  const result = parseWithFieldErrors(shapes, { question: 'a', gt: '3' }, 'en');
  assert.deepEqual(result, { ok: false, errors: [{ path: 'gt', message: 'Expected a number (got a text).' }] });
});

test('invalid_key: a record key that is not a machine id', () => {
  const answersByQuestion = z.record(z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)), z.number());
  const result = parseWithFieldErrors(answersByQuestion, { 'Agents formés': 3 });
  assert.deepEqual(result, {
    ok: false,
    errors: [
      {
        path: 'Agents formés',
        message:
          'Nom « Agents formés » non valide. Identifiant non valide : lettres minuscules sans accents, chiffres et « _ », en commençant par une lettre (par exemple has_rssi).',
      },
    ],
  });
});

test('custom: a refinement may carry its own text in both languages; otherwise a neutral message', () => {
  const even = z.number().check(
    z.refine((n) => n % 2 === 0, { params: { message: { fr: 'Un nombre pair est attendu.', en: 'An even number is expected.' } } }),
  );
  assert.deepEqual(messagesFor(even, 3), [['Un nombre pair est attendu.', 'An even number is expected.']]);
  const bare = z.number().check(z.refine((n) => n > 0));
  assert.deepEqual(messagesFor(bare, -1), [['Valeur non valide.', 'Invalid value.']]);
});

test('paths join keys with dots; “other, specify” keys read as written', () => {
  assert.equal(formatPath(['sections', 0, 'questions', 2, 'id']), 'sections.0.questions.2.id');
  assert.equal(formatPath(['answers', 'lieux.autre']), 'answers.lieux.autre');
  assert.equal(formatPath([]), '');
  const result = parseWithFieldErrors(ContributionSubmission, { role: 'agent', version: '1.0', answers: { 'lieux.autre': {} } });
  assert.equal(result.ok ? '' : result.errors[0]!.path, 'answers.lieux.autre');
});

test('no message ever says “Invalid input”, whatever is sent', () => {
  const schemas = [ContributionSubmission, StoredContribution, QuestionnaireDefinition, ResultsResponse];
  fc.assert(
    fc.property(fc.constantFrom(...schemas), fc.anything(), fc.constantFrom('fr', 'en'), (schema, input, lang) => {
      const result = parseWithFieldErrors(schema as z.ZodMiniType, input, lang as 'fr' | 'en');
      if (result.ok) return true;
      assert.ok(result.errors.length > 0);
      for (const error of result.errors) {
        assert.ok(error.message.length > 0);
        assert.doesNotMatch(error.message, /Invalid input/);
        // Outside the quoted echoes of the input, no placeholder or "undefined" may be left.
        const own = error.message.replace(/« [^»]* »|“[^”]*”/g, '');
        assert.doesNotMatch(own, /undefined|\{\w+\}/);
      }
      return true;
    }),
    { numRuns: 300 },
  );
});

test('the API error body: a stable code, a message, optional details', () => {
  assert.equal(ApiErrorBody.safeParse({ error: 'not_found', message: 'Aucune contribution pour ce SIRET.' }).success, true);
  assert.equal(ApiErrorBody.safeParse({ error: 'Not Found', message: 'x' }).success, false);
  assert.equal(ApiErrorBody.safeParse({ error: 'not_found', message: '' }).success, false);
  assert.equal(
    ApiErrorBody.safeParse({ error: 'rate_limited', message: 'Réessayez dans une minute.', details: { retryAfter: 60 } }).success,
    true,
  );
});

test('a validation error body lists every field with a summary', () => {
  const issues = ContributionSubmission.safeParse({ role: 'maire', version: '1.0' }, { reportInput: true }).error!.issues;
  const body = validationErrorBody(issues, 'fr');
  assert.equal(ApiErrorBody.safeParse(body).success, true);
  assert.deepEqual(body, {
    error: VALIDATION_FAILED,
    message: 'Les données envoyées contiennent 2 erreurs.',
    details: {
      fields: [
        { path: 'role', message: '« maire » n’est pas reconnu : choisissez parmi « agent », « elu ».' },
        { path: 'answers', message: 'Ce champ est obligatoire.' },
      ],
    },
  });
  const one = validationErrorBody(ContributionSubmission.safeParse({ role: 'agent', version: '1.0' }).error!.issues, 'en');
  assert.equal(one.message, 'The data sent has one error.');
});

test('every contract rule has its own message in both languages', () => {
  const values = { id: 'commune:35238', kind: 'epci', role: 'france', expected: 'france', low: 0.1, high: 0.2 };
  const numbers = { share: 0.3, count: 8, n: 7, seriesN: 6, statsN: 9, effectiveN: 12, minCell: 5, exists: true };
  for (const rule of CONTRACT_RULES) {
    const params: RuleValues =
      rule === 'siret' ? { kind: 'siret', reason: 'checksum', digitCount: 14, invalidCharacters: [] } : { ...values, ...numbers };
    const issue = contractIssue(rule, null, ['x'], params);
    for (const lang of ['fr', 'en'] as const) {
      const [error] = toFieldErrors([issue as never], lang);
      assert.equal(error?.path, 'x');
      assert.notEqual(error?.message, lang === 'fr' ? 'Valeur non valide.' : 'Invalid value.', rule);
      assert.doesNotMatch(error?.message ?? '', /\{\w+\}|undefined/, rule);
    }
  }
});

test('a custom issue with a rule this contract does not know gets the neutral message', () => {
  const issue = { code: 'custom', path: ['x'], message: 'x', params: { rule: 'not_a_rule' } };
  assert.deepEqual(toFieldErrors([issue as never], 'en'), [{ path: 'x', message: 'Invalid value.' }]);
});
