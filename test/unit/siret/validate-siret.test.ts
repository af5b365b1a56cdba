import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSiret, validateSiren, validateSiret, type IdentifierCheck } from '../../../src/core/siret.js';

/**
 * Town-hall SIRETs of real communes, as published in the Sirene register (and quoted in public
 * procurement data). Their SIRENs are the communes' SIRENs in the official COG data.
 */
const REAL_SIRETS = {
  rennes: '21350238800019',
  nantes: '21440109300015',
  bordeaux: '21330063500017',
  grenoble: '21380185500015',
  dijon: '21210231300013',
  tours: '21370261600011',
};

function failure(result: IdentifierCheck) {
  assert.equal(result.ok, false, 'expected a refusal');
  if (result.ok) throw new Error('unreachable');
  return result;
}

test('accepts the town-hall SIRETs of real communes', () => {
  for (const [commune, siret] of Object.entries(REAL_SIRETS)) {
    assert.deepEqual(validateSiret(siret), { ok: true, value: siret }, commune);
  }
});

test('refuses 21350238800017, a mistyped Rennes SIRET that fails Luhn', () => {
  // By hand, doubling every other digit from the left (the 1st, 3rd… of 14):
  // 2→4, 3→6, 0→0, 3→6, 8→16→7, 0→0, 1→2 sum to 25; the others 1+5+2+8+0+0+7 sum to 23;
  // 48 is not a multiple of 10. With the real check digit 9 the others sum to 25: 50.
  const result = failure(validateSiret('21350238800017'));
  assert.equal(result.reason, 'checksum');
  assert.equal(validateSiret('21350238800019').ok, true);
});

test('tolerates spaces, dots, hyphens and no-break spaces, and returns the digits only', () => {
  const typed = [
    '213 502 388 00019',
    '213.502.388.00019',
    '213-502-388-00019',
    '213\u00a0502\u00a0388\u00a000019',
    '213\u202f502\u202f388\u202f00019',
    '  21350238800019\t',
    '213 502 388 000 19',
  ];
  for (const input of typed) {
    assert.deepEqual(validateSiret(input), { ok: true, value: REAL_SIRETS.rennes }, JSON.stringify(input));
  }
});

test('an empty input, or separators only, asks for the SIRET', () => {
  for (const input of ['', '   ', ' - . ', null, undefined]) {
    const result = failure(validateSiret(input));
    assert.equal(result.reason, 'empty');
    assert.equal(result.message, 'Saisissez le SIRET de votre collectivité (14 chiffres).');
  }
});

test('a wrong length says how many digits were typed, in French by default and in English', () => {
  const short = failure(validateSiret('213 502 388 000'));
  assert.equal(short.reason, 'length');
  assert.equal(short.digitCount, 12);
  assert.equal(short.message, 'Le SIRET doit compter 14 chiffres (12 saisis).');
  assert.equal(failure(validateSiret('213 502 388 000', 'en')).message, 'A SIRET has 14 digits (12 entered).');
  assert.equal(failure(validateSiret('2')).message, 'Le SIRET doit compter 14 chiffres (1 saisi).');
  assert.equal(failure(validateSiret('213502388000190')).message, 'Le SIRET doit compter 14 chiffres (15 saisis).');
});

test('a SIREN typed where a SIRET is expected is named as such', () => {
  const result = failure(validateSiret('213 502 388'));
  assert.equal(result.reason, 'length');
  assert.match(result.message, /Vous avez saisi un SIREN \?/);
  assert.match(failure(validateSiret('213 502 388', 'en')).message, /Did you enter a SIREN\?/);
});

test('non-digits are refused and named, before the length is even considered', () => {
  const letterO = failure(validateSiret('2135O2388OOO19'));
  assert.equal(letterO.reason, 'digits');
  assert.deepEqual(letterO.invalidCharacters, ['O']);
  assert.equal(letterO.message, 'Le SIRET ne contient que des chiffres : « O » n’est pas accepté.');
  const several = failure(validateSiret('SIRET: 21350238800019', 'en'));
  assert.equal(several.reason, 'digits');
  assert.deepEqual(several.invalidCharacters, ['S', 'I', 'R', 'E', 'T', ':']);
  assert.equal(several.message, 'A SIRET contains digits only: “S”, “I”, “R”, “E”, “T”, “:” are not accepted.');
  // A comma or a slash is not a separator people use in a SIRET: it is more likely a slip.
  assert.equal(failure(validateSiret('213,502,388,00019')).reason, 'digits');
});

