// Embedding: messages to and from the host page (size, run status, load, run), embed.js sizing
// every playground frame to its content, and a strict sandbox saying why it cannot start.
// The host pages are served from another port (another origin), as course pages are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, screenshot } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Serves a course page with `body` from a folder of its own (another port); resolves to its server. */
async function coursePage(body) {
  const folder = await mkdtemp(join(tmpdir(), 'course-'));
  await writeFile(join(folder, 'index.html'), `<!DOCTYPE html><html lang="en"><head><title>Course</title></head><body>
    <h1>Course page</h1>${body}</body></html>`);
  return serve(folder);
}

const iframe = (query, extra = '') =>
  `<iframe src="${`${server.url}${query}`.replaceAll('&', '&amp;')}" title="asyncio playground" width="700" height="450" ${extra}></iframe>`;

/** Records every message from the frame in window.received. */
const RECORDER = `<script>window.received = [];
  addEventListener('message', (e) => { if (e.source === document.querySelector('iframe').contentWindow) received.push(e.data); });
  </script>`;

async function open(course) {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // The course page has no favicon: its 404 is not the playground's.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  await page.goto(course.url);
  return { page, errors };
}

const runMessages = (page) => page.evaluate(() => received.filter((m) => m.type === 'asyncio-playground:run'));
const waitForRun = (page, status, count = 1) => page.waitForFunction(([s, n]) =>
  received.filter((m) => m.type === 'asyncio-playground:run' && m.status === s).length >= n, [status, count]);

test('the frame tells its host its height and its runs, and does what the host asks', async () => {
  const course = await coursePage(RECORDER + iframe('?v=1&lesson=gather&unit=50&embed=1'));
  const { page, errors } = await open(course);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.waitForFunction(() => received.some((m) => m.type === 'asyncio-playground:size'));
  const size = await page.evaluate(() => received.filter((m) => m.type === 'asyncio-playground:size').at(-1));
  const height = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  assert.deepEqual(size, { type: 'asyncio-playground:size', height });

  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForRun(page, 'finished');
  const [started, finished] = await runMessages(page);
  assert.deepEqual(started, { type: 'asyncio-playground:run', status: 'started', link: '?v=1&lesson=gather&unit=50' });
  assert.equal(finished.status, 'finished');
  assert.equal(finished.link, '?v=1&lesson=gather&unit=50');
  const shown = await frame.locator('.output [data-event]').evaluateAll((lines) =>
    lines.map((l) => ({ who: l.dataset.who, event: l.dataset.event, of: l.dataset.of ? Number(l.dataset.of) : null })));
  assert.deepEqual(finished.events.map(({ who, event, of }) => ({ who, event, of })), shown, 'events: the exported trace');
  assert.ok(finished.events.every((e) => typeof e.t === 'number'));
  const grown = await page.evaluate(() => received.filter((m) => m.type === 'asyncio-playground:size').at(-1).height);
  assert.ok(grown > height, `the run made the content taller (${height} → ${grown} px), and the host was told`);

  // The host loads another state, runs it, and junk is ignored.
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    for (const junk of [null, 'run', 42, { type: 'other' }, { type: 'asyncio-playground:load' }, { type: 'asyncio-playground:load', link: 7 }]) w.postMessage(junk, '*');
    w.postMessage({ type: 'asyncio-playground:load', link: '?v=1&lesson=order&unit=50' }, '*');
    w.postMessage({ type: 'asyncio-playground:run' }, '*');
  });
  await waitForRun(page, 'finished', 2);
  assert.equal(await frame.getByRole('heading', { level: 2 }).textContent(), '4 Await order');
  const runs = await runMessages(page);
  assert.deepEqual(runs.slice(2).map((m) => [m.status, m.link]),
    [['started', '?v=1&lesson=order&unit=50'], ['finished', '?v=1&lesson=order&unit=50']]);
  assert.deepEqual(runs.at(-1).events.filter((e) => e.event === 'result').map((e) => e.of), [2, 1]);

  // Stop: the host hears "stopped".
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage(
    { type: 'asyncio-playground:load', link: '?v=1&jobs=5,5&run=1' }, '*'));
  await waitForRun(page, 'started', 3);
  await frame.getByRole('button', { name: 'Stop' }).click();
  await waitForRun(page, 'stopped');
  const stopped = (await runMessages(page)).at(-1);
  assert.deepEqual(stopped, { type: 'asyncio-playground:run', status: 'stopped', link: '?v=1&jobs=5,5' });
  // A run replaced by another (Run during a run) ends as stopped, then the new one starts.
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForRun(page, 'started', 4);
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'asyncio-playground:run' }, '*'));
  await waitForRun(page, 'started', 5);
  assert.deepEqual((await runMessages(page)).slice(-3).map((m) => m.status), ['started', 'stopped', 'started']);
  await frame.getByRole('button', { name: 'Stop' }).click();
  await waitForRun(page, 'stopped', 3);
  assert.deepEqual(errors, []);
  await page.close();
  await course.close();
});

