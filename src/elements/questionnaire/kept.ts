import { DEFAULT_DRAFT_PREFIX } from '../../core/api/drafts.js';
import { browserStorage, type StorageLike } from '../../core/api/storage.js';

/**
 * What this device keeps of a theme, told from storage keys alone: small enough for the
 * element's first chunk, which must decide before the definition and the drafts' code are here
 * whether the identification step may show at once.
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

/**
 * Whether this device keeps anything of a theme that would open the questionnaire elsewhere
 * than on its identification step: a receipt, or a draft of any version (the definition, not
 * here yet, names the version).
 */
export function keepsAnything(theme: string): boolean {
  const drafts = `${DEFAULT_DRAFT_PREFIX}:${encodeURIComponent(theme)}:`;
  const receipt = receiptKey(theme);
  try {
    return storedKeys(browserStorage()).some((key) => key === receipt || key.startsWith(drafts));
  } catch {
    return false;
  }
}
