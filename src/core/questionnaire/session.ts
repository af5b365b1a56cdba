import type { QuestionnaireDefinition } from '../schema/questionnaire.js';

/**
 * The key of the first step, before any section. Section ids are machine ids
 * (`[a-z][a-z0-9_]*`), so neither this nor {@link REVIEW_STEP} can clash with one. Here rather
 * than beside the steps' order (`step-keys.ts`) so that a host can hold a session without
 * loading the rules that walk the definition.
 */
export const IDENTIFICATION_STEP = ':identification';
/** The key of the last step, where every answer is read again before sending. */
export const REVIEW_STEP = ':review';

/** What a session needs once loaded: the definition, and whatever the host loaded with it. */
export interface SessionMaterial {
  readonly definition: QuestionnaireDefinition;
}

/**
 * Where a respondent stands in a questionnaire, one phase at a time. Each phase holds exactly
 * what is true in it, so that a host never has to assume (a receipt exists only once confirmed,
 * a definition only once loaded).
 *
 * - `loading`: the definition (and the host's material) is on its way.
 * - `failed`: it could not be had; `message` says why.
 * - `identifying`, `answering` (one section), `reviewing`: the form, one step each.
 * - `sending`: a contribution just went to the outbox as `entryId`.
 * - `waiting`: it waits for the network; `reason` is the last failure's words, if any.
 * - `confirmed`: a contribution was delivered (now or on an earlier visit); `receipt` says what.
 *
 * `M` is what the host loaded with the definition; `R` is its receipt.
 */
export type QuestionnaireSession<M extends SessionMaterial = SessionMaterial, R = unknown> =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'identifying'; readonly material: M }
  | { readonly phase: 'answering'; readonly material: M; readonly sectionId: string }
  | { readonly phase: 'reviewing'; readonly material: M }
  | { readonly phase: 'sending'; readonly material: M; readonly entryId: string }
  | { readonly phase: 'waiting'; readonly material: M; readonly entryId: string; readonly reason: string }
  | { readonly phase: 'confirmed'; readonly material: M; readonly receipt: R };

/** The phases of the form, where answers can change. */
export type FormSession<M extends SessionMaterial = SessionMaterial, R = unknown> = Extract<
  QuestionnaireSession<M, R>,
  { phase: 'identifying' | 'answering' | 'reviewing' }
>;

/** The phases after the definition loaded. */
export type LoadedSession<M extends SessionMaterial = SessionMaterial, R = unknown> = Exclude<
  QuestionnaireSession<M, R>,
  { phase: 'loading' | 'failed' }
>;

/** The form at a step, given by its key. */
export function formAt<M extends SessionMaterial>(material: M, step: string): FormSession<M, never> {
  if (step === IDENTIFICATION_STEP) return { phase: 'identifying', material };
  if (step === REVIEW_STEP) return { phase: 'reviewing', material };
  return { phase: 'answering', material, sectionId: step };
}

export function isForm<M extends SessionMaterial, R>(session: QuestionnaireSession<M, R>): session is FormSession<M, R> {
  return session.phase === 'identifying' || session.phase === 'answering' || session.phase === 'reviewing';
}

export function isLoaded<M extends SessionMaterial, R>(session: QuestionnaireSession<M, R>): session is LoadedSession<M, R> {
  return session.phase !== 'loading' && session.phase !== 'failed';
}

/** The key of the form's step. */
export function stepOf(session: FormSession<SessionMaterial, unknown>): string {
  switch (session.phase) {
    case 'identifying':
      return IDENTIFICATION_STEP;
    case 'reviewing':
      return REVIEW_STEP;
    case 'answering':
      return session.sectionId;
  }
}
