/**
 * The letter engine runs in the renderer and in Node alike: held to the rules of `src/shared`
 * (no DOM objects, no Node modules or objects, no electron), every file of it passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { expect, it } from 'vitest';
import { layerRules } from '../../../../eslint.layers.js';

const dir = new URL('../../../../src/renderer/letters/', import.meta.url);
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

it('uses no DOM and no Node in any engine file', async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const [result] = await eslint.lintText(readFileSync(new URL(file, dir), 'utf8'), {
      filePath: `src/shared/letters/${file}`,
    });
    expect(
      (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`),
      file,
    ).toEqual([]);
  }
});

it('would notice if one did', async () => {
  const [result] = await eslint.lintText(
    "export const w = document.title;\nimport fs from 'node:fs';\nexport { fs };",
    {
      filePath: 'src/shared/letters/probe.ts',
    },
  );
  expect(result?.messages.map((m) => m.ruleId).sort()).toEqual(['no-restricted-globals', 'no-restricted-imports']);
});