test('a full page (not in a frame) posts nothing and is not disturbed by messages', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.posted = [];
    const post = window.postMessage.bind(window);
    window.postMessage = (m, ...rest) => { window.posted.push(m); return post(m, ...rest); };
  });
  await page.goto(`${server.url}?v=1&unit=50`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.posted), []);
  await page.evaluate(() => window.postMessage({ type: 'asyncio-playground:load', link: '?v=1&lesson=sync' }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), '3 Tasks', 'only a host page is obeyed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed.js sizes every playground frame to its content, with no scrollbar', async () => {
  const course = await coursePage(`<script src="${server.url}embed.js"></script>
    ${iframe('?v=1&lesson=gather&unit=50&embed=1')}<p>Between the frames.</p>${iframe('?v=1&lesson=terms&embed=1', 'style="border:1px solid #ccc"')}`);
  const { page, errors } = await open(course);
  const frames = page.locator('iframe');
  const gather = page.frameLocator('iframe').nth(0);
  /** The frame's content (its height, what it could scroll) and the frame's own box. */
  const fits = async (n) => {
    const content = await page.frameLocator('iframe').nth(n).locator('html').evaluate((html) =>
      ({ scroll: html.scrollHeight, client: html.clientHeight, height: Math.ceil(html.getBoundingClientRect().height) }));
    return { ...content, box: await frames.nth(n).evaluate((f) => f.clientHeight) };
  };
  /** Waits (up to 5 s) until frame `n` is as tall as its content. */
  const fitted = async (n) => {
    let f;
    for (let tries = 0; tries < 50; tries++) {
      f = await fits(n);
      if (f.box === f.height && f.box !== 450) return f;
      await page.waitForTimeout(100);
    }
    return f;
  };
  for (const n of [0, 1]) {
    await page.frameLocator('iframe').nth(n).getByRole('heading', { level: 2 }).waitFor();
    const f = await fitted(n);
    assert.equal(f.box, f.height, `frame ${n} is as tall as its content`);
    assert.ok(f.scroll <= f.client, `frame ${n} has nothing to scroll (${f.scroll} > ${f.client})`);
    assert.equal(await frames.nth(n).getAttribute('scrolling'), 'no');
  }
  const before = await frames.nth(0).evaluate((f) => f.clientHeight);
  await gather.getByRole('button', { name: 'Run', exact: true }).click();
  await gather.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  await page.waitForFunction((h) => document.querySelector('iframe').clientHeight > h, before);
  const after = await fitted(0);
  assert.equal(after.box, after.height, 'it grew with the run');
  assert.ok(after.scroll <= after.client);
  await screenshot(page, 'embed-js-sized');
  assert.deepEqual(errors, []);
  await page.close();
  await course.close();
});

test('a strict sandbox (allow-scripts only) says why the playground cannot start, with a link', async () => {
  const query = '?v=1&lesson=gather&embed=1';
  const course = await coursePage(iframe(query, 'sandbox="allow-scripts"'));
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(course.url);
  const frame = page.frameLocator('iframe');
  const alert = frame.getByRole('alert');
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.textContent(), /could not start here: this frame is sandboxed without allow-same-origin/);
  const link = alert.getByRole('link', { name: 'Open in a new tab' });
  assert.equal(await link.getAttribute('href'), `${server.url}${query}`);
  assert.equal(await link.getAttribute('target'), '_blank');
  await screenshot(page, 'embed-strict-sandbox');
  await page.close();
  await course.close();
});

test('Copy as Markdown gives the link and the run\'s output as a fenced block', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}?v=1&lesson=order&unit=50&theme=dark`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await page.getByLabel('To share').inputValue();
  const output = await page.locator('.output [data-event]').allTextContents();
  assert.equal(markdown, `[asyncio playground: 4 Await order](<${server.url}?v=1&lesson=order&unit=50&theme=dark>)\n\n`
    + `\`\`\`text\n${output.join('\n')}\n\`\`\`\n`);
  assert.match(await page.getByRole('status').filter({ hasText: /Markdown copied|Select the Markdown/ }).textContent(), /Markdown/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('where Web Workers cannot start (a strict sandbox on a host that allows CORS), lesson 6 says so and the rest works', async () => {
  const cors = await serve(undefined, 0, { 'access-control-allow-origin': '*' });
  const frame = (query, title) => `<iframe src="${`${cors.url}${query}`.replaceAll('&', '&amp;')}" title="${title}"
    width="700" height="450" sandbox="allow-scripts"></iframe>`;
  const course = await coursePage(frame('?v=1&lesson=offload&unit=50&embed=1', 'offload')
    + frame('?v=1&lesson=gather&unit=50&embed=1&run=1', 'gather'));
  const { page, errors } = await open(course);
  const offload = page.frameLocator('iframe[title="offload"]');
  const problem = offload.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.textContent(),
    /^Web Workers cannot start here \(the browser refused to start one \(SecurityError: .+\)\), so threads and processes cannot run in this page; the other sleep kinds and lessons work\. “Open in playground” runs it in a tab of its own\.$/);
  await offload.getByRole('button', { name: 'Run', exact: true }).click();
  await offload.getByRole('status', { name: 'Run status' }).filter({ hasText: /Web Workers could not start/ }).waitFor();
  // The same frame, another sleep kind: it runs.
  await offload.getByRole('button', { name: 'Change the scenario' }).click();
  await offload.getByLabel('Sleep kind').selectOption('async');
  await offload.getByRole('button', { name: 'Run', exact: true }).click();
  await offload.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.equal(await offload.getByRole('alert').count(), 0, 'no workers needed, no alert');
  // Another lesson in a strict sandbox runs from its link.
  const gather = page.frameLocator('iframe[title="gather"]');
  await gather.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.equal(await gather.locator('.output [data-event="end"]').count(), 1);
  await screenshot(page, 'embed-no-workers');
  assert.deepEqual(errors.filter((e) => !/Web Worker|Worker/.test(e)), []);
  await page.close();
  await course.close();
  await cors.close();
});
