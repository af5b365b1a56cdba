// Gzip size of a built module and of everything it imports statically: what a page must download
// before the module runs. Usage: node scripts/bundle-size.mjs dist/cdn/barometre-widgets.js
// Also imported by the benchmark (bench/size.ts), so the closure is computed one way only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
// Vite writes chunk paths of dynamic imports as template literals, hence the backtick.
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

/** The files a module pulls in before it runs, itself included. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(join(dirname(file), match[1]));
  };
  visit(entry);
  return [...seen];
}

/** The union of several modules' static closures, each file once (shared chunks are downloaded once). */
export function closureOf(entries) {
  return [...new Set(entries.flatMap((entry) => staticClosure(entry)))];
}

/** The relative modules a file may import later with `import(…)`, as paths beside it. */
export function dynamicImports(file) {
  const code = readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(DYNAMIC_IMPORT)].map((match) => join(dirname(file), match[1])))];
}

/**
 * The chunk the script-tag loader imports for one tag, read from the loader's own table
 * (`"barometre-questionnaire":()=>…import("./chunks/…")`): chunk names alone are ambiguous, as a
 * shared module may be named like an element. Other tables of the loader name the tags too, with
 * no function beside them.
 */
export function loaderChunk(loader, tag) {
  const code = readFileSync(loader, 'utf8');
  const at = code.indexOf(`"${tag}":()=>`);
  if (at < 0) return undefined;
  const match = new RegExp(DYNAMIC_IMPORT.source).exec(code.slice(at));
  return match ? join(dirname(loader), match[1]) : undefined;
}

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzip sizes of files added up: each file compressed on its own, as a server sends it. */
export const gzipTotal = (files) => files.reduce((sum, file) => sum + gzipSize(file), 0);

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const entry of process.argv.slice(2)) {
    const files = staticClosure(entry);
    const total = gzipTotal(files);
    console.log(`${entry}: ${(gzipSize(entry) / 1000).toFixed(1)} kB gzip alone, ${(total / 1000).toFixed(1)} kB with its ${files.length - 1} static imports`);
  }
}
