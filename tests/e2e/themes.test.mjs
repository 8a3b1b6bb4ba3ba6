// Themes (the `theme` link key and the page's control) and accessibility: axe-core's WCAG 2.1
// A and AA rules over every lesson, full page and embed=1, light and dark, with no violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT, screenshot } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const LESSONS = ['terms', 'sync', 'await', 'tasks', 'order', 'blocking', 'offload', 'gather'];
const DARK_BG = 'rgb(21, 23, 26)';
const LIGHT_BG = 'rgb(251, 251, 250)';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const background = (page, selector = 'body') =>
  page.locator(selector).first().evaluate((e) => getComputedStyle(e).backgroundColor);

test('the theme control changes the whole page and is kept in the link', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=gather&unit=50`);
  const theme = page.getByLabel('Theme');
  assert.equal(await theme.inputValue(), 'auto');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'auto');
  await theme.selectOption('dark');
  assert.equal(new URL(page.url()).search, '?v=1&lesson=gather&unit=50&theme=dark');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await background(page), DARK_BG);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  // The drawings follow: the code panels, the timeline's panel and its labels, the heartbeat.
  assert.equal(await background(page, '.code pre'), 'rgb(29, 32, 36)');
  assert.equal(await background(page, '.timeline-scroll'), 'rgb(29, 32, 36)');
  assert.equal(await page.locator('.lane-label').first().evaluate((e) => getComputedStyle(e).fill), 'rgb(162, 168, 174)');
  assert.equal(await page.locator('.beat').first().evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(54, 59, 65)');
  await screenshot(page, 'theme-dark');
  await theme.selectOption('light');
  assert.equal(new URL(page.url()).search, '?v=1&lesson=gather&unit=50&theme=light');
  assert.equal(await background(page), LIGHT_BG);
  await theme.selectOption('auto');
  assert.equal(new URL(page.url()).search, '?v=1&lesson=gather&unit=50', 'auto is not written');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link\'s theme overrides the system setting, and auto follows it', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&theme=light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(page), LIGHT_BG, 'theme=light stays light on a dark system');
  await page.goto(`${server.url}?v=1&lesson=terms&theme=dark`);
  await page.getByLabel('Theme').waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await page.getByLabel('Theme').inputValue(), 'dark');
  assert.equal(await background(page), DARK_BG, 'theme=dark stays dark on a light system');
  await page.goto(`${server.url}?v=1&embed=1`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  assert.equal(await background(page), LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(page), DARK_BG, 'auto follows the system');
  await page.goto(`${server.url}?v=1&theme=blue`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), /theme=“blue” is not valid \(one of light, dark, auto\)/);
  assert.equal(await page.getByLabel('Theme').inputValue(), 'auto');
  assert.deepEqual(errors, []);
  await page.close();
});

/** axe-core's WCAG 2.1 A/AA violations on the page, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`);
  });
}

test('axe finds no WCAG 2.1 A/AA violation in any lesson, full page and embedded, light and dark', async () => {
  const found = [];
  for (const theme of ['light', 'dark']) {
    for (const embed of ['', '&embed=1']) {
      for (const lesson of LESSONS) {
        const query = `?v=1&lesson=${lesson}&theme=${theme}${embed}`;
        // The full page on a desktop, the embed in its usual 700×450 frame (its code scrolls there).
        const viewport = embed ? { width: 700, height: 450 } : { width: 1280, height: 900 };
        const page = await browser.newPage({ viewport });
        await page.goto(`${server.url}${query}`);
        await page.locator('main').waitFor();
        await page.getByRole('heading', { level: 2 }).waitFor();
        // The embed's scenario panel open, so that its controls are checked too.
        const more = page.getByRole('button', { name: 'Change the scenario' });
        if (embed && lesson !== 'terms') await more.click();
        for (const v of await violations(page)) found.push(`${query}: ${v}`);
        await page.close();
      }
    }
  }
  assert.deepEqual(found, []);
});

test('axe finds no violation after a run (errors, cancellations, the timeline), light and dark, full page and embed', async () => {
  const found = [];
  for (const [theme, embed] of [['light', ''], ['dark', ''], ['light', '&embed=1'], ['dark', '&embed=1']]) {
    const query = `?v=1&lesson=gather&mode=group&unit=50&theme=${theme}${embed}`;
    const { page } = await openPage(browser, `${server.url}${query}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
    for (const v of await violations(page)) found.push(`${query}: ${v}`);
    await page.close();
  }
  assert.deepEqual(found, []);
});

test('axe finds no violation in a program\'s page: the editor with an error marked, and after a run with a traceback', async () => {
  const { codeOf } = await import('./python.mjs');
  const src = 'import asyncio\n\n\nasync def main():\n    print("start")\n    await asyncio.sleep(0.05)\n    raise ValueError("boom")\n\n\nasyncio.run(main())\n';
  const found = [];
  for (const [theme, embed] of [['light', ''], ['dark', ''], ['light', '&embed=1'], ['dark', '&embed=1']]) {
    const query = `?v=1&code=${codeOf(src)}&theme=${theme}${embed}`;
    const { page } = await openPage(browser, `${server.url}${query}`);
    const editor = page.getByRole('textbox', { name: 'Python program' });
    await editor.waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
    if (!embed) await page.getByRole('button', { name: 'Step forward ▶' }).click(); // replay marks a line
    for (const v of await violations(page)) found.push(`${theme}${embed} after a run: ${v}`);
    if (!embed) {
      await editor.fill(src.replace('async def main():', 'async def main()'));
      await page.locator('.editor-problem').waitFor();
      for (const v of await violations(page)) found.push(`${theme} with an error: ${v}`);
    }
    await page.close();
  }
  assert.deepEqual(found, []);
});
