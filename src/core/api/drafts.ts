import { DEFAULT_DRAFT_PREFIX } from './draft-prefix.js';
import { readJson, removeEntry, writeJson, type StorageLike } from './storage.js';

/**
 * Drafts: what a respondent typed, kept on their device so that a reload, a crash or a closed
 * tab loses nothing. One draft per collectivité, theme and questionnaire version — answers to
 * another version may not fit its questions — plus one for the time before the SIRET is known.
 */

/** Which draft. Without `siret`, the draft of a respondent who has not given their SIRET yet. */
export interface DraftRef {
  theme: string;
  version: string;
  siret?: string;
}

/** A saved draft. */
export interface Draft<T> {
  /** When it was saved (ISO 8601). */
  savedAt: string;
  data: T;
}

/** Settings of {@link createDraftStore}. */
export interface DraftStoreOptions<T> {
  storage: StorageLike;
  /** Prefix of the storage keys. */
  prefix?: string;
  /**
   * Checks and converts stored data; `undefined` rejects it. Without it, any JSON value is
   * accepted as it is — pass one whenever the data's shape matters.
   */
  parse?: (data: unknown) => T | undefined;
  now?: () => number;
}

/** Saves, loads and clears drafts. No method ever throws: a draft is a convenience, never a failure. */
export interface DraftStore<T> {
  /** Saves `data`; returns the saved draft, or `undefined` when the storage refused it. */
  save(ref: DraftRef, data: T): Draft<T> | undefined;
  /** The saved draft, or `undefined` when there is none or it cannot be read back. */
  load(ref: DraftRef): Draft<T> | undefined;
  clear(ref: DraftRef): void;
  /** The storage key of a draft. */
  keyOf(ref: DraftRef): string;
}

export { DEFAULT_DRAFT_PREFIX };

/** Stored drafts carry this so a future format can be told apart and migrated or ignored. */
const FORMAT = 1;

/** The key used for the draft whose SIRET is not known yet. */
const NO_SIRET = '-';

/** Creates a draft store over a storage. */
export function createDraftStore<T>(options: DraftStoreOptions<T>): DraftStore<T> {
  const prefix = options.prefix ?? DEFAULT_DRAFT_PREFIX;
  const parse = options.parse ?? ((data: unknown) => data as T);
  const now = options.now ?? Date.now;
  const keyOf = (ref: DraftRef) =>
    [prefix, ref.theme, ref.version, ref.siret || NO_SIRET].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join(':');

  return {
    keyOf,
    save(ref, data) {
      const draft: Draft<T> = { savedAt: new Date(now()).toISOString(), data };
      return writeJson(options.storage, keyOf(ref), { format: FORMAT, ...draft }) ? draft : undefined;
    },
    load(ref) {
      const stored = readJson(options.storage, keyOf(ref)) as { format?: unknown; savedAt?: unknown; data?: unknown } | undefined;
      if (stored === null || typeof stored !== 'object' || stored.format !== FORMAT) return undefined;
      if (typeof stored.savedAt !== 'string' || Number.isNaN(Date.parse(stored.savedAt))) return undefined;
      let data: T | undefined;
      try {
        data = parse(stored.data);
      } catch {
        // A parser that throws on odd data counts as a refusal, like any other bad entry.
        return undefined;
      }
      return data === undefined ? undefined : { savedAt: stored.savedAt, data };
    },
    clear(ref) {
      removeEntry(options.storage, keyOf(ref));
    },
  };
}
