// Lint: code quality, and the layout rules of DESIGN.md — which folder may import what.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `node:${name}`]);

const nodeImports = {
  paths: NODE_MODULES.map((name) => ({ name, message: 'Node modules are not available here: this code must also run in a browser.' })),
  patterns: [{ group: ['node:*'], message: 'Node modules are not available here: this code must also run in a browser.' }],
};
const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * `layers/imports`: where a relative import lands, resolved against the importing file, so
 * '../main/ipc', '../../main/ipc' and '../../../electron/main/ipc' are one and the same import.
 * Options: `only` (folders, from the repo root, an import must land in) or `not` (folders it must
 * not land in), and the `message` to give. Package imports are no-restricted-imports' business.
 */
const layerImports = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { only: { type: 'array' }, not: { type: 'array' }, message: { type: 'string' } }, additionalProperties: false }] },
  create(context) {
    const { only, not, message } = context.options[0];
    const within = (path, folders) => folders.some((folder) => path === folder || path.startsWith(folder + '/'));
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(ROOT, resolve(dirname(context.filename), source.value)).split(sep).join('/');
      if ((only && !within(target, only)) || (not && within(target, not))) context.report({ node: source, message: `${message} ('${source.value}' is ${target})` });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
const layers = { rules: { imports: layerImports } };

const electronImport = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const electronPattern = { group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/agent-clis/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers },
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
      'layers/imports': ['error', { only: ['electron/core', 'shared'], message: 'core/ imports only shared/ and Node: main, server and cli import it, not the other way round.' }],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli/**/*.mjs'],
    rules: {
      'layers/imports': ['error', { not: ['electron/main', 'electron/preload', 'renderer'], message: 'The browser mode and the command line run without Electron: they import core/ and shared/, never the desktop app (electron/main) or the UI.' }],
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
              group: ['zod', '**/shared/model/*', '**/shared/contract/*', '!**/shared/model/note-status', '!**/shared/model/conflict-section', '!**/shared/model/event-tail', '!**/shared/model/text-blocks', '!**/shared/model/container', '!**/shared/model/line-diff', '!**/shared/model/note-chain', '!**/shared/model/retry-runs', '!**/shared/contract/errors'],
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
