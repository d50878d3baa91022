// The layer boundaries of E-Akte Desktop (see STYLE.md, "Layout and boundaries"), as ESLint
// rules. Kept apart from eslint.config.js so that a test can prove each boundary with the very
// rules the build uses.
import globals from 'globals';

// Bare Node built-ins are matched by exact name (a pattern would also hit a folder named crypto).
const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
];

const electron = {
  group: ['electron', 'electron/*'],
  message: 'Nur src/main und src/preload dürfen electron importieren.',
};
const nodeMessage = 'Dieser Teil läuft überall bzw. im Renderer: keine Node-Module.';
const node = { group: ['node:*'], message: nodeMessage };
const nodePaths = nodeBuiltins.map((name) => ({ name, message: nodeMessage }));
const pdfjsOutsidePdf = {
  group: ['pdfjs-dist', 'pdfjs-dist/*'],
  message: 'Nur src/renderer/pdf verwendet pdf.js; alle anderen gehen über dessen Schnittstelle.',
};
const mainFromRenderer = { group: ['**/main/**', '**/main'], message: 'Der Renderer importiert nie aus src/main.' };
const tablesFromFeatures = {
  group: ['**/data/db', '**/data/db.ts', '**/data/migrations/**'],
  message: 'Features erreichen die Tabellen nur über Repositorien (src/renderer/data/repos), nie über data/db.',
};
const rendererImports = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'Nur der Renderer selbst importiert aus src/renderer.',
};
const clientImports = {
  group: ['**/src/main/**', '**/src/renderer/**', '**/src/preload/**'],
  message: 'Der Referenzdienst importiert nur src/shared (den REST-Vertrag), nie den Client.',
};
const nonShared = {
  group: [
    '**/main/**',
    '**/renderer/**',
    '**/preload/**',
    'react',
    'react-dom',
    'react-dom/*',
    'dexie',
    'pdfjs-dist',
    'pdfjs-dist/*',
  ],
  message: 'src/shared importiert nur src/shared und reine Bibliotheken.',
};

const domGlobals = Object.keys(globals.browser).filter(
  (name) =>
    !(name in globals.es2021) &&
    ![
      'console',
      'URL',
      'URLSearchParams',
      'TextEncoder',
      'TextDecoder',
      'AbortController',
      'AbortSignal',
      'structuredClone',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'crypto',
    ].includes(name),
);

/** @type {import('eslint').Linter.Config[]} */
export const layerRules = [
  {
    name: 'layers/shared',
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodePaths, patterns: [electron, node, nonShared] }],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'src/shared läuft überall: keine DOM-Objekte.' })),
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'src/shared läuft überall: keine Node-Objekte.',
        })),
      ],
    },
  },
  {
    name: 'layers/renderer',
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/pdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodePaths, patterns: [electron, node, mainFromRenderer, pdfjsOutsidePdf] },
      ],
    },
  },
  {
    name: 'layers/renderer-features',
    files: ['src/renderer/features/**/*.{ts,tsx}', 'src/renderer/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodePaths, patterns: [electron, node, mainFromRenderer, pdfjsOutsidePdf, tablesFromFeatures] },
      ],
    },
  },
  {
    name: 'layers/renderer-pdf',
    files: ['src/renderer/pdf/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: nodePaths, patterns: [electron, node, mainFromRenderer] }] },
  },
  {
    name: 'layers/preload',
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodePaths,
          patterns: [
            node,
            { regex: '^(?!electron$|\\.\\./shared/)', message: 'Der Preload importiert nur electron und src/shared.' },
          ],
        },
      ],
    },
  },
  {
    name: 'layers/main',
    files: ['src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererImports] }] },
  },
  {
    name: 'layers/server',
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, clientImports] }] },
  },
];
