/**
 * Where pdf.js finds its cmaps, standard fonts, wasm decoders and colour profiles (a folder with
 * `cmaps/`, `standard_fonts/`, `wasm/`, `iccs/`). The build copies them to `pdfjs/` beside the
 * pages; tests running from sources point it at the package folder. Kept apart from the engine so
 * that the sync worker can hand the same place to the worker that prepares first views without
 * loading pdf.js itself.
 */

let resourceBase: string | null = null;

export function setPdfResourceBase(base: string): void {
  resourceBase = new URL(base, document.baseURI).href;
}

/** The folder as an absolute URL (ending in a slash). */
export function pdfResourceBase(): string {
  return resourceBase ?? new URL('pdfjs/', document.baseURI).href;
}

export type PdfResourceUrls = {
  readonly cMapUrl: string;
  readonly standardFontDataUrl: string;
  readonly wasmUrl: string;
  readonly iccUrl: string;
};

export function pdfResourceUrls(base: string): PdfResourceUrls {
  return {
    cMapUrl: `${base}cmaps/`,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
  };
}
