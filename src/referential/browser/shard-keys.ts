/**
 * Search shards split the communes by the first letters of their significant words, so a browser
 * searching "st etienne" downloads only the communes with a word starting "et…". A shard that would
 * be too large is split on one more letter, and so on, which keeps every download small while
 * common beginnings ("ma", "ch") get longer keys.
 */

// Words too common to narrow anything down: every shard of "saint" would hold four thousand communes.
// A name made only of such words (Y, Le Saint) is keyed on them all the same.
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'lez', 'sous', 'sur',
  'saint', 'sainte', 'saints', 'saintes',
]);

/** The words of a normalised name or query that shards are keyed on (distinct, in order). */
export function significantTokens(tokens: readonly string[]): string[] {
  const significant = tokens.filter((t) => !STOP_WORDS.has(t));
  return [...new Set(significant.length > 0 ? significant : tokens)];
}

const FIRST_KEY_LENGTH = 2;

/**
 * Assigns entries to shard keys. `tokensOf[i]` are the significant tokens of entry `i`; a shard
 * holding more than `maxEntries` entries is split on one more letter while its words allow it.
 * Returns each key with the sorted indices of its entries.
 */
export function buildShards(tokensOf: readonly (readonly string[])[], maxEntries: number): Map<string, number[]> {
  // key → (entry, token) pairs; an entry may sit in one shard through several words.
  const pending = new Map<string, [number, string][]>();
  const put = (key: string, entry: number, token: string) => {
    const pairs = pending.get(key);
    if (pairs) pairs.push([entry, token]);
    else pending.set(key, [[entry, token]]);
  };
  tokensOf.forEach((tokens, entry) => {
    for (const token of tokens) put(token.slice(0, FIRST_KEY_LENGTH), entry, token);
  });

  const shards = new Map<string, number[]>();
  while (pending.size > 0) {
    const [key, pairs] = pending.entries().next().value as [string, [number, string][]];
    pending.delete(key);
    const entries = new Set(pairs.map(([entry]) => entry));
    const splittable = pairs.some(([, token]) => token.length > key.length);
    if (entries.size <= maxEntries || !splittable) {
      shards.set(key, [...entries].sort((a, b) => a - b));
      continue;
    }
    // Words equal to the key stay in it; longer ones move to a key one letter longer.
    const stay: [number, string][] = [];
    for (const [entry, token] of pairs) {
      if (token.length === key.length) stay.push([entry, token]);
      else put(token.slice(0, key.length + 1), entry, token);
    }
    if (stay.length > 0) shards.set(key, [...new Set(stay.map(([entry]) => entry))].sort((a, b) => a - b));
  }
  return shards;
}

/**
 * The shard holding every commune with a word starting with `token`, or `null` when no single
 * shard does (the token is too short for a split key: "ma" when "mar", "mai"… exist).
 * Rule: the longest key that starts the token, provided no other key starts with the token.
 */
export function shardKeyFor(keys: Iterable<string>, token: string): string | null {
  let best: string | null = null;
  const longer: string[] = [];
  for (const key of keys) {
    if (token.startsWith(key) && (best === null || key.length > best.length)) best = key;
    if (key.startsWith(token)) longer.push(key);
  }
  if (best === null) return null;
  return longer.every((key) => key === best) ? best : null;
}

/**
 * The shard holding every commune with exactly this word, when it has one of its own. The fallback
 * when {@link shardKeyFor} finds no complete shard: a query "mont" still finds Mont-Dol while
 * "Montagne…" sits in longer keys.
 */
export function wordShardKey(keys: Iterable<string>, word: string): string | null {
  for (const key of keys) if (key === word) return key;
  return null;
}
