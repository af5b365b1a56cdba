import { property } from 'lit/decorators.js';
import type { EmbedSettings } from './embed/snippet.js';
import { FiguresElement } from './figures-element.js';
import { toDecimals } from './percent.js';
import { ResultsController, type RequestOrMissing } from './results-controller.js';
import { parseList } from './results-query.js';
import { buildShareTable, toBase, type Base, type ShareTable } from './share-table.js';
import { hasStaticFile } from './static-publication.js';

/**
 * Base of the elements that show survey results: the attributes they share, the loading of
 * results and definition, and the table of shown figures everything else is drawn from.
 */
export abstract class ResultsElement extends FiguresElement {
  /**
   * Comparison series, separated by spaces or commas: `region`, `france`, `similaires`. Not
   * taken from the provider: each element chooses its own comparisons.
   */
  @property() comparer?: string;

  /** `concernees` (default): share among those asked the question; `toutes`: share among all respondents. */
  @property() base: Base = 'concernees';

  /**
   * Loads the results whenever what is asked for changes; the shared state of both elements. It
   * reads the request in `hostUpdate`, after `willUpdate`: what is derived from it belongs in `update()`.
   */
  protected readonly results = new ResultsController(this, () => this.readRequest());

  /** Comparisons asked for when the `comparer` attribute is absent. */
  protected get defaultComparer(): readonly string[] {
    return [];
  }

  private readRequest(): RequestOrMissing {
    const asked = this.askFigures();
    if ('missing' in asked) return asked;
    const territoire = this.effectiveTerritoire;
    const { request } = asked;
    // A static publication has no file for communes and EPCI: say so rather than ask for one.
    if (!request.src && request.publication && !hasStaticFile(territoire)) return { missing: 'staticLevel' };
    const comparer = this.comparer === undefined ? this.defaultComparer : parseList(this.comparer);
    return { lang: asked.lang, request: { ...request, territoire, comparer } };
  }

  protected override embedSettings(): EmbedSettings {
    return {
      ...super.embedSettings(),
      comparer: this.comparer === undefined ? this.defaultComparer : parseList(this.comparer),
      base: toBase(this.base),
    };
  }

  /** Loads the same results again. */
  retry(): void {
    this.results.retry();
  }

  /** The figures shown, once results are loaded; built from the attributes in force at each render. */
  protected get shareTable(): ShareTable | undefined {
    const state = this.results.state;
    if (state.status !== 'ready' || !this.question) return undefined;
    return buildShareTable({
      results: state.results,
      definition: state.definition,
      question: this.question.trim(),
      base: toBase(this.base),
      decimals: toDecimals(this.decimales),
      lang: this.effectiveLang,
    });
  }
}
