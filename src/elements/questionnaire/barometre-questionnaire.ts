import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { attestationClaims } from '../../core/api/attestation-claims.js';
import { browserStorage } from '../../core/api/storage.js';
import type { OutboxEvent } from '../../core/api/outbox.js';
import type { SubmitResult } from '../../core/api/client.js';
import {
  attemptedStep,
  changedField,
  freshInteraction,
  leftField,
  showsErrors,
  wasAttempted,
  type FieldInteraction,
} from '../../core/questionnaire/field-errors.js';
import type { CollectiviteProfile } from '../../core/questionnaire/conditions.js';
import type { RefusedFields } from '../../core/questionnaire/server-problems.js';
import {
  IDENTIFICATION_STEP,
  REVIEW_STEP,
  formAt,
  isForm,
  isLoaded,
  stepOf,
  type FormSession,
  type LoadedSession,
  type QuestionnaireSession,
} from '../../core/questionnaire/session.js';
import type { VisibleSection } from '../../core/questionnaire/visibility.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers, AnswerValue, QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { formatSiret, validateSiret } from '../../core/siret.js';
import { BarometreElement } from '../shared/barometre-element.js';
import { afterPaint } from '../shared/after-paint.js';
import { lazy } from '../shared/lazy.js';
import { ponderationIn, type Ponderation } from '../shared/config-context.js';
import { baseStyles, tokens } from '../shared/tokens.js';
import { DefinitionError, requestDefinition, resolveDefinition } from './definition-source.js';
import { themeTitles } from '../../questionnaires/theme-titles.js';
import type { QuestionnaireDraft, Receipt } from './draft.js';
import {
  type BarometreAttestationExpiredDetail,
  type BarometreDraftSavedDetail,
  type BarometreErrorDetail,
  type BarometreStepDetail,
  type BarometreSubmittedDetail,
} from './events.js';
import type { FeedbackController } from './feedback/controller.js';
import type { FeedbackRequest } from './feedback/load.js';
import type { OwnAnswers } from './feedback/own-answers.js';
import { formatDateTime, formatTime } from './format.js';
import { fieldId, focusField, ROLE_FIELD, SIRET_FIELD } from './ids.js';
import type { VerificationController } from './verification/controller.js';
import type { PreviousAnswersController } from './previous/controller.js';
import { opensElsewhere } from './kept.js';
import { triedWith, wasShownAtTry, type AttemptedFields } from './attempted-fields.js';
import { LookupController } from './lookup-controller.js';
import { refusesThisPage } from './refused-apis.js';
import { whyUnreachable } from './unreachable.js';
import type { DraftNotice } from './draft-notice.js';
import { loadEnglish, t } from './messages.js';
import type { QuestionHandlers, QuestionView } from './question-view.js';
import { renderIdentification } from './render-identification.js';
import { renderErrorSummary, type SummaryItem } from './render-parts.js';
import { groupSiretInput } from './siret-input.js';
import { questionnaireStyles } from './styles.js';
import { takeProConnectReturn } from './proconnect-return.js';
import { typeset } from '../../core/i18n/typography.js';
import { SubmissionController } from './submission-controller.js';
import type { SubmissionPayload } from './submissions.js';

type Views = typeof import('./views.js');

/**
 * The steps' drawing and checks, and the rules that walk the definition, loaded with the first
 * definition (see `views.ts`): the element's own chunk holds only its frame. A chunk that could
 * not be fetched may be asked for again (the retry button).
 */
const loadViews: () => Promise<Views> = lazy(() => import('./views.js'));

/** What must be there before any step shows: the definition, and the code that draws and checks its steps. */
interface Material {
  readonly definition: QuestionnaireDefinition;
  readonly views: Views;
}

type Session = QuestionnaireSession<Material, Receipt>;
type Form = FormSession<Material, Receipt>;
type Focus = 'heading' | 'summary' | { field: string };

/** The SIRET in a text, when it is a valid one. */
function validSiretIn(text: string | undefined): string | undefined {
  const check = validateSiret(text);
  return check.ok ? check.value : undefined;
}

