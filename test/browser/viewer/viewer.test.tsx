/** The viewer in real Chromium: open, page, zoom, rotate, find, over a cached scanned document. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { OpenedSession as Session } from '../../../src/renderer/session/session.ts';
import { mountViewer, type MountedViewer } from '../support/mount-viewer.tsx';
import { canvasPixels } from '../support/pixels.ts';
import { makeTestScan } from '../support/scanned-pdf.ts';
import { openTestSession, seedDocument, testUser } from '../support/seed.ts';

const PAGES = 30;
let session: Session;
let viewer: MountedViewer;

const rendered = (n: number) => document.querySelector(`[data-page="${n}"][data-rendered]`);
const pageInput = () => page.getByRole('textbox', { name: 'Gehe zu Seite' });
const slot = (n: number) => document.querySelector<HTMLElement>(`[data-page="${n}"]`);

beforeAll(async () => {
  await page.viewport(1280, 900);
  ({ session } = await openTestSession(testUser(`u-view-${Date.now()}`)));
  const bytes = await makeTestScan(PAGES, (n) =>
    n === 7 ? ['Kaltmiete 450 EUR'] : n === 21 ? ['Nebenkosten Kaltmiete'] : [],
  );
  await seedDocument(session, bytes, { id: 'doc-view', pageCount: PAGES, bgNumber: '12345BG0099999' });
  viewer = mountViewer(session, 'doc-view');
});
afterAll(() => {
  viewer.unmount();
  session.close();
});

it('shows the header with type, case, received date and page count', async () => {
  await expect.poll(() => rendered(1), { timeout: 10_000 }).toBeTruthy();
  await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent('Kontoauszug: Kontoauszüge Mai 2025');
  const header = document.querySelector('.viewer-header')!;
  expect(header.textContent).toContain('Akte12345BG0099999');
  expect(header.textContent).toContain('Eingang02.06.2025');
  expect(header.textContent).toContain(`Seiten${PAGES}`);
});

it('renders only pages near the viewport and pre-renders the neighbours', async () => {
  await expect.poll(() => rendered(2)).toBeTruthy();
  await expect.poll(() => rendered(3)).toBeTruthy();
  expect(rendered(20)).toBeNull();
  expect(document.querySelectorAll('.viewer-pages canvas').length).toBeLessThanOrEqual(8);
});

it('shows a drawn page as a finished bitmap, not as the canvas pdf.js drew into', async () => {
  await expect.poll(() => rendered(1)).toBeTruthy();
  const shown = slot(1)!.querySelector('canvas')!;
  // A canvas that shows a bitmap has no 2D context: nothing is drawn into it in the document.
  expect(shown.getContext('2d')).toBeNull();
  expect(shown.width).toBeGreaterThan(300);
  const pixels = canvasPixels(shown);
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
  // The scan's typed lines: some dark pixels, on a mostly light page.
  expect(dark).toBeGreaterThan(100);
  expect(dark).toBeLessThan(pixels.length / 8);
});

it('pages with the keyboard and jumps to a page, releasing far canvases', async () => {
  (document.querySelector('.viewer-pages') as HTMLElement).focus();
  await userEvent.keyboard('{PageDown}');
  await expect.element(pageInput()).toHaveValue('2');
  await userEvent.keyboard('{ArrowRight}');
  await expect.element(pageInput()).toHaveValue('3');
  await userEvent.keyboard('{End}');
  await expect.element(pageInput()).toHaveValue(String(PAGES));
  await expect.poll(() => rendered(PAGES), { timeout: 10_000 }).toBeTruthy();
  // Far pages give their canvases back; they are not in the document at all.
  await expect.poll(() => slot(1)?.querySelector('canvas') ?? null).toBeNull();
  expect(document.querySelectorAll('.page-slot').length).toBeLessThanOrEqual(10);
  await userEvent.keyboard('{Home}');
  await expect.element(pageInput()).toHaveValue('1');
  await userEvent.fill(pageInput(), '12');
  await userEvent.keyboard('{Enter}');
  await expect.element(pageInput()).toHaveValue('12');
  await expect.poll(() => rendered(12), { timeout: 10_000 }).toBeTruthy();
});

it('zooms by steps, to the whole page and back to the page width', async () => {
  const width = () => slot(12)!.getBoundingClientRect().width;
  const fitWidth = width();
  await page.getByRole('button', { name: 'Verkleinern' }).click();
  await expect.poll(width).toBeLessThan(fitWidth);
  await page.getByRole('combobox', { name: 'Zoom' }).selectOptions('fit-page');
  const pane = document.querySelector('.viewer-pages')!.clientHeight;
  await expect.poll(() => slot(12)!.getBoundingClientRect().height).toBeLessThanOrEqual(pane);
  await page.getByRole('combobox', { name: 'Zoom' }).selectOptions('2');
  await expect.poll(width).toBeGreaterThan(fitWidth);
  await page.getByRole('combobox', { name: 'Zoom' }).selectOptions('fit-width');
  await expect.poll(width).toBeCloseTo(fitWidth, 0);
  await expect.element(pageInput()).toHaveValue('12');
});

it('rotates the view a quarter turn at a time', async () => {
  const box = () => slot(12)!.getBoundingClientRect();
  expect(box().height).toBeGreaterThan(box().width);
  await page.getByRole('button', { name: /^Ansicht drehen/ }).click();
  await expect.poll(() => box().width).toBeGreaterThan(box().height);
  await expect
    .poll(() => slot(12)!.querySelector('canvas')?.width ?? 0)
    .toBeGreaterThan(slot(12)!.querySelector('canvas')?.height ?? 0);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Ansicht drehen/ }).click();
  await expect.poll(() => box().height).toBeGreaterThan(box().width);
});

it('finds words in the text layer and steps through the matches', async () => {
  await userEvent.fill(page.getByRole('searchbox', { name: 'Suchen im Text' }), 'kaltmiete');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Treffer 1 von 2')).toBeInTheDocument();
  await expect.element(pageInput()).toHaveValue('7');
  await expect.poll(() => slot(7)?.querySelector('.find-hit-current')).toBeTruthy();
  await page.getByRole('button', { name: 'Nächster Treffer' }).click();
  await expect.element(page.getByText('Treffer 2 von 2')).toBeInTheDocument();
  await expect.element(pageInput()).toHaveValue('21');
  await userEvent.fill(page.getByRole('searchbox', { name: 'Suchen im Text' }), 'Grundsicherung');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Kein Treffer für „Grundsicherung“.')).toBeInTheDocument();
});

it('thumbnails show the current page and jump on activation', async () => {
  const thumbs = page.getByRole('navigation', { name: 'Miniaturansichten' });
  // Scrolled to the top of the column, as a reader would, to bring page 5 into sight.
  document.querySelector('.viewer-thumbs')!.scrollTop = 0;
  await thumbs.getByRole('button', { name: 'Seite 5', exact: true }).click();
  await expect.element(pageInput()).toHaveValue('5');
  await expect
    .element(thumbs.getByRole('button', { name: 'Seite 5', exact: true }))
    .toHaveAttribute('aria-current', 'page');
});

it('keeps only the thumbnails near the column view, with the current one in sight', async () => {
  const column = document.querySelector<HTMLElement>('.viewer-thumbs')!;
  const items = () => [...column.querySelectorAll<HTMLElement>('li')];
  await userEvent.click(page.getByRole('region', { name: 'Seiten des Dokuments' }));
  await userEvent.keyboard('{End}');
  await expect.element(pageInput()).toHaveValue(String(PAGES));
  const last = column.querySelector<HTMLElement>('[aria-current="page"]');
  expect(last?.getAttribute('aria-label')).toBe(`Seite ${PAGES}`);
  // In sight in the column, and far thumbnails have no element.
  const box = last!.getBoundingClientRect();
  const view = column.getBoundingClientRect();
  expect(box.top).toBeGreaterThanOrEqual(view.top);
  expect(box.bottom).toBeLessThanOrEqual(view.bottom);
  expect(items().length).toBeLessThan(PAGES / 2);
  // Each existing thumbnail still tells assistive technology its place in the whole list.
  expect([last!.closest('li')!.ariaSetSize, last!.closest('li')!.ariaPosInSet]).toEqual([String(PAGES), String(PAGES)]);
  expect(column.querySelector('[aria-label="Seite 1"]')).toBeNull();
  // The places the list computes match the thumbnails' real height plus the gap, without overlap.
  const [a, b] = items().slice(-2);
  const gap = b!.getBoundingClientRect().top - a!.querySelector('button')!.getBoundingClientRect().bottom;
  expect(gap).toBeCloseTo(8, 0);
  // The last thumbnails get their pictures once paging has paused.
  await expect.poll(() => last!.querySelector('canvas'), { timeout: 10_000 }).toBeTruthy();
  await userEvent.keyboard('{Home}');
  await expect.element(pageInput()).toHaveValue('1');
  expect(column.querySelector('[aria-current="page"]')?.getAttribute('aria-label')).toBe('Seite 1');
});

it('lays the page’s text over the scan, selectable where find marks it, also turned', async () => {
  await userEvent.fill(pageInput(), '7');
  await userEvent.keyboard('{Enter}');
  await expect.element(pageInput()).toHaveValue('7');
  const line = () =>
    [...(slot(7)?.querySelectorAll<HTMLElement>('.page-text span') ?? [])].find((s) =>
      s.textContent.includes('Kaltmiete 450 EUR'),
    );
  await expect.poll(line, { timeout: 10_000 }).toBeTruthy();
  // Invisible: the scan shows through, nothing is drawn twice.
  expect(getComputedStyle(line()!).color).toBe('rgba(0, 0, 0, 0)');
  // Selecting the line gives its text, as copying would.
  const range = document.createRange();
  range.selectNodeContents(line()!);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  expect(getSelection()!.toString()).toBe('Kaltmiete 450 EUR');
  getSelection()!.removeAllRanges();

  // The text sits where find marks the word, upright and turned a quarter.
  await userEvent.fill(page.getByRole('searchbox', { name: 'Suchen im Text' }), 'kaltmiete');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => slot(7)?.querySelector('.find-hit-current')).toBeTruthy();
  const covers = () => {
    const text = line()!.getBoundingClientRect();
    const hit = slot(7)!.querySelector('.find-hit-current')!.getBoundingClientRect();
    // The word is the start of the line: same start, same band across the line.
    const sideways = text.height > text.width;
    const along = sideways ? Math.abs(text.top - hit.top) : Math.abs(text.left - hit.left);
    const across = sideways
      ? Math.min(text.right, hit.right) - Math.max(text.left, hit.left)
      : Math.min(text.bottom, hit.bottom) - Math.max(text.top, hit.top);
    return along < 6 && across > 0.5 * (sideways ? hit.width : hit.height);
  };
  expect(covers()).toBe(true);
  await page.getByRole('button', { name: /^Ansicht drehen/ }).click();
  await expect.poll(() => line()!.getBoundingClientRect().height > line()!.getBoundingClientRect().width).toBe(true);
  await expect.poll(covers).toBe(true);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Ansicht drehen/ }).click();
  await userEvent.fill(page.getByRole('searchbox', { name: 'Suchen im Text' }), '');
  await userEvent.keyboard('{Enter}');
});

it('keeps the focused thumbnail when paging takes the column far away, so the keys keep working', async () => {
  const thumbs = page.getByRole('navigation', { name: 'Miniaturansichten' });
  document.querySelector('.viewer-thumbs')!.scrollTop = 0;
  await thumbs.getByRole('button', { name: 'Seite 2', exact: true }).click();
  await expect.element(pageInput()).toHaveValue('2');
  await userEvent.keyboard('{End}');
  await expect.element(pageInput()).toHaveValue(String(PAGES));
  expect(document.activeElement?.getAttribute('aria-label')).toBe('Seite 2');
  await userEvent.keyboard('{PageUp}');
  await expect.element(pageInput()).toHaveValue(String(PAGES - 1));
});
