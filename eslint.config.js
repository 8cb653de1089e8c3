import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', '**/cli/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  // The guarded layer (ADR 0010): only apps/server/src/platform/guard/ mints access grants, and
  // nobody makes one by casting. Personal-data repositories take a grant, so bypassing the
  // need-to-know check would need an edit this rule reports.
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['apps/server/src/platform/guard/**', 'packages/db/src/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@hoeder/db/grant-mint', message: 'Access grants are minted only by the guarded layer (apps/server/src/platform/guard, ADR 0010).' }], patterns: [{ group: ['**/access/mint', '**/access/grants'], message: 'Access grants are minted only by the guarded layer (ADR 0010).' }] }],
      'no-restricted-syntax': ['error', { selector: "TSAsExpression > TSTypeReference[typeName.name=/^(Case|Daf)(Read|Write|Set|Search)Grant$/]", message: 'A grant comes from the guarded layer, never from a cast (ADR 0010).' }],
    },
  },
);
