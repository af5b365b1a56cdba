/**
 * The small slice of the Web Storage API that drafts and the outbox need. `localStorage` fits it
 * in browsers; {@link createMemoryStorage} fits it in tests and where storage is refused.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that lives as long as the page: for tests, and as a fallback when `localStorage` is refused. */
export interface MemoryStorage extends StorageLike {
  /** How many keys are stored. */
  readonly size: number;
  /** Every stored key, in insertion order. */
  keys(): string[];
  /** Forgets everything. */
  clear(): void;
}

/** Creates an empty in-memory storage. */
export function createMemoryStorage(): MemoryStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    get size() {
      return items.size;
    },
    keys: () => [...items.keys()],
    clear: () => items.clear(),
  };
}

let fallback: MemoryStorage | undefined;

/**
 * The page's `localStorage` when it can be used, else a storage kept in memory for the page's
 * lifetime. Merely reading `window.localStorage` throws in some browsers when cookies are blocked
 * or inside sandboxed iframes, so the probe is wrapped.
 */
export function browserStorage(): StorageLike {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (storage) {
      const probe = '__barometre_probe__';
      storage.setItem(probe, '1');
      storage.removeItem(probe);
      return storage;
    }
  } catch {
    // Refused: fall through to memory.
  }
  fallback ??= createMemoryStorage();
  return fallback;
}

/** Reads and parses a JSON entry; `undefined` when it is missing, unreadable or not JSON. Never throws. */
export function readJson(storage: StorageLike, key: string): unknown {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a value as JSON; `false` when the storage refused it (full, disabled). Never throws. */
export function writeJson(storage: StorageLike, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes an entry; a storage that refuses is ignored. Never throws. */
export function removeEntry(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing more can be done: the entry stays, and readers tolerate it.
  }
}
