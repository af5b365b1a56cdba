import { opensElsewhere } from '../elements/questionnaire/kept.js';
import { sendDefinitionEarly } from './first-requests.js';

/**
 * A questionnaire whose theme has something kept on this device — a draft, a receipt, a
 * contribution waiting — opens on that step, not on its identification step: its definition, the
 * code of the steps, the definition's schema, the API client and the outbox are then needed before
 * anything shows. The element asks for them only once its own code has run, one round trip later;
 * the loader asks for them at once, beside the element's code, when it sees such a questionnaire.
 * The element imports the same modules later and finds them there. Something kept for another
 * SIRET or version makes a wrong guess: files downloaded a little early, never another step shown.
 *
 * On a first visit the identification step shows from the element's code alone, and the element
 * asks for its definition itself as it draws that step (it is needed once a SIRET is typed). Sent
 * from here, the request and the reading of its answer took the main thread in the very turns that
 * step waits for: on a processor four times slower, its first input came about a tenth later.
 */

/** Whether a questionnaire of this theme opens elsewhere than on its identification step on this device. */
function opensPastIdentification(theme: string): boolean {
  try {
    // Reading `localStorage` throws where storage is blocked: nothing kept can be restored there.
    return opensElsewhere(theme, globalThis.localStorage);
  } catch {
    return false;
  }
}

const ignore = () => undefined;

/**
 * Sends the definition and starts the later steps' code of a questionnaire that will open past its
 * identification step. Called once the element's code is asked for, so that the page's first read
 * of its storage does not hold that request back.
 */
export function startLaterStepsWhenKept(questionnaire: Element): void {
  const theme = questionnaire.getAttribute('theme')?.trim();
  if (!theme || !opensPastIdentification(theme)) return;
  void import('../elements/questionnaire/views.js').catch(ignore);
  void import('../elements/questionnaire/submissions.js').catch(ignore);
  void import('../core/schema/questionnaire.js').catch(ignore);
  void import('../core/api/client.js').catch(ignore);
  sendDefinitionEarly(questionnaire);
}
