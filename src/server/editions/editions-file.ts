import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import * as z from 'zod';
import { EditionList, WAVE_KEYS, type EditionDefinition } from '../../core/schema/edition.js';

/**
 * The operator's changes to the editions' calendar, `BAROMETRE_EDITIONS_FILE`: the absolute path
 * of a JSON file moving the days of some waves of the editions the release knows.
 *
 * ```json
 * { "2026": { "waves": { "3": { "opens": "2026-09-14", "closes": "2027-07-15" } } } }
 * ```
 *
 * A wave the file names gets both its days from it; the others keep theirs. Editions and their
 * questionnaire versions come with the release: the file can neither add an edition nor change
 * a version. The calendar it makes is checked like the built-in one (a wave closes on or after
 * it opens; a theme's waves never overlap between editions), at start.
 */

const WaveChange = z.strictObject({ opens: z.string(), closes: z.string() });

const EditionsFile = z.record(
  z.string(),
  z.strictObject({ waves: z.partialRecord(z.enum(WAVE_KEYS), WaveChange) }),
);

/** The built-in editions with the file's days, or one line saying what is wrong with it. */
export function readEditionsFile(path: string, builtIn: readonly EditionDefinition[]): EditionDefinition[] | string {
  if (!isAbsolute(path)) return `"${path}" is not an absolute file path`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? `${path} is not JSON` : `${path} cannot be read (${code})`;
  }
  const parsed = EditionsFile.safeParse(json);
  if (!parsed.success) return `${path}: ${describe(parsed.error.issues[0])}`;
  const known = new Set(builtIn.map((edition) => edition.id));
  const unknown = Object.keys(parsed.data).find((id) => !known.has(id));
  if (unknown !== undefined) return `${path}: edition "${unknown}" is not one this release knows (${[...known].join(', ')})`;
  const moved = builtIn.map((edition) => ({
    ...edition,
    waves: { ...edition.waves, ...parsed.data[edition.id]?.waves },
  }));
  const checked = EditionList.safeParse(moved);
  if (!checked.success) return `${path}: ${describe(checked.error.issues[0], (index) => moved[index]?.id)}`;
  return checked.data;
}

/** One issue as a phrase: where (`2026.waves.1.closes`) and what. */
function describe(
  issue: { path: PropertyKey[]; message: string } | undefined,
  editionAt: (index: number) => string | undefined = () => undefined,
): string {
  if (issue === undefined) return 'not an editions file';
  const [first, ...rest] = issue.path;
  const head = typeof first === 'number' ? (editionAt(first) ?? String(first)) : first;
  const where = [head, ...rest].filter((part) => part !== undefined).map(String).join('.');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
