import type { ReactiveControllerHost } from 'lit';
import type { QuestionnaireDefinition, Answers } from '../../../core/schema/questionnaire.js';
import type { Lang } from '../../../core/schema/text.js';

/**
 * What the sharing controller reads and writes of `<barometre-questionnaire>`. The element hands
 * itself over rather than a set of callbacks: every byte of its own chunk counts towards its first
 * screen, and these are its own members, by the names it gives them.
 */
export interface SharingHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The answers on screen; set to take a colleague's in. */
  answers: Answers;
  /** The SIRET as typed. */
  siretText: string;
  readonly theme?: string;
  readonly apiBase: string | undefined;
  readonly effectiveLang: Lang;
  readonly session: { readonly phase: string };
  readonly material?: { readonly definition: QuestionnaireDefinition };
  /** Saves the answers on the device (quietly: no "saved" announcement). */
  saveDraft(options?: { quiet?: boolean }): void;
}

/** `barometre-shared-draft`: what happened to the questionnaire's shared draft. */
export interface BarometreSharedDraftDetail {
  theme: string;
  siret: string;
  /**
   * `shared`: this respondent turned their draft into a shared one; `opened`: they opened a
   * colleague's; `changed`: colleagues' changes were taken in (`keys`); `replaced`: changes of
   * theirs took the place of colleagues' answers they had not seen, the last change winning
   * (`keys`); `closed`: the draft was sent, deleted or expired (`reason`).
   */
  kind: 'shared' | 'opened' | 'changed' | 'replaced' | 'closed';
  keys?: string[];
  reason?: 'sent' | 'expired' | 'deleted';
}

/** The theme answered: the definition's (given as a property or fetched), else the attribute. */
export function themeOf(host: SharingHost): string | undefined {
  return host.material?.definition.theme ?? (host.theme || undefined);
}
