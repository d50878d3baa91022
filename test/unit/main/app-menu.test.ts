/** The application menu: "Hilfe → Protokollordner öffnen" opens the log folder; DevTools only unpackaged. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appMenuTemplate, openLogFolder, type MenuItemSpec } from '../../../src/main/app-menu.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-menu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function find(items: MenuItemSpec[], label: string): MenuItemSpec | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu && find(item.submenu, label);
    if (inner) return inner;
  }
  return undefined;
}

const roles = (items: MenuItemSpec[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);

describe('application menu', () => {
  it('has Hilfe → Protokollordner öffnen, which opens the log folder', async () => {
    const opened: string[] = [];
    const folder = path.join(dir, 'user-data', 'logs');
    let done: Promise<boolean> | undefined;
    const template = appMenuTemplate({
      language: 'de',
      platform: 'linux',
      packaged: true,
      openLogFolder: () => {
        done = openLogFolder(
          async (f) => {
            opened.push(f);
            return '';
          },
          folder,
          async (f) => {
            await mkdir(f, { recursive: true });
          },
        );
      },
    });
    const help = template.find((item) => item.label === 'Hilfe');
    const entry = help?.submenu?.find((item) => item.label === 'Protokollordner öffnen');
    expect(entry).toBeDefined();
    entry!.click!();
    expect(await done).toBe(true);
    expect(opened).toEqual([folder]);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(
      await openLogFolder(
        async () => 'Failed to open',
        folder,
        async () => undefined,
      ),
    ).toBe(false);
  });

  it('offers DevTools only unpackaged, the app menu only on macOS, and English labels in English', () => {
    const base = { language: 'de' as const, platform: 'linux' as const, openLogFolder: () => undefined };
    expect(roles(appMenuTemplate({ ...base, packaged: true }))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ ...base, packaged: false }))).toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ ...base, packaged: true }))).not.toContain('appMenu');
    expect(roles(appMenuTemplate({ ...base, platform: 'darwin', packaged: true }))[0]).toBe('appMenu');
    const english = appMenuTemplate({ ...base, language: 'en', packaged: true });
    expect(find(english, 'Open log folder')).toBeDefined();
  });
});
