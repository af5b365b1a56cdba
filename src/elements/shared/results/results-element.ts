import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FiguresElement } from './figures-element.js';
import type { ResultsMessageKey } from './messages.js';
import { DEFAULT_DECIMALS, toDecimals } from './percent.js';
import { ResultsController, type RequestOrMissing } from './results-controller.js';
import { parseList } from './results-query.js';
import { buildShareTable, toBase, type Base, type ShareTable } from './share-table.js';
import { hasStaticFile } from './static-publication.js';

/**
 * Base of the elements that show survey results: the attributes they share, the loading of
 * results and definition, and the table of shown figures everything else is drawn from.
 */
export abstract class ResultsElement extends FiguresElement {
  /** Theme id (`cybersecurite`, `inclusion`…). Required with the API or a publication; a results file names its own. */
  @property() theme?: string;

  /** Question id within the theme, e.g. `rssi`. */
  @property() question?: string;

  /**
   * Comparison series, separated by spaces or commas: `region`, `france`, `similaires`. Not
   * taken from the provider: each element chooses its own comparisons.
   */
  @property() comparer?: string;

  /**
   * A static results file (JSON following the results contract) read instead of the API or a
   * publication, for open-data pages that have no API. Resolved against the page's address.
   */
  @property() src?: string;

  /** `concernees` (default): share among those asked the question; `toutes`: share among all respondents. */
  @property() base: Base = 'concernees';

  /** Decimals of the percentages, 0 (default) to 2. */
  @property({ type: Number }) decimales: number = DEFAULT_DECIMALS;

  /** Loads the results whenever what is asked for changes; the shared state of both elements. */
  protected readonly results = new ResultsController(this, () => this.readRequest());

  /** Comparisons asked for when the `comparer` attribute is absent. */
  protected get defaultComparer(): readonly string[] {
    return [];
  }

  /** The setting, beyond source, theme and question, without which nothing can be asked. */
  protected missingSetting(): ResultsMessageKey | undefined {
    return undefined;
  }

  private readRequest(): RequestOrMissing {
    const source = this.figuresSource(this.src?.trim() || undefined);
    const question = this.question?.trim() || undefined;
    const theme = this.theme?.trim() || undefined;
    const territoire = this.effectiveTerritoire;
    if (!source) return { missing: 'noSource' };
    if (!source.src && !theme) return { missing: 'noTheme' };
    if (!question) return { missing: 'noQuestion' };
    const missing = this.missingSetting();
    if (missing) return { missing };
    // A static publication has no file for communes and EPCI: say so rather than ask for one.
    if (!source.src && source.publication && !hasStaticFile(territoire)) return { missing: 'staticLevel' };
    const comparer = this.comparer === undefined ? this.defaultComparer : parseList(this.comparer);
    return {
      lang: this.effectiveLang,
      request: {
        ...source,
        theme,
        territoire,
        comparer,
        question,
        ponderation: this.effectivePonderation,
      },
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // What subclasses derive from the results below must see this update's request.
    this.results.sync();
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