test('a wrong check digit gets a message saying what to check', () => {
  const fr = failure(validateSiret('21350238800018'));
  assert.equal(fr.reason, 'checksum');
  assert.match(fr.message, /^Ce SIRET n’est pas valide/);
  assert.match(fr.message, /mal saisi ou deux chiffres inversés/);
  assert.match(failure(validateSiret('21350238800018', 'en')).message, /^This SIRET is not valid/);
});

test('typing mistakes in real SIRETs are caught: one digit changed', () => {
  const mistyped = [
    '21350238800016', // Rennes, last digit
    '21350288800019', // Rennes, 3 → 8 in the SIREN
    '21440109300016', // Nantes, last digit
    '31330063500017', // Bordeaux, first digit
    '21380185500025', // Grenoble, in the NIC
  ];
  for (const siret of mistyped) assert.equal(failure(validateSiret(siret)).reason, 'checksum', siret);
});

test('typing mistakes in real SIRETs are caught: two adjacent digits swapped', () => {
  const swapped = [
    '12350238800019', // Rennes, 21 → 12
    '21353028800019', // Rennes, 02 → 20
    '21441009300015', // Nantes, 01 → 10
    '21330036500017', // Bordeaux, 63 → 36
    '21210231300031', // Dijon, 13 → 31
  ];
  for (const siret of swapped) assert.equal(failure(validateSiret(siret)).reason, 'checksum', siret);
});

test('every single-digit change and every adjacent swap of the real SIRETs is refused (but 0↔9 swaps)', () => {
  for (const siret of Object.values(REAL_SIRETS)) {
    for (let position = 0; position < siret.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === siret[position]) continue;
        const changed = siret.slice(0, position) + digit + siret.slice(position + 1);
        assert.equal(isValidSiret(changed), false, changed);
      }
      const a = siret[position];
      const b = siret[position + 1];
      if (b === undefined || a === b || `${a}${b}` === '09' || `${a}${b}` === '90') continue;
      const swapped = siret.slice(0, position) + b + a + siret.slice(position + 2);
      assert.equal(isValidSiret(swapped), false, swapped);
    }
  }
});

test('Luhn cannot see a 09 ↔ 90 swap: a well-formed SIRET is not proof of identity', () => {
  // Nantes 2144010 9 3…: swapping its "09" into "90" keeps the Luhn sum. Only membership in the
  // referential of collectivités catches it.
  assert.equal(isValidSiret('21440190300015'), true);
});

test('La Poste: establishments follow the digit-sum rule, the head office follows Luhn', () => {
  // The head office SIRET passes Luhn (sum 30) although its digits sum to 26.
  assert.equal(isValidSiret('356 000 000 00048'), true);
  // Digits summing to 15, a multiple of 5: valid for La Poste although Luhn fails (its sum is 16).
  assert.equal(isValidSiret('35600000000010'), true);
  // Digits summing to 16: refused.
  assert.equal(failure(validateSiret('35600000000011')).reason, 'checksum');
  // The exception belongs to La Poste's SIREN only: same digit sum (15) under another SIREN fails.
  assert.equal(failure(validateSiret('35600000100000')).reason, 'checksum');
  // La Poste's own SIREN passes the ordinary Luhn check.
  assert.deepEqual(validateSiren('356 000 000'), { ok: true, value: '356000000' });
});

test('SIREN: real ones pass, mistakes get their own reason and message', () => {
  assert.deepEqual(validateSiren('213 502 388'), { ok: true, value: '213502388' });
  // Métropole de Lyon, a collectivité à statut particulier.
  assert.equal(validateSiren('200046977').ok, true);
  const checksum = failure(validateSiren('213502383'));
  assert.equal(checksum.reason, 'checksum');
  assert.match(checksum.message, /^Ce SIREN n’est pas valide/);
  const siretInstead = failure(validateSiren(REAL_SIRETS.rennes));
  assert.equal(siretInstead.reason, 'length');
  assert.equal(
    siretInstead.message,
    'Le SIREN doit compter 9 chiffres (14 saisis). Vous avez saisi un SIRET ? Le SIREN en est les 9 premiers chiffres.',
  );
  assert.equal(failure(validateSiren('', 'en')).message, 'Enter your local authority’s SIREN (9 digits).');
});
