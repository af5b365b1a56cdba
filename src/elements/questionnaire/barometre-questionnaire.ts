import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, answerProblemsOf } from '../../core/api/errors.js';
import type { OutboxEvent } from '../../core/api/outbox.js';
import type { SubmitResult } from '../../core/api/client.js';
import type { DraftRef } from '../../core/api/drafts.js';
import { answerOf, otherTextKey, parseAnswerKey } from '../../core/questionnaire/answers.js';
import { PROBLEM_CODES, type ProblemCode } from '../../core/questionnaire/problems.js';
import { adjacentSectionId, progress } from '../../core/questionnaire/progress.js';
import { findQuestion } from '../../core/questionnaire/question-index.js';
import { visibleSections, type VisibleSection } from '../../core/questionnaire/visibility.js';
import type { ContributionStatus, Role } from '../../core/schema/contribution.js';
import type { Answers, AnswerValue, QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { ConfiguredElement } from '../shared/configured-element.js';
import { baseStyles, tokens } from '../shared/tokens.js';
import { DefinitionError, resolveDefinition } from './definition-source.js';
import { apiClient } from './api-loader.js';
import { clearDrafts, clearReceipt, draftStore, loadReceipt, receiptOf, type QuestionnaireDraft, type Receipt } from './draft.js';
import {
  fire,
  type BarometreDraftSavedDetail,
  type BarometreErrorDetail,
  type BarometreStepDetail,
  type BarometreSubmittedDetail,
  type StepKind,
} from './events.js';
import { FeedbackController } from './feedback/controller.js';
import type { FeedbackRequest } from './feedback/load.js';
import { forgetOwnAnswers, headlineQuestions, keepOwnAnswers, loadOwnAnswers, type OwnAnswers } from './feedback/own-answers.js';
import { feedbackShellStyles, renderFeedback } from './feedback/shell.js';
import { formatDateTime, formatTime } from './format.js';
import { fieldId, focusField, ROLE_FIELD, SIRET_FIELD } from './ids.js';
import type { Lookup } from './lookup.js';
import { t } from './messages.js';
import type { QuestionHandlers, QuestionView } from './question-view.js';
import type { SummaryItem } from './render-parts.js';
import { questionnaireStyles } from './styles.js';
import { submissionOutbox, type SubmissionPayload } from './submissions.js';

type Views = typeof import('./views.js');

/** The steps' drawing and checks, loaded with the first definition (see `views.ts`); set before any step shows. */
let views!: Views;
let viewsLoading: Promise<Views> | undefined;

function loadViews(): Promise<Views> {
  viewsLoading ??= import('./views.js').then(
    (module) => (views = module),
    (error: unknown) => {
      // A chunk that could not be fetched may be asked for again (the retry button).
      viewsLoading = undefined;
      throw error;
    },
  );
  return viewsLoading;
}

/**
 * Step keys. Section ids are machine ids (`[a-z][a-z0-9_]*`), so these cannot clash with one.
 */
const IDENTIFICATION = ':identification';
const REVIEW = ':review';

type Phase = 'form' | 'sending' | 'waiting' | 'confirmation';
type Focus = 'heading' | 'summary' | { field: string };

/**
 * A thematic questionnaire of the Baromètre numérique des collectivités, from identification
 * by SIRET to the confirmation with an edit code. Every change is kept as a draft on the device;
 * a contribution sent without network waits in an outbox and is delivered once, later, even
 * after a reload.
 *
 * @summary Answer one theme of the Baromètre numérique des collectivités.
 * @tag barometre-questionnaire
 *
 * @fires barometre-step - The respondent arrived on a step. `detail: BarometreStepDetail` (`{ step, kind, index, total }`).
 * @fires barometre-draft-saved - The answers were saved on the device. `detail: BarometreDraftSavedDetail` (`{ theme, siret, savedAt }`).
 * @fires barometre-submitted - The contribution reached the server. `detail: BarometreSubmittedDetail` (`{ theme, siret, status, updatedAt, editToken? }`).
 * @fires barometre-error - Something went wrong that the respondent is told about. `detail: BarometreErrorDetail` (`{ code, message }`).
 *
 * @csspart form - The form wrapping every step.
 * @csspart title - The questionnaire's title.
 * @csspart status - The status line (draft saved, waiting for the network, sent), a live region.
 * @csspart progress - Step x of y and the share of questions answered.
 * @csspart step-heading - The heading of the current step; it takes focus on each step change.
 * @csspart error-summary - The list of problems at the top of a step, each linking to its field.
 * @csspart field - A question or identification field (label or legend, help, error, input).
 * @csspart notice - The notice about an existing contribution.
 * @csspart collectivite - The collectivité found for the SIRET.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a step (next, send).
 * @csspart waiting - The panel shown while a contribution waits for the network.
 * @csspart confirmation - The confirmation panel.
 * @csspart edit-code - The edit code on the confirmation.
 * @csspart next-publication - On the confirmation, when the answers will appear in the published results.
 * @csspart feedback - On the confirmation, the key answers beside the shares of similar collectivités, of the département and of France.
 * @csspart feedback-status - The feedback's loading and error messages, a live region.
 * @csspart feedback-table - One key question's table in the feedback.
 * @csspart feedback-publication - The publication the feedback's figures come from, which does not include the answers just sent.
 *
 * @cssprop --barometre-accent - Main colour: primary buttons, links, selected controls. Falls back to DSFR's `--background-action-high-blue-france`, then #1d4f91.
 * @cssprop --barometre-on-accent - Text on the main colour. Default #ffffff.
 * @cssprop --barometre-text - Body text. Falls back to DSFR's `--text-default-grey`, then #1e1e1e.
 * @cssprop --barometre-text-muted - Help text and counts. Falls back to DSFR's `--text-mention-grey`, then #545454.
 * @cssprop --barometre-surface - Background. Falls back to DSFR's `--background-default-grey`, then #ffffff.
 * @cssprop --barometre-surface-alt - Background of notices and the status bar. Default #f4f4f6.
 * @cssprop --barometre-border - Borders of inputs (3:1 contrast at least). Default #6b6b6b.
 * @cssprop --barometre-separator - Decorative lines. Default #d6d6d6.
 * @cssprop --barometre-error - Error messages and marks. Falls back to DSFR's `--text-default-error`, then #b3261e.
 * @cssprop --barometre-success - Confirmation frame. Falls back to DSFR's `--text-default-success`, then #17692f.
 * @cssprop --barometre-warning - Warnings. Default #8a4600.
 * @cssprop --barometre-focus - Keyboard focus ring. Falls back to DSFR's `--focus`, then #0a76f6.
 * @cssprop --barometre-font-family - Font; inherits the page's by default.
 * @cssprop --barometre-radius - Corner radius. Default 0.25rem.
 * @cssprop --barometre-space - Base spacing. Default 1rem.
 */
export class BarometreQuestionnaire extends ConfiguredElement {
  static override styles = [tokens, baseStyles, questionnaireStyles, feedbackShellStyles];

  /** The theme to answer, e.g. `cybersecurite`. Not needed when `definition` is given. */
  @property({ reflect: true }) theme?: string;

  /** The collectivité's SIRET, when the page already knows it (a portal knows its user). */
  @property() siret?: string;

  /** A definition to use instead of the API's or the bundled one. */
  @property({ attribute: false }) definition?: QuestionnaireDefinition;

  /** URL of a JSON definition to use instead of the API's or the bundled one. */
  @property() src?: string;

  @state() private loaded?: QuestionnaireDefinition;
  @state() private loadState: 'loading' | 'ready' | 'error' = 'loading';
  @state() private loadError = '';
  @state() private phase: Phase = 'form';
  @state() private stepKey = IDENTIFICATION;
  @state() private answers: Answers = {};
  @state() private siretText = '';
  @state() private respondentRole?: Role;
  @state() private editCode = '';
  @state() private lookup: Lookup = { state: 'idle' };
  @state() private existing?: ContributionStatus;
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private attempted: ReadonlySet<string> = new Set();
  @state() private badNumbers: ReadonlySet<string> = new Set();
  @state() private serverProblems: Readonly<Record<string, string[]>> = {};
  @state() private submitError = '';
  @state() private status = '';
  @state() private waitingReason = '';
  @state() private receipt?: Receipt;
  /** The answers to the key questions just sent, for the confirmation's comparison. */
  @state() private ownAnswers?: OwnAnswers;

  @query('dialog') private restartDialog?: HTMLDialogElement;

  /** Keys changed by the respondent since they were loaded: leaving them makes their problems show. */
  private dirty = new Set<string>();
  /** Number fields' text as typed, which the stored number cannot give back ("1." or "1e"). */
  private typed = new Map<string, string>();
  private focusAfterRender?: Focus;
  private sourceKey?: string;
  private loadController?: AbortController;
  private lookupController?: AbortController;
  private lookupDone: Promise<void> = Promise.resolve();
  private waitingEntryId?: string;
  private unsubscribe?: () => void;
  /** True while Lit renders: a field removed then loses focus, which says nothing about the respondent. */
  private rendering = false;
  /** The published figures the confirmation sets the key answers beside; loaded only on a confirmation. */
  private readonly feedback = new FeedbackController(this, () => this.feedbackRequest());

  override connectedCallback(): void {
    super.connectedCallback();
    const outbox = submissionOutbox();
    this.unsubscribe = outbox.subscribe(this.onOutboxEvent);
    // A new questionnaire on screen is the moment to deliver what an earlier visit left waiting.
    void outbox.flush({ force: true });
    // Moved in the page while something was under way: take it up again.
    if (this.hasUpdated && this.sourceKey === undefined) this.requestUpdate();
    if (this.loaded && this.lookup.state === 'idle') this.startLookup();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    if (this.loadState === 'loading') {
      this.loadController?.abort();
      this.sourceKey = undefined;
    }
    if (this.lookup.state === 'pending') {
      this.lookupController?.abort();
      this.lookup = { state: 'idle' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = [this.theme, this.src, this.apiBase].join('\u0000');
    if (changed.has('definition') || key !== this.sourceKey) {
      this.sourceKey = key;
      void this.load();
    } else if (changed.has('siret') && this.loaded) {
      // The page names another collectivité: show where that one stands.
      this.restore();
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    this.rendering = true;
    try {
      super.update(changed);
    } finally {
      this.rendering = false;
    }
  }

  protected override updated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === undefined) return;
    const root = this.renderRoot as ShadowRoot;
    // After the update: moving focus makes the field left behind report, which changes state.
    queueMicrotask(() => {
      if (focus === 'heading') root.querySelector<HTMLElement>('[data-step-heading]')?.focus();
      else if (focus === 'summary') root.querySelector<HTMLElement>('[data-error-summary]')?.focus();
      else focusField(root, focus.field);
    });
  }

  // ————————————————————————————————————————— loading and restoring

  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.loadState = 'loading';
    const lang = this.effectiveLang;
    try {
      const [definition] = await Promise.all([
        resolveDefinition({
          definition: this.definition,
          src: this.src,
          api: this.apiBase,
          theme: this.theme,
          lang,
          signal: controller.signal,
        }),
        loadViews(),
      ]);
      if (controller.signal.aborted) return;
      this.loaded = definition;
      this.loadState = 'ready';
      this.restore();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadState = 'error';
      this.loadError = error instanceof Error ? error.message : t(lang, 'unavailable');
      const code = error instanceof DefinitionError ? error.code : 'definition_unavailable';
      fire(this, 'barometre-error', { code, message: this.loadError });
    }
  }

  /** The SIRET the page gave, when it is a valid one. */
  private get givenSiret(): string | undefined {
    const check = views.validateSiret(this.siret);
    return check.ok ? check.value : undefined;
  }

  /** The SIRET typed, when it is a valid one. */
  private get validSiret(): string | undefined {
    const check = views.validateSiret(this.siretText);
    return check.ok ? check.value : undefined;
  }

  /** Puts the element back where the respondent left it: confirmation, waiting contribution, or draft. */
  private restore(): void {
    const definition = this.loaded;
    if (!definition) return;
    const lang = this.effectiveLang;
    this.resetForm();
    const given = this.givenSiret;

    const receipt = loadReceipt(definition.theme);
    if (receipt && (given === undefined || receipt.siret === given)) {
      this.receipt = receipt;
      this.ownAnswers = loadOwnAnswers(definition.theme, receipt.siret);
      this.phase = 'confirmation';
      return;
    }

    const draft = draftStore().load(this.draftRef(given));
    if (draft) {
      this.applyDraft(draft.data);
      this.status = t(lang, 'draft_restored', { date: formatDateTime(lang, draft.savedAt) });
    }
    if (given !== undefined) this.siretText = views.formatSiret(given);

    const known = this.validSiret;
    const waiting = submissionOutbox()
      .entries()
      .find((entry) => entry.payload.theme === definition.theme && (known === undefined || entry.payload.siret === known));
    if (waiting) {
      this.waitingEntryId = waiting.id;
      this.waitingReason = waiting.lastError?.message ?? '';
      this.phase = 'waiting';
      this.status = t(lang, 'waiting_status');
    }

    if (known !== undefined) this.startLookup();
    if (this.phase === 'form') this.announceStep();
  }

  private resetForm(): void {
    this.phase = 'form';
    this.stepKey = IDENTIFICATION;
    this.answers = {};
    this.siretText = '';
    this.respondentRole = undefined;
    this.editCode = '';
    this.lookup = { state: 'idle' };
    this.existing = undefined;
    this.touched = new Set();
    this.attempted = new Set();
    this.badNumbers = new Set();
    this.serverProblems = {};
    this.submitError = '';
    this.status = '';
    this.waitingReason = '';
    this.receipt = undefined;
    this.waitingEntryId = undefined;
    this.dirty.clear();
    this.typed.clear();
  }

  private applyDraft(draft: QuestionnaireDraft): void {
    this.answers = { ...draft.answers };
    this.siretText = views.formatSiret(draft.siret);
    this.respondentRole = draft.role;
    this.editCode = draft.editCode ?? '';
    const steps = this.stepKeys();
    const identified = this.validSiret !== undefined && this.respondentRole !== undefined;
    this.stepKey = identified && steps.includes(draft.step) ? draft.step : IDENTIFICATION;
  }

  private draftRef(siret: string | undefined): DraftRef {
    const definition = this.loaded!;
    return siret === undefined
      ? { theme: definition.theme, version: definition.version }
      : { theme: definition.theme, version: definition.version, siret };
  }

  // ————————————————————————————————————————— drafts

  /**
   * Saves everything typed, at once (a crash one keystroke later must lose nothing): under the
   * SIRET once it is valid, and, unless the page gave the SIRET, under the key of this page's
   * respondent, which is how a reload finds it again.
   */
  private saveDraft({ quiet = false } = {}): void {
    const definition = this.loaded;
    if (!definition || this.phase !== 'form') return;
    const lang = this.effectiveLang;
    const data: QuestionnaireDraft = { siret: this.siretText, answers: this.answers, step: this.stepKey };
    if (this.respondentRole) data.role = this.respondentRole;
    if (this.editCode !== '') data.editCode = this.editCode;
    const siret = this.validSiret;
    const refs: DraftRef[] = [];
    if (siret !== undefined) refs.push(this.draftRef(siret));
    if (this.givenSiret === undefined) refs.push(this.draftRef(undefined));
    let savedAt: string | undefined;
    for (const ref of refs) savedAt = draftStore().save(ref, data)?.savedAt ?? savedAt;
    if (savedAt === undefined) {
      this.status = t(lang, 'draft_unavailable');
      return;
    }
    if (!quiet) this.status = t(lang, 'draft_saved', { time: formatTime(lang, savedAt) });
    fire(this, 'barometre-draft-saved', { theme: definition.theme, siret, savedAt });
  }

  // ————————————————————————————————————————— steps

  private get sections(): VisibleSection[] {
    return this.loaded ? visibleSections(this.loaded, this.answers) : [];
  }

  private stepKeys(): string[] {
    return [IDENTIFICATION, ...this.sections.map((visible) => visible.section.id), REVIEW];
  }

  private stepKind(key: string): StepKind {
    return key === IDENTIFICATION ? 'identification' : key === REVIEW ? 'review' : 'section';
  }

  private announceStep(): void {
    const keys = this.stepKeys();
    const kind = this.stepKind(this.stepKey);
    fire(this, 'barometre-step', {
      step: kind === 'section' ? this.stepKey : kind,
      kind,
      index: Math.max(0, keys.indexOf(this.stepKey)),
      total: keys.length,
    });
  }

  private goTo(stepKey: string, focus: Focus = 'heading'): void {
    this.stepKey = stepKey;
    this.focusAfterRender = focus;
    this.saveDraft();
    this.announceStep();
  }

  private async next(): Promise<void> {
    const definition = this.loaded;
    if (!definition) return;
    const step = this.stepKey;
    this.attempted = new Set([...this.attempted, step]);
    if (step === IDENTIFICATION) {
      await this.lookupDone;
      if (this.stepKey !== step) return;
      if (this.identificationProblems().length > 0) return this.showSummary();
      this.adoptSiretDraft();
      return this.goTo(this.sections[0]?.section.id ?? REVIEW);
    }
    if (step === REVIEW) return this.submit();
    if (this.sectionProblems(step).length > 0) return this.showSummary();
    this.goTo(adjacentSectionId(definition, this.answers, step, 1) ?? REVIEW);
  }

  private back(): void {
    const definition = this.loaded;
    if (!definition) return;
    const step = this.stepKey;
    if (step === REVIEW) return this.goTo(this.sections.at(-1)?.section.id ?? IDENTIFICATION);
    this.goTo(adjacentSectionId(definition, this.answers, step, -1) ?? IDENTIFICATION);
  }

  private showSummary(): void {
    this.focusAfterRender = 'summary';
    this.requestUpdate();
  }

  /**
   * Once a valid SIRET is typed, a draft kept under it (from an earlier visit, perhaps on a
   * portal that gave the SIRET) is taken up if nothing was answered yet in this session.
   */
  private adoptSiretDraft(): boolean {
    const siret = this.validSiret;
    if (siret === undefined || Object.keys(this.answers).length > 0) return false;
    const draft = draftStore().load(this.draftRef(siret));
    if (!draft || Object.keys(draft.data.answers).length === 0) return false;
    const lang = this.effectiveLang;
    this.answers = { ...draft.data.answers };
    this.respondentRole ??= draft.data.role;
    if (this.editCode === '') this.editCode = draft.data.editCode ?? '';
    this.status = t(lang, 'draft_restored', { date: formatDateTime(lang, draft.savedAt) });
    return true;
  }

  // ————————————————————————————————————————— identification

  private readonly onSiretInput = (event: InputEvent) => {
    const input = event.target as HTMLInputElement;
    const before = this.validSiret;
    this.siretText = views.groupSiretInput(input, this.siretText, event);
    this.dirty.add(SIRET_FIELD);
    // Before anything is saved under this SIRET, which would hide a draft already kept there.
    const adopted = this.validSiret !== before && this.adoptSiretDraft();
    this.startLookup();
    // Saved quietly after a take-up: "draft restored" is the news worth reading.
    this.saveDraft({ quiet: adopted });
  };

  private readonly onSiretLeave = () => this.leave(SIRET_FIELD);

  private readonly onRole = (role: Role) => {
    this.respondentRole = role;
    this.dirty.add(ROLE_FIELD);
    this.saveDraft();
  };

  private readonly onEditCode = (code: string) => {
    this.editCode = code;
    this.saveDraft();
  };

  /** Asks the API who the typed SIRET belongs to, and whether it already answered, as soon as the SIRET is valid. */
  private startLookup(): void {
    const siret = this.validSiret;
    if (siret === undefined) {
      this.lookupController?.abort();
      this.lookup = { state: 'idle' };
      this.existing = undefined;
      this.lookupDone = Promise.resolve();
      return;
    }
    if (this.lookup.state !== 'idle' && this.lookup.siret === siret) return;
    this.lookupController?.abort();
    this.existing = undefined;
    const api = this.apiBase;
    const definition = this.loaded;
    if (!api || !definition) {
      this.lookup = { state: 'unverified', siret };
      this.lookupDone = Promise.resolve();
      return;
    }
    const controller = new AbortController();
    this.lookupController = controller;
    this.lookup = { state: 'pending', siret };
    const lang = this.effectiveLang;
    const signal = controller.signal;
    this.lookupDone = (async () => {
      const client = await apiClient({ baseUrl: api, lang });
      try {
        const collectivite = await client.collectivite(siret, { signal });
        if (signal.aborted) return;
        this.lookup = { state: 'found', siret, collectivite };
      } catch (error) {
        if (signal.aborted) return;
        const refused = error instanceof ApiError && (error.status === 404 || error.status === 400);
        this.lookup = refused
          ? { state: 'unknown', siret, message: error.message || t(this.effectiveLang, 'siret_unknown') }
          : { state: 'unverified', siret };
        return;
      }
      try {
        const existing = await client.contributionStatus(siret, definition.theme, { signal });
        if (!signal.aborted) this.existing = existing;
      } catch {
        // Not knowing about an earlier contribution only loses a warning: the server still keeps it safe.
      }
    })();
  }

  private identificationProblems(): SummaryItem[] {
    const lang = this.effectiveLang;
    const problems: SummaryItem[] = [];
    const check = views.validateSiret(this.siretText, lang);
    const siretLabel = t(lang, 'siret_label');
    if (!check.ok) problems.push({ target: SIRET_FIELD, label: siretLabel, message: check.message });
    else if (this.lookup.state === 'unknown' && this.lookup.siret === check.value) {
      problems.push({ target: SIRET_FIELD, label: siretLabel, message: this.lookup.message });
    }
    if (!this.respondentRole) problems.push({ target: ROLE_FIELD, label: t(lang, 'role_legend'), message: t(lang, 'role_required') });
    return problems;
  }

  // ————————————————————————————————————————— answers

  private readonly handlers: QuestionHandlers = {
    answer: (key, value, raw) => this.setAnswer(key, value, raw),
    leave: (key) => this.leave(key),
    badNumber: (questionId, bad) => {
      if (bad === this.badNumbers.has(questionId)) return;
      const next = new Set(this.badNumbers);
      if (bad) next.add(questionId);
      else next.delete(questionId);
      this.badNumbers = next;
    },
  };

  private setAnswer(key: string, value: AnswerValue | undefined, raw?: string): void {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[key];
    else answers[key] = value;
    this.answers = answers;
    if (raw === undefined) this.typed.delete(key);
    else this.typed.set(key, raw);
    this.dirty.add(key);
    const { questionId } = parseAnswerKey(key);
    // A choice is a complete gesture: its problems may show at once. Typed fields wait for the respondent to leave.
    const question = this.loaded ? findQuestion(this.loaded, questionId) : undefined;
    const typedField = key !== questionId || question?.kind === 'number' || question?.kind === 'text';
    if (!typedField) this.touched = new Set([...this.touched, key]);
    if (this.serverProblems[key]) {
      const rest = { ...this.serverProblems };
      delete rest[key];
      this.serverProblems = rest;
    }
    this.saveDraft();
  }

  /** Focus left a field: its problems show from now on, if the respondent changed it (merely passing through shows nothing). */
  private leave(key: string): void {
    if (this.rendering || !this.dirty.has(key) || this.touched.has(key)) return;
    this.touched = new Set([...this.touched, key]);
  }

  /** Problems of every visible question of a section, keyed by the field they concern, in order. */
  private sectionProblems(sectionId: string): Array<{ key: string; label: string; messages: string[] }> {
    const definition = this.loaded;
    if (!definition) return [];
    const lang = this.effectiveLang;
    const visible = this.sections.find((candidate) => candidate.section.id === sectionId);
    if (!visible) return [];
    const found = new Map<string, string[]>();
    const add = (key: string, message: string) => found.set(key, [...(found.get(key) ?? []), message]);
    const engine = views.validateSection(definition, this.answers, sectionId);
    for (const question of visible.questions) {
      if (this.badNumbers.has(question.id)) add(question.id, views.problemMessage({ questionId: question.id, code: 'type' }, lang, question));
      else {
        for (const problem of engine.filter((candidate) => candidate.questionId === question.id && !candidate.other)) {
          add(question.id, views.problemMessage(problem, lang, question));
        }
      }
      for (const problem of engine.filter((candidate) => candidate.questionId === question.id && candidate.other)) {
        add(otherTextKey(question.id), views.problemMessage(problem, lang, question));
      }
      for (const key of [question.id, otherTextKey(question.id)]) {
        if (!found.has(key)) for (const message of this.serverProblems[key] ?? []) add(key, message);
      }
    }
    return [...found].map(([key, messages]) => {
      const question = visible.questions.find((candidate) => candidate.id === parseAnswerKey(key).questionId);
      return { key, label: question?.label[lang] ?? key, messages };
    });
  }

  private shows(key: string): boolean {
    return this.attempted.has(this.stepKey) || this.touched.has(key) || this.serverProblems[key] !== undefined;
  }

  private questionView(question: VisibleSection['questions'][number], problems: Map<string, string[]>): QuestionView {
    return {
      lang: this.effectiveLang,
      question,
      value: (key) => answerOf(this.answers, key),
      text: (key) => {
        const typed = this.typed.get(key);
        if (typed !== undefined) return typed;
        const value = answerOf(this.answers, key);
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      },
      errors: (key) => (this.shows(key) ? (problems.get(key) ?? []) : []),
      handlers: this.handlers,
    };
  }

  // ————————————————————————————————————————— submitting

  private submit(): void {
    const definition = this.loaded;
    if (!definition) return;
    const lang = this.effectiveLang;
    // A restored draft or a server refusal may have left something to fix on an earlier step.
    if (this.identificationProblems().length > 0) {
      this.attempted = new Set([...this.attempted, IDENTIFICATION]);
      return this.goTo(IDENTIFICATION, 'summary');
    }
    for (const { section } of this.sections) {
      if (this.sectionProblems(section.id).length > 0) {
        this.attempted = new Set([...this.attempted, section.id]);
        return this.goTo(section.id, 'summary');
      }
    }
    const api = this.apiBase;
    if (!api) {
      this.submitError = t(lang, 'no_api');
      fire(this, 'barometre-error', { code: 'no_api', message: this.submitError });
      return this.showSummary();
    }
    const payload: SubmissionPayload = {
      api,
      lang,
      siret: this.validSiret!,
      theme: definition.theme,
      submission: { role: this.respondentRole!, version: definition.version, answers: views.normalizeAnswers(definition, this.answers) },
    };
    const editToken = this.editCode.trim();
    if (editToken !== '') payload.editToken = editToken;
    this.submitError = '';
    this.waitingReason = '';
    this.phase = 'sending';
    this.status = t(lang, 'sending');
    this.focusAfterRender = 'heading';
    // Kept now, not on delivery: a delivery may happen from the outbox while no questionnaire listens.
    this.ownAnswers = keepOwnAnswers(definition, payload.siret, payload.submission.answers);
    this.waitingEntryId = submissionOutbox().enqueue(payload).id;
  }

  private readonly onOutboxEvent = (event: OutboxEvent<SubmissionPayload, SubmitResult>) => {
    if (event.entry.id !== this.waitingEntryId) return;
    const lang = this.effectiveLang;
    switch (event.type) {
      case 'waiting':
        if (this.phase !== 'waiting') this.focusAfterRender = 'heading';
        this.phase = 'waiting';
        this.waitingReason = event.entry.lastError?.message ?? '';
        this.status = t(lang, 'waiting_status');
        break;
      case 'delivered': {
        const receipt = receiptOf(event.entry.payload, event.response, new Date().toISOString());
        this.resetForm();
        this.receipt = receipt;
        this.settleOwnAnswers(receipt, event.entry.payload.submission.answers);
        this.phase = 'confirmation';
        this.status = t(lang, 'sent_status');
        this.focusAfterRender = 'heading';
        const detail = { theme: receipt.theme, siret: receipt.siret, status: receipt.status, updatedAt: receipt.updatedAt };
        fire(this, 'barometre-submitted', receipt.editToken ? { ...detail, editToken: receipt.editToken } : detail);
        break;
      }
      case 'failed':
        this.waitingEntryId = undefined;
        this.phase = 'form';
        this.onRefused(event.error);
        break;
      default:
        break;
    }
  };

  /** A definitive refusal: answers the server rejected go back to their fields; anything else is said on the review page. */
  private onRefused(error: unknown): void {
    const lang = this.effectiveLang;
    const problems = answerProblemsOf(error);
    const code = error instanceof ApiError ? error.code : 'submit_failed';
    if (problems.length > 0 && this.loaded) {
      const byKey: Record<string, string[]> = {};
      for (const problem of problems) {
        const question = findQuestion(this.loaded, problem.questionId);
        const key = problem.other || problem.code.startsWith('other_') ? otherTextKey(problem.questionId) : problem.questionId;
        const known = (PROBLEM_CODES as readonly string[]).includes(problem.code);
        const message =
          problem.message ||
          (known ? views.problemMessage({ questionId: problem.questionId, code: problem.code as ProblemCode, ...(problem.other ? { other: true } : {}) }, lang, question) : '') ||
          t(lang, 'submit_refused');
        byKey[key] = [...(byKey[key] ?? []), message];
      }
      this.serverProblems = byKey;
      const first = this.sections.find(({ questions }) =>
        questions.some((question) => byKey[question.id] || byKey[otherTextKey(question.id)]),
      );
      this.status = t(lang, 'invalid_answers');
      fire(this, 'barometre-error', { code, message: t(lang, 'invalid_answers') });
      if (first) {
        this.attempted = new Set([...this.attempted, first.section.id]);
        return this.goTo(first.section.id, 'summary');
      }
    }
    this.submitError = error instanceof Error && error.message ? error.message : t(lang, 'submit_refused');
    this.status = t(lang, 'submit_refused');
    if (problems.length === 0) fire(this, 'barometre-error', { code, message: this.submitError });
    this.stepKey = REVIEW;
    this.showSummary();
  }

  private readonly onRetry = () => void submissionOutbox().flush({ force: true });

  /**
   * A delivered contribution's key answers are kept for its confirmation, taken from what was
   * actually sent; one set aside for review is not compared (it is not counted in any figure).
   */
  private settleOwnAnswers(receipt: Receipt, answers: Answers): void {
    const definition = this.loaded;
    if (!definition || definition.theme !== receipt.theme) return;
    if (receipt.status === 'pending') {
      forgetOwnAnswers(receipt.theme);
      this.ownAnswers = undefined;
    } else {
      this.ownAnswers = keepOwnAnswers(definition, receipt.siret, answers);
    }
  }

  /**
   * The comparison shows on a confirmed contribution only: with an API to ask, a recorded (not
   * set-aside) contribution, and key questions in the theme.
   */
  private feedbackRequest(): (FeedbackRequest & { receiptAt: string }) | undefined {
    const { receipt, loaded: definition } = this;
    const api = this.apiBase;
    if (this.phase !== 'confirmation' || !receipt || !definition || !api) return undefined;
    if (receipt.status === 'pending' || receipt.theme !== definition.theme) return undefined;
    if (headlineQuestions(definition).length === 0) return undefined;
    return {
      api,
      definition,
      siret: receipt.siret,
      ponderation: this.effectivePonderation,
      lang: this.effectiveLang,
      receiptAt: receipt.updatedAt,
    };
  }

  private readonly onAnswerAgain = () => {
    const editToken = this.receipt?.editToken;
    if (this.loaded) {
      clearReceipt(this.loaded.theme);
      forgetOwnAnswers(this.loaded.theme);
    }
    this.restore();
    // The code just received is the one a new answer needs to replace the contribution.
    if (editToken) this.editCode = editToken;
    this.focusAfterRender = 'heading';
  };

  private readonly onCopy = async (code: string, event: Event) => {
    const lang = this.effectiveLang;
    try {
      await navigator.clipboard.writeText(code);
      this.status = t(lang, 'copied');
    } catch {
      // Without clipboard access, select the code so that one keystroke copies it.
      const codeElement = (event.target as HTMLElement).closest('.code-row')?.querySelector('.code');
      const selection = getSelection();
      if (codeElement && selection) selection.selectAllChildren(codeElement);
      this.status = t(lang, 'copy_failed');
    }
  };

  // ————————————————————————————————————————— starting again

  private readonly askRestart = () => this.restartDialog?.showModal();

  private readonly closeRestart = () => this.restartDialog?.close();

  private readonly confirmRestart = () => {
    const definition = this.loaded;
    this.restartDialog?.close();
    if (!definition) return;
    const siret = this.validSiret;
    if (siret !== undefined) clearDrafts(this.draftRef(siret));
    draftStore().clear(this.draftRef(undefined));
    this.lookupController?.abort();
    this.resetForm();
    if (this.givenSiret !== undefined) {
      this.siretText = views.formatSiret(this.givenSiret);
      this.startLookup();
    }
    this.status = t(this.effectiveLang, 'started_again');
    this.focusAfterRender = 'heading';
    this.announceStep();
  };

  // ————————————————————————————————————————— rendering

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const definition = this.loaded;
    if (this.loadState === 'error' || (!definition && this.loadState !== 'loading')) {
      return html`<div class="questionnaire" part="form" lang=${lang}>
        <p class="error" role="alert">${t(lang, 'unavailable')} ${this.loadError}</p>
        <div class="actions">
          <button type="button" part="button" @click=${() => void this.load()}>${t(lang, 'retry')}</button>
        </div>
      </div>`;
    }
    if (!definition || this.loadState === 'loading') {
      return html`<div class="questionnaire" part="form" lang=${lang}><p role="status">${t(lang, 'loading')}</p></div>`;
    }
    return html`<div class="questionnaire" lang=${lang}>
      <header>
        <h2 part="title">${definition.title[lang]}</h2>
        ${definition.description ? html`<p>${definition.description[lang]}</p>` : nothing}
        <p class="estimate">${t(lang, 'estimated', { minutes: definition.estimatedMinutes })}</p>
      </header>
      <div class="toolbar">
        <p class="status" part="status" role="status">${this.status}</p>
        ${this.phase === 'form'
          ? html`<button type="button" part="button" class="link" @click=${this.askRestart}>${t(lang, 'start_again')}</button>`
          : nothing}
      </div>
      ${this.renderPhase()}
      <dialog aria-labelledby="restart-title" aria-describedby="restart-detail">
        <h3 id="restart-title">${t(lang, 'start_again_question')}</h3>
        <p id="restart-detail">${t(lang, 'start_again_detail')}</p>
        <div class="actions">
          <button type="button" part="button" @click=${this.closeRestart}>${t(lang, 'cancel')}</button>
          <button type="button" part="button button-primary" class="primary" @click=${this.confirmRestart}>
            ${t(lang, 'start_again_confirm')}
          </button>
        </div>
      </dialog>
    </div>`;
  }

  private renderPhase(): TemplateResult {
    const lang = this.effectiveLang;
    switch (this.phase) {
      case 'confirmation':
        return views.renderConfirmation({
          lang,
          receipt: this.receipt!,
          onCopy: this.onCopy,
          onAnswerAgain: this.onAnswerAgain,
          nextPublication: this.feedback.nextPublication,
          feedback: this.renderFeedback(),
        });
      case 'sending':
      case 'waiting':
        return views.renderWaiting({ lang, sending: this.phase === 'sending', reason: this.waitingReason, onRetry: this.onRetry });
      default:
        return this.renderForm();
    }
  }

  /** The feedback's frame at once; its body once its code has loaded (it loads with the figures). */
  private renderFeedback(): TemplateResult | typeof nothing {
    const { state, module } = this.feedback;
    const lang = this.effectiveLang;
    const own = this.ownAnswers?.siret === this.receipt!.siret ? this.ownAnswers : undefined;
    return renderFeedback({
      lang,
      state,
      body: module?.renderFeedbackBody({ lang, state, definition: this.loaded!, own }),
      onRetry: () => this.feedback.retry(),
    });
  }

  private renderForm(): TemplateResult {
    const lang = this.effectiveLang;
    const definition = this.loaded!;
    const keys = this.stepKeys();
    const index = Math.max(0, keys.indexOf(this.stepKey));
    const step = this.stepKey;
    let title: string;
    let summary: SummaryItem[] = [];
    let body: TemplateResult;
    if (step === IDENTIFICATION) {
      title = t(lang, 'identification_title');
      const problems = this.identificationProblems();
      const siretProblem = problems.find((problem) => problem.target === SIRET_FIELD);
      // A collectivité unknown to the API is known only for a complete SIRET, so it shows at once.
      const lookupRefusal = this.lookup.state === 'unknown' && siretProblem?.message === this.lookup.message;
      const siretErrors = siretProblem && (this.shows(SIRET_FIELD) || lookupRefusal) ? [siretProblem.message] : [];
      const roleProblem = problems.find((problem) => problem.target === ROLE_FIELD);
      const roleErrors = roleProblem && this.attempted.has(step) ? [roleProblem.message] : [];
      summary = this.attempted.has(step) ? problems : [];
      body = views.renderIdentification({
        lang,
        siretText: this.siretText,
        siretErrors,
        lookup: this.lookup,
        role: this.respondentRole,
        roleErrors,
        existing: this.existing,
        editCode: this.editCode,
        onSiretInput: this.onSiretInput,
        onSiretLeave: this.onSiretLeave,
        onRole: this.onRole,
        onEditCode: this.onEditCode,
      });
    } else if (step === REVIEW) {
      title = t(lang, 'review_title');
      summary = this.submitError ? [{ target: 'review-submit', label: t(lang, 'submit_refused'), message: this.submitError }] : [];
      body = views.renderReview(
        {
          lang,
          sections: this.sections,
          answers: this.answers,
          siretText: this.siretText,
          collectivite: this.lookup.state === 'found' ? this.lookup.collectivite : undefined,
          role: this.respondentRole,
          onEdit: (target, field) => this.goTo(target === IDENTIFICATION ? IDENTIFICATION : target, { field }),
        },
        IDENTIFICATION,
      );
    } else {
      const visible = this.sections.find((candidate) => candidate.section.id === step);
      title = visible?.section.title[lang] ?? '';
      const problems = this.sectionProblems(step);
      const byKey = new Map(problems.map((problem) => [problem.key, problem.messages]));
      if (this.attempted.has(step) || Object.keys(this.serverProblems).length > 0) {
        summary = problems
          .filter((problem) => this.shows(problem.key))
          .map((problem) => ({ target: fieldId(problem.key), label: problem.label, message: problem.messages.join(' ') }));
      }
      body = html`${visible?.section.description ? html`<p class="intro">${visible.section.description[lang]}</p>` : nothing}
      ${(visible?.questions ?? []).map((question) => views.renderQuestion(this.questionView(question, byKey)))}`;
    }
    const answered = progress(definition, this.answers);
    const primary = step === REVIEW ? t(lang, 'submit') : keys[index + 1] === REVIEW ? t(lang, 'to_review') : t(lang, 'next');
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${views.renderProgress(lang, { index, total: keys.length }, answered)}
      <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${title}</h3>
      ${views.renderErrorSummary(lang, summary)}
      <div class="step">${body}</div>
      <div class="actions">
        ${step !== IDENTIFICATION
          ? html`<button type="button" part="button" @click=${() => this.back()}>${t(lang, 'previous')}</button>`
          : nothing}
        <button type="submit" part="button button-primary" class="primary" id=${step === REVIEW ? 'review-submit' : nothing}>
          ${primary}
        </button>
      </div>
    </form>`;
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.next();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-questionnaire': BarometreQuestionnaire;
  }
  interface HTMLElementEventMap {
    'barometre-step': CustomEvent<BarometreStepDetail>;
    'barometre-draft-saved': CustomEvent<BarometreDraftSavedDetail>;
    'barometre-submitted': CustomEvent<BarometreSubmittedDetail>;
    'barometre-error': CustomEvent<BarometreErrorDetail>;
  }
}
