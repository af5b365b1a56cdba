// The manifest is generated from the elements' JSDoc and committed; `npm test` checks it is current.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts', 'src/elements/**/define.ts'],
  outdir: process.env.CEM_OUTDIR || '.',
  litelement: true,
  packagejson: false,
};
