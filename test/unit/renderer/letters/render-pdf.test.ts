/**
 * The generated PDF, read back with pdf.js and pdf-lib: the address sits in the envelope window,
 * the marks are where the folding machine expects them, long letters flow onto numbered pages,
 * and the file is PDF/A-2b in structure (embedded subset fonts, XMP identification, sRGB output
 * intent, no encryption, scripts or transparency) and the same bytes every time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFHexString } from '@cantoo/pdf-lib';
import { countPdfPages, looksLikePdf } from '../../../../server/letters/pdf-sniff.ts';
import { composeLetter } from '../../../../src/renderer/letters/compose-letter.ts';
import { createFontMetrics } from '../../../../src/renderer/letters/font-metrics.ts';
import { fillTemplate } from '../../../../src/renderer/letters/fill-template.ts';
import { LetterRenderError } from '../../../../src/renderer/letters/render-error.ts';
import { renderLetter, renderLetterPdf } from '../../../../src/renderer/letters/render-pdf.ts';
import type { FilledLetter } from '../../../../src/renderer/letters/filled-letter.ts';
import {
  nameOf,
  rawStream,
  readPages,
  readStructure,
  streamBytes,
  type PlacedText,
  type ReadPage,
} from './pdf-reader.ts';
import { CREATED_AT, FIELDS, context, fonts, iccProfile, loadTemplates, office } from './support.ts';
import { EINLADUNG_SHA256 } from '../../../support/letters-sample.ts';

const metrics = createFontMetrics(fonts);
const templates = loadTemplates();
const letters = new Map<string, FilledLetter>();
const pdfs = new Map<string, Uint8Array>();
const pages = new Map<string, ReadPage[]>();

const render = (letter: FilledLetter, createdAt = CREATED_AT) =>
  renderLetterPdf({ letter, fonts, iccProfile, createdAt, metrics });

beforeAll(async () => {
  for (const [id, template] of templates) {
    const { letter, problems } = composeLetter(template, context(), FIELDS[id]!, metrics);
    expect(problems, id).toEqual([]);
    letters.set(id, letter);
    const bytes = await render(letter);
    pdfs.set(id, bytes);
    pages.set(id, await readPages(bytes));
  }
});

const find = (page: ReadPage, str: string): PlacedText => {
  const hit = page.texts.find((t) => t.str === str);
  if (!hit) throw new Error(`"${str}" not on the page: ${page.texts.map((t) => t.str).join(' | ')}`);
  return hit;
};
/** Tenths of a millimetre are what the geometry promises; pdf.js reports in points. */
const EPS = 0.05;
/**
 * DIN 5008 form B, written out here rather than taken from the engine, so a change of the engine's
 * geometry fails these tests: the window 85 × 45 mm at 20 / 45 mm, its upper 17.7 mm for the
 * return address, its lower 27.3 mm for the address, text 25 to 190 mm, nothing under 270 mm but
 * the footer.
 */
const WINDOW = { left: 20, right: 105, top: 45, bottom: 90 };
const RETURN_ZONE = { top: 45, bottom: 62.7 };
const ADDRESS_ZONE = { top: 62.7, bottom: 90 };
const TEXT = { leftMm: 25, rightMm: 190 };
const TEXT_BOTTOM_MM = 270;

describe('every template', () => {
  it('renders to a PDF the central service accepts and counts right', () => {
    expect(new Map([...pages].map(([id, p]) => [id, p.length]))).toEqual(
      new Map([
        ['anhoerung', 2],
        ['einladung', 2],
        ['freies-schreiben', 1],
        ['mitwirkung', 2],
      ]),
    );
    for (const [id, bytes] of pdfs) {
      expect(new TextDecoder('latin1').decode(bytes.subarray(0, 8)), id).toBe('%PDF-1.7');
      expect(looksLikePdf(bytes), id).toBe(true);
      expect(countPdfPages(bytes), id).toBe(pages.get(id)!.length);
    }
  });

  it('reads back as written, so copying and searching the letter work', () => {
    for (const [id, letter] of letters) {
      const read = pages
        .get(id)!
        .flatMap((p) => p.texts.map((t) => t.str))
        .join(' ');
      const words = [
        ...letter.addressLines,
        letter.subject,
        ...letter.body.flatMap((p) => p.lines.flatMap((l) => l.runs.map((r) => r.text))),
      ].flatMap((text) => text.split(/\s+/).filter((w) => w !== ''));
      for (const word of words) expect(read, `${id}: ${word}`).toContain(word);
    }
  });
});

