import type { DraftRef } from '../../core/api/drafts.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { clearDrafts, draftStore, type QuestionnaireDraft } from './draft.js';

/**
 * Where a questionnaire's drafts are kept. A draft has two homes: under the SIRET once it is
 * valid (a portal giving the SIRET finds it there), and, unless the page gave the SIRET, under
 * the key of this page's respondent, which is how a reload finds it before any SIRET is typed.
 */
export function draftRef(definition: QuestionnaireDefinition, siret: string | undefined): DraftRef {
  return siret === undefined
    ? { theme: definition.theme, version: definition.version }
    : { theme: definition.theme, version: definition.version, siret };
}

/** Which SIRETs a draft is about: the one typed, when valid, and the one the page gave, when valid. */
export interface DraftOwners {
  typed: string | undefined;
  given: string | undefined;
}

/** Saves a draft in each of its homes; returns when it was saved, or undefined when the device kept nothing. */
export function saveDraftCopies(definition: QuestionnaireDefinition, data: QuestionnaireDraft, owners: DraftOwners): string | undefined {
  const refs: DraftRef[] = [];
  if (owners.typed !== undefined) refs.push(draftRef(definition, owners.typed));
  if (owners.given === undefined) refs.push(draftRef(definition, undefined));
  let savedAt: string | undefined;
  for (const ref of refs) savedAt = draftStore().save(ref, data)?.savedAt ?? savedAt;
  return savedAt;
}

/**
 * The draft kept under a SIRET, or under this page's respondent when there is none. `orRespondent`:
 * for a SIRET an attestation just gave (back from ProConnect), the draft typed before it was
 * known is the respondent's too.
 */
export function loadDraft(definition: QuestionnaireDefinition, siret: string | undefined, orRespondent = false) {
  const draft = draftStore().load(draftRef(definition, siret));
  return draft ?? (orRespondent && siret !== undefined ? draftStore().load(draftRef(definition, undefined)) : undefined);
}

/** Forgets a draft from every home (the respondent starts again). */
export function forgetDraftCopies(definition: QuestionnaireDefinition, typed: string | undefined): void {
  if (typed !== undefined) clearDrafts(draftRef(definition, typed));
  draftStore().clear(draftRef(definition, undefined));
}
