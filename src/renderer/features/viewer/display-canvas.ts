/**
 * pdf.js draws into a canvas outside the document; the finished drawing is shown as a bitmap
 * ("bitmaprenderer" canvas). A drawing canvas in the document is copied for the compositor again
 * each time it scrolls into view: every page turn cost two slow frames, and the copies kept about
 * 140 MB after a 300-page document was closed.
 */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  // Zero size frees the backing store at once instead of at the next garbage collection.
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}

/** A canvas that shows `bitmap` (which it takes over); null when the browser cannot. */
export function bitmapCanvas(bitmap: ImageBitmap, className: string): HTMLCanvasElement | null {
  const display = document.createElement('canvas');
  const context = display.getContext('bitmaprenderer');
  if (!context) {
    bitmap.close();
    return null;
  }
  display.className = className;
  display.setAttribute('aria-hidden', 'true');
  display.width = bitmap.width;
  display.height = bitmap.height;
  context.transferFromImageBitmap(bitmap);
  return display;
}

/** The drawn page as a canvas that only shows a bitmap; the drawing canvas is released. */
export async function toDisplayCanvas(drawn: HTMLCanvasElement): Promise<HTMLCanvasElement> {
  let display: HTMLCanvasElement | null;
  try {
    display = bitmapCanvas(await createImageBitmap(drawn), drawn.className);
  } catch {
    // Out of memory for the copy: show the drawing canvas itself.
    return drawn;
  }
  if (!display) return drawn;
  releaseCanvas(drawn);
  return display;
}
