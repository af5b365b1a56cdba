import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ContributionStatus,
  ContributionSubmission,
  parseWithFieldErrors,
  Siret,
  StoredContribution,
} from '../../../src/core/schema/index.js';

const answers = { has_rssi: 'oui', rssi_mode: 'mutualise', plans: ['pca', 'pra'], agents_trained: 14 };

function stored(overrides: Record<string, unknown> = {}) {
  return {
    siret: '21350238800019',
    theme: 'cybersecurite',
    version: '1.0',
    role: 'agent',
    answers,
    createdAt: '2025-10-01T09:30:00.000Z',
    updatedAt: '2025-10-03T14:05:12.345Z',
    ...overrides,
  };
}

test('a submission carries role, version and answers; the contact e-mail is optional', () => {
  assert.equal(ContributionSubmission.safeParse({ role: 'agent', version: '1.0', answers }).success, true);
  assert.equal(
    ContributionSubmission.safeParse({ role: 'elu', version: '1.2.3', answers, contactEmail: 'numerique@ville-exemple.fr' })
      .success,
    true,
  );
});

test('a submission with wrong values gets one message per field', () => {
  const result = parseWithFieldErrors(ContributionSubmission, {
    role: 'maire',
    version: 'v1',
    answers: { has_rssi: true },
    contactEmail: 'mairie.fr',
  });
  assert.deepEqual(result, {
    ok: false,
    errors: [
      { path: 'role', message: '« maire » n’est pas reconnu : choisissez parmi « agent », « elu ».' },
      { path: 'version', message: 'Numéro de version attendu sous la forme 1.0 ou 1.2.3.' },
      { path: 'answers.has_rssi', message: 'Valeur attendue : un texte, un nombre ou une liste (reçu : vrai ou faux).' },
      { path: 'contactEmail', message: 'Adresse e-mail non valide : elle doit avoir la forme nom@domaine.fr.' },
    ],
  });
});

test('a submission must not carry the SIRET or the theme: they travel in the request path', () => {
  const result = parseWithFieldErrors(
    ContributionSubmission,
    { role: 'agent', version: '1.0', answers, siret: '21350238800019' },
    'en',
  );
  assert.deepEqual(result, {
    ok: false,
    errors: [{ path: 'siret', message: 'Unknown field “siret”: remove it or correct its name.' }],
  });
});

test('a missing role is reported as required', () => {
  const result = parseWithFieldErrors(ContributionSubmission, { version: '1.0', answers }, 'en');
  assert.deepEqual(result, { ok: false, errors: [{ path: 'role', message: 'This field is required.' }] });
});

test('an over-long e-mail address is refused', () => {
  const long = `${'a'.repeat(64)}@${'b'.repeat(187)}.fr`;
  assert.equal(long.length, 255);
  assert.equal(ContributionSubmission.safeParse({ role: 'agent', version: '1.0', answers, contactEmail: long.slice(1) }).success, true);
  assert.equal(ContributionSubmission.safeParse({ role: 'agent', version: '1.0', answers, contactEmail: long }).success, false);
});

test('a stored contribution is valid with a normalised SIRET and UTC timestamps', () => {
  const result = StoredContribution.safeParse(stored());
  assert.equal(result.success, true, JSON.stringify(!result.success && result.error.issues));
  assert.equal(StoredContribution.safeParse(stored({ updatedAt: '2025-10-01T09:30:00.000Z' })).success, true);
});

test('a stored SIRET must pass its check digit, with the SIRET’s own message', () => {
  const result = parseWithFieldErrors(StoredContribution, stored({ siret: '21350238800017' }));
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.errors.length, 1);
  assert.equal(result.errors[0]!.path, 'siret');
  assert.match(result.errors[0]!.message, /^Ce SIRET n’est pas valide : sa clé de contrôle ne correspond pas/);
  const short = parseWithFieldErrors(Siret, '2135023880001', 'en');
  assert.deepEqual(short, { ok: false, errors: [{ path: '', message: 'A SIRET has 14 digits (13 entered).' }] });
});

test('a stored SIRET must be normalised: separators belong to forms, not to data', () => {
  const result = parseWithFieldErrors(StoredContribution, stored({ siret: '213 502 388 00019' }));
  assert.deepEqual(result, {
    ok: false,
    errors: [
      { path: 'siret', message: 'Le SIRET doit être écrit en 14 chiffres sans espaces ni séparateurs (21350238800019).' },
    ],
  });
});

test('a stored contribution cannot be updated before it was created', () => {
  const result = parseWithFieldErrors(
    StoredContribution,
    stored({ createdAt: '2025-10-03T00:00:00Z', updatedAt: '2025-10-01T00:00:00Z' }),
    'en',
  );
  assert.deepEqual(result, {
    ok: false,
    errors: [{ path: 'updatedAt', message: 'The update date cannot precede the creation date.' }],
  });
});

test('timestamps are ISO 8601 in UTC', () => {
  for (const createdAt of ['2025-10-01 09:30:00', '2025-10-01T09:30:00+02:00', '01/10/2025']) {
    const result = parseWithFieldErrors(StoredContribution, stored({ createdAt }));
    assert.deepEqual(
      result,
      {
        ok: false,
        errors: [
          { path: 'createdAt', message: 'Date et heure attendues au format ISO 8601 en UTC, par exemple 2025-10-01T09:30:00Z.' },
        ],
      },
      createdAt,
    );
  }
});

test('a stored contribution names a known theme and role', () => {
  const result = parseWithFieldErrors(StoredContribution, stored({ theme: 'cyber', role: 'Agent' }));
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.map((e) => e.path), ['theme', 'role']);
});

test('the status says whether a contribution exists, with a date only if it does', () => {
  assert.equal(ContributionStatus.safeParse({ exists: false }).success, true);
  // The reference API gives no date; a server that does is read too.
  assert.equal(ContributionStatus.safeParse({ exists: true }).success, true);
  assert.equal(ContributionStatus.safeParse({ exists: true, updatedAt: '2025-10-03T14:05:12Z' }).success, true);
  assert.deepEqual(parseWithFieldErrors(ContributionStatus, { exists: false, updatedAt: '2025-10-03T14:05:12Z' }), {
    ok: false,
    errors: [{ path: 'updatedAt', message: 'Une contribution absente ne peut pas avoir de date de mise à jour.' }],
  });
  assert.deepEqual(parseWithFieldErrors(ContributionStatus, { exists: false, updatedAt: '2025-10-03T14:05:12Z' }, 'en'), {
    ok: false,
    errors: [{ path: 'updatedAt', message: 'A missing contribution cannot have an update date.' }],
  });
});
