/**
 * Every screen of the workspace at 1920×1080 and at 1280×720, in German and in English: checked
 * with axe-core against WCAG 2.1 A/AA (no serious or critical violation; the milder ones are
 * listed in the report), and kept as a screenshot in .test-output/screenshots to be looked at.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures.ts';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * What is wrong with the case list's columns at this size: a heading cut off (a word wider than
 * its column), or a heading not above its column's cells.
 */
async function caseColumnsProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const headings = [...document.querySelectorAll<HTMLElement>('.case-grid-head [role=columnheader]')];
    const cells = [...document.querySelectorAll<HTMLElement>('.case-grid-body .case-row')][0]?.children ?? [];
    headings.forEach((heading, k) => {
      const button = heading.querySelector('button')!;
      const label = button.textContent.replace(/[\u00ad▲▼]/g, '').trim();
      if (button.scrollWidth > button.clientWidth + 1) problems.push(`"${label}" is cut off`);
      const cell = cells[k]?.getBoundingClientRect();
      const at = heading.getBoundingClientRect();
      if (cell && (Math.abs(cell.left - at.left) > 1 || Math.abs(cell.width - at.width) > 1))
        problems.push(`"${label}" is not above its column (${at.left}+${at.width} vs ${cell.left}+${cell.width})`);
    });
    return problems;
  });
}

/** The navigation's buttons whose text runs past their border (a word longer than the button is wide). */
async function navigationProblems(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.desk-nav button')]
      .filter((button) => button.scrollWidth > button.clientWidth + 1)
      .map((button) => `"${button.textContent.replace(/\u00ad/g, '').trim()}" runs past its border`),
  );
}

async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

for (const language of ['de', 'en'] as const) {
  test(`every workspace screen in ${language === 'de' ? 'German' : 'English'}: axe finds nothing serious, screenshots at both sizes`, async ({
    workspace: page,
  }) => {
    test.setTimeout(180_000);
    const l = <T>(german: T, english: T): T => (language === 'de' ? german : english);
    const report: string[] = [];
    const problems: string[] = [];
    mkdirSync(screenshotDir, { recursive: true });

    const check = async (screen: string) => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(screenshotDir, `workspace-${screen}-${language}-${size.width}.png`) });
        if (screen === 'cases' || screen === 'case')
          for (const problem of await caseColumnsProblems(page))
            problems.push(`${screen} at ${size.width}×${size.height}: ${problem}`);
        for (const problem of await navigationProblems(page))
          problems.push(`${screen} at ${size.width}×${size.height}: ${problem}`);
      }
      for (const v of await axe(page)) {
        const line = `${screen}: ${v.impact ?? '?'} ${v.id} – ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`;
        report.push(line);
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
      }
    };

    if (language === 'en') await page.getByLabel('Sprache').selectOption('en');
    await check('sign-in');
    await page.getByLabel(l('Benutzername', 'User name')).fill('demo');
    await page.getByLabel(l('Passwort', 'Password'), { exact: true }).fill('demo');
    await page.getByRole('button', { name: l('Anmelden', 'Sign in') }).click();
    await expect(page.locator('.case-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.sync-status')).toContainText(l('Abgeglichen', 'Up to date'), { timeout: 30_000 });
    await check('cases');
    // The headings' names are their labels, whatever breaks them on screen.
    for (const name of l(
      ['BG-Nummer', 'Antragsteller/in', 'Personen', 'Letzter Eingang', 'Ungelesen', 'Fällig', 'Auf dem Gerät'],
      ['BG number', 'Applicant', 'Persons', 'Last received', 'Unread', 'Due', 'On this device'],
    ))
      await expect(page.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible();

    await page.locator('.case-row').nth(1).click();
    await expect(page.locator('#case-view-heading')).toBeVisible();
    await check('case');

    await page.getByRole('searchbox', { name: l('Akten suchen', 'Search case files') }).fill('a');
    await check('search');
    await page.getByRole('searchbox', { name: l('Akten suchen', 'Search case files') }).fill('');

    await page.keyboard.press('Control+K');
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('quick-jump');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: l('Schreiben erstellen', 'Write a letter') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.waitForTimeout(1500);
    await check('letter');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: l(/Posteingang/, /Inbox/) }).click();
    await expect(page.locator('.inbox-table, .inbox p').first()).toBeVisible();
    await check('inbox');

    await nav.getByRole('button', { name: l(/Wiedervorlagen/, /Follow-ups/) }).click();
    await expect(page.locator('.due h2')).toBeVisible();
    await check('follow-ups');

    await nav.getByRole('button', { name: l('Einstellungen', 'Settings') }).click();
    await expect(page.getByRole('heading', { level: 2, name: l('Einstellungen', 'Settings') })).toBeVisible();
    await check('settings');

    writeFileSync(path.join(screenshotDir, `workspace-axe-${language}.txt`), `${report.join('\n')}\n`);
    expect(problems).toEqual([]);
  });
}
