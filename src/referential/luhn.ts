/**
 * Check keys of SIREN and SIRET numbers. The referential needs them to refuse mistyped numbers
 * before looking anything up, and to prove its hand-kept SIREN table free of typos.
 */

/** Whether a string of digits passes the Luhn check (every second digit from the right doubled). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Whether a value is a SIREN: nine digits with a valid Luhn key. */
export function isValidSiren(value: string): boolean {
  return value.length === 9 && passesLuhn(value);
}

// La Poste registered its establishments before the SIRET key rule applied to them: their SIRETs
// carry a digit sum that is a multiple of 5 instead of a Luhn key.
const LA_POSTE_SIREN = '356000000';

/** Whether a value is a SIRET: fourteen digits whose SIREN part and whole number are both valid. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (const char of value) sum += char.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return isValidSiren(value.slice(0, 9)) && passesLuhn(value);
}
