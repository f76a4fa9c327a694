// Lint: code quality, and the layout rules of DESIGN.md — which folder may import what.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `node:${name}`]);

const nodeImports = {
  paths: NODE_MODULES.map((name) => ({ name, message: 'Node modules are not available here: this code must also run in a browser.' })),
  patterns: [{ group: ['node:*'], message: 'Node modules are not available here: this code must also run in a browser.' }],
};
const electronImport = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const electronPattern = { group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/agent-clis/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },

  // shared/: pure TypeScript for both sides. No Node, no Electron, no React, no DOM.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeImports.paths, electronImport, { name: 'react', message: 'shared/ must not depend on React.' }, { name: 'react-dom', message: 'shared/ must not depend on React.' }],
          patterns: [
            ...nodeImports.patterns,
            electronPattern,
            { group: ['react/*', 'react-dom/*'], message: 'shared/ must not depend on React.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the bottom layer: it imports nothing from electron/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },

  // electron/core, server, cli: plain Node, so the engine runs without Electron.
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli/**/*.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [electronPattern, { group: ['**/renderer/**'], message: 'The engine does not import the UI.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            electronPattern,
            { group: ['**/renderer/**'], message: 'The engine does not import the UI.' },
            { group: ['../main/**', '../server/**', '../cli/**', '../../main/**', '../../server/**', '../../cli/**'], message: 'core/ is below main, server and cli: they import it, not the other way round.' },
          ],
        },
      ],
    },
  },

  // electron/preload: a bridge that knows the contract's names and nothing else.
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**', '**/server/**', '**/cli/**', '**/main/**', '**/renderer/**'], message: 'The preload only bridges: it may import electron and shared/contract names.' },
            { group: ['zod', '**/shared/model/**'], message: 'The preload stays tiny: names only, no schemas.' },
          ],
        },
      ],
    },
  },

  // renderer/: browser code. No Node, no Electron, nothing from electron/.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We don't run the React Compiler, so its notes on libraries it can't compile don't apply.
      'react-hooks/incompatible-library': 'off',
      // The typescript-eslint rule, for allowTypeImports: the renderer takes the contract's types
      // freely, but a value from a schema module would bring zod into its bundle.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...nodeImports.paths, electronImport],
          patterns: [
            ...nodeImports.patterns,
            electronPattern,
            { group: ['**/electron/**'], message: 'The renderer talks to the engine through the API client, never by importing it.' },
            {
              group: ['zod', '**/shared/model/*', '**/shared/contract/*', '!**/shared/model/note-status', '!**/shared/model/event-tail', '!**/shared/contract/errors'],
              allowTypeImports: true,
              message: 'Only types come from the schema modules here (their values bring zod into the bundle); plain values live in zod-free modules such as shared/model/note-status.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },

  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
