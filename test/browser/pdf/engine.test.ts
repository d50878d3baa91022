/** The PDF layer in real Chromium: opening, limits, and a clear code for every kind of bad file. */
import { beforeAll, expect, it } from 'vitest';
import {
  openPdf,
  openPdfChunked,
  PDF_LIMITS,
  PdfOpenError,
  recordViewIndex,
  setPdfResourceBase,
} from '../../../src/renderer/pdf/index.ts';
import { PDFWorker } from 'pdfjs-dist';
import { makeTestScan } from '../support/scanned-pdf.ts';

beforeAll(() => setPdfResourceBase('/node_modules/pdfjs-dist/'));

/**
 * A scan whose trailer asks for the standard security handler with a user password that the
 * empty password does not open (the corpus, with real encrypted files, runs in the e2e suite).
 */
async function encryptedScan(): Promise<Uint8Array> {
  const text = new TextDecoder('latin1').decode(await makeTestScan(1));
  const hex = (n: number) => '<' + 'ab'.repeat(n) + '>';
  const locked = text.replace(
    '/Root 1 0 R',
    `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -44 >> /ID [${hex(16)} ${hex(16)}]`,
  );
  return Uint8Array.from(locked, (c) => c.charCodeAt(0));
}

async function codeOf(open: Promise<unknown>): Promise<string> {
  try {
    await open;
    return 'opened';
  } catch (error) {
    return error instanceof PdfOpenError ? error.code : `unexpected ${String(error)}`;
  }
}

it('opens a scan, reports its pages and draws one into a canvas within the pixel cap', async () => {
  const doc = await openPdf(await makeTestScan(3));
  expect(doc.pageCount).toBe(3);
  const info = await doc.pageInfo(1);
  expect(info.width).toBeCloseTo(595.28, 1);
  const canvas = document.createElement('canvas');
  await doc.render(1, canvas, { scale: 1, rotation: 90, pixelRatio: 1 }).done;
  expect([canvas.width, canvas.height]).toEqual([Math.floor(info.height), Math.floor(info.width)]);
  // A zoom that would need a gigantic canvas is drawn smaller and stretched instead.
  await doc.render(1, canvas, { scale: 40, rotation: 0, pixelRatio: 2 }).done;
  expect(canvas.width * canvas.height).toBeLessThanOrEqual(16_777_216);
  const text = await doc.text(1);
  expect(text.map((r) => r.text).join(' ')).toContain('Testakte Seite 1');
  await doc.destroy();
});

it('draws a page on the window thread and as printed exactly as its renderer worker draws it for the screen', async () => {
  const bytes = await makeTestScan(1);
  const pixels = async (options: { drawHere?: boolean; asPrinted?: boolean }) => {
    const doc = await openPdf(bytes.slice(), { drawHere: options.drawHere ?? false });
    const canvas = document.createElement('canvas');
    await doc.render(1, canvas, { scale: 0.7, rotation: 0, pixelRatio: 1, asPrinted: options.asPrinted ?? false }).done;
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    await doc.destroy();
    return ctx.getImageData(0, 0, copy.width, copy.height).data;
  };
  const inRenderer = await pixels({});
  const here = await pixels({ drawHere: true, asPrinted: true });
  expect(here.length).toBe(inRenderer.length);
  expect(
    here.some((v) => v < 128),
    'something is drawn',
  ).toBe(true);
  expect(here.every((v, i) => v === inRenderer[i])).toBe(true);
});

