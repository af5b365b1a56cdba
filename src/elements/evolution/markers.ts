/**
 * What tells series apart besides colour in a line chart: each slot (see `series-slots.ts`) has
 * its marker shape and its dash, in the chart, in the legend beside it and in the exported image.
 * The chosen territory keeps the plain line with round markers, as it keeps the plain bar.
 */

/** Marker shapes, by slot, as Chart.js names them. */
export const MARKER_SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** Line dashes, by slot (empty: solid). */
export const LINE_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [5, 5], [1, 4]];

export const markerOf = (slot: number): MarkerShape => MARKER_SHAPES[slot % MARKER_SHAPES.length]!;
export const dashOf = (slot: number): number[] => [...(LINE_DASHES[slot % LINE_DASHES.length] ?? [])];

/** Width and height of a legend swatch, in CSS pixels. */
export const LINE_SWATCH_WIDTH = 28;
export const LINE_SWATCH_HEIGHT = 14;

/** Draws a marker of `shape` centred on (x, y), `radius` wide each way. */
function drawMarker(context: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, radius: number): void {
  context.beginPath();
  switch (shape) {
    case 'circle':
      context.arc(x, y, radius, 0, Math.PI * 2);
      break;
    case 'rect':
      context.rect(x - radius, y - radius, radius * 2, radius * 2);
      break;
    case 'triangle':
      context.moveTo(x, y - radius);
      context.lineTo(x + radius, y + radius);
      context.lineTo(x - radius, y + radius);
      context.closePath();
      break;
    case 'rectRot':
      context.moveTo(x, y - radius);
      context.lineTo(x + radius, y);
      context.lineTo(x, y + radius);
      context.lineTo(x - radius, y);
      context.closePath();
      break;
    case 'crossRot':
      context.moveTo(x - radius, y - radius);
      context.lineTo(x + radius, y + radius);
      context.moveTo(x + radius, y - radius);
      context.lineTo(x - radius, y + radius);
      context.stroke();
      return;
    case 'star':
      for (const angle of [0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4]) {
        context.moveTo(x - radius * Math.cos(angle), y - radius * Math.sin(angle));
        context.lineTo(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
      }
      context.stroke();
      return;
  }
  context.fill();
  context.stroke();
}

/**
 * A legend swatch at (x, y): a short line in the series' dash with its marker in the middle. A
 * series with nothing drawn (`colour` undefined) keeps its place as a dashed empty box.
 */
export function drawLineSwatch(context: CanvasRenderingContext2D, x: number, y: number, colour: string | undefined, slot: number, border: string): void {
  context.save();
  context.lineWidth = 2;
  if (colour === undefined) {
    context.lineWidth = 1;
    context.strokeStyle = border;
    context.setLineDash([3, 2]);
    context.strokeRect(x + 0.5, y + 0.5, LINE_SWATCH_WIDTH - 1, LINE_SWATCH_HEIGHT - 1);
    context.restore();
    return;
  }
  const middle = y + LINE_SWATCH_HEIGHT / 2;
  context.strokeStyle = colour;
  context.fillStyle = colour;
  context.setLineDash(dashOf(slot));
  context.beginPath();
  context.moveTo(x, middle);
  context.lineTo(x + LINE_SWATCH_WIDTH, middle);
  context.stroke();
  context.setLineDash([]);
  drawMarker(context, markerOf(slot), x + LINE_SWATCH_WIDTH / 2, middle, 4);
  context.restore();
}

/** Paints a swatch on its own small canvas (the legend beside the chart), sharp on dense screens. */
export function paintLineSwatch(canvas: HTMLCanvasElement, colour: string | undefined, slot: number, border: string): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(LINE_SWATCH_WIDTH * ratio);
  canvas.height = Math.round(LINE_SWATCH_HEIGHT * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, LINE_SWATCH_WIDTH, LINE_SWATCH_HEIGHT);
  drawLineSwatch(context, 0, 0, colour, slot, border);
}
