// The compact embed, as a course author uses it: the site copied into a sub-folder of a static
// host, a course page on another origin holding three sandboxed 700×450 frames. In each, the
// run comes first (summary, Run, output, timeline within the frame, without scrolling); the
// scenario's controls are one click away; "Open in playground" keeps the state; 360 px works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, screenshot } from './helpers.mjs';

const FOLDER = 'courses/asyncio/playground/';
let host; // the static host, with the site in FOLDER
let course; // the course page, on another origin
let browser;
// The course site is dark: one frame follows it with theme=dark, the others are light.
const LESSONS = { gather: 'lesson=gather&unit=50&theme=dark', offload: 'lesson=offload&unit=100&theme=light', order: 'lesson=order&unit=50' };
const BACKGROUND = { gather: 'rgb(21, 23, 26)', offload: 'rgb(251, 251, 250)', order: 'rgb(251, 251, 250)' };

before(async () => {
  const root = await mkdtemp(join(tmpdir(), 'host-'));
  await mkdir(join(root, FOLDER), { recursive: true });
  await cp(DIST, join(root, FOLDER), { recursive: true });
  host = await serve(root);
  const frames = Object.entries(LESSONS).map(([name, query]) =>
    `<h2>${name}</h2><iframe src="${host.url}${FOLDER}?v=1&amp;${query.replaceAll('&', '&amp;')}&amp;embed=1" title="${name}"
      width="700" height="450" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`);
  const folder = await mkdtemp(join(tmpdir(), 'course-'));
  await writeFile(join(folder, 'index.html'), `<!DOCTYPE html><html lang="en"><head><title>Course</title></head>
    <body><h1>Course page</h1>${frames.join('\n')}</body></html>`);
  course = await serve(folder);
  browser = await launch();
});
after(async () => { await browser?.close(); await host?.close(); await course?.close(); });

/** Where `locator`'s box is within its frame's 450 px viewport: {top, bottom}. */
const box = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
});

test('in each 700×450 frame the run comes first, and the controls are one click away', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text()); });
  await page.goto(course.url);
  for (const [name, query] of Object.entries(LESSONS)) {
    const frame = page.frameLocator(`iframe[title="${name}"]`);
    const run = frame.getByRole('button', { name: 'Run', exact: true });
    await run.waitFor();
    assert.ok((await frame.locator('.embed-summary').textContent()).length > 10, `${name}: a one-line summary`);
    assert.equal(await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), BACKGROUND[name], `${name}: its theme`);
    // The controls are hidden, one click away.
    const more = frame.getByRole('button', { name: 'Change the scenario' });
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await frame.getByLabel('Speed (ms per second)').isVisible(), false, `${name}: controls hidden`);
    await run.click();
    await frame.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor({ timeout: 20000 });
    // The run is on screen: Run, the whole output box, and the timeline's top, within 450 px.
    assert.ok((await box(run)).bottom <= 450, `${name}: Run is in view`);
    const output = await box(frame.getByRole('list', { name: 'Output of the run' }));
    assert.ok(output.bottom <= 450, `${name}: the output is in view (${output.bottom} px)`);
    const timeline = await box(frame.locator('.timeline-scroll'));
    assert.ok(timeline.top < 400, `${name}: the timeline starts in view (${timeline.top} px)`);
    // The newest line is in view in the output's own scroll box.
    const last = frame.locator('.output [data-event="end"]');
    assert.ok(await last.evaluate((li) => {
      const list = li.parentElement.getBoundingClientRect(), line = li.getBoundingClientRect();
      return line.bottom <= list.bottom + 1 && line.top >= list.top - 1;
    }), `${name}: the run's last line is in view`);
    // The open link keeps the state (without embed), in the sub-folder.
    const open = frame.getByRole('link', { name: 'Open in playground' });
    assert.equal(await open.getAttribute('href'), `${host.url}${FOLDER}?v=1&${query}`);
    assert.equal(await open.getAttribute('target'), '_blank');
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await frame.getByLabel('Speed (ms per second)').isVisible(), true, `${name}: controls shown`);
    assert.equal(await frame.getByRole('button', { name: 'Download trace (JSON)' }).isVisible(), true);
  }
  await screenshot(page, 'compact-course-page');
  // A changed scenario is what Open in playground opens.
  const gather = page.frameLocator('iframe[title="gather"]');
  await gather.getByLabel('Mode').selectOption('group');
  assert.equal(await gather.getByRole('link', { name: 'Open in playground' }).getAttribute('href'),
    `${host.url}${FOLDER}?v=1&lesson=gather&mode=group&unit=50&theme=dark`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the compact embed works on a 360 px phone screen', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.url}${FOLDER}?v=1&lesson=gather&mode=group&unit=50&embed=1&theme=dark`);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.tap();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the screen');
  assert.ok((await box(page.getByRole('list', { name: 'Output of the run' }))).bottom <= 640, 'the output is in view');
  assert.ok(await page.locator('.output [data-event="end"]').isVisible());
  await page.getByRole('button', { name: 'Change the scenario' }).tap();
  await page.getByLabel('Mode').selectOption('gather');
  await run.tap();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'still nothing wider than the screen');
  await screenshot(page, 'compact-360');
  assert.deepEqual(errors, []);
  await page.close();
});