describe('page 1 on DIN 5008 form B', () => {
  it('puts the recipient address inside the window, in the address zone', () => {
    const page = pages.get('einladung')![0]!;
    const zoneTop = ADDRESS_ZONE.top;
    const zoneBottom = ADDRESS_ZONE.bottom;
    const lines = letters.get('einladung')!.addressLines.map((line) => find(page, line));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const capTopMm = line.yMm - (line.size * 0.73) / (72 / 25.4);
      const descentMm = (line.size * 0.22) / (72 / 25.4);
      expect(line.xMm).toBeGreaterThanOrEqual(WINDOW.left + 5 - EPS);
      expect(line.xMm + line.widthMm).toBeLessThanOrEqual(WINDOW.right - 5);
      expect(capTopMm).toBeGreaterThan(zoneTop);
      expect(line.yMm + descentMm).toBeLessThan(zoneBottom);
    }
    expect(lines.map((l) => l.yMm)).toEqual([...lines.map((l) => l.yMm)].sort((a, b) => a - b));
  });

  it('puts the return address in small type in its zone above, and endorsements there too', () => {
    const page = pages.get('anhoerung')![0]!;
    for (const str of [office.returnAddress, 'Persönlich – vertraulich']) {
      const text = find(page, str);
      expect(text.size, str).toBeLessThanOrEqual(7);
      expect(text.yMm, str).toBeGreaterThan(RETURN_ZONE.top + 2);
      expect(text.yMm + 0.6, str).toBeLessThan(RETURN_ZONE.bottom);
      expect(text.xMm, str).toBeGreaterThanOrEqual(WINDOW.left);
      expect(text.xMm + text.widthMm, str).toBeLessThanOrEqual(WINDOW.right);
    }
  });

  it('has the information block at 125 mm from the left and 50 mm from the top, 75 mm wide', () => {
    const page = pages.get('einladung')![0]!;
    const label = find(page, 'Unser Zeichen:');
    expect(label.xMm).toBeCloseTo(125, 1);
    expect(label.yMm).toBeGreaterThan(50);
    expect(label.yMm).toBeLessThan(56);
    for (const value of ['12345BG0012345', 'Erika Beispiel', 'erika.beispiel@musterstadt.example', '12.05.2025']) {
      const text = find(page, value);
      expect(text.xMm, value).toBeGreaterThan(125);
      expect(text.xMm + text.widthMm, value).toBeLessThanOrEqual(200 + EPS);
    }
  });

  it('has the reference line with BG number and date, then the subject, above the text', () => {
    const page = pages.get('einladung')![0]!;
    const reference = find(page, 'Nummer der Bedarfsgemeinschaft: 12345BG0012345 · Datum: 12.05.2025');
    const subject = find(page, 'Einladung zu einem Gespräch am 26.05.2025 um 10:30 Uhr');
    const salutation = find(page, 'Sehr geehrter Herr Weißmüller,');
    expect(reference.yMm).toBeGreaterThan(WINDOW.bottom);
    expect(subject.yMm).toBeGreaterThan(reference.yMm);
    expect(salutation.yMm).toBeGreaterThan(subject.yMm);
    expect(find(page, 'Jobcenter Musterstadt').yMm).toBeLessThan(WINDOW.top);
  });

  it('draws fold marks at 105 and 210 mm and the punch mark at 148.5 mm on the left edge', () => {
    for (const page of pages.get('einladung')!) {
      const marks = page.lines.map((l) => ({ y: Math.round(l.y1Mm * 10) / 10, from: l.x1Mm, length: l.x2Mm - l.x1Mm }));
      expect(marks.map((m) => m.y).sort((a, b) => a - b)).toEqual([105, 148.5, 210]);
      for (const mark of marks) {
        expect(mark.from).toBeLessThan(5);
        expect(mark.from + mark.length).toBeLessThan(TEXT.leftMm - 10);
      }
      const punch = marks.find((m) => m.y === 148.5)!;
      expect(punch.length).toBeGreaterThan(marks.find((m) => m.y === 105)!.length);
    }
  });
});

