import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NearViewportController } from '../near-viewport-controller.js';
import { loadChartRuntime } from './chart-loader.js';
import { prefersReducedMotion, readChartTheme, type ChartTheme } from './chart-theme.js';

/** What a chart element tells its canvas controller. */
export interface ChartCanvasOptions<Figures, T extends ChartType, D, L> {
  /** The canvas the host rendered, if any. */
  canvas(): HTMLCanvasElement | null | undefined;
  /** The figures shown: no chart without them. */
  figures(): Figures | undefined;
  /** What else a drawing depends on (language, kind of chart): a change of it, or of the figures, redraws. */
  key(figures: Figures): unknown;
  config(figures: Figures, theme: ChartTheme, animate: boolean): ChartConfiguration<T, D, L>;
  /** Chart.js could not be downloaded: the figures are still there, so the host shows them as a table. */
  onFailed(): void;
}

/**
 * One chart on one canvas, for every chart element: Chart.js starts downloading as soon as the
 * host nears the viewport (while its figures are still being fetched, not after them), the chart
 * is drawn once both are in, redrawn only when what it shows changes, and destroyed with the
 * canvas or the host — Chart.js keeps a registry of live charts, which a removed element must
 * leave.
 */
export class ChartCanvasController<Figures, T extends ChartType, D, L> implements ReactiveController {
  /** The Chart.js instance once drawn; replaced at each redraw. */
  chart?: Chart<T, D, L>;
  /** Whether the last drawing failed for lack of Chart.js. */
  failed = false;

  readonly #viewport: NearViewportController;
  /** Whether the chart is on its canvas now. */
  #onCanvas = false;
  /** What the host renders in the update under way: whether the chart is drawn by its end. */
  #drawnByUpdateEnd = false;
  #drawnKey?: string;
  /** Counts drawings, so that one finishing after a newer one started gives way. */
  #drawing = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ChartCanvasOptions<Figures, T, D, L>,
  ) {
    host.addController(this);
    this.#viewport = new NearViewportController(host, () => void loadChartRuntime().catch(() => undefined));
  }

  /**
   * Whether the chart is drawn by the end of the update under way, so that an image can be
   * exported: read by the host as it renders what it offers beside its canvas. Known before the
   * drawing, so that the frame the bars first show in has the offer too, without an update more.
   */
  get drawn(): boolean {
    return this.#drawnByUpdateEnd;
  }

  /** Draws again at the next update, re-reading the colours in force. */
  redraw(): void {
    this.#drawnKey = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // A chart in view asks for Chart.js now, not after its first frame: in hand when the figures
    // come, it draws them in the frame they first show in.
    this.#viewport.nearNow();
    // Back in a page after a move: the chart was destroyed when the host left.
    if (this.options.figures()) this.redraw();
  }

  hostDisconnected(): void {
    this.#destroy();
  }

  hostUpdate(): void {
    // Figures, Chart.js in hand and the host near: `hostUpdated` draws them at once, after this
    // update's render.
    const drawsNow = !this.failed && this.options.figures() !== undefined && loadChartRuntime.loaded !== undefined && this.#viewport.near;
    this.#drawnByUpdateEnd = this.#onCanvas || drawsNow;
  }

  hostUpdated(): void {
    const figures = this.options.figures();
    const canvas = this.options.canvas();
    if (!figures || !canvas) {
      this.#destroy();
      return;
    }
    if (!this.#viewport.nearNow()) return;
    const key = JSON.stringify([this.options.key(figures), figures]);
    if (key === this.#drawnKey && this.chart?.canvas === canvas) return;
    this.#drawnKey = key;
    this.#draw(canvas, figures);
  }

  /**
   * Draws at once when Chart.js is in, so that the frame the figures first show in has its bars;
   * else once it has come.
   */
  #draw(canvas: HTMLCanvasElement, figures: Figures): void {
    const ticket = ++this.#drawing;
    const runtime = loadChartRuntime.loaded;
    if (runtime) return this.#drawWith(runtime, canvas, figures);
    loadChartRuntime().then(
      (loaded) => {
        if (ticket === this.#drawing && canvas.isConnected) this.#drawWith(loaded, canvas, figures);
      },
      () => {
        if (ticket === this.#drawing) this.#fail();
      },
    );
  }

  #drawWith(runtime: NonNullable<typeof loadChartRuntime.loaded>, canvas: HTMLCanvasElement, figures: Figures): void {
    try {
      const config = this.options.config(figures, readChartTheme(this.host), !prefersReducedMotion());
      this.chart = runtime.drawChart(canvas, config, this.chart);
      this.#onCanvas = true;
      this.#settle(true, false);
    } catch {
      this.#fail();
    }
  }

  #fail(): void {
    this.#drawnKey = undefined;
    this.#onCanvas = false;
    this.#settle(false, true);
    this.options.onFailed();
  }

  /**
   * The canvas or its figures are gone from the host's render, or the host from the page: nothing
   * the host shows beside the canvas is left to update.
   */
  #destroy(): void {
    this.#drawing += 1;
    this.#drawnKey = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    this.#onCanvas = false;
    this.#drawnByUpdateEnd = false;
  }

  /** The host renders again when what it rendered with has changed: a drawing that came later than its update, a failure. */
  #settle(drawn: boolean, failed: boolean): void {
    if (drawn === this.#drawnByUpdateEnd && failed === this.failed) return;
    this.#drawnByUpdateEnd = drawn;
    this.failed = failed;
    // A drawing made during the host's update asks for the next one once this one is over.
    queueMicrotask(() => this.host.requestUpdate());
  }
}
