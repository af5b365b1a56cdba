import { css, html, nothing, type TemplateResult } from 'lit';
import { answerOf, parseAnswerKey } from '../../../core/questionnaire/answers.js';
import { findQuestion } from '../../../core/questionnaire/question-index.js';
import type { Answers, AnswerValue } from '../../../core/schema/questionnaire.js';
import type { SharedDraftAuthor, SharedDraftEntry, SharedDraftReplaced, SharedDraftView } from '../../../core/schema/shared-draft.js';
import { validateSiret } from '../../../core/siret.js';
import { adoptLate } from '../../shared/adopt-late.js';
import { SharingClient, type SharingProblem } from './client.js';
import { themeOf, type BarometreSharedDraftDetail, type SharingHost } from './host.js';
import { shareLinkOf, type ShareLink } from './link.js';
import { s } from './messages.js';
import { replacedSentence } from './replaced.js';

/** How often colleagues' changes are fetched while the page is in view. */
const REFRESH_MS = 20_000;
/** How long typing pauses before changes are sent. */
const SEND_DELAY_MS = 700;

const styles = css`
  .sharing {
    border: 1px solid var(--barometre-border, #929292);
    border-radius: 4px;
    padding: 0.75rem 1rem;
    margin-block: 0.75rem;
  }
  .sharing h3 {
    margin: 0 0 0.5rem;
    font-size: 1.05rem;
  }
  .sharing label {
    display: block;
    margin-block: 0.5rem 0.25rem;
  }
  .sharing input[readonly] {
    width: 100%;
    box-sizing: border-box;
  }
  .sharing .code {
    font-family: ui-monospace, monospace;
    font-size: 1.2rem;
    letter-spacing: 0.1em;
  }
  .sharing .field-error {
    color: var(--barometre-error, #b40000);
  }
  .sharing ul {
    padding-inline-start: 1.25rem;
  }
`;

type Stage = 'ask' | 'busy' | 'shared' | 'closed';

/**
 * The shared draft of one questionnaire: creating it from the answers on the device, opening a
 * colleague's with its code, sending each change against the version it was made on, taking
 * colleagues' changes in (every 20 seconds while the page is in view, and when it comes back into
 * view) and saying them politely. The last change per question wins: when the respondent's change
 * took the place of a colleague's answer they had not seen, they are told whose and when, and the
 * colleague's page takes the new answer in and says who gave it. Answers stay on the device as
 * before: the server's draft is a copy every colleague shares.
 */
export class SharingPanel {
  private stage: Stage = 'ask';
  private mode: 'share' | 'open' = 'share';
  private name = '';
  private role = '';
  private codeInput: string;
  private error?: { field: 'name' | 'code' | 'form'; message: string };
  private code?: string;
  private draft?: SharedDraftView;
  /** Each answer's last known version and author, by key. */
  private entries = new Map<string, SharedDraftEntry>();
  /** Changes typed here and not yet accepted by the server: value and the version they were made on. */
  private pending = new Map<string, { value: AnswerValue | null; base: number }>();
  /** The answers as last seen, to tell what the respondent changed. */
  private seen?: Answers;
  private announcement = '';
  private closedReason?: 'sent' | 'expired' | 'deleted';
  private sendTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private sending?: Promise<void>;

  constructor(
    private readonly host: SharingHost,
    link: ShareLink | undefined,
  ) {
    adoptLate(host.renderRoot, styles);
    this.codeInput = link?.code ?? '';
    // The link names the collectivité: a colleague arriving by it need not type its SIRET.
    if (link && validateSiret(host.siretText).ok === false) host.siretText = link.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
  }

  get closed(): boolean {
    return this.stage === 'closed';
  }

  /** Opens the panel in a mode (a second press of the other button switches). */
  start(mode: 'share' | 'open'): void {
    if (this.stage === 'shared' || this.stage === 'busy') return;
    this.mode = mode;
    this.stage = 'ask';
    this.error = undefined;
    this.focus(mode === 'open' && this.codeInput === '' ? 'sharing-code' : 'sharing-name');
  }

