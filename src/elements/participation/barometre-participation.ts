import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParticipationResponse, ParticipationTerritory } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { figureShell } from '../shared/results/figure-shell.js';
import { sourceInForce } from '../shared/results/figures-source.js';
import { ResponseController } from '../shared/results/response-controller.js';
import { hasStaticFile } from '../shared/results/static-publication.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { editionPublicationText } from '../shared/results/wording.js';
import { TerritoryElement } from '../shared/territory-element.js';
import { cellText, headlineText, kindsOf } from './cells.js';
import { fetchParticipation, type ParticipationRequest } from './load-participation.js';
import { participationMessages } from './messages.js';
import { participationStyles } from './styles.js';

/**
 * How many collectivités of a territory answered each theme, out of how many it holds: a sentence
 * per theme about its most numerous kind ("32 % des communes ont répondu au volet
 * « Cybersécurité »"), then a table of every kind — communes, intercommunalités, the councils —
 * with "89 sur 277 (32 %)" in each cell, and the publication the counts come from.
 *
 * It reads `GET {api}/participation?territoire=…&edition=…`, or with `publication` the static
 * publication's `participation/{territoire-file}.json` (`participation/{edition}/…` for a named
 * edition; France, régions and départements only). Respondents are counted as the
 * latest publication counted them, so the figures agree with the results' `n`, and a
 * contribution sent now appears at the next publication. These counts are not statistical
 * secrets (no answer is crossed with them): a kind nobody answered reads "aucune réponse (0 sur
 * 277)", a real zero out of a real number, and a kind the territory holds none of is said so,
 * never written 0.
 *
 * The table is the figure itself, not an alternative to a drawing: it has a caption, row and
 * column headers, and scrolls inside a focusable region on a narrow screen.
 *
 * @summary Participation of a territory: collectivités that answered each theme, out of those it holds.
 * @tag barometre-participation
 *
 * @fires barometre-data - The participation was received, validated and shown. `detail: { results }` (the participation contract).
 * @fires barometre-error - The participation could not be loaded or was invalid. `detail: { code, message }`.
 *
 * @csspart figure - The whole block.
 * @csspart header - The caption above the figures.
 * @csspart title - The heading, naming the territory.
 * @csspart subtitle - What is counted.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart headlines - The sentences, one per theme.
 * @csspart table-container - The scrolling, focusable box around the table.
 * @csspart table - The table.
 * @csspart publication - The edition, the publication's date and the source.
 *
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text (default `#545454`).
 * @cssprop --barometre-surface - Background (default `#ffffff`).
 * @cssprop --barometre-border - Table rules (default `#6b6b6b`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreParticipation extends TerritoryElement {
  static override styles = [...figureStyles, participationStyles];

  /**
   * The edition counted (e.g. `2025`); the current one when absent. Today the survey has one
   * edition: asking for another is an error the element says in words.
   */
  @property() edition?: string;

  /** Only this theme (e.g. `cybersecurite`); all nine when absent. */
  @property() theme?: string;

  /**
   * Base URL of a static publication, read instead of the API (see the map's `publication`);
   * inherited from `<barometre-provider>` when absent. Communes and intercommunalités have no file.
   */
  @property() publication?: string;

  private readonly participation = new ResponseController<ParticipationRequest, ParticipationResponse>(this, {
    ask: () => {
      const source = sourceInForce(undefined, { publication: this.publication, api: this.api }, this.config);
      const territoire = this.effectiveTerritoire ?? 'france';
      const edition = this.edition?.trim();
      const asked = { territoire, lang: this.effectiveLang, ...(edition ? { edition } : {}) };
      if (source?.publication) {
        // A static publication has no file for communes and EPCI: say so rather than ask for one.
        return hasStaticFile(territoire) ? { request: { publication: source.publication, ...asked } } : { idle: 'staticLevel' };
      }
      return source?.api ? { request: { api: source.api, ...asked } } : { idle: 'noSource' };
    },
    load: (request, signal) => fetchParticipation(request, signal),
    readsFiles: (request) => 'publication' in request,
  });

  /** The participation shown, once loaded. */
  get results(): ParticipationResponse | undefined {
    return this.participation.results;
  }

  /** Loads the participation again (the "Réessayer" button). */
  retry(): void {
    this.participation.retry();
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const state = this.participation.state;
    const entry = state.status === 'ready' ? this.shown(state.results.territories[0]) : undefined;
    const emptyText = state.status === 'ready' && (entry === undefined || entry.themes.length === 0) ? participationMessages(lang, 'empty') : undefined;
    const shown = entry && entry.themes.length > 0 && state.status === 'ready' ? { entry, response: state.results } : undefined;
    return figureShell({
      lang,
      state,
      onRetry: () => this.retry(),
      ...(emptyText !== undefined ? { emptyText } : {}),
      ...(shown
        ? { caption: { title: participationMessages(lang, 'title', { territory: shown.entry.territory.name }), subtitle: participationMessages(lang, 'subtitle') } }
        : {}),
      body: shown ? this.renderFigures(lang, shown.entry, shown.response) : nothing,
    });
  }

  /** The territory's themes, cut down to the one asked for. */
  private shown(entry: ParticipationTerritory | undefined): ParticipationTerritory | undefined {
    const theme = this.theme?.trim();
    if (entry === undefined || !theme) return entry;
    return { ...entry, themes: entry.themes.filter((one) => one.theme === theme) };
  }

  private renderFigures(lang: Lang, entry: ParticipationTerritory, response: ParticipationResponse): TemplateResult {
    const kinds = kindsOf(entry.themes);
    const headlines = entry.themes.flatMap((theme) => {
      const text = headlineText(lang, theme);
      return text === undefined ? [] : [text];
    });
    const caption = participationMessages(lang, 'tableCaption', { territory: entry.territory.name });
    return html`
      ${headlines.length > 0 ? html`<ul part="headlines" class="headlines">${headlines.map((text) => html`<li>${text}.</li>`)}</ul>` : nothing}
      <div part="table-container" class="table-container" role="region" tabindex="0" aria-label=${participationMessages(lang, 'tableRegion')}>
        <table part="table">
          <caption>${caption}</caption>
          <thead>
            <tr>
              <th scope="col">${participationMessages(lang, 'theme')}</th>
              ${kinds.map((kind) => html`<th scope="col">${participationMessages(lang, `column_${kind}`)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${entry.themes.map(
              (theme) => html`<tr>
                <th scope="row">${theme.title[lang]}</th>
                ${kinds.map((kind) => html`<td>${cellText(lang, theme.kinds.find((one) => one.kind === kind))}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">${participationMessages(lang, 'notSecret')}</p>
      <p part="publication" class="publication">
        ${participationMessages(lang, 'edition', { edition: response.edition })} ·
        ${participationMessages(lang, 'source', { publication: editionPublicationText(lang, response.publication) })}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-participation': BarometreParticipation;
  }
}