/**
 * A thematic questionnaire of the Baromètre numérique des collectivités, from identification
 * by SIRET to the confirmation with an edit code. Every change is kept as a draft on the device;
 * a contribution sent without network waits in an outbox and is delivered once, later, even
 * after a reload. A portal that knows its user passes a signed `attestation`, and the
 * contribution is verified; where the server offers it, agents may sign in with ProConnect.
 *
 * @summary Answer one theme of the Baromètre numérique des collectivités.
 * @tag barometre-questionnaire
 *
 * @fires barometre-step - The respondent arrived on another step; not fired again while they stay on one (a "next" refused for a problem, starting again on the first step). `detail: BarometreStepDetail` (`{ step, kind, index, total }`).
 * @fires barometre-draft-saved - The answers were saved on the device. Every change is written at once, but said once the changes pause (about a second) or the step changes, never on each keystroke. `detail: BarometreDraftSavedDetail` (`{ theme, siret, savedAt }`).
 * @fires barometre-submitted - The contribution reached the server. `detail: BarometreSubmittedDetail` (`{ theme, siret, status, updatedAt, editToken? }`).
 * @fires barometre-error - Something went wrong that the respondent is told about. `detail: BarometreErrorDetail` (`{ code, message }`).
 * @fires barometre-attestation-expired - The `attestation` can no longer serve (it expired while the contribution waited, or was already used): set a fresh one on the element, and the answers, kept meanwhile, are sent again. `detail: BarometreAttestationExpiredDetail` (`{ theme, siret, code }`).
 * @fires barometre-shared-draft - "Partager avec un collègue": the respondent shared their draft (`shared`) or opened a colleague's (`opened`), colleagues' changes were taken in (`changed`, with their `keys`), the respondent's changes took the place of colleagues' answers they had not seen, the last change winning (`replaced`, with their `keys`), or the shared draft was sent, deleted or expired (`closed`, with its `reason`). `detail: BarometreSharedDraftDetail` (`{ theme, siret, kind, keys?, reason? }`).
 *
 * @csspart form - The form wrapping every step.
 * @csspart title - The questionnaire's title.
 * @csspart status - The status line (draft saved, waiting for the network, sent), a live region.
 * @csspart wave-notice - Outside a wave, what shows instead of the form: when the theme opens, or that it has closed.
 * @csspart progress - Step x of y and the share of questions answered.
 * @csspart sharing - The "Répondre à plusieurs" panel of a shared draft (loaded when used).
 * @csspart step-heading - The heading of the current step; it takes focus on each step change.
 * @csspart error-summary - The list of problems at the top of a step, each linking to its field.
 * @csspart field - A question or identification field (label or legend, help, error, input).
 * @csspart notice - The notice about an existing contribution.
 * @csspart previous - The offer to take up the collectivité's answers to the previous edition (loaded with the steps).
 * @csspart question-change - Beside a question's label, once the previous edition's answers were taken up: "Nouvelle question" or "Question modifiée depuis l'édition 2025".
 * @csspart collectivite - The collectivité found for the SIRET.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a step (next, send).
 * @csspart waiting - The panel shown while a contribution waits for the network.
 * @csspart confirmation - The confirmation panel.
 * @csspart edit-code - The edit code on the confirmation, in groups of four characters.
 * @csspart verification - On the confirmation, who vouched for a verified contribution.
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
export class BarometreQuestionnaire extends BarometreElement {
  static override styles = [tokens, baseStyles, questionnaireStyles];

  /** The theme to answer, e.g. `cybersecurite`. Not needed when `definition` is given. */
  @property({ reflect: true }) theme?: string;

  /** The collectivité's SIRET, when the page already knows it (a portal knows its user). */
  @property() siret?: string;

  /**
   * A short-lived attestation (a JWT) the portal's back end signed for its user: the contribution
   * is then verified in the portal's name. The SIRET it names is the one answered for (shown,
   * read-only); each serves for one submission and at most 15 minutes, so set a fresh one when
   * `barometre-attestation-expired` fires. Coming back from ProConnect sets it too.
   */
  @property() attestation?: string;

  /**
   * Lets this device keep the edit code received, in the page's `localStorage` (with the
   * confirmation and drafts). Off by default: anyone using the device later — a shared computer
   * in a town hall or a library — could read the code and replace the answers. Only for a page
   * whose users each have their own device and session.
   */
  @property({ type: Boolean, attribute: 'keep-edit-code' }) keepEditCode = false;

  /**
   * Weighting of the published figures the confirmation compares the answers with: `brute`
   * (raw shares) or `redressee` (weighted); inherited from the provider, then `brute`.
   */
  @property() ponderation?: Ponderation;

  /** A definition to use instead of the API's or the bundled one. */
  @property({ attribute: false }) definition?: QuestionnaireDefinition;

  /** URL of a JSON definition to use instead of the API's or the bundled one. */
  @property() src?: string;

  /** Where the respondent stands: each phase holds what is true in it (see `core/questionnaire/session.ts`). */
  @state() private session: Session = { phase: 'loading' };
  @state() private answers: Answers = {};
  @state() private siretText = '';
  @state() private respondentRole?: Role;
  @state() private editCode = '';
  /** What the respondent did to each field and step, which decides when problems show. */
  @state() private interaction: FieldInteraction = freshInteraction();
  /** The fields on screen when each section was last tried: only their problems show for the try. */
  @state() private triedFields: AttemptedFields = new Map();
  @state() private badNumbers: ReadonlySet<string> = new Set();
  /** What the element last did to an answer on its own (an exclusive answer unticked the others), said beside it. */
  @state() private choiceNote?: { key: string; message: string };
  /** Answers the server refused, by field, until the respondent changes them. */
  @state() private refused: RefusedFields = {};
  @state() private submitError = '';
  @state() private status = '';
  /** The answers to the key questions just sent, for the confirmation's comparison. */
  @state() private ownAnswers?: OwnAnswers;
  /**
   * The identification step shows while the definition loads: it needs nothing of it, and its
   * code is the element's own, so a first visit can type its SIRET at once.
   */
  @state() private early = false;
  /**
   * Outside a wave, what is shown instead of the form: when the theme opens, or that it closed
   * (see `wave-check.ts`); nothing can be typed then.
   */
  @state() private waveNotice?: (lang: Lang) => TemplateResult;
  /** Why signing in with ProConnect did not succeed, as the way back said. */
  private signInError?: string;

  @query('dialog') private restartDialog?: HTMLDialogElement;

  /** Number fields' text as typed, which the stored number cannot give back ("1." or "1e"). */
  private typed = new Map<string, string>();
  private focusAfterRender?: Focus;
  /** Something was typed or chosen on the early identification step: the draft is saved once it can be. */
  private changedEarly = false;
  /** "Next" was pressed on the early identification step: the form moves on once the definition is here. */
  private nextOnceLoaded = false;
  private earlyTheme?: string;
  private sourceKey?: string;
  private loadController?: AbortController;
  /** True while Lit renders: a field removed then loses focus, which says nothing about the respondent. */
  private rendering = false;
  /** The last visible sections, with the definition and answers they come from (both replaced, never changed in place). */
  private visible?: { definition: QuestionnaireDefinition; answers: Answers; collectivite?: CollectiviteProfile; sections: VisibleSection[] };
  /** The step `barometre-step` last announced: it fires again only for another. */
  private announcedStep?: string;
  /** Who the typed SIRET belongs to, and whether it already answered. */
  private readonly lookups = new LookupController(this);
  /** The page's outbox of contributions, as this element sees it. */
  private readonly submissions = new SubmissionController(this, (event) => this.onOutboxEvent(event));
  /**
   * The published figures the confirmation sets the key answers beside; loaded only on a
   * confirmation. Its code comes with the views, so it is made once they are here.
   */
  private feedback?: FeedbackController;
  /** What the server offers and what it refused of who may answer; its code comes with the views. */
  private verification?: VerificationController;
  /** The previous edition's answers to start from, and the questions changed since; its code comes with the views. */
  private previous?: PreviousAnswersController;

  override connectedCallback(): void {
    // The controllers subscribe to the outbox, and deliver what an earlier visit left waiting.
    super.connectedCallback();
    const back = takeProConnectReturn();
    if (back?.token) this.attestation = back.token;
    this.signInError = back?.error;
    // Moved in the page while something was under way: take it up again.
    if (this.hasUpdated && this.sourceKey === undefined) this.requestUpdate();
    if (isLoaded(this.session) && this.lookups.lookup.state === 'idle') this.startLookup(this.session.material.definition.theme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.draftNotice?.flush();
    if (this.session.phase === 'loading') {
      this.loadController?.abort();
      this.sourceKey = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Made before the controllers update, so it reads this update's confirmation.
    if (!this.feedback && isLoaded(this.session)) {
      const { views } = this.session.material;
      this.feedback = new views.FeedbackController(this, () => this.feedbackRequest());
      this.verification = new views.VerificationController(this, () => ({ api: this.apiBase, lang: this.effectiveLang }));
      this.previous = new views.PreviousAnswersController(this, () => {
        const siret = validSiretIn(this.siretText);
        return {
          api: this.apiBase,
          lang: this.effectiveLang,
          theme: this.material?.definition.theme,
          siret,
          status: this.lookups.existing,
          attestation: siret !== undefined && this.attested().siret === siret ? this.attestation : undefined,
          carry: (answers) => {
            this.answers = { ...answers, ...this.answers };
            this.saveDraft({ quiet: true });
          },
        };
      });
    }
    const key = [this.theme, this.src, this.apiBase].join('\u0000');
    const attested = changed.has('attestation') && attestationClaims(changed.get('attestation')).siret !== this.attested().siret;
    if (changed.has('definition') || key !== this.sourceKey) {
      this.sourceKey = key;
      void this.load();
    } else if ((changed.has('siret') || attested) && isLoaded(this.session)) {
      // The page names another collectivité: show where that one stands.
      this.restore(this.session.material);
    } else if ((changed.has('siret') || attested) && this.early) {
      // Named while the identification step shows ahead of its definition (a portal's attestation
      // often comes a moment after the element): the step takes it at once, locked when attested.
      this.fillGiven();
    } else if (changed.has('attestation') && this.session.phase === 'reviewing' && this.verification?.takeFresh()) {
      // The fresh attestation the answers waited for: they go again.
      void this.next();
    }
  }

  /** An English page waits for the English words (see `messages.ts`) before anything is drawn. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.effectiveLang !== 'en') return super.scheduleUpdate();
    return loadEnglish().then(
      () => super.scheduleUpdate(),
      () => super.scheduleUpdate(),
    );
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
    this.session = { phase: 'loading' };
    // Another questionnaire: its first step is an arrival, whichever it is.
    this.announcedStep = undefined;
    this.startEarly();
    void this.checkWave(controller.signal);
    const lang = this.effectiveLang;
    const sources = { definition: this.definition, src: this.src, api: this.apiBase, theme: this.theme, lang, signal: controller.signal };
    try {
      if (this.early) {
        // The identification step shows first: the API client, its schemas and the views
        // download once it is painted; only the definition request leaves at once.
        requestDefinition(sources);
        await afterPaint();
        if (controller.signal.aborted) return;
      }
      const [given, views] = await Promise.all([resolveDefinition(sources), loadViews(), this.submissions.ready()]);
      if (controller.signal.aborted) return;
      // The confirmation's frame comes with the views, and its styles with them (once per element).
      if (!this.lateStylesAdopted) views.adoptLateParts(this.renderRoot);
      this.lateStylesAdopted = true;
      // Shown with its French no-break spaces; answers and drafts read only its codes and ids.
      const definition = views.typesetDefinition(given);
      if (this.early) this.takeUp({ definition, views });
      else this.restore({ definition, views });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.early = false;
      const message = error instanceof Error ? error.message : t(lang, 'unavailable');
      this.session = { phase: 'failed', message };
      const code = error instanceof DefinitionError ? error.code : 'definition_unavailable';
      this.emit<BarometreErrorDetail>('barometre-error', { code, message });
    }
  }

  /**
   * Shows the identification step at once when nothing can come before it: a theme known from
   * the attribute, no definition given (that one needs no wait), and nothing kept on this device
   * for the theme — a receipt, a draft or a waiting contribution would open on another step.
   */
  private startEarly(): void {
    const theme = this.theme?.trim();
    // Moved in the page while the step showed: what was typed stays.
    const going = this.early && theme === this.earlyTheme;
    this.early =
      this.definition === undefined &&
      !this.src &&
      theme !== undefined &&
      theme !== '' &&
      !opensElsewhere(theme, browserStorage());
    this.earlyTheme = this.early ? theme : undefined;
    if (!this.early || going) return;
    this.resetFields();
    this.changedEarly = false;
    this.nextOnceLoaded = false;
    // Looked up once the definition is here, as on any restore: the lookup's client would share the first screen's bandwidth.
    this.fillGiven();
  }

  /** The identification step's SIRET and role, as the page or its attestation gives them. */
  private fillGiven(): void {
    const given = this.givenSiret();
    if (given !== undefined) this.siretText = formatSiret(given);
    this.respondentRole = this.attested().role ?? this.respondentRole;
  }

  /** What the attestation in force says, unverified: it fills in what the server will require. */
  private attested() {
    return attestationClaims(this.attestation);
  }

  /** The SIRET answered for: the attestation's, which the server requires, else the page's. */
  private givenSiret(): string | undefined {
    return this.attested().siret ?? validSiretIn(this.siret);
  }

  /**
   * The definition arrived under the early identification step: the form goes on from what was
   * typed, as if it had been there from the start.
   */
  private takeUp(material: Material): void {
    this.early = false;
    const form = formAt(material, IDENTIFICATION_STEP);
    this.session = form;
    if (validSiretIn(this.siretText) !== undefined) {
      this.adoptSiretDraft(material);
      if (this.lookups.lookup.state === 'idle') this.startLookup(material.definition.theme);
    }
    if (this.changedEarly) this.saveDraft({ quiet: true });
    this.announceStep(form);
    if (this.nextOnceLoaded) {
      this.nextOnceLoaded = false;
      void this.next();
    }
  }

  /** The loaded definition and views, once there. */
  private get material(): Material | undefined {
    return isLoaded(this.session) ? this.session.material : undefined;
  }

  /** Puts the element back where the respondent left it: confirmation, waiting contribution, or draft. */
  private restore(material: Material): void {
    const { definition, views } = material;
    const lang = this.effectiveLang;
    this.resetForm(material);
    const given = this.givenSiret();
    const attested = this.attested();

    const receipt = views.loadReceipt(definition.theme);
    if (receipt && (given === undefined || receipt.siret === given)) {
      this.ownAnswers = views.loadOwnAnswers(definition.theme, receipt.siret);
      this.session = { phase: 'confirmed', material, receipt };
      return;
    }

    const draft = views.loadDraft(definition, given, attested.siret !== undefined);
    if (draft) {
      this.applyDraft(material, draft.data);
      this.status = t(lang, 'draft_restored', { date: formatDateTime(lang, draft.savedAt) });
    }
    if (given !== undefined) this.siretText = formatSiret(given);
    this.respondentRole ??= attested.role;

    const known = validSiretIn(this.siretText);
    const waiting = this.submissions.waiting(definition.theme, known);
    if (waiting) {
      this.session = { phase: 'waiting', material, entryId: waiting.id, reason: waiting.lastError?.message ?? '' };
      this.status = t(lang, 'waiting_status');
      this.askWhyUnreachable(waiting.payload.api, waiting.lastError?.code);
    }

    if (known !== undefined) this.startLookup(material.definition.theme);
    if (isForm(this.session)) this.announceStep(this.session);
  }

  /** A blank form on its first step; returns it. */
  private resetForm(material: Material): Form {
    const form = formAt(material, IDENTIFICATION_STEP);
    this.session = form;
    this.resetFields();
    return form;
  }

  /** Forgets everything typed and said. */
  private resetFields(): void {
    this.answers = {};
    this.siretText = '';
    this.respondentRole = undefined;
    this.editCode = '';
    this.lookups.reset();
    this.interaction = freshInteraction();
    this.triedFields = new Map();
    this.badNumbers = new Set();
    this.choiceNote = undefined;
    this.refused = {};
    this.submitError = '';
    this.status = '';
    this.typed.clear();
    this.draftNotice?.cancel();
    this.previous?.reset();
  }

  private applyDraft(material: Material, draft: QuestionnaireDraft): void {
    const { views } = material;
    this.answers = { ...draft.answers };
    this.siretText = formatSiret(draft.siret);
    this.respondentRole = draft.role;
    this.editCode = draft.editCode ?? '';
    const identified = validSiretIn(this.siretText) !== undefined && this.respondentRole !== undefined;
    const known = views.stepKeys(this.sectionsOf(material)).includes(draft.step);
    this.session = formAt(material, identified && known ? draft.step : IDENTIFICATION_STEP);
  }

  // ————————————————————————————————————————— drafts

  /**
   * Saves everything typed, at once (a crash one keystroke later must lose nothing), in every
   * home of the draft (see `draft-refs.ts`); says so once the changes pause.
   */
  private saveDraft({ quiet = false } = {}): void {
    const session = this.session;
    if (!isForm(session)) return;
    const { definition, views } = session.material;
    const lang = this.effectiveLang;
    const data: QuestionnaireDraft = { siret: this.siretText, answers: this.answers, step: stepOf(session) };
    if (this.respondentRole) data.role = this.respondentRole;
    // The code typed stays out of storage unless the page lets the device keep it.
    if (this.editCode !== '' && this.keepEditCode) data.editCode = this.editCode;
    const siret = validSiretIn(this.siretText);
    const savedAt = views.saveDraftCopies(definition, data, { typed: siret, given: this.givenSiret() });
    if (savedAt === undefined) {
      this.status = t(lang, 'draft_unavailable');
      return;
    }
    this.noticeWith(views).saved({ theme: definition.theme, siret, savedAt }, quiet);
  }

  /** Whether the styles loaded with the views are in the shadow root. */
  private lateStylesAdopted = false;

  /** Says a saved draft, once the changes pause (see `draft-notice.ts`); made with the views, which save drafts. */
  private draftNotice?: DraftNotice;

  private noticeWith(views: Views): DraftNotice {
    this.draftNotice ??= new views.DraftNotice((detail, quiet) => {
      const lang = this.effectiveLang;
      if (!quiet) this.status = t(lang, 'draft_saved', { time: formatTime(lang, detail.savedAt) });
      this.emit<BarometreDraftSavedDetail>('barometre-draft-saved', detail);
    });
    return this.draftNotice;
  }

  /**
   * Once a valid SIRET is typed, a draft kept under it (from an earlier visit, perhaps on a
   * portal that gave the SIRET) is taken up if nothing was answered yet in this session.
   */
  private adoptSiretDraft({ definition, views }: Material): boolean {
    const siret = validSiretIn(this.siretText);
    if (siret === undefined || Object.keys(this.answers).length > 0) return false;
    const draft = views.loadDraft(definition, siret);
    if (!draft || Object.keys(draft.data.answers).length === 0) return false;
    const lang = this.effectiveLang;
    this.answers = { ...draft.data.answers };
    this.respondentRole ??= draft.data.role;
    if (this.editCode === '') this.editCode = draft.data.editCode ?? '';
    this.status = t(lang, 'draft_restored', { date: formatDateTime(lang, draft.savedAt) });
    return true;
  }

  // ————————————————————————————————————————— steps

  /**
   * The collectivité the SIRET identified, as conditions on the collectivité read it (its kind and
   * population band): the server evaluates them on the same one. Until it is known, questions asked
   * only of some collectivités stay hidden.
   */
  private identified(): CollectiviteProfile | undefined {
    const { lookup } = this.lookups;
    return lookup.state === 'found' ? lookup.collectivite : undefined;
  }

  /** The visible sections, walked once for given definition and answers, however often a render asks. */
  private sectionsOf({ definition, views }: Material): VisibleSection[] {
    const { answers, visible } = this;
    const collectivite = this.identified();
    if (visible?.definition === definition && visible.answers === answers && visible.collectivite === collectivite) return visible.sections;
    const sections = views.visibleSections(definition, answers, collectivite);
    this.visible = { definition, answers, collectivite, sections };
    return sections;
  }

  private announceStep(form: Form): void {
    const { views } = form.material;
    const step = stepOf(form);
    // Staying on a step (a failed "next", a step drawn again) is no arrival.
    if (step === this.announcedStep) return;
    this.announcedStep = step;
    const kind = views.stepKind(step);
    const place = views.stepPlace(views.stepKeys(this.sectionsOf(form.material)), step);
    this.emit<BarometreStepDetail>('barometre-step', { step: kind === 'section' ? step : kind, kind, index: place.index, total: place.total });
  }

  private goTo(material: Material, step: string, focus: Focus = 'heading'): void {
    const form = formAt(material, step);
    this.session = form;
    this.focusAfterRender = focus;
    this.choiceNote = undefined;
    this.saveDraft();
    this.draftNotice?.flush();
    this.announceStep(form);
  }

  private async next(): Promise<void> {
    const session = this.session;
    if (this.early) return this.nextEarly();
    if (!isForm(session)) return;
    const step = stepOf(session);
    this.tryStep(session.material, step);
    if (step === IDENTIFICATION_STEP) {
      await this.lookups.done;
      // The respondent may have moved on, or the page restored another collectivité, meanwhile.
      const current = this.session;
      if (!isForm(current) || stepOf(current) !== step) return;
      const { material } = current;
      if (this.identificationProblems().length > 0) return this.showSummary();
      this.adoptSiretDraft(material);
      return this.goTo(material, material.views.nextStep(material.definition, this.answers, this.sectionsOf(material), step));
    }
    const { material } = session;
    if (step === REVIEW_STEP) return this.submit(material);
    if (this.sectionProblems(material, step).length > 0) return this.showSummary();
    this.goTo(material, material.views.nextStep(material.definition, this.answers, this.sectionsOf(material), step));
  }

  private back(): void {
    const session = this.session;
    if (!isForm(session)) return;
    const { material } = session;
    const { definition, views } = material;
    this.goTo(material, views.previousStep(definition, this.answers, this.sectionsOf(material), stepOf(session)));
  }

  /** "Next" before the definition is here: problems show at once; without any, the form moves on once it can. */
  private nextEarly(): void {
    this.interaction = attemptedStep(this.interaction, IDENTIFICATION_STEP);
    if (this.identificationProblems().length > 0) return this.showSummary();
    this.nextOnceLoaded = true;
    this.status = t(this.effectiveLang, 'loading');
  }

  private showSummary(): void {
    this.focusAfterRender = 'summary';
    this.requestUpdate();
  }

  // ————————————————————————————————————————— identification

  private readonly onSiretInput = (event: InputEvent) => {
    const session = this.session;
    if (this.early) return this.onEarlySiretInput(event);
    if (!isForm(session)) return;
    const { material } = session;
    const input = event.target as HTMLInputElement;
    const before = validSiretIn(this.siretText);
    this.siretText = groupSiretInput(input, this.siretText, event);
    this.interaction = changedField(this.interaction, SIRET_FIELD);
    // Before anything is saved under this SIRET, which would hide a draft already kept there.
    const adopted = validSiretIn(this.siretText) !== before && this.adoptSiretDraft(material);
    this.startLookup(material.definition.theme);
    // Saved quietly after a take-up: "draft restored" is the news worth reading.
    this.saveDraft({ quiet: adopted });
  };

  /** Typing before the definition is here: grouped and looked up as usual; drafts wait for the definition's version. */
  private onEarlySiretInput(event: InputEvent): void {
    this.siretText = groupSiretInput(event.target as HTMLInputElement, this.siretText, event);
    this.interaction = changedField(this.interaction, SIRET_FIELD);
    this.changedEarly = true;
    this.startLookup(this.theme?.trim());
  }

  private readonly onSiretLeave = () => this.leave(SIRET_FIELD);

  private readonly onRole = (role: Role) => {
    this.respondentRole = role;
    this.interaction = changedField(this.interaction, ROLE_FIELD);
    if (this.early) this.changedEarly = true;
    this.saveDraft();
  };

  private readonly onEditCode = (code: string) => {
    this.editCode = code;
    this.saveDraft();
  };

  private startLookup(theme: string | undefined): void {
    this.lookups.start({
      siret: validSiretIn(this.siretText),
      api: this.apiBase,
      theme,
      lang: this.effectiveLang,
    });
  }

  private identificationProblems(): SummaryItem[] {
    const lang = this.effectiveLang;
    const { lookup } = this.lookups;
    const problems: SummaryItem[] = [];
    const check = validateSiret(this.siretText, lang);
    const siretLabel = t(lang, 'siret_label');
    if (!check.ok) problems.push({ target: SIRET_FIELD, label: siretLabel, message: check.message });
    else if (lookup.state === 'unknown' && lookup.siret === check.value) {
      problems.push({ target: SIRET_FIELD, label: siretLabel, message: lookup.message });
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
    note: (key, message) => (this.choiceNote = { key, message }),
  };

  private setAnswer(key: string, value: AnswerValue | undefined, raw?: string): void {
    // Answers come from questions on screen, which only a loaded form draws.
    const material = this.material;
    if (!material) return;
    const { definition, views } = material;
    const answers = { ...this.answers };
    if (value === undefined) delete answers[key];
    else answers[key] = value;
    this.answers = answers;
    if (raw === undefined) this.typed.delete(key);
    else this.typed.set(key, raw);
    if (this.choiceNote?.key === key) this.choiceNote = undefined;
    const { questionId } = views.parseAnswerKey(key);
    // A choice is a complete gesture: its problems may show at once. Typed fields wait for the respondent to leave.
    const question = views.findQuestion(definition, questionId);
    const typedField = key !== questionId || question?.kind === 'number' || question?.kind === 'text';
    this.interaction = changedField(this.interaction, key, !typedField);
    this.refused = views.withoutField(this.refused, key);
    this.saveDraft();
  }

  /** Focus left a field (see `core/questionnaire/field-errors.ts`); a render's own removals say nothing. */
  private leave(key: string): void {
    if (this.rendering) return;
    this.interaction = leftField(this.interaction, key);
  }

  /** Problems of every visible question of a section, keyed by the field they concern, in order. */
  private sectionProblems({ definition, views }: Material, sectionId: string): Array<{ key: string; label: string; messages: string[] }> {
    const lang = this.effectiveLang;
    const visible = this.sectionsOf({ definition, views }).find((candidate) => candidate.section.id === sectionId);
    if (!visible) return [];
    const problems = views.sectionFieldProblems(visible, {
      engine: views.validateSection(definition, this.answers, sectionId, this.identified()),
      unreadable: this.badNumbers,
      refused: this.refused,
      describe: (problem, question) => views.problemMessage(problem, lang, question),
    });
    return problems.map(({ key, question, messages }) => ({ key, label: question.label[lang], messages }));
  }

  private shows(step: string, key: string): boolean {
    if (step === IDENTIFICATION_STEP) return showsErrors(this.interaction, step, key, this.refused);
    // A try shows what was on screen then; what an answer revealed since waits (see attempted-fields.ts).
    const tried = wasAttempted(this.interaction, step) && wasShownAtTry(this.triedFields, step, key);
    return tried || this.interaction.touched.has(key) || this.refused[key] !== undefined;
  }

  /** The respondent tried to leave a step: its problems show, on a section those of the fields on screen now. */
  private tryStep(material: Material, step: string): void {
    this.interaction = attemptedStep(this.interaction, step);
    const visible = this.sectionsOf(material).find((candidate) => candidate.section.id === step);
    if (visible) this.triedFields = triedWith(this.triedFields, step, material.views.fieldsOnScreen(visible, this.answers));
  }

  private questionView(
    views: Views,
    step: string,
    question: VisibleSection['questions'][number],
    problems: Map<string, string[]>,
  ): QuestionView {
    return {
      lang: this.effectiveLang,
      question,
      value: (key) => views.answerOf(this.answers, key),
      text: (key) => {
        const typed = this.typed.get(key);
        if (typed !== undefined) return typed;
        const value = views.answerOf(this.answers, key);
        if (typeof value === 'number') return views.writeNumber(value, this.effectiveLang);
        return typeof value === 'string' ? value : '';
      },
      errors: (key) => (this.shows(step, key) ? (problems.get(key) ?? []) : []),
      note: (key) => (this.choiceNote?.key === key ? this.choiceNote.message : ''),
      mark: this.previous?.mark(question.id, this.effectiveLang),
      handlers: this.handlers,
    };
  }

  // ————————————————————————————————————————— submitting

  /** Sends the answers; `forReview`: set aside for review knowingly, whatever the code (the choice after a refused one). */
  private submit(material: Material, forReview = false): void {
    const { definition, views } = material;
    const lang = this.effectiveLang;
    // Under the SIRET the attestation names, the only one the server accepts it for.
    const siret = this.attested().siret ?? validSiretIn(this.siretText);
    const role = this.respondentRole;
    // A restored draft or a server refusal may have left something to fix on an earlier step.
    if (this.identificationProblems().length > 0 || siret === undefined || role === undefined) {
      this.interaction = attemptedStep(this.interaction, IDENTIFICATION_STEP);
      return this.goTo(material, IDENTIFICATION_STEP, 'summary');
    }
    for (const { section } of this.sectionsOf(material)) {
      if (this.sectionProblems(material, section.id).length > 0) {
        this.tryStep(material, section.id);
        return this.goTo(material, section.id, 'summary');
      }
    }
    const api = this.apiBase;
    if (!api) {
      this.submitError = t(lang, 'no_api');
      this.emit<BarometreErrorDetail>('barometre-error', { code: 'no_api', message: this.submitError });
      return this.showSummary();
    }
    const payload: SubmissionPayload = {
      api,
      lang,
      siret,
      theme: definition.theme,
      submission: { role, version: definition.version, answers: views.normalizeAnswers(definition, this.answers, this.identified()) },
    };
    const editToken = this.editCode.trim();
    // A locked code leaves only the review: the page said so, and offers nothing else.
    const review = forReview || this.verification?.locked;
    if (editToken !== '' && !review) payload.editToken = editToken;
    if (review) payload.review = true;
    if (this.attestation) payload.attestation = this.attestation;
    if (this.keepEditCode) payload.keepEditCode = true;
    this.verification?.clear();
    this.submitError = '';
    this.draftNotice?.flush();
    this.status = t(lang, 'sending');
    this.focusAfterRender = 'heading';
    // Kept now, not on delivery: a delivery may happen from the outbox while no questionnaire listens.
    this.ownAnswers = views.keepOwnAnswers(definition, siret, payload.submission.answers);
    this.session = { phase: 'sending', material, entryId: this.submissions.send(payload) };
  }

  private onOutboxEvent(event: OutboxEvent<SubmissionPayload, SubmitResult>): void {
    const session = this.session;
    if (session.phase !== 'sending' && session.phase !== 'waiting') return;
    if (event.entry.id !== session.entryId) return;
    const { material } = session;
    const lang = this.effectiveLang;
    switch (event.type) {
      case 'waiting':
        if (session.phase !== 'waiting') this.focusAfterRender = 'heading';
        this.session = { phase: 'waiting', material, entryId: session.entryId, reason: event.entry.lastError?.message ?? '' };
        this.status = t(lang, 'waiting_status');
        this.askWhyUnreachable(event.entry.payload.api, event.entry.lastError?.code);
        break;
      case 'delivered': {
        // As the outbox kept it a moment ago, its code taken from memory so that it shows here only.
        const receipt =
          material.views.loadReceipt(event.entry.payload.theme) ?? material.views.receiptOf(event.entry.payload, event.response, new Date().toISOString());
        this.resetForm(material);
        this.session = { phase: 'confirmed', material, receipt };
        this.settleOwnAnswers(material, receipt, event.entry.payload.submission.answers);
        this.status = t(lang, 'sent_status');
        this.focusAfterRender = 'heading';
        const { theme, siret, status, updatedAt, editToken, verifiedBy } = receipt;
        this.emit<BarometreSubmittedDetail>('barometre-submitted', {
          theme,
          siret,
          status,
          updatedAt,
          ...(editToken ? { editToken } : {}),
          ...(verifiedBy ? { verifiedBy } : {}),
        });
        break;
      }
      case 'failed':
        // After a reload the code typed is gone from the form: the refused entry still has it.
        this.editCode ||= event.entry.payload.editToken ?? '';
        this.onRefused(material, event.error, event.entry.payload);
        break;
      default:
        break;
    }
  }

  /** A definitive refusal: answers the server rejected go back to their fields; anything else is said on the review page. */
  private onRefused(material: Material, error: unknown, payload: SubmissionPayload): void {
    const { definition, views } = material;
    const lang = this.effectiveLang;
    const said = this.verification?.refuse(error, attestationClaims(payload.attestation).iss, lang);
    if (said?.askFresh) {
      const detail = { theme: payload.theme, siret: payload.siret, code: (error as { code: string }).code };
      this.emit<BarometreAttestationExpiredDetail>('barometre-attestation-expired', detail);
    }
    const problems = views.answerProblemsOf(error);
    const code = error instanceof views.ApiError ? error.code : 'submit_failed';
    if (problems.length > 0) {
      this.refused = views.refusedFields(
        problems,
        (problem) => views.problemMessage(problem, lang, views.findQuestion(definition, problem.questionId)),
        t(lang, 'submit_refused'),
      );
      const first = views.firstRefusedSection(this.sectionsOf(material), this.refused);
      this.status = t(lang, 'invalid_answers');
      this.emit<BarometreErrorDetail>('barometre-error', { code, message: t(lang, 'invalid_answers') });
      if (first !== undefined) {
        this.tryStep(material, first);
        return this.goTo(material, first, 'summary');
      }
    }
    this.submitError = said?.message ?? (error instanceof Error && error.message ? error.message : t(lang, 'submit_refused'));
    this.status = t(lang, 'submit_refused');
    if (problems.length === 0) this.emit<BarometreErrorDetail>('barometre-error', { code, message: this.submitError });
    this.session = formAt(material, REVIEW_STEP);
    this.showSummary();
  }

  private readonly onRetry = () => this.submissions.retry();

  /**
   * A contribution waits for want of any answer: whether the network is down or the server does
   * not answer this page (see `reachability.ts`) changes what the waiting page says.
   */
  private askWhyUnreachable(api: string, code: string | undefined): void {
    if (code !== 'NetworkError' || refusesThisPage(api)) return;
    void whyUnreachable(api).then((why) => {
      if (why === 'refused') this.requestUpdate();
    });
  }

  /** Why a contribution waits, in words: not the network's fault when the server refuses this page. */
  private waitingReason(reason: string): string {
    return refusesThisPage(this.apiBase) ? t(this.effectiveLang, 'origin_refused') : reason;
  }

  /**
   * A delivered contribution's key answers are kept for its confirmation, taken from what was
   * actually sent; one set aside for review is not compared (it is not counted in any figure).
   */
  private settleOwnAnswers({ definition, views }: Material, receipt: Receipt, answers: Answers): void {
    if (definition.theme !== receipt.theme) return;
    if (receipt.status === 'pending') {
      views.forgetOwnAnswers(receipt.theme);
      this.ownAnswers = undefined;
    } else {
      this.ownAnswers = views.keepOwnAnswers(definition, receipt.siret, answers);
    }
  }

  /**
   * The comparison shows on a confirmed contribution only: with an API to ask, a recorded (not
   * set-aside) contribution, and key questions in the theme.
   */
  private feedbackRequest(): (FeedbackRequest & { receiptAt: string }) | undefined {
    const session = this.session;
    const api = this.apiBase;
    if (session.phase !== 'confirmed' || !api) return undefined;
    const { receipt } = session;
    const { definition, views } = session.material;
    if (receipt.status === 'pending' || receipt.theme !== definition.theme) return undefined;
    if (views.headlineQuestions(definition).length === 0) return undefined;
    return {
      api,
      definition,
      siret: receipt.siret,
      ponderation: ponderationIn(this.ponderation, this.config),
      lang: this.effectiveLang,
      receiptAt: receipt.updatedAt,
    };
  }

  private readonly onAnswerAgain = () => {
    const session = this.session;
    if (session.phase !== 'confirmed') return;
    const { editToken, theme } = session.receipt;
    session.material.views.clearReceipt(theme);
    session.material.views.forgetOwnAnswers(theme);
    this.restore(session.material);
    // The code just received is the one a new answer needs to replace the contribution.
    if (editToken) this.editCode = editToken;
    this.focusAfterRender = 'heading';
  };

  // ————————————————————————————————————————— starting again

  private readonly askRestart = () => this.restartDialog?.showModal();

  /**
   * Whether the respondent gave anything that starting again would wipe: "Recommencer" shows
   * only then, below the step, away from the buttons that move through it (and is confirmed).
   */
  private startedAnything(): boolean {
    const siret = this.siretText.replace(/\s/g, '');
    return (
      Object.keys(this.answers).length > 0 ||
      (siret !== '' && siret !== this.givenSiret()) ||
      (this.respondentRole !== undefined && this.respondentRole !== this.attested().role) ||
      this.editCode !== ''
    );
  }

  private readonly closeRestart = () => this.restartDialog?.close();

  private readonly confirmRestart = () => {
    this.restartDialog?.close();
    const material = this.material;
    if (!material) return;
    const { definition, views } = material;
    views.forgetDraftCopies(definition, validSiretIn(this.siretText));
    const form = this.resetForm(material);
    const given = this.givenSiret();
    if (given !== undefined) {
      this.siretText = formatSiret(given);
      this.startLookup(material.definition.theme);
    }
    this.status = t(this.effectiveLang, 'started_again');
    this.focusAfterRender = 'heading';
    this.announceStep(form);
  };

  /**
   * Asks the API whether the theme's wave is open; when it is not, its notice replaces the form.
   * Once the first screen is painted: its code's download would otherwise start during that
   * screen's rendering, and a closed wave is rare.
   */
  private async checkWave(signal: AbortSignal): Promise<void> {
    this.waveNotice = undefined;
    const theme = this.theme;
    if (!this.apiBase || !theme) return;
    await afterPaint();
    if (signal.aborted) return;
    const { noticeOutsideWave } = await import('./wave-check.js');
    const notice = await noticeOutsideWave(this.apiBase, theme, signal);
    if (notice && !signal.aborted) this.waveNotice = notice;
  }

  // ————————————————————————————————————————— rendering

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const session = this.session;
    if (this.waveNotice && session.phase !== 'confirmed') return this.waveNotice(lang);
    if (session.phase === 'failed') {
      return html`<div class="questionnaire" part="form" lang=${lang}>
        <p class="error" role="alert">${t(lang, 'unavailable')} ${session.message}</p>
        <div class="actions">
          <button type="button" part="button" @click=${() => void this.load()}>${t(lang, 'retry')}</button>
        </div>
      </div>`;
    }
    if (session.phase === 'loading') {
      if (this.early) return this.renderEarly(lang);
      return html`<div class="questionnaire" part="form" lang=${lang}><p role="status">${t(lang, 'loading')}</p></div>`;
    }
    const { definition } = session.material;
    return html`<div class="questionnaire" lang=${lang}>
      <header>
        <h2 part="title">${definition.title[lang]}</h2>
        ${definition.description ? html`<p>${definition.description[lang]}</p>` : nothing}
        <p class="estimate">${t(lang, 'estimated', { minutes: definition.estimatedMinutes })}</p>
      </header>
      <div class="toolbar">
        <p class="status" part="status" role="status">${this.status}</p>
      </div>
      ${this.renderPhase(session)}
      ${isForm(session) && this.startedAnything()
        ? html`<div class="restart">
            <button type="button" part="button" class="link" @click=${this.askRestart}>${t(lang, 'start_again')}</button>
          </div>`
        : nothing}
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

  private renderPhase(session: LoadedSession<Material, Receipt>): TemplateResult {
    const lang = this.effectiveLang;
    const { views, definition } = session.material;
    switch (session.phase) {
      case 'confirmed':
        return views.renderConfirmation({
          lang,
          receipt: session.receipt,
          title: definition.title[lang],
          contact: this.attested().email,
          keepEditCode: this.keepEditCode,
          onStatus: (message) => (this.status = message),
          onAnswerAgain: this.onAnswerAgain,
          nextPublication: this.feedback?.nextPublication,
          feedback: this.renderFeedback(views, definition, session.receipt),
        });
      case 'sending':
        return views.renderWaiting({ lang, sending: true, reason: '', onRetry: this.onRetry });
      case 'waiting':
        return views.renderWaiting({ lang, sending: false, reason: this.waitingReason(session.reason), onRetry: this.onRetry });
      default:
        return this.renderForm(session);
    }
  }

  /** The feedback's frame at once; its body once its code has loaded (it loads with the figures). */
  private renderFeedback(views: Views, definition: QuestionnaireDefinition, receipt: Receipt): TemplateResult | typeof nothing {
    const feedback = this.feedback;
    if (!feedback) return nothing;
    const { state, module } = feedback;
    const lang = this.effectiveLang;
    const own = this.ownAnswers?.siret === receipt.siret ? this.ownAnswers : undefined;
    return views.renderFeedback({
      lang,
      state,
      body: module?.renderFeedbackBody({ lang, state, definition, own }),
      onRetry: () => feedback.retry(),
    });
  }

  private renderForm(session: Form): TemplateResult {
    const lang = this.effectiveLang;
    const { definition, views } = session.material;
    const sections = this.sectionsOf(session.material);
    const keys = views.stepKeys(sections);
    const step = stepOf(session);
    const { index, total } = views.stepPlace(keys, step);
    const attempted = wasAttempted(this.interaction, step);
    let title: string;
    let summary: SummaryItem[] = [];
    let body: TemplateResult;
    if (session.phase === 'identifying') {
      title = t(lang, 'identification_title');
      ({ summary, body } = this.identificationStep());
    } else if (session.phase === 'reviewing') {
      title = t(lang, 'review_title');
      const refusal = this.verification;
      summary = this.submitError ? [refusal?.summary(lang, this.submitError, t(lang, 'submit_refused')) ?? { target: 'review-submit', label: t(lang, 'submit_refused'), message: this.submitError }] : [];
      const { lookup } = this.lookups;
      body = views.renderReview(
        {
          lang,
          sections,
          answers: this.answers,
          siretText: this.siretText,
          collectivite: lookup.state === 'found' ? lookup.collectivite : undefined,
          role: this.respondentRole,
          onEdit: (target, field) => this.goTo(session.material, target, { field }),
          mark: (id) => this.previous?.mark(id, lang),
          refusal: refusal?.renderRefusal({
            lang,
            message: this.submitError,
            editCode: this.editCode,
            onEditCode: this.onEditCode,
            onSendForReview: () => this.submit(session.material, true),
          }),
        },
        IDENTIFICATION_STEP,
      );
    } else {
      const visible = sections.find((candidate) => candidate.section.id === session.sectionId);
      title = visible?.section.title[lang] ?? '';
      const problems = this.sectionProblems(session.material, step);
      const byKey = new Map(problems.map((problem) => [problem.key, problem.messages]));
      if (attempted || Object.keys(this.refused).length > 0) {
        summary = problems
          .filter((problem) => this.shows(step, problem.key))
          .map((problem) => ({ target: fieldId(problem.key), label: problem.label, message: problem.messages.join(' ') }));
      }
      body = html`${visible?.section.description ? html`<p class="intro">${visible.section.description[lang]}</p>` : nothing}
      ${(visible?.questions ?? []).map((question) => views.renderQuestion(this.questionView(views, step, question, byKey)))}`;
    }
    const answered = views.progress(definition, this.answers, this.identified());
    const primary = step === REVIEW_STEP ? t(lang, 'submit') : keys[index + 1] === REVIEW_STEP ? t(lang, 'to_review') : t(lang, 'next');
    return this.renderStep(step, views.renderProgress(lang, { index, total }, answered), title, summary, body, primary);
  }

  /** The identification step's body and its problems to list, from the element's own code. */
  private identificationStep(): { summary: SummaryItem[]; body: TemplateResult } {
    const lang = this.effectiveLang;
    const step = IDENTIFICATION_STEP;
    const attempted = wasAttempted(this.interaction, step);
    const { lookup, existing } = this.lookups;
    const problems = this.identificationProblems();
    const siretProblem = problems.find((problem) => problem.target === SIRET_FIELD);
    // A collectivité unknown to the API is known only for a complete SIRET, so it shows at once.
    const lookupRefusal = lookup.state === 'unknown' && siretProblem?.message === lookup.message;
    const siretErrors = siretProblem && (this.shows(step, SIRET_FIELD) || lookupRefusal) ? [siretProblem.message] : [];
    const roleProblem = problems.find((problem) => problem.target === ROLE_FIELD);
    const roleErrors = roleProblem && attempted ? [roleProblem.message] : [];
    const body = renderIdentification({
      lang,
      siretText: this.siretText,
      siretErrors,
      lookup,
      role: this.respondentRole,
      roleErrors,
      existing,
      editCode: this.editCode,
      siretLocked: this.attested().siret !== undefined,
      identity: this.verification?.renderIdentity({ lang, claims: this.attestation ? this.attested() : undefined, signInError: this.signInError }),
      previous: this.previous?.render(lang),
      onSiretInput: this.onSiretInput,
      onSiretLeave: this.onSiretLeave,
      onRole: this.onRole,
      onEditCode: this.onEditCode,
    });
    return { summary: attempted ? problems : [], body };
  }

  /**
   * The identification step while the definition loads: the theme's title when it is one of the
   * bundled themes, no progress yet (the number of steps is the definition's).
   */
  private renderEarly(lang: Lang): TemplateResult {
    const theme = this.theme?.trim() ?? '';
    const title = Object.hasOwn(themeTitles, theme) ? typeset(lang, themeTitles[theme as ThemeId].title[lang]) : undefined;
    const { summary, body } = this.identificationStep();
    return html`<div class="questionnaire" lang=${lang}>
      <header>${title === undefined ? nothing : html`<h2 part="title">${title}</h2>`}</header>
      <div class="toolbar">
        <p class="status" part="status" role="status">${this.status}</p>
      </div>
      ${this.renderStep(IDENTIFICATION_STEP, nothing, t(lang, 'identification_title'), summary, body, t(lang, 'next'))}
    </div>`;
  }

  /** One step of the form: progress, heading, problems, body and buttons. */
  private renderStep(
    step: string,
    progress: TemplateResult | typeof nothing,
    title: string,
    summary: SummaryItem[],
    body: TemplateResult,
    primary: string,
  ): TemplateResult {
    const lang = this.effectiveLang;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${progress}
      <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${title}</h3>
      ${renderErrorSummary(lang, summary)}
      <div class="step">${body}</div>
      <div class="actions">
        ${step !== IDENTIFICATION_STEP
          ? html`<button type="button" part="button" @click=${() => this.back()}>${t(lang, 'previous')}</button>`
          : nothing}
        <button type="submit" part="button button-primary" class="primary" id=${step === REVIEW_STEP ? 'review-submit' : nothing}>
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
    'barometre-attestation-expired': CustomEvent<BarometreAttestationExpiredDetail>;
  }
}
