// The manifest is generated from the elements' JSDoc and committed; `npm test` checks it is current.

/** Files are listed in path order, whatever order the file system returns them in. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts', 'src/elements/**/define.ts'],
  outdir: process.env.CEM_OUTDIR || '.',
  litelement: true,
  packagejson: false,
  plugins: [sortModules],
};
