/**
 * The layer boundaries are enforced by lint: these tests run the project's own layer rules on
 * small sources placed (virtually) in each layer.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layer rules', () => {
  it('refuse a renderer file that imports from src/main', async () => {
    expect(
      await problems('src/renderer/features/x.ts', "import { x } from '../../main/windows.ts';\nexport const y = x;"),
    ).toEqual([expect.stringMatching(/no-restricted-imports: .*Der Renderer importiert nie aus src\/main/)]);
  });

  it('refuse a renderer file that imports electron or node modules', async () => {
    expect(
      await problems('src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;"),
    ).toHaveLength(1);
    expect(await problems('src/renderer/x.ts', "import fs from 'node:fs';\nexport const y = fs;")).toHaveLength(1);
    expect(await problems('src/renderer/x.ts', "import fs from 'fs';\nexport const y = fs;")).toHaveLength(1);
    expect(
      await problems('src/renderer/x.ts', "import { randomUUID } from 'crypto';\nexport const y = randomUUID;"),
    ).toHaveLength(1);
  });

  it('keep features and windows away from the tables: repositories only', async () => {
    const code = "import { CacheDb } from '../../data/db.ts';\nexport const y = CacheDb;";
    expect(await problems('src/renderer/features/cases/x.ts', code)).toEqual([
      expect.stringMatching(/Features erreichen die Tabellen nur über Repositorien/),
    ]);
    expect(await problems('src/renderer/app/workspace/x.ts', code)).toHaveLength(1);
    expect(
      await problems('src/renderer/data/repos/x.ts', "import { CacheDb } from '../db.ts';\nexport const y = CacheDb;"),
    ).toEqual([]);
    expect(
      await problems(
        'src/renderer/features/cases/x.ts',
        "import { x } from '../../data/repos/cases.ts';\nexport const y = x;",
      ),
    ).toEqual([]);
  });

  it('keep pdf.js inside src/renderer/pdf', async () => {
    const code = "import { getDocument } from 'pdfjs-dist';\nexport const y = getDocument;";
    expect(await problems('src/renderer/features/viewer/x.ts', code)).toEqual([
      expect.stringMatching(/Nur src\/renderer\/pdf/),
    ]);
    expect(await problems('src/renderer/pdf/x.ts', code)).toEqual([]);
  });

  it('refuse a shared file that imports electron or node:fs', async () => {
    expect(await problems('src/shared/x.ts', "import { app } from 'electron';\nexport const y = app;")).toHaveLength(1);
    expect(
      await problems('src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;"),
    ).toHaveLength(1);
  });

  it('refuse a shared file that touches window, document or localStorage', async () => {
    for (const code of [
      'export const w = window.innerWidth;',
      'export const d = document.title;',
      "export const s = localStorage.getItem('k');",
    ]) {
      expect(await problems('src/shared/x.ts', code), code).toEqual([expect.stringMatching(/no-restricted-globals/)]);
    }
  });

  it('refuse a preload that imports anything but electron and shared', async () => {
    expect(
      await problems('src/preload/x.ts', "import { x } from '../main/windows.ts';\nexport const y = x;"),
    ).toHaveLength(1);
    expect(await problems('src/preload/x.ts', "import React from 'react';\nexport const y = React;")).toHaveLength(1);
    expect(
      await problems('src/preload/x.ts', "import { x } from '../renderer/a.ts';\nexport const y = x;"),
    ).toHaveLength(1);
  });

  it('refuse a server file that imports the client', async () => {
    expect(
      await problems('server/x.ts', "import { x } from '../src/renderer/a.ts';\nexport const y = x;"),
    ).toHaveLength(1);
  });

  it('accept what each layer may import', async () => {
    expect(await problems('src/shared/x.ts', "import { z } from 'zod';\nexport const y = z.string();")).toEqual([]);
    expect(
      await problems(
        'src/renderer/x.ts',
        "import { z } from '../shared/a.ts';\nexport const y = window.name + String(z);",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/preload/x.ts',
        "import { contextBridge } from 'electron';\nimport { b } from '../shared/ipc/bridge.ts';\nexport const y = [contextBridge, b];",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'src/main/x.ts',
        "import { app } from 'electron';\nimport fs from 'node:fs';\nimport { c } from '../shared/a.ts';\nexport const y = [app, fs, c];",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'server/x.ts',
        "import { c } from '../src/shared/api/a.ts';\nimport fs from 'node:fs';\nexport const y = [c, fs];",
      ),
    ).toEqual([]);
  });
});
