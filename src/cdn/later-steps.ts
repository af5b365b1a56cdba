import { themeDraftsPrefix } from '../core/api/draft-prefix.js';

/**
 * A questionnaire whose theme has a draft on this device opens on the step it was left at, not
 * on its identification step: the code of the steps, the definition's schema, the API client and
 * the outbox are then needed before anything shows. The element asks for them only once its own
 * code has run, one round trip later; the loader asks for them at once, beside the element's
 * code, when it sees such a questionnaire. The element imports the same modules later and finds
 * them there. A draft kept for another SIRET or version makes a wrong guess: files downloaded a
 * little early, never another step shown.
 */

/** Whether this device keeps a draft of a theme, any version and SIRET (storage keys alone). */
function keepsDraft(theme: string): boolean {
  const start = themeDraftsPrefix(theme);
  try {
    // Reading `localStorage` throws where storage is blocked: no draft can be restored there.
    const storage = globalThis.localStorage;
    for (let index = 0; index < storage.length; index++) {
      if (storage.key(index)?.startsWith(start)) return true;
    }
  } catch {
    // Nothing to restore: the element opens on its identification step.
  }
  return false;
}

const ignore = () => undefined;

/** Starts the later steps' code for a questionnaire that will restore a draft. */
export function startLaterStepsWhenDraft(questionnaire: Element): void {
  const theme = questionnaire.getAttribute('theme')?.trim();
  if (!theme || !keepsDraft(theme)) return;
  void import('../elements/questionnaire/views.js').catch(ignore);
  void import('../elements/questionnaire/submissions.js').catch(ignore);
  void import('../core/schema/questionnaire.js').catch(ignore);
  void import('../core/api/client.js').catch(ignore);
}
