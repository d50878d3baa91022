/** Build of the renderer: one web app with two entries, the workspace and the viewer window. */
import { cpSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** pdf.js fetches cmaps, standard fonts, wasm decoders and colour profiles at run time from `pdfjs/`. */
function pdfjsResources(): Plugin {
  const from = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
  return {
    name: 'pdfjs-resources',
    apply: 'build',
    writeBundle(options) {
      for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        cpSync(`${from}${dir}`, `${options.dir ?? ''}/pdfjs/${dir}`, { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), pdfjsResources()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    rolldownOptions: {
      input: {
        workspace: `${root}/workspace.html`,
        viewer: `${root}/viewer.html`,
      },
    },
  },
});
