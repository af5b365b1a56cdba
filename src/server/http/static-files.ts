import { existsSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { StaticRoots } from '../config.js';
import { CompressedBodies } from './compressed-bodies.js';
import { COMPRESSION_THRESHOLD, isCompressible, negotiateEncoding, varyOnEncoding } from './encoding.js';

/**
 * The files of `node_modules` the demo may load: the JavaScript of Lit's four packages, and
 * nothing else (no folder name with a dot, so no way up and out of a package).
 */
const LIT_MODULE = /^\/(?:lit|lit-element|lit-html|@lit\/reactive-element)\/(?:[\w-]+\/)*[\w.-]+\.js$/;

/**
 * Files of the script-tag build whose name carries a hash of their content (Vite's chunks and
 * assets, and their source maps): a new content gets a new name, so a copy never goes stale.
 */
const CONTENT_HASHED = /^(?:chunks|assets)\/[^/]+-[\w-]{8}\.[\w.]+$/;

/** A year, and no revalidation: a hashed file's content cannot change under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Pages and other files that keep their name across releases: five minutes, then a revalidation
 * with the ETag, so a release reaches every embed within minutes.
 */
const SHORT = 'public, max-age=300';

/** The script-tag loader, the one file of the build whose name every embedding page writes. */
const LOADER = 'barometre-widgets.js';

/**
 * The loader: five minutes as well, then for a week a kept copy runs at once while the browser
 * revalidates it in the background. A page visited again within the week (the day after, say)
 * then sends its element's requests without waiting a round trip for the loader first; the copy
 * it ran may be a release behind for that one visit, the next visit runs the new one. A week, not
 * a day: a visit the day after comes a little more than a day later, and a questionnaire is often
 * taken up again within the week. The old release's chunks stay served that long (see the README's
 * caching section), and a kept loader that finds its element's chunk gone anyway imports a fresh
 * copy of itself (`src/cdn/hand-over.ts`).
 *
 * Only the loader, of the build's files that keep their name: its source map and the elements'
 * manifest (`custom-elements.json`) are read by tools, which no page waits for and which want the
 * current release's.
 */
const LOADER_CACHE = `${SHORT}, stale-while-revalidate=${7 * 24 * 3600}`;

function cdnCacheControl(path: string): string {
  if (CONTENT_HASHED.test(path)) return IMMUTABLE;
  return path === LOADER ? LOADER_CACHE : SHORT;
}

/** Static files are few (a build and a few pages): room for all of them, compressed both ways. */
const STATIC_CACHE_BYTES = 64 * 1024 * 1024;

interface Root {
  root: string | undefined;
  prefix: string;
  cacheControl: (relativePath: string) => string;
  only?: RegExp;
}

/** The file being sent on a response, as `@fastify/static` found it. */
const sending = new WeakMap<object, { path: string; stat: Stats }>();

/**
 * Serves the demo pages, the script-tag build and the referential artefacts from the folders
 * that exist, with their caching rules; compressible files of 1 kB or more leave as brotli or
 * gzip, compressed once per file and kept in memory (see {@link CompressedBodies}).
 */
export function registerStaticFiles(app: FastifyInstance, roots: StaticRoots): void {
  const demoModules = roots.demoModules !== undefined && existsSync(roots.demo) ? roots.demoModules : undefined;
  const served: Root[] = [
    { root: roots.cdn, prefix: '/cdn/', cacheControl: cdnCacheControl },
    { root: roots.referential, prefix: '/referential/', cacheControl: () => 'public, max-age=3600' },
    // Lit's modules change with an installation only, but the demo is where they get tried out.
    { root: demoModules, prefix: '/demo-modules/', cacheControl: () => 'no-cache', only: LIT_MODULE },
    { root: roots.demo, prefix: '/', cacheControl: () => SHORT },
  ];
  const bodies = new CompressedBodies(STATIC_CACHE_BYTES);
  void app.register(async (scope) => {
    scope.addHook('onSend', async (request, reply, payload) => {
      const file = sending.get(reply.raw);
      if (file === undefined) return payload;
      // A 304 carries no Content-Type to tell, but must vary as its 200 did.
      if (reply.statusCode === 304) varyOnEncoding(reply);
      if (!isCompressible(reply.getHeader('content-type'))) return payload;
      varyOnEncoding(reply);
      // A 206 counts its ranges in the file's own bytes.
      if (reply.statusCode !== 200 || file.stat.size < COMPRESSION_THRESHOLD) return payload;
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      if (encoding === undefined) return payload;
      const key = `${file.path}\n${file.stat.size}\n${file.stat.mtimeMs}`;
      const body = bodies.get(key) ?? bodies.set(key, await readFile(file.path));
      const bytes = await bodies.encoded(body, encoding);
      (payload as Readable).destroy();
      reply.header('content-encoding', encoding);
      reply.header('content-length', bytes.length);
      // Ranges would count in the compressed bytes, which nobody expects: none are offered on them.
      reply.removeHeader('accept-ranges');
      return bytes;
    });
    for (const { root, prefix, cacheControl, only } of served) {
      if (root === undefined || !existsSync(root)) continue;
      await scope.register(fastifyStatic, {
        root,
        prefix,
        decorateReply: false,
        cacheControl: false,
        ...(only ? { allowedPath: (path: string) => only.test(path) } : {}),
        setHeaders: (response, path, stat) => {
          response.setHeader('cache-control', cacheControl(relative(root, path).split(sep).join('/')));
          sending.set(response, { path, stat });
        },
      });
    }
  });
}
