/**
 * The worker in which pdf.js draws a document's pages (its "renderer"), started by the viewer
 * instead of by pdf.js, one per document, handed over through `GlobalWorkerOptions.rendererPorts`.
 *
 * Why not pdf.js's own: every decoded page image travels from the parser worker to this thread
 * and on to the renderer. pdf.js copies it on the second leg (a scanned A4 page is 20–35 MB of
 * pixels, about 12 ms of this thread per page, taken from page turns). This thread never draws
 * with those images, so they are moved to the renderer instead (`transferPageImages`). A message
 * of another shape is sent as pdf.js sent it, so a newer pdf.js only loses the saving.
 *
 * One renderer is started ahead of time, so a document does not wait for its renderer to load.
 */

let rendererSource: string | null = null;
let spare: Worker | null = null;

export function setRendererSource(url: string): void {
  rendererSource = url;
}

function start(): Worker | null {
  if (!rendererSource || typeof Worker === 'undefined') return null;
  const worker = new Worker(rendererSource, { type: 'module' });
  transferPageImages(worker);
  return worker;
}

/** Starts the next document's renderer now, while nothing else is going on. */
export function prepareRenderer(): void {
  spare ??= start();
}

/** A renderer for one document, which the caller ends (terminate) when the document is closed. */
export function takeRenderer(): Worker | null {
  const worker = spare ?? start();
  spare = null;
  return worker;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The pixels of a decoded image in a message from pdf.js to its renderer, if it is one. */
export function pageImageOf(message: unknown): Transferable | null {
  if (!isRecord(message) || !Array.isArray(message['data'])) return null;
  const data: unknown[] = message['data'];
  let type: unknown;
  let image: unknown;
  if (message['action'] === 'obj') [, , type, image] = data;
  else if (message['action'] === 'commonobj') [, type, image] = data;
  else return null;
  if (type !== 'Image' || !isRecord(image)) return null;
  const { bitmap, data: pixels } = image;
  if (typeof ImageBitmap !== 'undefined' && bitmap instanceof ImageBitmap) return bitmap;
  if (ArrayBuffer.isView(pixels) && pixels.buffer instanceof ArrayBuffer && pixels.byteOffset === 0)
    return pixels.buffer;
  return null;
}

/** Decoded images sent to `worker` are moved there, not copied (see above). */
export function transferPageImages(worker: Pick<Worker, 'postMessage'>): void {
  const post = worker.postMessage.bind(worker) as (message: unknown, transfer?: Transferable[]) => void;
  worker.postMessage = ((message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => {
    const image = transfer === undefined ? pageImageOf(message) : null;
    if (image) post(message, [image]);
    else post(message, transfer as Transferable[] | undefined);
  }) as Worker['postMessage'];
}
