// Share links: restoring state, bad links explained, the address bar, embedding in an iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, traceOf, screenshot } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const controls = async (page) => ({
  lesson: await page.getByRole('heading', { level: 2 }).textContent(),
  mode: await page.getByLabel('Mode', { exact: true }).inputValue(),
  sleep: await page.getByLabel('Sleep kind').inputValue(),
  linger: await page.getByLabel('Linger (s)').inputValue(),
  jobs: await page.locator('.job input[type="number"]').evaluateAll((inputs) => inputs.map((i) => i.value)),
  fails: await page.locator('.job input[type="checkbox"]').evaluateAll((boxes) => boxes.map((b) => b.checked)),
  order: await page.locator('.order li').evaluateAll((items) => items.map((li) => li.textContent.trim().split(' ')[1])),
});

test('links for each lesson restore its controls', async () => {
  const cases = {
    'lesson=sync': { lesson: '1 Synchronous', mode: 'sync', sleep: 'async', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['1', '2'] },
    'lesson=await': { lesson: '2 Awaiting coroutines', mode: 'await', sleep: 'async', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['1', '2'] },
    'lesson=tasks': { lesson: '3 Tasks', mode: 'tasks', sleep: 'async', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['1', '2'] },
    'lesson=order': { lesson: '4 Await order', mode: 'tasks', sleep: 'async', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['2', '1'] },
    'lesson=blocking': { lesson: '5 Blocking sleep', mode: 'tasks', sleep: 'blocking', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['1', '2'] },
    'lesson=offload&workers=3': { lesson: '6 Threads and processes', mode: 'tasks', sleep: 'thread', linger: '0', jobs: ['1', '2'], fails: [false, false], order: ['1', '2'] },
    'lesson=gather': { lesson: '7 gather vs TaskGroup', mode: 'gather', sleep: 'async', linger: '2', jobs: ['1', '2', '3'], fails: [false, true, false], order: ['1', '2', '3'] },
    'lesson=gather&mode=group&jobs=0.5,1.5!,2,3&linger=0.5&sleep=blocking': { lesson: '7 gather vs TaskGroup', mode: 'group', sleep: 'blocking', linger: '0.5', jobs: ['0.5', '1.5', '2', '3'], fails: [false, true, false, false], order: ['1', '2', '3', '4'] },
  };
  for (const [query, want] of Object.entries(cases)) {
    const { page, errors } = await openPage(browser, `${server.url}?v=1&${query}`);
    assert.deepEqual(await controls(page), want, query);
    assert.equal(await page.getByRole('alert').count(), 0, `${query} has no problems`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the address bar follows the controls, and run=1 starts the run', async () => {
  const { page } = await openPage(browser, server.url);
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByLabel('Mode', { exact: true }).selectOption('group');
  await page.getByLabel('Job 2 raises').check();
  assert.equal(new URL(page.url()).search, '?v=1&mode=group&jobs=1,2!');
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry per change');
  await page.goto(`${server.url}?v=1&lesson=order&unit=100&run=1`);
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.deepEqual((await traceOf(page)).filter((e) => e.event === 'result').map((e) => e.of), [2, 1]);
  await page.close();
});

test('a link with script in every value shows the notice and runs nothing', async () => {
  const evil = '<script>window.__pwned=1</script>';
  const img = '"><img src=x onerror="window.__pwned=2">';
  const keys = ['v', 'lesson', 'mode', 'jobs', 'order', 'sleep', 'workers', 'linger', 'unit', 'run', 'embed', 'theme'];
  const query = keys.map((k, i) => `${k}=${encodeURIComponent(i % 2 ? evil : img)}`).join('&')
    + `&${encodeURIComponent(img)}=1&extra=${encodeURIComponent(evil)}`;
  const { page, errors } = await openPage(browser, `${server.url}?${query}`);
  const notice = page.getByRole('alert', { name: 'Problems with this link' });
  const text = await notice.textContent();
  for (const key of keys) assert.match(text, new RegExp(`${key}=`), `the notice names ${key}`);
  assert.match(text, /unknown key “extra” was ignored/);
  assert.match(text, /<script>window.__pwned=1<\/script>/, 'values are shown as text');
  assert.equal(await page.locator('.notice script, .notice img').count(), 0, 'no markup from the link');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), '3 Tasks', 'defaults are used');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('over-long links and too many jobs are refused with a message', async () => {
  const { page } = await openPage(browser, `${server.url}?jobs=${'1,'.repeat(1200)}1`);
  assert.match(await page.getByRole('alert').textContent(), /over the limit of 2000/);
  await page.goto(`${server.url}?jobs=${'1,'.repeat(12)}1`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /13 jobs is more than the 12 a link may hold/);
  await page.close();
});

test('the embed layout works in an iframe on a page from another port', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'course-'));
  const src = `${server.url}?v=1&lesson=gather&unit=100&embed=1`;
  await writeFile(join(folder, 'index.html'), `<!DOCTYPE html><html><body><h1>Course page</h1>
    <iframe src="${src.replaceAll('&', '&amp;')}" title="asyncio playground" width="700" height="450"></iframe></body></html>`);
  const course = await serve(folder);
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(course.url);
  const frame = page.frameLocator('iframe[title="asyncio playground"]');
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await frame.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Finished.' }).waitFor();
  assert.match(await frame.getByRole('region', { name: 'Summary' }).textContent(), /orphans/);
  assert.equal(await frame.getByRole('navigation', { name: 'Lessons' }).count(), 0, 'compact: no lesson list');
  const open = new URL(await frame.getByRole('link', { name: 'Open in playground' }).getAttribute('href'));
  assert.equal(open.searchParams.get('lesson'), 'gather');
  assert.equal(open.searchParams.get('unit'), '100');
  assert.equal(open.searchParams.get('embed'), null);
  const overflow = await frame.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling in a 700 px iframe');
  await screenshot(page, 'embed-700x450');
  assert.deepEqual(errors, []);
  await page.close();
  await course.close();
});

test('Embed gives a snippet (embed.js and an iframe with a title and the state), and Copy link gives the link', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=gather&mode=group`);
  await page.getByRole('button', { name: 'Embed' }).click();
  const snippet = await page.getByLabel('To share').inputValue();
  assert.equal(snippet.split('\n')[0], `<script src="${server.url}embed.js" defer></script>`);
  assert.match(snippet.split('\n')[1], /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;lesson=gather&amp;mode=group&amp;embed=1" title="asyncio playground: gather lesson" width="700" height="450"/);
  assert.match(await page.getByRole('status').filter({ hasText: /Snippet copied|Select the snippet/ }).textContent(), /Snippet/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  assert.equal(await page.getByLabel('To share').inputValue(), `${server.url}?v=1&lesson=gather&mode=group`);
  assert.deepEqual(errors, []);
  await page.close();
});
