import { themeDraftsPrefix } from '../../core/api/draft-prefix.js';
import { DEFAULT_OUTBOX_KEY } from '../../core/api/outbox-key.js';
import { readJson, type StorageLike } from '../../core/api/storage.js';

/**
 * What this device keeps of a theme, told from storage alone: small enough for the element's
 * first chunk and for the script-tag loader, which must both decide, before the definition and
 * the code of drafts and of the outbox are here, whether the questionnaire opens on its
 * identification step.
 */

/** The storage key of a theme's last receipt. */
export const receiptKey = (theme: string) => `barometre:receipt:${encodeURIComponent(theme)}`;

/** Every key of a storage: the browser's `localStorage`, or the memory that stands in for it. */
function storedKeys(storage: StorageLike): string[] {
  if ('keys' in storage && typeof storage.keys === 'function') return (storage.keys as () => string[])();
  const web = storage as Partial<Storage>;
  const keys: string[] = [];
  for (let index = 0; index < (web.length ?? 0); index++) {
    const key = web.key?.(index);
    if (key) keys.push(key);
  }
  return keys;
}

/** A receipt of the theme, or a draft of any version (the definition, not here yet, names the version). */
function keepsReceiptOrDraft(theme: string, storage: StorageLike): boolean {
  const drafts = themeDraftsPrefix(theme);
  const receipt = receiptKey(theme);
  try {
    return storedKeys(storage).some((key) => key === receipt || key.startsWith(drafts));
  } catch {
    return false;
  }
}

/** A contribution of the theme in the page's outbox, read without the outbox's code. */
function mayBeWaiting(theme: string, storage: StorageLike): boolean {
  const stored = readJson(storage, DEFAULT_OUTBOX_KEY);
  if (!Array.isArray(stored)) return false;
  return stored.some((entry: unknown) => (entry as { payload?: { theme?: unknown } } | null)?.payload?.theme === theme);
}

/**
 * Whether a questionnaire of the theme opens elsewhere than on its identification step — on a
 * draft's step, a receipt or a contribution waiting — and so needs its definition and the code
 * of its steps before it can show anything.
 */
export function opensElsewhere(theme: string, storage: StorageLike): boolean {
  return keepsReceiptOrDraft(theme, storage) || mayBeWaiting(theme, storage);
}
