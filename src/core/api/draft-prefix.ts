/**
 * How drafts are named in storage: `barometre:draft:<theme>:<version>:<siret>`, each part after
 * the prefix URI-encoded. On its own so that the script-tag loader can tell whether a theme has
 * a draft on this device without importing the drafts' code.
 */
export const DEFAULT_DRAFT_PREFIX = 'barometre:draft';

/** The start of the key of every draft of a theme, whatever its version and SIRET. */
export function themeDraftsPrefix(theme: string, prefix = DEFAULT_DRAFT_PREFIX): string {
  return `${prefix}:${encodeURIComponent(theme)}:`;
}