  connected(): void {
    if (this.stage === 'shared') this.startRefreshing();
  }

  disconnected(): void {
    this.stopRefreshing();
  }

  /** After each render: what the respondent changed since the last one goes to the shared draft. */
  updated(): void {
    const phase = this.host.session.phase;
    // The contribution is stored: the server closed the draft.
    if (phase === 'confirmed' && this.stage === 'shared') return this.close('sent');
    const answers = this.host.answers;
    if (this.stage !== 'shared' || answers === this.seen) return;
    if (phase !== 'answering' && phase !== 'reviewing') return;
    const before = this.seen ?? {};
    this.seen = answers;
    // Everything gone at once is the form starting again (or another collectivité): this page
    // leaves the shared draft, which keeps its answers for the colleagues.
    if (Object.keys(answers).length === 0 && Object.keys(before).length > 1) return this.leave();
    for (const key of new Set([...Object.keys(before), ...Object.keys(answers)])) {
      const now = (answerOf(answers, key) ?? null) as AnswerValue | null;
      if (JSON.stringify(now) === JSON.stringify(answerOf(before, key) ?? null)) continue;
      const known = this.pending.get(key)?.base ?? this.entries.get(key)?.version ?? 0;
      this.pending.set(key, { value: now, base: known });
    }
    if (this.pending.size > 0) this.scheduleSend();
  }

  /** Stops following the shared draft on this page; the panel asks again. */
  private leave(): void {
    this.stopRefreshing();
    clearTimeout(this.sendTimer);
    this.pending.clear();
    this.entries.clear();
    this.code = undefined;
    this.draft = undefined;
    this.seen = undefined;
    this.stage = 'ask';
    this.host.requestUpdate();
  }

  private get lang() {
    return this.host.effectiveLang;
  }

  private client(): SharingClient | undefined {
    const api = this.host.apiBase;
    const check = validateSiret(this.host.siretText);
    const theme = themeOf(this.host);
    if (!api || !check.ok || theme === undefined) return undefined;
    return new SharingClient({ api, lang: this.lang, siret: check.value, theme });
  }

  private author(): SharedDraftAuthor {
    const role = this.role.trim();
    return { name: this.name.trim(), ...(role ? { role } : {}) };
  }

  private async submitAsk(): Promise<void> {
    const lang = this.lang;
    if (this.name.trim() === '') return this.refuse('name', s(lang, 'name_missing'));
    if (this.mode === 'open' && this.codeInput.trim() === '') return this.refuse('code', s(lang, 'code_missing'));
    const client = this.client();
    const definition = this.host.material?.definition;
    if (!client || !definition) return this.refuse('form', s(lang, 'siret_first'));
    this.stage = 'busy';
    this.error = undefined;
    this.host.requestUpdate();
    if (this.mode === 'share') {
      const created = await client.create(definition.version, this.author(), withoutNulls(this.host.answers));
      if (!created.ok) return this.failed(created.problem);
      this.code = created.value.code;
      this.takeDraft(created.value.draft, { initial: true });
      this.announce(s(lang, 'created', { code: this.code }));
      this.emit({ kind: 'shared' });
    } else {
      const code = this.codeInput.trim().toUpperCase();
      const read = await client.read(code);
      if (!read.ok) return this.failed(read.problem);
      this.code = code;
      // Answers typed here before opening, which the draft does not hold yet, are shared too: nothing is lost.
      const own = this.host.answers;
      const taken = this.takeDraft(read.value.draft, { initial: true });
      for (const [key, value] of Object.entries(own)) {
        if (!this.entries.has(key)) this.pending.set(key, { value, base: 0 });
      }
      this.announce(s(lang, 'opened', { count: taken.length }));
      this.emit({ kind: 'opened' });
      if (this.pending.size > 0) this.scheduleSend();
    }
    this.stage = 'shared';
    this.startRefreshing();
    this.focus('sharing-title');
  }

