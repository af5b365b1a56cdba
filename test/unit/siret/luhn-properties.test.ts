import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatSiret, isValidSiret, LA_POSTE_SIREN, validateSiret } from '../../../src/core/siret.js';

const digit = fc.integer({ min: 0, max: 9 });
/** 13 digits outside La Poste's SIREN, whose SIRETs follow another rule. */
const thirteenDigits = fc
  .array(digit, { minLength: 13, maxLength: 13 })
  .map((digits) => digits.join(''))
  .filter((prefix) => !prefix.startsWith(LA_POSTE_SIREN));

/** The valid SIRETs among the ten completions of a 13-digit prefix. */
function validCompletions(prefix: string): string[] {
  return Array.from({ length: 10 }, (_, d) => `${prefix}${d}`).filter(isValidSiret);
}

test('any 13 digits have exactly one check digit completing them into a valid SIRET', () => {
  fc.assert(fc.property(thirteenDigits, (prefix) => validCompletions(prefix).length === 1));
});

test('changing any one digit of a valid SIRET makes it invalid', () => {
  fc.assert(
    fc.property(thirteenDigits, fc.nat(13), fc.integer({ min: 1, max: 9 }), (prefix, position, shift) => {
      const [siret] = validCompletions(prefix);
      assert.ok(siret);
      const changed = String((Number(siret[position]) + shift) % 10);
      const mistyped = siret.slice(0, position) + changed + siret.slice(position + 1);
      const result = validateSiret(mistyped);
      return !result.ok && result.reason === 'checksum';
    }),
  );
});

test('swapping two adjacent different digits (other than 0 and 9) makes a valid SIRET invalid', () => {
  fc.assert(
    fc.property(thirteenDigits, fc.nat(12), (prefix, position) => {
      const [siret] = validCompletions(prefix);
      assert.ok(siret);
      const pair = siret.slice(position, position + 2);
      fc.pre(pair[0] !== pair[1] && pair !== '09' && pair !== '90');
      const swapped = siret.slice(0, position) + pair[1] + pair[0] + siret.slice(position + 2);
      return !isValidSiret(swapped);
    }),
  );
});

test('separators inserted anywhere do not change the outcome nor the value', () => {
  const separator = fc.constantFrom(' ', '.', '-', '\u00a0', '\u202f', '');
  fc.assert(
    fc.property(thirteenDigits, fc.array(separator, { minLength: 14, maxLength: 14 }), (prefix, separators) => {
      const [siret] = validCompletions(prefix);
      assert.ok(siret);
      const typed = [...siret].map((d, i) => d + separators[i]).join('');
      assert.deepEqual(validateSiret(typed), { ok: true, value: siret });
    }),
  );
});

test('a grouped SIRET reads back as the same SIRET', () => {
  fc.assert(
    fc.property(thirteenDigits, (prefix) => {
      const [siret] = validCompletions(prefix);
      assert.ok(siret);
      assert.deepEqual(validateSiret(formatSiret(siret)), { ok: true, value: siret });
    }),
  );
});
