// Gzip size of a built module and of everything it imports statically: what a page must download
// before the module runs. Usage: node scripts/bundle-size.mjs dist/cdn/barometre-widgets.js
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

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

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const entry of process.argv.slice(2)) {
    const files = staticClosure(entry);
    const total = files.reduce((sum, file) => sum + gzipSize(file), 0);
    console.log(`${entry}: ${(gzipSize(entry) / 1000).toFixed(1)} kB gzip alone, ${(total / 1000).toFixed(1)} kB with its ${files.length - 1} static imports`);
  }
}
