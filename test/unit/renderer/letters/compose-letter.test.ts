/**
 * Filling a template and the checks before queueing: each problem is reported as a code with its
 * parameters, and a complete letter has none. Measured with the real fonts.
 */
import { describe, expect, it } from 'vitest';
import { checkLetter } from '../../../../src/renderer/letters/check-letter.ts';
import { composeLetter } from '../../../../src/renderer/letters/compose-letter.ts';
import { ADDRESS_ZONE, PT_PER_MM } from '../../../../src/renderer/letters/din5008.ts';
import { fillTemplate } from '../../../../src/renderer/letters/fill-template.ts';
import { createFontMetrics } from '../../../../src/renderer/letters/font-metrics.ts';
import { parseTemplate } from '../../../../src/renderer/letters/parse-template.ts';
import type { FieldValues, LetterContext } from '../../../../src/renderer/letters/letter-context.ts';
import { FIELDS, context, fonts, loadTemplates } from './support.ts';

const metrics = createFontMetrics(fonts);
const templates = loadTemplates();
const compose = (id: string, fields: FieldValues = FIELDS[id]!, ctx: LetterContext = context()) =>
  composeLetter(templates.get(id)!, ctx, fields, metrics);
const codes = (id: string, fields?: FieldValues, ctx?: LetterContext) =>
  compose(id, fields, ctx).problems.map((p) => p.code);

describe('a complete letter', () => {
  it('has no problems, for every template', () => {
    for (const id of templates.keys()) expect(compose(id).problems, id).toEqual([]);
  });

  it('is filled from the case, the recipient, the user, the office and the fields', () => {
    const { letter } = compose('einladung');
    expect(letter.subject).toBe('Einladung zu einem Gespräch am 26.05.2025 um 10:30 Uhr');
    expect(letter.addressLines).toEqual(['Herrn Jürgen Weißmüller', 'Große Straße 12', '12345 Musterstadt']);
    expect(letter.infoBlock).toEqual([
      { label: 'Unser Zeichen', value: '12345BG0012345' },
      { label: 'Name', value: 'Erika Beispiel' },
      { label: 'Telefon', value: '01234 5678-123' },
      { label: 'E-Mail', value: 'erika.beispiel@musterstadt.example' },
      { label: 'Datum', value: '12.05.2025' },
    ]);
    expect(letter.referenceLine).toBe('Nummer der Bedarfsgemeinschaft: 12345BG0012345 · Datum: 12.05.2025');
    const [salutation, appointment, , bring] = letter.body;
    expect(salutation!.lines[0]!.runs).toEqual([{ text: 'Sehr geehrter Herr Weißmüller,', bold: false }]);
    expect(appointment!.lines[0]!.runs).toEqual([
      { text: 'bitte kommen Sie am ', bold: false },
      { text: 'Montag, 26. Mai 2025 um 10:30 Uhr', bold: true },
      { text: ' in das Jobcenter Musterstadt, Zimmer 214, 2. Obergeschoss.', bold: false },
    ]);
    expect(bring!.lines.map((l) => [l.style, l.runs[0]!.text])).toEqual([
      ['plain', 'Bitte bringen Sie zu dem Termin mit:'],
      ['bullet', 'Personalausweis'],
      ['bullet', 'Lebenslauf'],
      ['bullet', 'Nachweise über Ihre Bewerbungen seit März'],
    ]);
  });

  it('leaves out a block whose optional field is empty, and greets neutrally without a form of address', () => {
    const ctx = context({ recipient: { ...context().recipient, formOfAddress: undefined } });
    const { letter, problems } = compose('einladung', { ...FIELDS['einladung'], mitbringen: '' }, ctx);
    expect(problems).toEqual([]);
    const text = letter.body.flatMap((p) => p.lines.map((l) => l.runs.map((r) => r.text).join('')));
    expect(text).not.toContain('Bitte bringen Sie zu dem Termin mit:');
    expect(text[0]).toBe('Guten Tag Jürgen Weißmüller,');
    expect(letter.addressLines[0]).toBe('Jürgen Weißmüller');
  });

  it('prints what was pasted without soft hyphens or decomposed umlauts', () => {
    const { letter } = compose('freies-schreiben', { betreff: 'Pru\u0308fung', inhalt: 'Heiz\u00ADkosten' });
    expect(letter.subject).toBe('Prüfung');
    expect(letter.body[1]!.lines[0]!.runs[0]!.text).toBe('Heizkosten');
  });
});

