/**
 * A job centre edits templates itself: every way a template can be wrong is refused with the
 * file name, the line and a code (no sentence), and the shipped templates all parse.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../src/renderer/letters/parse-template.ts';
import { parseOffice } from '../../../../src/renderer/letters/office.ts';
import { LetterTemplateError, type TemplateErrorCode } from '../../../../src/renderer/letters/template-error.ts';
import { loadTemplates } from './support.ts';

const FILE = 'probe.vorlage.txt';
const HEADER = ['---', 'id: probe', 'titel: Probe', 'betreff: Ein Betreff'];

/** A template whose header is `HEADER` plus `extra`, and whose body is `body`. */
const template = (extra: string[], body: string[]): string => [...HEADER, ...extra, '---', ...body].join('\n');

function refusal(text: string, file = FILE): LetterTemplateError {
  try {
    parseTemplate(file, text);
  } catch (error) {
    if (error instanceof LetterTemplateError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

function expectRefusal(text: string, code: TemplateErrorCode, line: number, file = FILE): LetterTemplateError {
  const error = refusal(text, file);
  expect({ code: error.code, file: error.file, line: error.line }).toEqual({ code, file, line });
  return error;
}

describe('the shipped templates', () => {
  it('all parse, and include the four the job centre needs', () => {
    const templates = loadTemplates();
    expect([...templates.keys()].sort()).toEqual(['anhoerung', 'einladung', 'freies-schreiben', 'mitwirkung']);
    const einladung = templates.get('einladung')!;
    expect(einladung.fields.filter((f) => f.required).map((f) => f.id)).toEqual([
      'termin_datum',
      'termin_uhrzeit',
      'termin_ort',
      'meldezweck',
    ]);
    expect(einladung.fields.find((f) => f.id === 'termin_datum')).toMatchObject({
      type: 'datum',
      label: 'Datum des Termins',
    });
  });
});

describe('a template that parses', () => {
  it('gives fields, subject parts and body blocks, also with Windows line ends', () => {
    const text = template(
      ['feld: frist | datum | Pflicht | Frist', 'feld: notiz | freitext | optional | Notiz', 'vermerk: Persönlich'],
      ['# Überschrift', 'Bis **{{feld.frist:lang}}**.', '[[wenn feld.notiz]]', '[[Freitext: notiz]]', '[[ende]]'],
    ).replace(/\n/g, '\r\n');
    const parsed = parseTemplate(FILE, text);
    expect(parsed.fields.map((f) => [f.id, f.type, f.required, f.line])).toEqual([
      ['frist', 'datum', true, 5],
      ['notiz', 'freitext', false, 6],
    ]);
    expect(parsed.endorsements).toEqual(['Persönlich']);
    expect(parsed.body[0]).toMatchObject({ kind: 'line', style: 'heading', line: 9 });
    expect(parsed.body[1]).toMatchObject({
      kind: 'line',
      parts: [
        { kind: 'text', text: 'Bis ', bold: false },
        { kind: 'placeholder', name: 'feld.frist', format: 'lang', bold: true },
        { kind: 'text', text: '.', bold: false },
      ],
    });
    expect(parsed.body[2]).toMatchObject({ kind: 'when', fieldId: 'notiz', children: [{ kind: 'freetext' }] });
  });
});

describe('a template that does not parse is refused with file, line and code', () => {
  it('without front matter', () => {
    expectRefusal('id: probe\nHallo', 'front-matter-missing', 1);
  });

  it('with front matter that never ends', () => {
    expectRefusal('---\nid: probe\ntitel: Probe\n', 'front-matter-unterminated', 4);
  });

  it('with a header line that is not "key: value"', () => {
    expectRefusal(template(['feld termin'], ['Hallo']), 'header-line-malformed', 5);
  });

  it('with an unknown header key', () => {
    expect(expectRefusal(template(['farbe: rot'], ['Hallo']), 'header-key-unknown', 5).params).toEqual({
      key: 'farbe',
    });
  });

  it('with a key given twice', () => {
    expectRefusal(template(['titel: Noch einer'], ['Hallo']), 'header-key-duplicate', 5);
  });

  it('with a missing key, at the line that closes the header', () => {
    const text = ['---', 'id: probe', 'titel: Probe', '---', 'Hallo'].join('\n');
    expect(expectRefusal(text, 'header-key-missing', 4).params).toEqual({ key: 'betreff' });
  });

  it('with an empty value', () => {
    expectRefusal(template(['beschreibung:'], ['Hallo']), 'header-value-empty', 5);
  });

  it('with an id that is not a safe name', () => {
    const text = ['---', 'id: Probe Eins', 'titel: Probe', 'betreff: B', '---', 'Hallo'].join('\n');
    expectRefusal(text, 'id-invalid', 2, 'Probe Eins.vorlage.txt');
  });

  it('with an id that is not its file name', () => {
    expect(expectRefusal(template([], ['Hallo']), 'id-mismatch', 2, 'andere.vorlage.txt').params).toEqual({
      id: 'probe',
      expected: 'andere',
    });
  });

  it('with a field declaration that lacks a part', () => {
    expectRefusal(template(['feld: frist | datum | Pflicht'], ['{{feld.frist}}']), 'field-malformed', 5);
  });

  it('with an unknown field type', () => {
    expectRefusal(template(['feld: betrag | zahl | Pflicht | Betrag'], ['{{feld.betrag}}']), 'field-type-unknown', 5);
  });

  it('with neither "Pflicht" nor "optional"', () => {
    expectRefusal(template(['feld: ort | text | muss | Ort'], ['{{feld.ort}}']), 'field-requirement-unknown', 5);
  });

  it('with a field declared twice', () => {
    const fields = ['feld: ort | text | Pflicht | Ort', 'feld: ort | text | Pflicht | Ort'];
    expectRefusal(template(fields, ['{{feld.ort}}']), 'field-duplicate', 6);
  });

  it('with a declared field the letter never uses', () => {
    expectRefusal(template(['feld: ort | text | Pflicht | Ort'], ['Hallo']), 'field-unused', 5);
  });

  it('with more endorsements than the window has lines for', () => {
    const lines = ['vermerk: a', 'vermerk: b', 'vermerk: c', 'vermerk: d', 'vermerk: e'];
    expectRefusal(template(lines, ['Hallo']), 'endorsements-too-many', 9);
  });

  it('with an empty body', () => {
    expectRefusal(template([], ['', '  ']), 'body-empty', 5);
  });

  it('with a placeholder that is not closed', () => {
    expectRefusal(template([], ['Hallo', 'Guten Tag {{empfaenger.name']), 'placeholder-unclosed', 7);
  });

  it('with a placeholder nobody fills', () => {
    const error = expectRefusal(template([], ['{{empfaenger.telefon}}']), 'placeholder-unknown', 6);
    expect(error.params).toEqual({ placeholder: 'empfaenger.telefon' });
    expectRefusal(template([], ['{{ Name }}']), 'placeholder-unknown', 6);
  });

  it('with a format a placeholder does not have', () => {
    expectRefusal(template([], ['{{brief.datum:kurz}}']), 'placeholder-format-invalid', 6);
    expectRefusal(template([], ['{{empfaenger.name:lang}}']), 'placeholder-format-invalid', 6);
  });

  it('with a field that is not declared', () => {
    expectRefusal(template([], ['Bis {{feld.frist}}.']), 'field-undeclared', 6);
    expectRefusal(
      ['---', 'id: probe', 'titel: P', 'betreff: {{feld.x}}', '---', 'Hallo'].join('\n'),
      'field-undeclared',
      4,
    );
  });

  it('with free text used inline, or a date used as free text', () => {
    expectRefusal(template(['feld: text | freitext | Pflicht | Text'], ['{{feld.text}}']), 'field-type-mismatch', 7);
    expectRefusal(
      template(['feld: frist | datum | Pflicht | Frist'], ['[[Freitext: frist]]']),
      'field-type-mismatch',
      7,
    );
  });

  it('with an optional field used outside a block that checks it', () => {
    const text = template(['feld: zimmer | text | optional | Zimmer'], ['Zimmer {{feld.zimmer}}']);
    expect(expectRefusal(text, 'optional-field-unguarded', 7).params).toEqual({ field: 'zimmer' });
    const guarded = template(
      ['feld: zimmer | text | optional | Zimmer'],
      ['[[wenn feld.zimmer]]', 'Zimmer {{feld.zimmer}}', '[[ende]]'],
    );
    expect(parseTemplate(FILE, guarded).fields).toHaveLength(1);
  });

  it('with bold that is not closed on its line', () => {
    expectRefusal(template([], ['**Achtung', 'Text']), 'bold-unbalanced', 6);
  });

  it('with an unknown block', () => {
    expectRefusal(template([], ['Hallo', '[[Tabelle]]']), 'block-unknown', 7);
  });

  it('with a block marker inside a line', () => {
    expectRefusal(template(['feld: t | freitext | Pflicht | T'], ['Text [[Freitext: t]]']), 'block-not-alone', 7);
  });

  it('with a block that is not closed, at the line that opens it', () => {
    expectRefusal(
      template(['feld: t | text | optional | T'], ['Hallo', '[[wenn feld.t]]', '{{feld.t}}']),
      'block-unclosed',
      8,
    );
  });

  it('with an end that closes nothing', () => {
    expectRefusal(template([], ['Hallo', '[[ende]]']), 'block-end-unexpected', 7);
  });

  it('carries no German sentence, only the code and where', () => {
    const error = refusal(template([], ['[[ende]]']));
    expect(error.message).toBe(`${FILE}:6: block-end-unexpected`);
  });
});

describe('the office file', () => {
  const OFFICE = [
    'name: Jobcenter Probe',
    'strasse: Weg 1',
    'plz: 12345',
    'ort: Probe',
    'telefon: 1',
    'email: a@b.example',
  ];

  it('gives the sender block, with a return address made from it', () => {
    expect(parseOffice('office.txt', OFFICE.join('\n'))).toMatchObject({
      name: 'Jobcenter Probe',
      returnAddress: 'Jobcenter Probe · Weg 1 · 12345 Probe',
      footerLines: [],
    });
  });

  it('is refused with file and line when a key is missing or a value is wrong', () => {
    const missing = () => parseOffice('office.txt', OFFICE.slice(1).join('\n'));
    expect(missing).toThrow(expect.objectContaining({ code: 'header-key-missing', file: 'office.txt', line: 5 }));
    const badPlz = () =>
      parseOffice('office.txt', OFFICE.map((l) => (l.startsWith('plz') ? 'plz: 1234' : l)).join('\n'));
    expect(badPlz).toThrow(expect.objectContaining({ code: 'header-line-malformed', line: 3 }));
  });
});
