/**
 * The templates a case worker can choose: the shipped ones with the job centre's own merged over
 * them by id, a broken file refused with its file and line while the others stay usable, and the
 * machine's office file in place of the shipped one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type BundledLetters } from '../../../../src/renderer/features/letters/template-catalogue.ts';
import { NO_MACHINE_LETTERS, type MachineLetters } from '../../../../src/shared/letters/machine-letters.ts';

const asset = (name: string) => readFileSync(new URL(`../../../../assets/letters/${name}`, import.meta.url), 'utf8');
const SHIPPED = ['anhoerung', 'einladung', 'freies-schreiben', 'mitwirkung'];
const bundled: BundledLetters = {
  templates: SHIPPED.map((id) => ({ file: `${id}.vorlage.txt`, text: asset(`${id}.vorlage.txt`) })),
  office: { file: 'office.txt', text: asset('office.txt') },
};
const template = (id: string, title: string) => `---\nid: ${id}\ntitel: ${title}\nbetreff: ${title}\n---\nText.\n`;
const machine = (over: Partial<MachineLetters>): MachineLetters => ({
  ...NO_MACHINE_LETTERS,
  folder: '/etc/e-akte/letters',
  ...over,
});

describe('buildCatalogue', () => {
  it('offers the shipped templates by title, with the shipped office, when the machine has none', () => {
    const catalogue = buildCatalogue(bundled, NO_MACHINE_LETTERS);
    expect(catalogue.templates.map((x) => x.id).sort()).toEqual(SHIPPED);
    const titles = catalogue.templates.map((x) => x.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'de')));
    expect(catalogue.refused).toEqual([]);
    expect(catalogue.office?.name).toBe('Jobcenter Musterstadt');
  });

  it('puts the job centre’s own template in place of a shipped one with the same id, and adds new ones', () => {
    const catalogue = buildCatalogue(
      bundled,
      machine({
        templates: [
          { file: 'einladung.vorlage.txt', text: template('einladung', 'Einladung (Fassung Jobcenter)') },
          { file: 'zusage.vorlage.txt', text: template('zusage', 'Zusage') },
        ],
      }),
    );
    expect(catalogue.templates.map((x) => x.title)).toEqual([
      'Anhörung vor einer Entscheidung',
      'Aufforderung zur Mitwirkung – fehlende Unterlagen',
      'Einladung (Fassung Jobcenter)',
      'Freies Schreiben',
      'Zusage',
    ]);
    expect(catalogue.templates.find((x) => x.id === 'einladung')!.file).toBe(
      '/etc/e-akte/letters/einladung.vorlage.txt',
    );
  });

  it('refuses a broken template with its file and line, and keeps the others usable', () => {
    const catalogue = buildCatalogue(
      bundled,
      machine({
        templates: [
          { file: 'kaputt.vorlage.txt', text: '---\nid: kaputt\ntitel: Kaputt\nbetreff: {{feld.fehlt}}\n---\nText\n' },
          { file: 'zusage.vorlage.txt', text: template('zusage', 'Zusage') },
        ],
      }),
    );
    expect(catalogue.templates.map((x) => x.id)).toContain('zusage');
    expect(catalogue.templates).toHaveLength(5);
    expect(catalogue.refused).toHaveLength(1);
    const [refused] = catalogue.refused;
    expect(refused).toMatchObject({ kind: 'invalid', file: '/etc/e-akte/letters/kaputt.vorlage.txt' });
    if (refused?.kind !== 'invalid') throw new Error('expected a template refused for its content');
    expect([refused.error.code, refused.error.line]).toEqual(['field-undeclared', 4]);
  });

  it('does not fall back to the shipped wording when the job centre’s replacement is broken or unreadable', () => {
    const catalogue = buildCatalogue(
      bundled,
      machine({
        templates: [{ file: 'einladung.vorlage.txt', text: 'kein Kopf' }],
        unreadable: [{ file: 'mitwirkung.vorlage.txt', code: 'EACCES' }],
      }),
    );
    expect(catalogue.templates.map((x) => x.id).sort()).toEqual(['anhoerung', 'freies-schreiben']);
    expect(catalogue.refused.map((r) => [r.kind, r.file])).toEqual([
      ['invalid', '/etc/e-akte/letters/einladung.vorlage.txt'],
      ['unreadable', '/etc/e-akte/letters/mitwirkung.vorlage.txt'],
    ]);
  });

  it('takes the machine’s office file, and stops every letter when it is broken', () => {
    const own =
      'name: Jobcenter Beispielstadt\nstrasse: Markt 1\nplz: 54321\nort: Beispielstadt\ntelefon: 0123 4\nemail: post@beispielstadt.example\n';
    expect(buildCatalogue(bundled, machine({ office: { file: 'office.txt', text: own } })).office?.name).toBe(
      'Jobcenter Beispielstadt',
    );
    const broken = buildCatalogue(
      bundled,
      machine({ office: { file: 'office.txt', text: own.replace('54321', '5432') } }),
    );
    expect(broken.office).toBeNull();
    expect(broken.officeRefused).toMatchObject({ kind: 'invalid', file: '/etc/e-akte/letters/office.txt' });
    expect(broken.templates).toHaveLength(4);
  });

  it('names files in a Windows folder with backslashes', () => {
    const catalogue = buildCatalogue(
      bundled,
      machine({ folder: 'C:\\ProgramData\\E-Akte\\letters', templates: [{ file: 'x.vorlage.txt', text: 'kaputt' }] }),
    );
    expect(catalogue.refused[0]!.file).toBe('C:\\ProgramData\\E-Akte\\letters\\x.vorlage.txt');
  });
});
