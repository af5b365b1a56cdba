import type { Scale } from 'chart.js';

/** Round ends a grouped share axis may have: a fifth of the whole at a time, up to 100 %. */
const TOPS = [20, 40, 60, 80, 100];

/** Points kept above the largest bar, so the axis never ends right at it. */
const HEADROOM = 5;

/** Steps between ticks, finest first: each divides at least one of the tops. */
const STEPS = [5, 10, 20, 25, 30, 40, 50];

/** Room between two tick labels, in pixels, besides the labels themselves. */
const TICK_GAP = 12;

/**
 * Where the value axis ends. Stacked shares fill the bar: 100 %, even when rounded parts add up
 * to 101 (the last point is rounding, and an axis past 100 % would read as more than the whole).
 * Grouped bars end at the first round top (20, 40, 60, 80 or 100 %) at least a few points above
 * the largest bar, so short bars keep their length and the axis never stops at a figure that
 * only happens to be the largest one.
 */
export function axisTop(values: readonly (number | null)[], stacked: boolean): number {
  if (stacked) return 100;
  const largest = Math.max(0, ...values.filter((value): value is number => value !== null));
  return TOPS.find((top) => top >= largest + HEADROOM) ?? 100;
}

/**
 * The finest step whose tick labels fit side by side along `length` pixels, each `labelSize`
 * pixels long (the width of "100 %" across, a line's height up). The step divides `top`, so the
 * last tick is the axis's end; when nothing finer fits, only 0 and the end are labelled.
 */
export function tickStep(top: number, length: number, labelSize: number): number {
  const fits = (step: number) => (top / step) * (labelSize + TICK_GAP) <= length;
  return STEPS.find((step) => top % step === 0 && step * 2 <= top && fits(step)) ?? top;
}

/**
 * An `afterBuildTicks` hook for the value axis: ticks every {@link tickStep}, measured in the
 * font they are drawn with once the axis knows its length. Chart.js's own spacing only counts
 * 40 pixels a tick, which French labels ("100 %") overrun in a narrow box ("80 %90 %").
 */
export function spacedTicks(font: string, lineHeight: number, label: (value: number) => string): (scale: Scale) => void {
  return (scale) => {
    const top = scale.max;
    const horizontal = scale.isHorizontal();
    const length = horizontal ? scale.width : scale.height;
    let size = lineHeight;
    if (horizontal) {
      scale.ctx.save();
      scale.ctx.font = font;
      size = scale.ctx.measureText(label(top)).width;
      scale.ctx.restore();
    }
    const step = tickStep(top, length, size);
    const ticks = [];
    for (let value = 0; value <= top + 1e-9; value += step) ticks.push({ value });
    scale.ticks = ticks;
  };
}
