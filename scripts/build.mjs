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
  // Both are bundled whole: a sandboxed preload can only require('electron'), and main with its
  // libraries (zod, electron-log, electron-updater) in one file means the package needs no
  // node_modules at all (electron-builder.yml leaves them out).
  for (const [name, entry] of [
    ['main', 'src/main/index.ts'],
    ['preload', 'src/preload/index.ts'],
  ]) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      ssr: { noExternal: true },
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
