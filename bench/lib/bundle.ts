import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * scripts/bundle-size.mjs, typed. That script stays plain JavaScript so `node` runs it without a
 * build; the benchmark imports it rather than computing module closures a second way. A
 * computed specifier keeps TypeScript from looking for declarations the script does not have.
 */
export interface BundleSize {
  /** The files a module pulls in before it runs, itself included. */
  staticClosure(entry: string): string[];
  /** The union of several modules' static closures. */
  closureOf(entries: readonly string[]): string[];
  /** The relative modules a file may import later. */
  dynamicImports(file: string): string[];
  /** The chunk the script-tag loader imports for a tag. */
  loaderChunk(loader: string, tag: string): string | undefined;
  gzipSize(file: string): number;
  gzipTotal(files: readonly string[]): number;
}

export async function loadBundleSize(): Promise<BundleSize> {
  const url = pathToFileURL(resolve('scripts/bundle-size.mjs')).href;
  return (await import(url)) as BundleSize;
}