  private refuse(field: 'name' | 'code' | 'form', message: string): void {
    this.error = { field, message };
    this.stage = 'ask';
    this.host.requestUpdate();
    this.focus(field === 'code' ? 'sharing-code' : field === 'name' ? 'sharing-name' : 'sharing-title');
  }

  /** A refusal of the server, said where it belongs. */
  private failed(problem: SharingProblem): void {
    const reason = problem.details?.reason;
    if (problem.status === 410 && (reason === 'sent' || reason === 'expired' || reason === 'deleted')) return this.close(reason);
    if (problem.error.startsWith('share_code')) return this.refuse('code', problem.message);
    if (this.stage === 'shared') {
      this.announce(problem.status === 0 ? s(this.lang, 'offline') : problem.message);
      return;
    }
    this.refuse('form', problem.status === 0 ? s(this.lang, 'unavailable', { reason: problem.message }) : problem.message);
  }

  /**
   * Takes the server's draft in: answers that changed since they were last seen go into the
   * form, unless this respondent is changing them (their change goes to the server and wins,
   * and they are told whose answer it replaced). Gives the keys taken.
   */
  private takeDraft(draft: SharedDraftView, { initial = false } = {}): string[] {
    this.draft = draft;
    const taken: string[] = [];
    const answers = { ...this.host.answers };
    for (const entry of draft.entries) {
      const known = this.entries.get(entry.key);
      this.entries.set(entry.key, entry);
      if (this.pending.has(entry.key)) continue;
      if (!initial && known !== undefined && known.version >= entry.version) continue;
      if (JSON.stringify(answerOf(answers, entry.key) ?? null) === JSON.stringify(entry.value)) continue;
      if (entry.value === null) delete answers[entry.key];
      else answers[entry.key] = entry.value;
      taken.push(entry.key);
    }
    if (taken.length > 0) {
      this.host.answers = answers;
      this.host.saveDraft({ quiet: true });
    }
    this.seen = this.host.answers;
    this.host.requestUpdate();
    return taken;
  }

