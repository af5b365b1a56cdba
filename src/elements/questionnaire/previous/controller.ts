import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError } from '../../../core/api/errors.js';
import { parseAnswerKey } from '../../../core/questionnaire/answers.js';
import type { ContributionStatus } from '../../../core/schema/contribution.js';
import type { QuestionChange } from '../../../core/schema/previous-answers.js';
import type { Answers } from '../../../core/schema/questionnaire.js';
import type { Lang } from '../../../core/schema/text.js';
import { adoptLate } from '../../shared/adopt-late.js';
import { apiClient } from '../api-loader.js';
import { describedBy, renderError } from '../render-parts.js';
import { previousStyles } from './styles.js';
import { p } from './words.js';

/** What the controller reads of the element, at each update. */
export interface PreviousContext {
  api: string | undefined;
  lang: Lang;
  theme: string | undefined;
  /** The SIRET answered for, once valid. */
  siret: string | undefined;
  /** What the API said of the collectivité's contributions to the theme. */
  status: ContributionStatus | undefined;
  /** An attestation naming that SIRET, which proves who answers without a code. */
  attestation: string | undefined;
  /** Puts the answers taken up into the form, leaving alone every answer already given there. */
  carry(answers: Answers): void;
}

/** The field of the previous edition's edit code. */
export const PREVIOUS_CODE_FIELD = 'f-previous-code';

type Stage = 'none' | 'offered' | 'taking' | 'taken';

/**
 * "Reprendre vos réponses de l'édition 2025": once the SIRET is identified and the API says the
 * collectivité answered the theme in the previous edition (and not yet in this one), offers to
 * start from those answers — with that edition's edit code, or at once when an attestation
 * (an OPSN portal's, a ProConnect sign-in's) names the SIRET. Then marks, by their words, the
 * questions new or changed since, which were left blank. Comes with the steps' code: the first
 * screen carries none of it.
 */
export class PreviousAnswersController {
  private stage: Stage = 'none';
  private siret?: string;
  private edition = '';
  private code = '';
  private error = '';
  private count = 0;
  private changes: Readonly<Record<string, QuestionChange>> = {};
  /** An attestation was refused: the code is asked instead. */
  private attestationRefused = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly read: () => PreviousContext,
  ) {
    host.addController(this);
    adoptLate(host.renderRoot, previousStyles);
  }

  hostUpdate(): void {
    const context = this.read();
    if (context.siret !== this.siret) {
      this.reset();
      this.siret = context.siret;
    }
    const edition = context.status?.exists === false ? context.status.previous?.edition : undefined;
    if (this.stage !== 'none' || edition === undefined || context.siret === undefined) return;
    this.stage = 'offered';
    this.edition = edition;
    if (context.attestation !== undefined) void this.take();
  }

  /** Forgets the offer and what was taken up: another collectivité, or the form started again. */
  reset(): void {
    this.stage = 'none';
    this.siret = undefined;
    this.code = '';
    this.error = '';
    this.changes = {};
    this.attestationRefused = false;
  }

  /** The words marking a question new or changed since the previous edition, once its answers were taken up. */
  mark(questionId: string, lang: Lang): string | undefined {
    const change = this.stage === 'taken' && Object.hasOwn(this.changes, questionId) ? this.changes[questionId] : undefined;
    if (change === undefined) return undefined;
    return p(lang, change === 'new' ? 'mark_new' : 'mark_changed', { edition: this.edition });
  }

  private async take(): Promise<void> {
    const context = this.read();
    const { api, theme, siret, lang } = context;
    if (!api || !theme || siret === undefined) return;
    const edition = this.edition;
    const attestation = this.attestationRefused ? undefined : context.attestation;
    if (attestation === undefined && this.code.trim() === '') {
      this.error = p(lang, 'code_required', { edition });
      return this.host.requestUpdate();
    }
    this.stage = 'taking';
    this.error = '';
    this.host.requestUpdate();
    try {
      const client = await apiClient({ baseUrl: api, lang });
      const previous = await client.previousAnswers(siret, theme, attestation === undefined ? { editCode: this.code } : { attestation });
      if (this.siret !== siret) return;
      this.changes = previous.changes;
      this.count = Object.keys(previous.answers).filter((key) => !parseAnswerKey(key).other).length;
      this.stage = 'taken';
      context.carry(previous.answers);
    } catch (error) {
      if (this.siret !== siret) return;
      this.stage = 'offered';
      if (attestation !== undefined) this.attestationRefused = true;
      this.error = error instanceof ApiError && error.message ? error.message : p(lang, 'unreachable', { edition });
    }
    this.host.requestUpdate();
  }

  private readonly onCode = (event: Event) => {
    this.code = (event.target as HTMLInputElement).value;
  };

  /** Enter in the code field takes the answers up, rather than leaving the step. */
  private readonly onCodeKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this.take();
  };

  /** The offer, on the identification step; nothing when there is none. */
  render(lang: Lang): TemplateResult | typeof nothing {
    if (this.stage === 'none') return nothing;
    const edition = this.edition;
    const asksCode = this.stage !== 'taken' && (this.attestationRefused || this.read().attestation === undefined);
    const said =
      this.stage === 'taking' ? p(lang, 'taking', { edition }) : this.stage === 'taken' ? p(lang, 'taken', { edition, count: this.count }) : '';
    const help = `${PREVIOUS_CODE_FIELD}-help`;
    const errorId = `${PREVIOUS_CODE_FIELD}-error`;
    const errors = this.error === '' ? [] : [this.error];
    return html`<section class="previous" part="previous" aria-labelledby="previous-title">
      <h4 id="previous-title">${p(lang, 'offer_title', { edition })}</h4>
      ${this.stage === 'taken' ? nothing : html`<p>${p(lang, 'offer_intro', { edition })}</p>`}
      ${asksCode
        ? html`<div class="field" part="field">
              <label for=${PREVIOUS_CODE_FIELD}>${p(lang, 'code_label', { edition })}</label>
              <p class="help" id=${help}>${p(lang, 'code_help')}</p>
              ${renderError(lang, errorId, errors)}
              <input
                type="text"
                id=${PREVIOUS_CODE_FIELD}
                autocomplete="off"
                spellcheck="false"
                .value=${live(this.code)}
                aria-describedby=${describedBy(help, errors.length > 0 && errorId)}
                aria-invalid=${errors.length > 0 ? 'true' : nothing}
                @input=${this.onCode}
                @keydown=${this.onCodeKey}
              />
            </div>
            <div class="actions">
              <button type="button" part="button" ?disabled=${this.stage === 'taking'} @click=${() => void this.take()}>${p(lang, 'take')}</button>
            </div>`
        : this.stage === 'taken'
          ? nothing
          : html`<p>${p(lang, 'offer_attested', { edition })}</p>${renderError(lang, errorId, errors)}`}
      <p role="status">${said}</p>
    </section>`;
  }
}
