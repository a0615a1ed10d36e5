// Lint for the product's code: typescript-eslint's recommended rules, and the boundaries between packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PACKAGES = ['platform', 'conversation', 'knowledge', 'channels'];

/** Nothing reaches into another package's src/: it imports the package (`@support/<name>`). */
const noDeepImports = {
  group: [...PACKAGES.map((name) => `**/${name}/src/**`), '**/apps/agent/src/**', '**/apps/gateway/src/**', '@support/*/src/**'],
  message: "Import the package (@support/<name>), not a file inside another package's src/.",
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '**/*.js', '**/*.mjs', 'apps/gateway/src/web-chat/public/**', 'apps/gateway/src/workspace/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Tests, fakes and wire-format code handle untyped JSON on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      // A server's handler closes over the object the server is then wrapped in.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Channels and the agent never import each other; the conversation model is where they meet.
    files: ['channels/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@support/agent', message: 'Channels never import the agent.' }], patterns: [noDeepImports] }] },
  },
  {
    files: ['apps/agent/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@support/channels', message: 'The agent knows no channel.' }], patterns: [noDeepImports] }] },
  },
  {
    files: ['apps/gateway/src/**/*.ts', 'platform/src/**/*.ts', 'conversation/src/**/*.ts', 'knowledge/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports] }] },
  },
);
