/**
 * The composer's preview pictures in real Chromium, made the way the composer makes them (render
 * worker, pdf.js on the window's thread): after a keystroke only the pages whose content changed
 * are drawn again, and the pictures kept for the others are, pixel for pixel, what pdf.js draws
 * from the new bytes.
 */
import { afterEach, expect, it } from 'vitest';
import { BUNDLED_OFFICE, BUNDLED_TEMPLATES } from '../../../src/renderer/features/letters/bundled-templates.ts';
import { letterAssets } from '../../../src/renderer/features/letters/letter-assets.ts';
import { rasterize, type PreviewPictures } from '../../../src/renderer/features/letters/letter-preview.ts';
import { letterRenderer } from '../../../src/renderer/features/letters/letter-renderer.ts';
import { composeLetter } from '../../../src/renderer/letters/compose-letter.ts';
import { parseOffice } from '../../../src/renderer/letters/office.ts';
import { parseTemplate } from '../../../src/renderer/letters/parse-template.ts';
import { CREATED_AT, FIELDS, sampleContext } from '../../support/letters-sample.ts';
import { canvasPixels } from '../support/pixels.ts';

const WIDTH = 420;
const shown: PreviewPictures[] = [];
afterEach(() => shown.splice(0).forEach((p) => p.pages.forEach((page) => page.close())));

async function letterWith(fields: Record<string, string>) {
  const { metrics } = await letterAssets();
  const source = BUNDLED_TEMPLATES.find((t) => t.file === 'anhoerung.vorlage.txt')!;
  const template = parseTemplate(source.file, source.text);
  const context = sampleContext(parseOffice(BUNDLED_OFFICE.file, BUNDLED_OFFICE.text));
  const { letter, problems } = composeLetter(template, context, fields, metrics);
  expect(problems).toEqual([]);
  return (await letterRenderer()).render(letter, CREATED_AT);
}

const pagesDrawnDuring = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const before = performance.getEntriesByName('letters:page-drawn').length;
  const result = await work();
  return [result, performance.getEntriesByName('letters:page-drawn').length - before];
};

const samePixels = (a: ImageBitmap, b: ImageBitmap): boolean => {
  const [pa, pb] = [canvasPixels(a), canvasPixels(b)];
  return pa.length === pb.length && pa.every((v, i) => v === pb[i]);
};

it('draws again only the page a keystroke changed, and the page kept is what the new bytes draw', async () => {
  const fields = FIELDS['anhoerung'] as Record<string, string>;
  const first = await letterWith(fields);
  expect(first.pageKeys.length).toBe(2);
  const [before, drawnFirst] = await pagesDrawnDuring(() => rasterize(first, WIDTH, 1, null));
  shown.push(before);
  expect(drawnFirst).toBe(2);

  // A letter typed at the end of the last paragraph, on page 2.
  const typed = await letterWith({ ...fields, entscheidung: `${fields['entscheidung']!}x` });
  const [after, drawnAfter] = await pagesDrawnDuring(() => rasterize(typed, WIDTH, 1, before));
  shown.push(after);
  expect(drawnAfter).toBe(1);

  const [fresh, drawnFresh] = await pagesDrawnDuring(() => rasterize(typed, WIDTH, 1, null));
  shown.push(fresh);
  expect(drawnFresh).toBe(2);
  expect(samePixels(after.pages[0]!, fresh.pages[0]!), 'kept page 1 as drawn from the new bytes').toBe(true);
  expect(samePixels(after.pages[1]!, fresh.pages[1]!), 'page 2 as drawn from the new bytes').toBe(true);
  expect(samePixels(after.pages[1]!, before.pages[1]!), 'page 2 shows the keystroke').toBe(false);

  // The kept picture is a copy: closing the earlier preview's pictures leaves it intact.
  before.pages.forEach((page) => page.close());
  expect(samePixels(after.pages[0]!, fresh.pages[0]!)).toBe(true);
});

it('draws every page again at another pixel ratio or width, or when the earlier pictures are gone', async () => {
  const fields = FIELDS['anhoerung'] as Record<string, string>;
  const letter = await letterWith(fields);
  const before = await rasterize(letter, WIDTH, 1, null);
  shown.push(before);
  const [sharper, drawnSharper] = await pagesDrawnDuring(() => rasterize(letter, WIDTH, 2, before));
  shown.push(sharper);
  expect(drawnSharper).toBe(2);
  expect(sharper.pages[0]!.width).toBe(2 * before.pages[0]!.width);
  const [wider, drawnWider] = await pagesDrawnDuring(() => rasterize(letter, 2 * WIDTH, 1, before));
  shown.push(wider);
  expect(drawnWider).toBe(2);
  expect(wider.pages[0]!.width).toBe(sharper.pages[0]!.width);

  before.pages.forEach((page) => page.close());
  const [again, drawnAgain] = await pagesDrawnDuring(() => rasterize(letter, WIDTH, 1, before));
  shown.push(again);
  expect(drawnAgain).toBe(2);
  expect(again.pages.every((page) => page.width > 0)).toBe(true);
});
