import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Lang } from '../../core/schema/text.js';

/**
 * The names of the kinds of collectivité ("Commune", "Intercommunalité"…), shown once a SIRET is
 * found: they load with the lookup's answer (see `LookupController`), not before the first input.
 */

type Labels = typeof import('../../core/territory/labels.js');

let labels: Labels | undefined;

/** Loads the names; a failed download leaves the kind unnamed rather than the lookup failed. */
export async function loadKindLabels(): Promise<void> {
  labels ??= await import('../../core/territory/labels.js').catch(() => undefined);
}

/** The name of a kind, once loaded. */
export function kindLabel(lang: Lang, kind: CollectiviteKind): string | undefined {
  return labels?.collectiviteKindLabel(lang, kind);
}
