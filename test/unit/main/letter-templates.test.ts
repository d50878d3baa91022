/**
 * The job centre's letter folder: where IT puts it on each platform, and what main hands the
 * renderer from it — read from real files in a temporary folder, with what cannot be read
 * reported instead of failing the rest.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { machineLettersFolder, readMachineLetters } from '../../../src/main/letter-templates.ts';
import { listFolder, nodeFs } from '../../../src/main/node-fs.ts';
import { machineLettersSchema, MAX_LETTER_FILE_CHARS } from '../../../src/shared/letters/machine-letters.ts';

const root = mkdtempSync(path.join(tmpdir(), 'eakte-letters-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fs = { list: listFolder, readText: (file: string) => nodeFs.readText(file) };
const join = (...parts: string[]) => path.join(...parts);
const TEMPLATE = '---\nid: eigene\ntitel: Eigene\nbetreff: Betreff\n---\nText\n';

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('machineLettersFolder', () => {
  it('lies beside the policy file on each platform', () => {
    expect(machineLettersFolder('linux', {})).toBe('/etc/e-akte/letters');
    expect(machineLettersFolder('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\E-Akte\\letters');
    expect(machineLettersFolder('win32', {})).toBe('C:\\ProgramData\\E-Akte\\letters');
    expect(machineLettersFolder('darwin', {})).toBe('/Library/Application Support/E-Akte/letters');
  });
});

describe('readMachineLetters', () => {
  it('hands over every template and the office file as text, in name order, and nothing else', async () => {
    const dir = folder('full', {
      'zusage.vorlage.txt': TEMPLATE.replace('eigene', 'zusage'),
      'eigene.vorlage.txt': TEMPLATE,
      'Mahnung.Vorlage.TXT': TEMPLATE,
      'office.txt': 'name: Jobcenter Beispielstadt\n',
      'notizen.txt': 'nicht für den Client',
    });
    const letters = await readMachineLetters(fs, dir, join);
    expect(machineLettersSchema.parse(letters)).toEqual({
      folder: dir,
      templates: [
        { file: 'Mahnung.Vorlage.TXT', text: TEMPLATE },
        { file: 'eigene.vorlage.txt', text: TEMPLATE },
        { file: 'zusage.vorlage.txt', text: TEMPLATE.replace('eigene', 'zusage') },
      ],
      office: { file: 'office.txt', text: 'name: Jobcenter Beispielstadt\n' },
      unreadable: [],
    });
  });

  it('answers none when the folder does not exist', async () => {
    expect(await readMachineLetters(fs, path.join(root, 'missing'), join)).toEqual({
      folder: path.join(root, 'missing'),
      templates: [],
      office: null,
      unreadable: [],
    });
  });

  it('reports a file it cannot read or that is too large, and keeps the others', async () => {
    const dir = folder('partly', {
      'gut.vorlage.txt': TEMPLATE,
      'riesig.vorlage.txt': 'x'.repeat(MAX_LETTER_FILE_CHARS + 1),
      'gesperrt.vorlage.txt': TEMPLATE,
    });
    const warnings: unknown[] = [];
    chmodSync(path.join(dir, 'gesperrt.vorlage.txt'), 0o000);
    const asRoot = process.getuid?.() === 0;
    const letters = await readMachineLetters(fs, dir, join, { warn: (...args) => warnings.push(args) });
    chmodSync(path.join(dir, 'gesperrt.vorlage.txt'), 0o644);
    expect(letters.templates.map((t) => t.file)).toEqual(
      asRoot ? ['gesperrt.vorlage.txt', 'gut.vorlage.txt'] : ['gut.vorlage.txt'],
    );
    expect(letters.unreadable).toEqual([
      ...(asRoot ? [] : [{ file: 'gesperrt.vorlage.txt', code: 'EACCES' }]),
      { file: 'riesig.vorlage.txt', code: 'too-large' },
    ]);
    expect(warnings).toHaveLength(letters.unreadable.length);
  });

  it('reports a folder it may not list', async () => {
    const failing = {
      list: async () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
      readText: (file: string) => nodeFs.readText(file),
    };
    expect(
      (await readMachineLetters(failing, '/etc/e-akte/letters', (...parts) => path.posix.join(...parts))).unreadable,
    ).toEqual([{ file: 'letters', code: 'EACCES' }]);
  });
});
