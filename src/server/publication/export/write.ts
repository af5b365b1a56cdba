import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { StaticFile } from './static-files.js';

/**
 * Writes a static publication's files under a folder. Each file is written beside its place and
 * renamed over it, so a web server serving the folder meanwhile sends either the old file or the
 * new one, never half of one.
 */

/** Where a file goes under `root`; a path that would leave it is refused. */
export function targetOf(root: string, path: string): string {
  const target = resolve(root, ...path.split('/'));
  const inside = relative(resolve(root), target);
  if (path === '' || isAbsolute(path) || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`Refusing to write ${JSON.stringify(path)} outside ${root}`);
  }
  return target;
}

/** Writes one file in place of any older one. */
export async function writeFileInPlace(root: string, file: StaticFile): Promise<void> {
  const target = targetOf(root, file.path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${process.pid}.tmp-${Math.random().toString(36).slice(2)}`);
  try {
    await writeFile(temporary, file.content, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes every file, one after the other; returns how many. */
export async function writeFiles(root: string, files: Iterable<StaticFile>): Promise<number> {
  let count = 0;
  for (const file of files) {
    await writeFileInPlace(root, file);
    count += 1;
  }
  return count;
}