describe('a letter longer than a page', () => {
  it('flows onto page 2 within the margins', () => {
    const [first, second] = pages.get('anhoerung')!;
    const body = (page: ReadPage) => page.texts.filter((t) => t.yMm > 20 && t.yMm < TEXT_BOTTOM_MM + 1);
    for (const page of [first!, second!]) {
      for (const text of body(page).filter((t) => t.xMm < 120)) {
        expect(text.xMm, text.str).toBeGreaterThanOrEqual(TEXT.leftMm - EPS);
        expect(text.xMm + text.widthMm, text.str).toBeLessThanOrEqual(TEXT.rightMm + EPS);
      }
    }
    const bodyOf2 = body(second!).filter((t) => t.yMm > 20);
    expect(Math.min(...bodyOf2.map((t) => t.yMm))).toBeGreaterThanOrEqual(27 - EPS);
    expect(
      second!.texts.some(
        (t) => t.str === 'Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
      ),
    ).toBe(true);
  });

  it('numbers pages from page 2 on, never page 1', () => {
    for (const [id, read] of pages) {
      expect(
        read[0]!.texts.some((t) => t.str.startsWith('Seite ')),
        id,
      ).toBe(false);
      read.slice(1).forEach((page, i) => {
        const number = find(page, `Seite ${i + 2} von ${read.length}`);
        expect(number.yMm, id).toBeLessThan(20);
        expect(number.xMm + number.widthMm, id).toBeCloseTo(TEXT.rightMm, 1);
        expect(find(page, letters.get(id)!.referenceLine).xMm, id).toBeCloseTo(TEXT.leftMm, 1);
      });
    }
  });
});

describe('PDF/A-2b structure', () => {
  it('embeds both fonts as subsets', async () => {
    const { dicts } = await readStructure(pdfs.get('einladung')!);
    const fonts = dicts.filter((d) => nameOf(d, 'Type') === '/Font' && nameOf(d, 'Subtype') === '/Type0');
    expect(fonts.map((f) => nameOf(f, 'BaseFont')).sort()).toEqual([
      expect.stringMatching(/^\/[A-Z]{6}\+LiberationSans$/),
      expect.stringMatching(/^\/[A-Z]{6}\+LiberationSans-Bold$/),
    ]);
    for (const font of fonts) {
      const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const file = rawStream(descriptor, 'FontFile2');
      expect(streamBytes(file).byteLength).toBeGreaterThan(1000);
      expect(streamBytes(file).byteLength).toBeLessThan(fonts.length * 100_000);
      expect(nameOf(descriptor, 'FontName')).toBe(nameOf(font, 'BaseFont'));
    }
  });

  it('identifies itself as PDF/A-2b in XMP, with the same title, author and dates as the Info dictionary', async () => {
    const { doc, xmp } = await readStructure(pdfs.get('einladung')!);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const title = letters.get('einladung')!.subject;
    expect(doc.getTitle()).toBe(title);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    expect(doc.getAuthor()).toBe('Erika Beispiel');
    expect(xmp).toContain('<rdf:li>Erika Beispiel</rdf:li>');
    expect(doc.getProducer()).toBe('E-Akte Desktop');
    expect(xmp).toContain('<pdf:Producer>E-Akte Desktop</pdf:Producer>');
    expect(doc.getCreationDate()?.toISOString()).toBe(CREATED_AT.toISOString());
    expect(xmp).toContain('<xmp:CreateDate>2025-05-12T08:30:00Z</xmp:CreateDate>');
  });

  it('has an sRGB output intent with the embedded ICC profile', async () => {
    const { doc } = await readStructure(pdfs.get('einladung')!);
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(nameOf(intent, 'S')).toBe('/GTS_PDFA1');
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
    const profile = rawStream(intent, 'DestOutputProfile');
    expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(3);
    expect(streamBytes(profile)).toEqual(iccProfile);
  });

  it('has a document ID and no encryption, scripts, actions or transparency', async () => {
    for (const [id, bytes] of pdfs) {
      const { keys, dicts, trailerId } = await readStructure(bytes);
      expect(trailerId, id).toBeInstanceOf(PDFArray);
      const ids = (trailerId as PDFArray).asArray() as PDFHexString[];
      expect(
        ids.map((s) => s.asString().length),
        id,
      ).toEqual([32, 32]);
      for (const key of ['/Encrypt', '/JavaScript', '/JS', '/AA', '/OpenAction', '/SMask', '/CA', '/ca']) {
        expect(keys.has(key), `${id} ${key}`).toBe(false);
      }
      expect(
        dicts.some((d) => nameOf(d, 'S') === '/Transparency'),
        id,
      ).toBe(false);
    }
  });
});

