/**
 * Every code the engine reports has a German and an English text, and the text's parameters are
 * ones the code carries, so the UI never shows a bare `{name}`.
 */
import { describe, expect, it } from 'vitest';
import { lettersDe } from '../../../../src/renderer/letters/messages-de.ts';
import { lettersEn } from '../../../../src/renderer/letters/messages-en.ts';
import { problemMessage, templateErrorMessage } from '../../../../src/renderer/letters/message-of.ts';
import type { LetterProblem } from '../../../../src/renderer/letters/problems.ts';
import { parseTemplate } from '../../../../src/renderer/letters/parse-template.ts';
import type { LetterTemplateError } from '../../../../src/renderer/letters/template-error.ts';

const fill = (text: string, params: Readonly<Record<string, string | number>>) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

const PROBLEMS: LetterProblem[] = [
  { code: 'recipient-without-address' },
  { code: 'address-too-many-lines', lines: 7, max: 6 },
  { code: 'address-blank-line', line: 3 },
  { code: 'address-line-too-long', line: 2, text: 'Lange Straße', widthMm: 80.2, maxMm: 75 },
  { code: 'field-missing', field: 'frist', label: 'Frist' },
  { code: 'field-invalid', field: 'frist', label: 'Frist', type: 'datum' },
  { code: 'subject-empty' },
  { code: 'subject-too-long', length: 301, max: 300 },
  { code: 'placeholder-unfilled', placeholder: 'bearbeiter.name' },
  { code: 'character-unsupported', character: '王', codePoint: 'U+738B' },
];

describe('letter messages', () => {
  it('exist in English for every German key and say something', () => {
    expect(Object.keys(lettersEn).sort()).toEqual(Object.keys(lettersDe).sort());
    for (const [key, text] of [...Object.entries(lettersDe), ...Object.entries(lettersEn)]) {
      expect(text.trim().length, key).toBeGreaterThan(10);
    }
  });

  it('fill every parameter of every problem', () => {
    for (const problem of PROBLEMS) {
      const { key, params } = problemMessage(problem);
      for (const catalog of [lettersDe, lettersEn]) expect(fill(catalog[key], params), key).not.toMatch(/\{\w+\}/);
    }
  });

  it('fill every parameter of a template error, with file and line around it', () => {
    let error: LetterTemplateError | undefined;
    try {
      parseTemplate(
        'probe.vorlage.txt',
        '---\nid: probe\ntitel: T\nbetreff: B\nfeld: a | text | Pflicht | A\nfeld: a | text | Pflicht | A\n---\n{{feld.a}}',
      );
    } catch (e) {
      error = e as LetterTemplateError;
    }
    const { key, params } = templateErrorMessage(error!);
    expect(key).toBe('letters.templateError.field-duplicate');
    const detail = fill(lettersDe[key], params);
    expect(detail).toBe('Das Feld „a“ ist bereits in Zeile 5 angegeben.');
    expect(fill(lettersDe['letters.templateError.where'], { ...params, message: detail })).toBe(
      'Die Briefvorlage „probe.vorlage.txt“ ist in Zeile 6 fehlerhaft: Das Feld „a“ ist bereits in Zeile 5 angegeben.',
    );
  });
});
