/** The pixels any canvas shows (also a `bitmaprenderer` one, which has no 2D context to read), or a bitmap holds. */
export function canvasPixels(canvas: HTMLCanvasElement | ImageBitmap): Uint8ClampedArray {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d')!;
  ctx.drawImage(canvas, 0, 0);
  return ctx.getImageData(0, 0, copy.width, copy.height).data;
}
