import { quantile } from '../../core/stats/quantiles.js';

/**
 * The colour classes of a map. By default they are quintiles of the shown values: each class
 * holds about a fifth of the territories, so the map shows contrasts whatever the range of the
 * question (a question answered "oui" by 10 to 40 % would fill two classes of fixed 20-point
 * bands). Bounds are rounded to whole percents so the legend reads "de 20 % à moins de 27 %".
 * A page that compares several maps can fix the bounds instead with `seuils`.
 */

/** How many colours the scale has. */
export const PALETTE_SIZE = 5;

/** One class: values from `lower` (included) to `upper` (excluded, except for the last class). */
export interface ColourClass {
  lower: number;
  upper: number;
  /** True for the last class, whose upper bound is included. */
  last: boolean;
  /** The colour of the class, 1 to {@link PALETTE_SIZE}: with fewer classes, colours are spread over the whole ramp. */
  colour: number;
}

/** The classes and how they were chosen. */
export interface ClassScale {
  method: 'quantiles' | 'seuils';
  classes: ColourClass[];
}

/** Spreads `count` classes over the palette, lightest to darkest, keeping the ends. */
function colourOf(index: number, count: number): number {
  if (count <= 1) return Math.ceil(PALETTE_SIZE / 2);
  return 1 + Math.round((index * (PALETTE_SIZE - 1)) / (count - 1));
}

function classesFrom(bounds: readonly number[]): ColourClass[] {
  const count = Math.max(1, bounds.length - 1);
  if (bounds.length === 1) return [{ lower: bounds[0]!, upper: bounds[0]!, last: true, colour: colourOf(0, 1) }];
  return bounds.slice(0, -1).map((lower, index) => ({
    lower,
    upper: bounds[index + 1]!,
    last: index === count - 1,
    colour: colourOf(index, count),
  }));
}

/**
 * Quintile classes of percentages (as shown, already rounded). Breaks that coincide after
 * rounding are merged, so a map of few distinct values gets fewer classes, never empty ones
 * squeezed between equal bounds.
 */
export function quantileScale(percents: readonly number[]): ClassScale {
  if (percents.length === 0) return { method: 'quantiles', classes: [] };
  const sorted = [...percents].sort((a, b) => a - b);
  const low = Math.floor(sorted[0]!);
  const high = Math.ceil(sorted[sorted.length - 1]!);
  const bounds = [low];
  for (let k = 1; k < PALETTE_SIZE; k += 1) {
    const cut = Math.round(quantile(sorted, k / PALETTE_SIZE));
    if (cut > bounds[bounds.length - 1]! && cut <= high) bounds.push(cut);
  }
  // A cut at the highest value (a fifth of the territories share it) leaves that value a class
  // of its own, "52 %", rather than merging it with lower ones.
  if (high > low) bounds.push(high);
  return { method: 'quantiles', classes: classesFrom(bounds) };
}

/** Fixed classes between 0 and 100 % cut at the given percentages (1 to 4 of them). */
export function thresholdScale(thresholds: readonly number[]): ClassScale {
  return { method: 'seuils', classes: classesFrom([0, ...thresholds, 100]) };
}

/**
 * Reads the `seuils` attribute ("20 40 60 80", commas accepted): 1 to 4 distinct numbers
 * strictly between 0 and 100, sorted. Anything else gives `undefined`, and the map falls back
 * to quintiles rather than drawing classes the author did not mean.
 */
export function parseThresholds(value: string | null | undefined): number[] | undefined {
  const items = (value ?? '').split(/[\s,;]+/).filter(Boolean);
  if (items.length === 0 || items.length > PALETTE_SIZE - 1) return undefined;
  const numbers = items.map(Number);
  if (numbers.some((number) => !Number.isFinite(number) || number <= 0 || number >= 100)) return undefined;
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return sorted.length === numbers.length ? sorted : undefined;
}

/** The class a percentage falls in, or `undefined` outside every class. */
export function classOf(scale: ClassScale, percent: number): ColourClass | undefined {
  return scale.classes.find((one) => percent >= one.lower && (percent < one.upper || (one.last && percent <= one.upper)));
}