describe('the checks report', () => {
  it('a recipient without an address', () => {
    const ctx = context({ recipient: { ...context().recipient, address: undefined } });
    expect(codes('einladung', undefined, ctx)).toEqual(['recipient-without-address']);
    const blank = context({
      recipient: { ...context().recipient, address: { street: ' ', postalCode: '12345', city: 'X' } },
    });
    expect(codes('einladung', undefined, blank)).toEqual(['recipient-without-address']);
  });

  it('an address line longer than the window, measured with the real font', () => {
    const street = 'Bürgermeister-Hermann-Wilhelm-von-Lindenau-Straße 123, Hinterhaus links';
    const ctx = context({ recipient: { ...context().recipient, address: { street, postalCode: '12345', city: 'X' } } });
    const problems = compose('einladung', undefined, ctx).problems;
    const widthMm = metrics.widthPt(street, ADDRESS_ZONE.fontSize, 'regular') / PT_PER_MM;
    expect(problems).toEqual([
      { code: 'address-line-too-long', line: 2, text: street, widthMm: Math.round(widthMm * 10) / 10, maxMm: 75 },
    ]);
  });

  it('an address line that just fits is fine', () => {
    let street = 'Am Langen Weg 1';
    while (metrics.widthPt(`${street}x`, ADDRESS_ZONE.fontSize, 'regular') / PT_PER_MM <= ADDRESS_ZONE.lineWidthMm) {
      street += 'x';
    }
    const fits = context({
      recipient: { ...context().recipient, address: { street, postalCode: '12345', city: 'X' } },
    });
    expect(codes('einladung', undefined, fits)).toEqual([]);
    const over = context({
      recipient: { ...context().recipient, address: { street: `${street}x`, postalCode: '12345', city: 'X' } },
    });
    expect(codes('einladung', undefined, over)).toEqual(['address-line-too-long']);
  });

  it('more than six address lines and blank lines in the address zone', () => {
    const fill = fillTemplate(templates.get('einladung')!, context(), FIELDS['einladung']!);
    const letter = { ...fill.letter, addressLines: ['Herrn A', 'c/o B', '', 'Weg 1', 'Haus 2', 'Etage 3', '12345 X'] };
    expect(checkLetter({ ...fill, letter }, metrics)).toEqual([
      { code: 'address-too-many-lines', lines: 7, max: 6 },
      { code: 'address-blank-line', line: 3 },
    ]);
  });

  it('a mandatory field left empty, with its label', () => {
    const problems = compose('mitwirkung', { ...FIELDS['mitwirkung'], frist: '  ', unterlagen: '' }).problems;
    const label = templates.get('mitwirkung')!.fields.find((f) => f.id === 'unterlagen')!.label;
    expect(label).toMatch(/^Fehlende Unterlagen/);
    expect(problems).toEqual([
      { code: 'field-missing', field: 'unterlagen', label },
      { code: 'field-missing', field: 'frist', label: 'Frist für die Unterlagen' },
    ]);
  });

  it('a date or time that is not one', () => {
    const problems = compose('einladung', {
      ...FIELDS['einladung'],
      termin_datum: '2025-02-30',
      termin_uhrzeit: '25:00',
    }).problems;
    expect(problems).toEqual([
      { code: 'field-invalid', field: 'termin_datum', label: 'Datum des Termins', type: 'datum' },
      { code: 'field-invalid', field: 'termin_uhrzeit', label: 'Uhrzeit', type: 'uhrzeit' },
    ]);
  });

  it('an empty subject', () => {
    expect(codes('freies-schreiben', { ...FIELDS['freies-schreiben'], betreff: '' })).toEqual([
      'field-missing',
      'subject-empty',
    ]);
    const fixed = parseTemplate('leer.vorlage.txt', '---\nid: leer\ntitel: T\nbetreff: {{bearbeiter.name}}\n---\nText');
    const ctx = context({ user: { displayName: ' ' } });
    expect(composeLetter(fixed, ctx, {}, metrics).problems.map((p) => p.code)).toEqual([
      'subject-empty',
      'placeholder-unfilled',
    ]);
  });

  it('a subject longer than the service accepts', () => {
    expect(compose('freies-schreiben', { ...FIELDS['freies-schreiben'], betreff: 'x'.repeat(301) }).problems).toEqual([
      { code: 'subject-too-long', length: 301, max: 300 },
    ]);
  });

  it('a placeholder left unfilled: an empty context value, or a mark left in typed text', () => {
    const ctx = context({ user: { displayName: '' } });
    expect(compose('einladung', undefined, ctx).problems).toEqual([
      { code: 'placeholder-unfilled', placeholder: 'bearbeiter.name' },
    ]);
    const pasted = { ...FIELDS['freies-schreiben'], inhalt: 'Bitte bis [[Datum]] einreichen, {{feld.frist}}.' };
    expect(compose('freies-schreiben', pasted).problems).toEqual([
      { code: 'placeholder-unfilled', placeholder: '[[Datum]]' },
      { code: 'placeholder-unfilled', placeholder: '{{feld.frist}}' },
    ]);
  });

  it('a character the font cannot print', () => {
    const ctx = context({ recipient: { ...context().recipient, lastName: '王' } });
    expect(compose('einladung', undefined, ctx).problems).toEqual([
      { code: 'character-unsupported', character: '王', codePoint: 'U+738B' },
    ]);
  });
});
