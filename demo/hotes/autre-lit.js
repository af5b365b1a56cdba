// Another script of the host page — a different library, or an older copy of Baromètre — built
// on its own copy of Lit, that defined <barometre-indicateur> before Baromètre loads.
import { LitElement, css, html } from 'lit';

class IndicateurDuSite extends LitElement {
  static properties = { clics: { type: Number } };

  static styles = css`
    :host {
      display: block;
      padding: 0.5rem;
      border: 2px dashed #8a5a00;
    }
  `;

  constructor() {
    super();
    this.clics = 0;
  }

  render() {
    return html`<p>Indicateur du site hôte</p>
      <button type="button" @click=${() => (this.clics += 1)}>Clics : ${this.clics}</button>`;
  }
}

customElements.define('barometre-indicateur', IndicateurDuSite);
