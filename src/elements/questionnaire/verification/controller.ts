import type { nothing, ReactiveControllerHost, TemplateResult } from 'lit';
import type { ServerConfig } from '../../../core/api/client.js';
import type { Lang } from '../../../core/schema/text.js';
import { adoptLate } from '../../shared/adopt-late.js';
import { apiClient } from '../api-loader.js';
import { EDIT_CODE_FIELD } from '../ids.js';
import type { SummaryItem } from '../render-parts.js';
import { v } from './messages.js';
import { needsFreshAttestation, refusalOf, type Refusal } from './refusal.js';
import { FOR_REVIEW_BUTTON, renderIdentity, renderRefusal, type IdentityView, type RefusalView } from './render.js';
import { verificationStyles } from './styles.js';
import { refusalMessage } from './words.js';

/** What a refusal means for the page and the respondent. */
export interface RefusalOutcome {
  message: string;
  /** The page should give a fresh attestation (`barometre-attestation-expired`); the answers go again once it does. */
  askFresh: boolean;
}

/**
 * Who may answer, as the element sees it: what the server offers (ProConnect, attestations),
 * and the last refusal of a submission that concerns the edit code, the attestation or the
 * review queue — kept until the respondent sends again, so the review page can offer its
 * choices.
 */
export class VerificationController {
  /** What the server offers, once known. */
  offer?: ServerConfig;
  refusal?: Refusal;
  /** The refused attestation was ProConnect's: signing in again, not the page, gives a fresh one. */
  private refusedProConnect = false;
  private awaitingAttestation = false;
  private asked?: string;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly read: () => { api: string | undefined; lang: Lang },
  ) {
    host.addController(this);
    adoptLate(host.renderRoot, verificationStyles);
  }

  hostUpdate(): void {
    const { api, lang } = this.read();
    if (!api || api === this.asked) return;
    this.asked = api;
    // Asked by each questionnaire: the server lets the browser keep the answer for five minutes.
    void apiClient({ baseUrl: api, lang })
      .then((client) => client.config())
      .then(
      (offer) => {
        if (this.asked !== api) return;
        this.offer = offer;
        this.host.requestUpdate();
      },
      // Without the server's word, the form offers what every server takes: nothing is lost.
      () => undefined,
    );
  }

  /** The ProConnect sign-in's address, when the server offers it. */
  get proconnectLogin(): string | undefined {
    return this.offer?.proconnectLogin;
  }

  /** The code may not be checked now: sending can only be for review. */
  get locked(): boolean {
    return this.refusal?.kind === 'code_locked';
  }

  /**
   * Takes a refusal of the API, for a submission whose attestation `issuer` signed; returns what
   * to say, or `undefined` when it is not one of verification's (the element says it as any other).
   */
  refuse(error: unknown, issuer: string | undefined, lang: Lang): RefusalOutcome | undefined {
    const refusal = refusalOf(error);
    this.refusal = refusal;
    if (!refusal) return undefined;
    this.refusedProConnect = refusal.kind === 'attestation' && issuer === 'proconnect';
    const askFresh = needsFreshAttestation(refusal) && !this.refusedProConnect;
    this.awaitingAttestation = askFresh;
    return { message: refusalMessage(lang, refusal, this.refusedProConnect), askFresh };
  }

  /** Whether a fresh attestation is what the answers were waiting for; answers once per wait. */
  takeFresh(): boolean {
    const waited = this.awaitingAttestation;
    this.awaitingAttestation = false;
    return waited;
  }

  /** Sending again: the last refusal no longer stands. */
  clear(): void {
    this.refusal = undefined;
    this.awaitingAttestation = false;
  }

  /** The error summary's line for the refusal said on the review page, leading to what can be done about it. */
  summary(lang: Lang, message: string, fallbackLabel: string): SummaryItem {
    switch (this.refusal?.kind) {
      case 'code_wrong':
      case 'code_malformed':
        return { target: EDIT_CODE_FIELD, label: v(lang, 'code_label'), message };
      case 'code_locked':
        return { target: FOR_REVIEW_BUTTON, label: v(lang, 'code_label'), message };
      default:
        return { target: 'review-submit', label: fallbackLabel, message };
    }
  }

  /** The identification step's note on who vouches for the respondent, or the ProConnect offer. */
  renderIdentity(view: Omit<IdentityView, 'proconnectLogin'>): TemplateResult | typeof nothing {
    return renderIdentity({ ...view, proconnectLogin: this.proconnectLogin });
  }

  /** The review page's panel for the refusal in force, with what the respondent can do. */
  renderRefusal(view: Omit<RefusalView, 'refusal' | 'proconnectLogin'>): TemplateResult | typeof nothing {
    // An expired or used ProConnect sign-in is mended by signing in again.
    const again = this.refusedProConnect && needsFreshAttestation(this.refusal);
    return renderRefusal({ ...view, refusal: this.refusal, proconnectLogin: again ? this.proconnectLogin : undefined });
  }
}
