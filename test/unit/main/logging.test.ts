/**
 * Logs: no personal data in any line (names, BG numbers, addresses, document titles), the real
 * electron-log writing to and rotating files in a user-data folder, and renderer lines arriving
 * through `log:write` under their module, limited per window.
 */
import electronLog from 'electron-log/node';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import { configureLogFiles, logFolder, type ElectronLogPort } from '../../../src/main/logging/log-files.ts';
import { createRendererLog, LINES_PER_MINUTE } from '../../../src/main/logging/renderer-log.ts';
import { logEntrySchema } from '../../../src/shared/logging/log-entry.ts';
import { errorFields, redactLogFields, scrubLogText } from '../../../src/shared/logging/redact.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSONAL = ['Erika', 'Mustermann', '12345BG0012345', 'Lindenstraße', 'Mietvertrag', 'erika@example.org'];

function expectNoPersonalData(text: string): void {
  for (const word of PERSONAL) expect(text, word).not.toContain(word);
}

describe('redaction guard', () => {
  it('drops string fields other than known-safe keys, and safe keys that do not look like codes', () => {
    const fields = redactLogFields({
      name: 'Erika Mustermann',
      bgNumber: '12345BG0012345',
      address: 'Lindenstraße 4',
      documentTitle: 'Mietvertrag',
      channel: 'Erika Mustermann',
      nested: { title: 'Mietvertrag' },
      list: ['Erika'],
      code: 'ERR_UPDATER_INVALID_SIGNATURE',
      phase: 'downloading',
      pages: 12,
      ok: true,
      none: null,
      ratio: Number.NaN,
    });
    expect(fields).toEqual({
      code: 'ERR_UPDATER_INVALID_SIGNATURE',
      phase: 'downloading',
      pages: 12,
      ok: true,
      none: null,
      ratio: null,
      redacted: 7,
    });
  });

  it('scrubs messages of BG numbers, e-mail addresses, ids, home folders and long numbers', () => {
    const text = scrubLogText(
      'Akte 12345BG0012345 von erika@example.org, id 0f8fad5b-d9cb-469f-a165-70867728950e, C:\\Users\\mustermann\\AppData and /home/erika/x, 4711 0151234567\nzweite Zeile',
    );
    expect(text).toBe('Akte <bg> von <email>, id <id>, <home>\\AppData and <home>/x, 4711 <n> zweite Zeile');
    expect(scrubLogText('x'.repeat(500))).toHaveLength(200);
  });

  it('keeps only the name and code of an error, never its message', () => {
    const error = Object.assign(new Error('cannot open /home/erika/Mietvertrag.pdf'), { code: 'ENOENT' });
    expect(errorFields(error)).toEqual({ errorName: 'Error', errorCode: 'ENOENT' });
    expect(errorFields('Erika')).toEqual({ errorName: 'string' });
  });

  it('applies to every line a logger writes', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'windows',
      (line) => lines.push(line),
      () => new Date('2026-01-02T03:04:05Z'),
    );
    logger.warn('case 12345BG0012345 opened', { title: 'Mietvertrag', kind: 'viewer', page: 3 });
    expect(JSON.parse(lines[0]!)).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      level: 'warn',
      module: 'windows',
      message: 'case <bg> opened',
      kind: 'viewer',
      page: 3,
      redacted: 1,
    });
  });
});

describe('log files', () => {
  it('writes JSON lines to logs/main.log in the user-data folder and rotates them', () => {
    const userData = path.join(dir, 'user-data');
    const log: ElectronLogPort = electronLog.create({ logId: 'eakte-test-rotation' });
    const sink = configureLogFiles(log, { userDataDir: userData, console: false, maxBytes: 2000 });
    const logger = createLogger('main', sink);
    for (let i = 0; i < 200; i += 1) logger.info('line written', { index: i, name: 'Erika Mustermann' });
    const folder = logFolder(userData);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log', 'main.log']);
    const newest = readFileSync(path.join(folder, 'main.log'), 'utf8').trim().split('\n');
    const last = JSON.parse(newest.at(-1)!) as Record<string, unknown>;
    expect(last).toMatchObject({ level: 'info', module: 'main', message: 'line written', index: 199 });
    for (const file of files) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      expect(text.length).toBeLessThan(2600);
      expectNoPersonalData(text);
    }
    expect(existsSync(path.join(folder, 'main.5.log'))).toBe(false);
  });
});

describe('renderer log lines', () => {
  it('arrive under renderer/<module>, redacted, and are limited per window and minute', () => {
    const lines: string[] = [];
    let now = new Date('2026-01-02T03:04:00Z');
    const write = createRendererLog(
      () => (line) => lines.push(line),
      () => now,
    );
    const entry = logEntrySchema.parse({
      level: 'info',
      module: 'sync/pull',
      message: 'page applied for 12345BG0012345',
      fields: { changes: 1000, title: 'Mietvertrag', phase: 'pull' },
    });
    for (let i = 0; i < LINES_PER_MINUTE + 5; i += 1) write(entry, 7);
    write(entry, 8);
    expect(lines).toHaveLength(LINES_PER_MINUTE + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      module: 'renderer/sync/pull',
      message: 'page applied for <bg>',
      changes: 1000,
      phase: 'pull',
      redacted: 1,
    });
    now = new Date('2026-01-02T03:05:00Z');
    write(entry, 7);
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ message: 'renderer log lines dropped', dropped: 5 });
    expectNoPersonalData(lines.join('\n'));
  });

  it('refuses entries outside the contract', () => {
    for (const bad of [
      { level: 'info', module: 'Viewer Fenster', message: 'x' },
      { level: 'trace', module: 'viewer', message: 'x' },
      { level: 'info', module: 'viewer', message: 'x'.repeat(201) },
      { level: 'info', module: 'viewer', message: 'x', fields: { a: { b: 1 } } },
      { level: 'info', module: 'viewer', message: 'x', extra: 1 },
    ])
      expect(logEntrySchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
  });
});
