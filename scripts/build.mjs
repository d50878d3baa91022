#!/usr/bin/env node
// Builds E-Akte Desktop: the renderer (two windows), the main process and the preload into dist/.
// Usage: node scripts/build.mjs [--renderer-only]
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererOnly = process.argv.includes('--renderer-only');

await build({ configFile: `${root}/vite.renderer.config.ts`, logLevel: 'warn' });
console.log('built renderer → dist/renderer');

if (!rendererOnly) {
  const nodeExternals = ['electron', /^node:/, ...builtinModules];
  for (const [name, entry, bundleAll] of [
    ['main', 'src/main/index.ts', false],
    // A sandboxed preload can only require('electron'): everything else is bundled into it.
    ['preload', 'src/preload/index.ts', true],
  ]) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      ssr: { noExternal: bundleAll ? true : [] },
      build: {
        ssr: entry,
        outDir: `dist/${name}`,
        emptyOutDir: true,
        target: 'node22',
        sourcemap: true,
        minify: false,
        rolldownOptions: {
          external: nodeExternals,
          output: { format: 'cjs', entryFileNames: 'index.cjs' },
        },
      },
    });
    console.log(`built ${name} → dist/${name}/index.cjs`);
  }
}
