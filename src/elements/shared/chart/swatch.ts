/** Width and height of a legend swatch, in CSS pixels. */
export const SWATCH_WIDTH = 18;
export const SWATCH_HEIGHT = 14;

/**
 * Draws a legend swatch at (x, y): the series' fill (colour and texture) inside a border in the
 * text colour, as the bars are drawn. Without a fill — a series that is not drawn — the slot is
 * left empty, outlined with dashes, so a reader sees the series has its place but no bar.
 */
export function drawSwatch(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  fill: string | CanvasPattern | undefined,
  border: string,
): void {
  context.save();
  context.lineWidth = 1;
  context.strokeStyle = border;
  if (fill) {
    context.fillStyle = fill;
    context.fillRect(x, y, SWATCH_WIDTH, SWATCH_HEIGHT);
  } else {
    context.setLineDash([3, 2]);
  }
  context.strokeRect(x + 0.5, y + 0.5, SWATCH_WIDTH - 1, SWATCH_HEIGHT - 1);
  context.restore();
}

/** Paints a swatch on its own small canvas (the legend beside the chart), sharp on dense screens. */
export function paintSwatch(canvas: HTMLCanvasElement, fill: string | CanvasPattern | undefined, border: string): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(SWATCH_WIDTH * ratio);
  canvas.height = Math.round(SWATCH_HEIGHT * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, SWATCH_WIDTH, SWATCH_HEIGHT);
  drawSwatch(context, 0, 0, fill, border);
}
