import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumber } from '../../core/i18n/catalog.js';
import { typeset } from '../../core/i18n/typography.js';
import type { ContributionStatus, Role } from '../../core/schema/contribution.js';
import type { Lang } from '../../core/schema/text.js';
import type { CollectiviteSummary } from '../../core/api/schemas.js';
import { formatDateTime } from './format.js';
import { kindLabel } from './kind-labels.js';
import { EDIT_CODE_FIELD, ROLE_FIELD, SIRET_FIELD } from './ids.js';
import type { Lookup } from './lookup.js';
import { t } from './messages.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';

/** What the identification step shows and how it reports the respondent's actions. */
export interface IdentificationView {
  lang: Lang;
  siretText: string;
  siretErrors: string[];
  lookup: Lookup;
  role: Role | undefined;
  roleErrors: string[];
  existing: ContributionStatus | undefined;
  editCode: string;
  onSiretInput(event: InputEvent): void;
  onSiretLeave(): void;
  onRole(role: Role): void;
  onEditCode(code: string): void;
  /**
   * The SIRET an attestation names: the field shows it, read-only, described by `identity`
   * (whose note must carry the id `f-identity`).
   */
  siretLocked?: boolean;
  /** Who vouches for the respondent, or the offer to sign in with ProConnect: drawn by later code. */
  identity?: TemplateResult | typeof nothing;
  /** The offer to take up the previous edition's answers: drawn by later code. */
  previous?: TemplateResult | typeof nothing;
}

const ROLES: ReadonlyArray<{ role: Role; key: 'role_agent' | 'role_elu' }> = [
  { role: 'agent', key: 'role_agent' },
  { role: 'elu', key: 'role_elu' },
];

function renderCollectivite(lang: Lang, collectivite: CollectiviteSummary): TemplateResult {
  const rows: Array<[string, string | undefined]> = [
    [t(lang, 'field_name'), collectivite.name],
    [t(lang, 'field_kind'), kindLabel(lang, collectivite.kind)],
    [t(lang, 'field_departement'), collectivite.departement],
    [t(lang, 'field_region'), collectivite.departement === undefined ? collectivite.region : undefined],
    [
      t(lang, 'field_population'),
      collectivite.population === undefined
        ? undefined
        : t(lang, 'population', { n: formatNumber(lang, collectivite.population), raw: collectivite.population }),
    ],
  ];
  return html`<div class="collectivite" part="collectivite">
    <h4>${t(lang, 'found_title')}</h4>
    <dl>
      ${rows
        .filter((row): row is [string, string] => row[1] !== undefined)
        .map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>
    <p class="hint">${t(lang, 'found_hint')}</p>
  </div>`;
}

function renderLookup(lang: Lang, lookup: Lookup): TemplateResult | typeof nothing | string {
  switch (lookup.state) {
    case 'pending':
      return t(lang, 'siret_looking_up');
    case 'found':
      return renderCollectivite(lang, lookup.collectivite);
    case 'unverified':
      // A server that does not answer this page is not the respondent's connection: say so.
      return html`<p class="notice-text">${t(lang, lookup.why === 'refused' ? 'origin_refused' : 'siret_offline')}</p>`;
    case 'unknown':
      // Shown under the field as its error; said here too, or the region would fall silent after "looking up".
      return html`<p class="visually-hidden">${t(lang, 'error_prefix')} ${typeset(lang, lookup.message)}</p>`;
    default:
      return nothing;
  }
}

function renderExisting(view: IdentificationView): TemplateResult | typeof nothing {
  const { lang, existing } = view;
  if (!existing?.exists) return nothing;
  const helpId = `${EDIT_CODE_FIELD}-help`;
  // The reference API says whether, not when; a server that gives the date has it shown.
  const said =
    existing.updatedAt === undefined
      ? t(lang, 'existing')
      : t(lang, 'existing_dated', { date: formatDateTime(lang, existing.updatedAt) });
  return html`<div class="notice" part="notice">
    <p>${said}</p>
    <p>${t(lang, 'existing_how')}</p>
    <div class="field" part="field">
      <label for=${EDIT_CODE_FIELD}>${t(lang, 'edit_code_label')}${renderOptional(lang, false)}</label>
      <p class="help" id=${helpId}>${t(lang, view.editCode.trim() === '' ? 'without_code' : 'with_code')}</p>
      <input
        type="text"
        id=${EDIT_CODE_FIELD}
        autocomplete="off"
        spellcheck="false"
        .value=${live(view.editCode)}
        aria-describedby=${helpId}
        @input=${(event: Event) => view.onEditCode((event.target as HTMLInputElement).value)}
      />
    </div>
  </div>`;
}

/**
 * Step one: the SIRET (grouped as typed, checked as typed but reported only once the
 * respondent leaves the field or moves on), the collectivité it resolves to, the respondent's
 * role, and what happens if the collectivité already answered.
 */
export function renderIdentification(view: IdentificationView): TemplateResult {
  const { lang } = view;
  const siretHelp = `${SIRET_FIELD}-help`;
  const siretError = `${SIRET_FIELD}-error`;
  const roleError = `${ROLE_FIELD}-error`;
  return html`<p class="intro">${t(lang, 'identification_intro')}</p>
    ${view.identity ?? nothing}
    <div class="field" part="field">
      <label for=${SIRET_FIELD}>${t(lang, 'siret_label')}</label>
      <p class="help" id=${siretHelp}>${t(lang, 'siret_help')}</p>
      ${renderError(lang, siretError, view.siretErrors)}
      <input
        type="text"
        id=${SIRET_FIELD}
        class="siret"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        .value=${live(view.siretText)}
        ?readonly=${view.siretLocked}
        aria-describedby=${describedBy(siretHelp, view.siretLocked && 'f-identity', view.siretErrors.length > 0 && siretError)}
        aria-invalid=${view.siretErrors.length > 0 ? 'true' : nothing}
        @input=${(event: InputEvent) => view.onSiretInput(event)}
        @focusout=${() => view.onSiretLeave()}
      />
    </div>
    <div class="lookup" role="status">${renderLookup(lang, view.lookup)}</div>
    ${renderExisting(view)} ${view.previous}
    <fieldset
      class="field"
      part="field"
      id=${ROLE_FIELD}
      role="radiogroup"
      aria-describedby=${describedBy(view.roleErrors.length > 0 && roleError)}
      aria-invalid=${view.roleErrors.length > 0 ? 'true' : nothing}
    >
      <legend>${t(lang, 'role_legend')}</legend>
      ${renderError(lang, roleError, view.roleErrors)}
      <div class="options">
        ${ROLES.map(
          ({ role, key }) => html`<div class="option">
            <input
              type="radio"
              id="${ROLE_FIELD}--${role}"
              name=${ROLE_FIELD}
              .value=${role}
              .checked=${live(view.role === role)}
              @change=${() => view.onRole(role)}
            />
            <label for="${ROLE_FIELD}--${role}">${t(lang, key)}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
}
