// The manifest is generated from the elements' JSDoc and committed; `npm test` checks it is current.

/** Files are listed in path order, whatever order the file system returns them in. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

/**
 * The manifest describes what integrators use: each element's public API. Private and protected
 * members, and modules declaring no element (an element's internal files), are left out; the
 * elements keep what they inherit, written on them.
 */
const publicApiOnly = {
  name: 'public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    const hidden = (member) => member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#');
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.members) declaration.members = declaration.members.filter((member) => !hidden(member));
      }
    }
    customElementsManifest.modules = customElementsManifest.modules.filter((module) =>
      (module.declarations ?? []).some((declaration) => declaration.customElement),
    );
  },
};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts', 'src/elements/**/define.ts'],
  outdir: process.env.CEM_OUTDIR || '.',
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly, sortModules],
};
