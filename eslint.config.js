import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

/** Files matching `files` may import nothing matching the patterns, grouped by what they name. */
function layer(files, forbidden) {
  const patterns = Object.entries(forbidden).map(([what, group]) => ({
    group,
    message: `${files.split('/')[1]} must not import ${what}: see the code layout in the README.`,
  }));
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', '.cache/', 'data/', 'custom-elements.json'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Secure by default: nothing is ever evaluated from a string.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/elements/**/*.ts', 'test/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  // The layers: core runs anywhere (browsers, Node) and knows neither Lit nor HTTP servers;
  // elements and server both build on core and never on each other.
  layer('src/core/**/*.ts', {
    'Lit or the elements': ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', '@lit/*', '@lit-labs/*', '**/elements', '**/elements/**'],
    'the server or its packages': ['**/server', '**/server/**', 'fastify', 'fastify/*', '@fastify/*', 'better-sqlite3', 'pg'],
  }),
  layer('src/elements/**/*.ts', { 'the server': ['**/server', '**/server/**'] }),
  layer('src/server/**/*.ts', { 'the elements or Lit': ['**/elements', '**/elements/**', 'lit', 'lit/*', '@lit/*'] }),
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