/** Fails with the name of the step that did not finish, instead of the whole test timing out. */
async function step<T>(label: string, work: Promise<T>, ms = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: not finished after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

it('reads a chunked source only as far as pdf.js asks', async () => {
  const bytes = await step('making the scan', makeTestScan(30));
  const chunkSize = 4 * 1024;
  const read = new Set<number>();
  const doc = await step(
    'opening',
    openPdfChunked({
      length: bytes.byteLength,
      chunkSize,
      readChunk: async (i) => {
        read.add(i);
        return bytes.slice(i * chunkSize, (i + 1) * chunkSize);
      },
    }),
  );
  expect(doc.pageCount).toBe(30);
  const canvas = document.createElement('canvas');
  await step('drawing page 1', doc.render(1, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done);
  // Page 1 of a 30-page scan does not need the whole file.
  expect(read.size).toBeGreaterThan(0);
  expect(read.size).toBeLessThan(Math.ceil(bytes.byteLength / chunkSize));
  await step('closing', doc.destroy());
});

it("with a view index, opening reads only the first page's chunk and draws the same page", async () => {
  const bytes = await step('making the scan', makeTestScan(30));
  const chunkSize = 16 * 1024;
  const source = (read: number[]) => ({
    length: bytes.byteLength,
    chunkSize,
    readChunk: async (i: number) => {
      read.push(i);
      return bytes.slice(i * chunkSize, (i + 1) * chunkSize);
    },
  });
  const plainReads: number[] = [];
  const plain = await step('opening without index', openPdfChunked(source(plainReads)));
  const canvas = document.createElement('canvas');
  await step('drawing page 1', plain.render(1, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done);
  const reference = canvas.toDataURL();
  await step('closing', plain.destroy());

  const viewIndex = await step('recording the index', recordViewIndex(bytes.slice(), chunkSize));
  expect(viewIndex).not.toBeNull();
  // The index holds the page tree and page dictionaries, not the scans.
  expect(viewIndex!.byteLength).toBeLessThan(bytes.byteLength / 4);

  const reads: number[] = [];
  const indexed = await step('opening with index', openPdfChunked(source(reads), { viewIndex }));
  expect(indexed.pageCount).toBe(30);
  expect(new Set(reads).size).toBeLessThanOrEqual(1);
  await step('drawing page 1 again', indexed.render(1, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done);
  expect(canvas.toDataURL()).toBe(reference);
  expect(new Set(reads).size).toBeLessThan(new Set(plainReads).size);
  // Pages beyond the index come from the chunks.
  await step('drawing page 30', indexed.render(30, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done);
  expect((await indexed.text(30)).map((r) => r.text).join(' ')).toContain('Testakte Seite 30');
  await step('closing again', indexed.destroy());
});

it('opens without the index when it does not belong to the file', async () => {
  const bytes = await makeTestScan(3);
  const chunkSize = 16 * 1024;
  const source = {
    length: bytes.byteLength,
    chunkSize,
    readChunk: async (i: number) => bytes.slice(i * chunkSize, (i + 1) * chunkSize),
  };
  for (const viewIndex of [new Uint8Array([1, 2, 3]), new Uint8Array(64)]) {
    const doc = await openPdfChunked(source, { viewIndex });
    expect(doc.pageCount).toBe(3);
    await doc.destroy();
  }
});

it('gives a clear code for broken, empty, encrypted and absurd files', async () => {
  expect(await codeOf(openPdf(new Uint8Array(0)))).toBe('broken');
  expect(await codeOf(openPdf(new TextEncoder().encode('Das ist kein PDF, nur Text.')))).toBe('broken');
  const scan = await makeTestScan(2);
  expect(await codeOf(openPdf(scan.slice(0, 400)))).toBe('broken');
  expect(await codeOf(openPdf(await encryptedScan()))).toBe('encrypted');
  expect(
    await codeOf(openPdfChunked({ length: 2 ** 40, chunkSize: 1, readChunk: async () => new Uint8Array(1) })),
  ).toBe('too-large');
});

it('keeps working after a bad file: the next good one opens', async () => {
  expect(await codeOf(openPdf(crypto.getRandomValues(new Uint8Array(4096))))).toBe('broken');
  const doc = await openPdf(await makeTestScan(1));
  expect(doc.pageCount).toBe(1);
  await doc.destroy();
});

it('a worker reported as hanging is replaced without breaking documents still open on it', async () => {
  const bytes = await makeTestScan(2);
  const first = await openPdf(bytes.slice());
  const second = await openPdf(bytes.slice());
  // The first document's worker stopped answering (as a hostile file would leave it).
  first.reportHang();
  await first.destroy();
  // The second, opened on the same worker, still draws its pages.
  const canvas = document.createElement('canvas');
  await step(
    'drawing on the retired worker',
    second.render(2, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done,
  );
  expect(canvas.width).toBeGreaterThan(0);
  // A document opened now goes to a fresh worker.
  const third = await step('opening on a fresh worker', openPdf(bytes.slice()));
  expect(third.pageCount).toBe(2);
  await second.destroy();
  await step(
    'drawing after the retired worker ended',
    third.render(1, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done,
  );
  await third.destroy();
});

/** Watches the parser workers pdf.js starts and ends (not its per-document renderer workers). */
function watchParserWorkers(): { started: () => number; ended: () => number; stop: () => void } {
  const Real = window.Worker;
  // Taken off the prototype to be put back; it is always called with a PDFWorker as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const realDestroy = PDFWorker.prototype.destroy;
  let started = 0;
  let ended = 0;
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (String(url).includes('pdf.worker')) started++;
    }
  };
  PDFWorker.prototype.destroy = function (this: PDFWorker) {
    if (!this.destroyed) ended++;
    realDestroy.call(this);
  };
  return {
    started: () => started,
    ended: () => ended,
    stop: () => {
      window.Worker = Real;
      PDFWorker.prototype.destroy = realDestroy;
    },
  };
}

it('swaps the parser worker for a fresh one once no document has been open for a while', async () => {
  const bytes = await makeTestScan(1);
  // Settle whatever earlier tests left: the worker in use now is the one under watch.
  await (await openPdf(bytes.slice())).destroy();
  await new Promise((r) => setTimeout(r, PDF_LIMITS.workerRefreshAfterMs + 500));
  const workers = watchParserWorkers();
  try {
    // Documents following each other keep the warm worker.
    const first = await openPdf(bytes.slice());
    await first.destroy();
    await new Promise((r) => setTimeout(r, PDF_LIMITS.workerRefreshAfterMs / 2));
    const second = await openPdf(bytes.slice());
    await new Promise((r) => setTimeout(r, PDF_LIMITS.workerRefreshAfterMs + 500));
    expect({ started: workers.started(), ended: workers.ended() }).toEqual({ started: 0, ended: 0 });
    // Once none is open for a while, the worker ends and a fresh one is started right away.
    await second.destroy();
    await new Promise((r) => setTimeout(r, PDF_LIMITS.workerRefreshAfterMs + 500));
    expect({ started: workers.started(), ended: workers.ended() }).toEqual({ started: 1, ended: 1 });
    // The fresh worker opens and draws the next document.
    const third = await step('opening on the fresh worker', openPdf(bytes.slice()));
    const canvas = document.createElement('canvas');
    await step('drawing on the fresh worker', third.render(1, canvas, { scale: 0.5, rotation: 0, pixelRatio: 1 }).done);
    expect(canvas.width).toBeGreaterThan(0);
    await third.destroy();
    expect(workers.started()).toBe(1);
  } finally {
    workers.stop();
  }
});
