/**
 * JSON with object keys in sorted order at every depth, so equal data gives an equal string
 * whatever order its keys were set in. Arrays keep their order: for multiple-choice answers,
 * normalise first ({@link normalizeAnswers}) so codes come in definition order.
 * Like `JSON.stringify`, it drops `undefined` properties and writes non-finite numbers as `null`.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  // Code-unit order, not locale order: the string must be the same on every machine.
  for (const key of Object.keys(value).sort()) {
    // defineProperty, so a key named `__proto__` stays data instead of changing the prototype.
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

/**
 * Answers as a canonical string (keys sorted): equal answers give equal strings, for draft
 * keys, idempotency keys and cheap comparisons.
 */
export function serializeAnswers(answers: Readonly<Record<string, unknown>>): string {
  return stableStringify(answers);
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/**
 * The 32-bit FNV-1a hash of a string's UTF-8 bytes, as 8 hex digits. Fast, stable across
 * browsers and Node, and short enough for storage keys; not a defence against collisions
 * crafted on purpose, so never use it for security.
 */
export function fnv1a32(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A short fingerprint of answers: the hash of their canonical string. */
export function hashAnswers(answers: Readonly<Record<string, unknown>>): string {
  return fnv1a32(serializeAnswers(answers));
}