  private scheduleSend(): void {
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => void this.send(), SEND_DELAY_MS);
  }

  /** Sends the pending changes; one request at a time, the next one with what was typed meanwhile. */
  private async send(): Promise<void> {
    if (this.sending) {
      await this.sending;
      return this.scheduleSend();
    }
    const client = this.client();
    if (!client || !this.code || this.pending.size === 0 || this.stage !== 'shared') return;
    const batch = new Map(this.pending);
    const changes = [...batch].map(([key, change]) => ({ key, value: change.value, base: change.base }));
    this.sending = (async () => {
      const written = await client.write(this.code!, this.author(), changes);
      if (!written.ok) return this.failed(written.problem);
      const { draft, replaced } = written.value;
      for (const [key, change] of batch) {
        const still = this.pending.get(key);
        if (still === change) this.pending.delete(key);
        // Typed again while this was on its way: kept for the next request, made on the version just written.
        else if (still !== undefined) still.base = draft.entries.find((entry) => entry.key === key)?.version ?? still.base;
      }
      const taken = this.takeDraft(draft);
      const sentences = replaced.map((entry) => this.replacedSentence(entry));
      const remote = this.takenSentence(taken);
      if (remote !== undefined) sentences.push(remote);
      if (sentences.length > 0) this.announce(sentences.join(' '));
      if (replaced.length > 0) this.emit({ kind: 'replaced', keys: replaced.map((entry) => entry.key) });
      if (taken.length > 0) this.emit({ kind: 'changed', keys: taken });
    })();
    try {
      await this.sending;
    } finally {
      this.sending = undefined;
    }
    if (this.pending.size > 0) this.scheduleSend();
  }

  /** Colleagues' changes taken into the form, in words: who changed which question, or how many. */
  private takenSentence(taken: readonly string[]): string | undefined {
    if (taken.length === 1) return s(this.lang, 'remote_one', { who: this.who(this.entries.get(taken[0]!)), question: this.label(taken[0]!) });
    if (taken.length > 1) return s(this.lang, 'remote_many', { count: taken.length, questions: taken.map((key) => this.label(key)).join(', ') });
    return undefined;
  }

  /** An answer of the respondent's that took the place of a colleague's they had not seen, in words. */
  private replacedSentence(replaced: SharedDraftReplaced): string {
    return replacedSentence(this.lang, this.label(replaced.key), this.who(replaced), replaced);
  }

  /** Fetches colleagues' changes and says them. */
  private async refresh(sayNothingNew = false): Promise<void> {
    const client = this.client();
    if (!client || !this.code || this.stage !== 'shared') return;
    const read = await client.read(this.code);
    if (!read.ok) return this.failed(read.problem);
    const taken = this.takeDraft(read.value.draft);
    const said = this.takenSentence(taken) ?? (sayNothingNew ? s(this.lang, 'up_to_date') : undefined);
    if (said !== undefined) this.announce(said);
    if (taken.length > 0) this.emit({ kind: 'changed', keys: taken });
    // Changes the server could not take earlier (no network) go now.
    if (this.pending.size > 0) this.scheduleSend();
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  private startRefreshing(): void {
    this.stopRefreshing();
    this.refreshTimer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refresh();
    }, REFRESH_MS);
    document.addEventListener('visibilitychange', this.onVisible);
    window.addEventListener('focus', this.onVisible);
  }

  private stopRefreshing(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    document.removeEventListener('visibilitychange', this.onVisible);
    window.removeEventListener('focus', this.onVisible);
  }

  private close(reason: 'sent' | 'expired' | 'deleted'): void {
    if (this.stage === 'closed') return;
    this.stage = 'closed';
    this.closedReason = reason;
    this.stopRefreshing();
    clearTimeout(this.sendTimer);
    this.pending.clear();
    this.announce(s(this.lang, `closed_${reason}`));
    this.emit({ kind: 'closed', reason });
  }

  private announce(message: string): void {
    // Emptied first, so that the same sentence twice is said twice.
    this.announcement = '';
    this.host.requestUpdate();
    requestAnimationFrame(() => {
      this.announcement = message;
      this.host.requestUpdate();
    });
  }

  private emit(detail: Omit<BarometreSharedDraftDetail, 'theme' | 'siret'>): void {
    const check = validateSiret(this.host.siretText);
    const full: BarometreSharedDraftDetail = { theme: themeOf(this.host) ?? '', siret: check.ok ? check.value : '', ...detail };
    this.host.dispatchEvent(new CustomEvent('barometre-shared-draft', { detail: full, bubbles: true, composed: true }));
  }

  private focus(id: string): void {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot as ShadowRoot;
      root.getElementById?.(id)?.focus();
    });
  }

  private label(key: string): string {
    const lang = this.lang;
    const { questionId, other } = parseAnswerKey(key);
    const definition = this.host.material?.definition;
    const question = definition ? findQuestion(definition, questionId) : undefined;
    const label = question ? question.label[lang] : key;
    return other ? `${label} ${s(lang, 'other_suffix')}` : label;
  }

  private who(entry: Pick<SharedDraftEntry, 'by'> | undefined): string {
    if (!entry) return '';
    return entry.by.role ? `${entry.by.name} (${entry.by.role})` : entry.by.name;
  }

  private when(at: string): string {
    return new Intl.DateTimeFormat(this.lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(
      new Date(at),
    );
  }

  private async copy(): Promise<void> {
    const lang = this.lang;
    const link = this.link();
    try {
      await navigator.clipboard.writeText(s(lang, 'clipboard', { link, code: this.code ?? '' }));
      this.announce(s(lang, 'copied'));
    } catch {
      const input = (this.host.renderRoot as ShadowRoot).getElementById?.('sharing-link') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      this.announce(s(lang, 'copy_refused'));
    }
  }

  private link(): string {
    const check = validateSiret(this.host.siretText);
    return this.draft && check.ok ? shareLinkOf(this.draft.theme, check.value, this.code ?? '') : '';
  }

  render(): TemplateResult {
    const lang = this.lang;
    return html`<section class="sharing" part="sharing" aria-labelledby="sharing-title">
      <h3 id="sharing-title" tabindex="-1">${s(lang, 'title')}</h3>
      ${this.stage === 'shared' ? this.renderShared() : this.stage === 'closed' ? html`<p>${s(lang, `closed_${this.closedReason ?? 'deleted'}`)}</p>` : this.renderAsk()}
      <p class="sharing-status" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderAsk(): TemplateResult {
    const lang = this.lang;
    const error = this.error;
    const busy = this.stage === 'busy';
    const errorOf = (field: 'name' | 'code') =>
      error?.field === field ? html`<p class="field-error" id=${`sharing-${field}-error`}>${error.message}</p>` : nothing;
    return html`<p>${s(lang, 'intro')}</p>
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.submitAsk();
      }}>
        <fieldset>
          <legend>${s(lang, 'who')}</legend>
          <label for="sharing-name">${s(lang, 'name')}</label>
          <input id="sharing-name" autocomplete="given-name" maxlength="40" .value=${this.name}
            aria-invalid=${error?.field === 'name' ? 'true' : 'false'}
            aria-describedby=${error?.field === 'name' ? 'sharing-name-error' : nothing}
            @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)} />
          ${errorOf('name')}
          <label for="sharing-role">${s(lang, 'role')}</label>
          <input id="sharing-role" autocomplete="organization-title" maxlength="40" .value=${this.role}
            @input=${(event: Event) => (this.role = (event.target as HTMLInputElement).value)} />
        </fieldset>
        ${this.mode === 'open'
          ? html`<label for="sharing-code">${s(lang, 'code')}</label>
              <input id="sharing-code" class="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12"
                .value=${this.codeInput}
                aria-invalid=${error?.field === 'code' ? 'true' : 'false'}
                aria-describedby=${error?.field === 'code' ? 'sharing-code-hint sharing-code-error' : 'sharing-code-hint'}
                @input=${(event: Event) => (this.codeInput = (event.target as HTMLInputElement).value)} />
              <p id="sharing-code-hint">${s(lang, 'code_hint')}</p>
              ${errorOf('code')}`
          : nothing}
        ${error?.field === 'form' ? html`<p class="field-error" role="alert">${error.message}</p>` : nothing}
        <div class="actions">
          <button type="submit" part="button button-primary" class="primary" ?disabled=${busy}>
            ${busy ? s(lang, 'working') : s(lang, this.mode === 'open' ? 'open' : 'create')}
          </button>
        </div>
      </form>`;
  }

  private renderShared(): TemplateResult {
    const lang = this.lang;
    const entries = [...this.entries.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return html`<p>${s(lang, 'shared_intro', { until: this.draft ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(new Date(this.draft.expiresAt)) : '' })}</p>
      <label for="sharing-link">${s(lang, 'link')}</label>
      <input id="sharing-link" readonly .value=${this.link()} />
      <p>${s(lang, 'code_is')} <strong class="code" id="sharing-code-value">${this.code}</strong></p>
      <div class="actions">
        <button type="button" part="button" @click=${() => void this.copy()}>${s(lang, 'copy')}</button>
        <button type="button" part="button" @click=${() => void this.refresh(true)}>${s(lang, 'refresh')}</button>
      </div>
      <h4 id="sharing-changes">${s(lang, 'changes')}</h4>
      ${entries.length === 0
        ? html`<p>${s(lang, 'no_changes')}</p>`
        : html`<ul aria-labelledby="sharing-changes">
            ${entries.map(
              (entry) => html`<li data-key=${entry.key}>
                ${s(lang, 'change_line', { question: this.label(entry.key), who: this.who(entry), when: this.when(entry.at) })}${entry.value === null ? ` (${s(lang, 'cleared')})` : ''}
              </li>`,
            )}
          </ul>`}`;
  }
}

/** Answers without the ones cleared (`Answers` holds none, but a colleague's cleared answer is `null`). */
function withoutNulls(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== null && value !== undefined));
}
