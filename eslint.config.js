// ESLint flat config: TypeScript (typescript-eslint, type-aware) for the extension's product code,
// Preact hooks rules, and Prettier's formatting left to Prettier (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.webextensions },
      parserOptions: { projectService: true },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Untrusted text is never parsed as HTML (README, "Security first").
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Portal and ServiceNow text goes into text nodes, never innerHTML.' },
        { property: 'outerHTML', message: 'Portal and ServiceNow text goes into text nodes, never outerHTML.' },
      ],
      'no-control-regex': 'off',
    },
  },
  { files: ['*.config.ts', 'wxt.config.ts'], languageOptions: { globals: globals.node } },
  // Tests build hostile DOM on purpose, and their helpers are not components.
  {
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-properties': 'off',
      'react-hooks/rules-of-hooks': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  prettier,
);
