import { css, html, nothing, type TemplateResult } from 'lit';
import { createCatalog } from '../../../core/i18n/catalog.js';
import { typesetting } from '../../../core/i18n/typography.js';
import type { Lang } from '../../../core/schema/text.js';
import { adoptLate } from '../../shared/adopt-late.js';
import type { FeedbackState } from './state.js';

/**
 * The frame of the feedback under the confirmation: its heading, its live region and its retry
 * button. It is part of the questionnaire's own code so that the live region is on screen from
 * the confirmation's first paint and a failure can be said even when the feedback's own code
 * (figures, tables, their words and styles: see `module.ts`) could not be fetched.
 */

/** The few words the frame says; the rest of the feedback's words load with its tables. */
export const feedbackShellText = typesetting(createCatalog({
  fr: {
    title: 'Votre collectivité parmi les autres',
    loading: 'Chargement des chiffres de comparaison…',
    error: 'Les chiffres de comparaison n’ont pas pu être chargés. {message}',
    error_generic: 'Le service du Baromètre n’a pas répondu comme prévu.',
    retry: 'Réessayer le chargement des chiffres',
  },
  en: {
    title: 'Your local authority among the others',
    loading: 'Loading comparison figures…',
    error: 'The comparison figures could not be loaded. {message}',
    error_generic: 'The Baromètre service did not answer as expected.',
    retry: 'Try loading the figures again',
  },
}));

/** The frame's styles; the tables' come with their code. */
export const feedbackShellStyles = css`
  .feedback {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding-top: var(--_space);
    border-top: 1px solid var(--_separator);
  }

  .feedback-status:empty {
    display: none;
  }

  .feedback-status[data-state='error'] {
    border-left: 4px solid var(--_error);
    padding-left: 0.5rem;
  }
`;

/** What the frame is drawn from. */
export interface FeedbackShellView {
  lang: Lang;
  state: FeedbackState;
  /** The introduction and, once ready, the figures: absent until the feedback's code is loaded. */
  body?: { intro: TemplateResult; figures?: TemplateResult };
  onRetry(): void;
}

/**
 * The respondent's key answers beside the published shares, under the confirmation. Loading and
 * failure are said in words in a live region kept from the first paint; a failure offers a retry
 * and leaves everything above it — the edit code first — untouched.
 */
export function renderFeedback(view: FeedbackShellView): TemplateResult | typeof nothing {
  const { lang, state, body } = view;
  if (state.status === 'off') return nothing;
  const message =
    state.status === 'loading'
      ? feedbackShellText(lang, 'loading')
      : state.status === 'error'
        ? feedbackShellText(lang, 'error', { message: state.message })
        : '';
  return html`<section class="feedback" part="feedback" aria-labelledby="feedback-title">
    <h4 id="feedback-title">${feedbackShellText(lang, 'title')}</h4>
    ${body?.intro ?? nothing}
    <p class="feedback-status" part="feedback-status" role="status" data-state=${state.status}>${message}</p>
    ${state.status === 'error'
      ? html`<div class="actions">
          <button type="button" part="button" @click=${() => view.onRetry()}>${feedbackShellText(lang, 'retry')}</button>
        </div>`
      : nothing}
    ${state.status === 'ready' ? (body?.figures ?? nothing) : nothing}
  </section>`;
}

/** Adds the frame's styles to an element whose first screen came without them (they load with its later steps). */
export function adoptShellStyles(root: HTMLElement | DocumentFragment): void {
  adoptLate(root, feedbackShellStyles);
}
