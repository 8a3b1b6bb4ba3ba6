// The Terms lesson: live cells on real futures (poll counts, states, timers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot } from './helpers.mjs';

let server;
let browser;
let page;
let errors;
before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}?v=1&lesson=terms`);
  await page.getByRole('heading', { name: 'Task', exact: true }).waitFor();
});
after(async () => { await browser?.close(); await server?.close(); });

const state = (cell) => page.locator(`[data-cell="${cell}"]`).textContent();
const cell = (name) => page.getByRole('region', { name, exact: true });

test('a coroutine object is not run: poll count 0 and no output after 1 s, until awaited', async () => {
  const coroutine = cell('Coroutine function and coroutine object');
  await coroutine.getByRole('button', { name: 'coro = fetch_data(1)' }).click();
  await page.waitForTimeout(1100);
  assert.equal(await state('coroutine'), 'poll count 0 · woken 0 times · created, never run');
  assert.equal(await coroutine.getByRole('list', { name: 'Coroutine output' }).locator('li').count(), 0);
  await coroutine.getByRole('button', { name: 'await coro' }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="coroutine"]').textContent.includes('done'));
  assert.equal(await state('coroutine'), 'poll count 2 · woken 1 times · done');
  assert.match(await coroutine.textContent(), /main got Ok\("Result of 1"\)/);
  assert.deepEqual(errors, []);
});

test('a task runs without being awaited, and main goes on first', async () => {
  const task = cell('Task');
  await task.getByRole('button', { name: 'task = asyncio.create_task(fetch_data(2))' }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="task"]').textContent.startsWith('sleeping'));
  await page.waitForFunction(() => document.querySelector('[data-cell="task"]').textContent.startsWith('done'), null, { timeout: 3000 });
  const lines = await task.getByRole('list', { name: 'Task output' }).locator('li').allTextContents();
  assert.equal(lines[0], 'main: task created; main carries on without waiting');
  assert.equal(lines[1], 'fetch_data(2) started');
  assert.match(lines[2], /^fetch_data\(2\) returned "Result of 2" after 1\.\d\d s$/);
});

test('cancelling a sleeping task shows it cancelled', async () => {
  const task = cell('Task');
  await task.getByRole('button', { name: 'task = asyncio.create_task(fetch_data(2))' }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="task"]').textContent.startsWith('sleeping'));
  await task.getByRole('button', { name: 'task.cancel()' }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="task"]').textContent.startsWith('cancelled'));
  // Cancelling drops the coroutine at its await: its sleep is never woken (the task is, to deliver the cancel).
  assert.equal(await state('task'), 'cancelled · poll count 1 · woken 0 times');
  assert.equal((await task.getByRole('list', { name: 'Task output' }).locator('li').allTextContents()).at(-1), 'fetch_data(2) was cancelled');
});

test('a future goes from pending to done when its timer sets it', async () => {
  const future = cell('Future');
  await future.getByRole('button', { name: 'fut = loop.create_future()' }).click();
  await future.getByRole('button', { name: 'await fut' }).click();
  assert.equal(await state('future'), 'pending: no result yet');
  assert.match(await future.textContent(), /main is awaiting fut/);
  await page.waitForFunction(() => document.querySelector('[data-cell="future"]').textContent.startsWith('done'), null, { timeout: 3000 });
  assert.equal(await state('future'), 'done: result "set by a timer"');
  await page.getByText('main got Returned("set by a timer")').waitFor();
  await screenshot(page, 'terms-1280');
  assert.deepEqual(errors, []);
});
