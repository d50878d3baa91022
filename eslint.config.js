// ESLint for E-Akte Desktop: type-aware typescript-eslint per environment, plus the layer rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: ['dist/', 'release/', 'node_modules/', '.tools/', '.data/', '.test-output/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.shared.json',
          './tsconfig.main.json',
          './tsconfig.preload.json',
          './tsconfig.renderer.json',
          './tsconfig.server.json',
          './tsconfig.test.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-console': 'error',
      // Handlers and ports are async by contract even when one implementation needs no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Scripts, tests and benchmarks talk to the person running them.
    files: ['scripts/**', 'test/**', 'bench/**', 'server/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures declare "no dependencies" as an empty pattern.
    files: ['test/e2e/**', 'test/electron/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...layerRules,
);