describe('the same input', () => {
  it('gives the same bytes again, so the preview is what is sent', async () => {
    const letter = letters.get('anhoerung')!;
    const again = await render(letter);
    expect(again).toEqual(pdfs.get('anhoerung'));
  });

  it('gives the bytes the Chromium test expects too', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pdfs.get('einladung')!.slice()));
    expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(EINLADUNG_SHA256);
  });

  it('gives the same bytes whatever was rendered before, as after a restart', async () => {
    // Fresh copies of the font files are parsed anew: nothing is cached from the other letters.
    const fresh = { regular: fonts.regular.slice(), bold: fonts.bold.slice() };
    const letter = letters.get('einladung')!;
    const bytes = await renderLetterPdf({ letter, fonts: fresh, iccProfile, createdAt: CREATED_AT });
    expect(bytes).toEqual(pdfs.get('einladung'));
  });

  it('with another creation time gives another document', async () => {
    const letter = letters.get('freies-schreiben')!;
    const later = await render(letter, new Date('2025-05-12T08:31:00Z'));
    const [a, b] = await Promise.all([readStructure(pdfs.get('freies-schreiben')!), readStructure(later)]);
    expect((a.trailerId as PDFArray).toString()).not.toBe((b.trailerId as PDFArray).toString());
  });
});

describe('page keys (what the preview draws again)', () => {
  const keysOf = async (fields: Record<string, string>) => {
    const { letter, problems } = composeLetter(templates.get('anhoerung')!, context(), fields, metrics);
    expect(problems).toEqual([]);
    return (await renderLetter({ letter, fonts, iccProfile, createdAt: CREATED_AT, metrics })).pageKeys;
  };
  const fields = FIELDS['anhoerung'] as Record<string, string>;

  it('has one key per page, the same for the same input, and comes with the same bytes', async () => {
    const rendered = await renderLetter({
      letter: letters.get('anhoerung')!,
      fonts,
      iccProfile,
      createdAt: CREATED_AT,
      metrics,
    });
    expect(rendered.pdf).toEqual(pdfs.get('anhoerung'));
    expect(rendered.pageKeys).toHaveLength(pages.get('anhoerung')!.length);
    expect(new Set(rendered.pageKeys).size).toBe(rendered.pageKeys.length);
    expect(await keysOf(fields)).toEqual(rendered.pageKeys);
  });

  it('changes for the page a keystroke changes, and only for it', async () => {
    const before = await keysOf(fields);
    expect(before.length).toBeGreaterThan(1);
    // The end of the last paragraph is on the last page.
    const atEnd = await keysOf({ ...fields, entscheidung: `${fields['entscheidung']!}x` });
    expect(atEnd.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(atEnd.at(-1)).not.toBe(before.at(-1));
    // One more letter in the subject, on page 1 only; the following pages stay as they were.
    const inSubject = await keysOf({ ...fields, gegenstand: `${fields['gegenstand']!}x` });
    expect(inSubject[0]).not.toBe(before[0]);
    expect(inSubject.slice(1)).toEqual(before.slice(1));
  });

  it('changes for every page when the text flows differently or the page count changes', async () => {
    const before = await keysOf(fields);
    const longer = await keysOf({ ...fields, sachverhalt: `Vorweg.\n\n${fields['sachverhalt']!}` });
    longer.slice(0, before.length).forEach((key, k) => expect(key, `page ${k + 1}`).not.toBe(before[k]));
  });
});

it('refuses to render a character the font lacks instead of printing an empty box', async () => {
  const fill = fillTemplate(templates.get('freies-schreiben')!, context(), { betreff: 'Betreff', inhalt: 'Hallo 😀' });
  await expect(render(fill.letter)).rejects.toEqual(
    expect.objectContaining({
      constructor: LetterRenderError,
      code: 'character-unsupported',
      params: { character: '😀' },
    }),
  );
});
