// Another script of the host page — a different library, or an older copy — that already
// defined <barometre-indicateur> with its own, plain (Lit-free) element before Baromètre loads.
class IndicateurIntrus extends HTMLElement {
  connectedCallback() {
    this.textContent = 'Indicateur du site hôte';
  }
}
customElements.define('barometre-indicateur', IndicateurIntrus);
