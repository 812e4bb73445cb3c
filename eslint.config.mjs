// Lint rules double as the architecture's layer rules (docs/architecture.md): the contact
// core and the shared contract run under plain Node, the renderer only talks to
// window.softphone.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/main/contacts/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The contact core and the shared contract must run under plain Node: no electron.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**', 'tests/**/*.browser.ts', 'tests/e2e/pages/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks only to window.softphone.' },
          { name: 'better-sqlite3', message: 'The renderer talks only to window.softphone.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node APIs; use window.softphone.' })),
        ],
      }],
    },
  },
);
