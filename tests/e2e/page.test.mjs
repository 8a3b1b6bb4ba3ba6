// The playground page: lessons, controls, code panels, run/stop/re-run, keyboard, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, traceOf, screenshot } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const run = (page) => page.getByRole('button', { name: 'Run', exact: true });
const finished = (page) => page.getByRole('status', { name: 'Run status' }).filter({ hasText: /^(Finished\.|Not run: .*)$/ }).waitFor();
const panel = (page, name) => page.getByLabel(`${name} program`).textContent();

test('each lesson can be chosen and run, and shows its output and summary', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?unit=100`);
  const expected = {
    '1 Synchronous': /plain function calls ran one after another/,
    '2 Awaiting coroutines': /each await ran its coroutine to the end/,
    '3 Tasks': /the tasks overlapped/,
    '4 Await order': /the tasks overlapped/,
    '5 Blocking sleep': /the blocking sleep held the event loop/,
    '7 gather vs TaskGroup': /an error reached main at 2\.0\d s while 1 other job kept running as orphans/,
  };
  for (const [title, sentence] of Object.entries(expected)) {
    await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
    assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), title);
    await page.getByLabel('Speed (ms per second)').fill('100');
    await page.getByLabel('Speed (ms per second)').press('Tab');
    await run(page).click();
    await finished(page);
    const trace = await traceOf(page);
    assert.deepEqual([trace[0].event, trace.at(-1).event], ['start', 'end'], title);
    assert.match(await page.getByRole('region', { name: 'Summary' }).textContent(), sentence, title);
  }
  await page.getByRole('button', { name: /^6 Threads and processes/ }).click();
  await page.getByLabel('Speed (ms per second)').fill('100');
  await page.getByLabel('Speed (ms per second)').press('Tab');
  await page.getByRole('status', { name: 'Worker pool' }).filter({ hasText: 'ready' }).waitFor();
  await run(page).click();
  await finished(page);
  assert.match(await page.getByRole('region', { name: 'Summary' }).textContent(), /the blocking sleeps ran in Web Workers, so the jobs overlapped/);
  await page.getByRole('button', { name: /^Terms/ }).click();
  await page.getByRole('region', { name: 'Coroutine function and coroutine object', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing each control changes the Python and Rust panels', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const changes = {
    mode: () => page.getByLabel('Mode').selectOption('group'),
    sleep: () => page.getByLabel('Sleep kind').selectOption('blocking'),
    linger: async () => { await page.getByLabel('Linger (s)').fill('1.5'); await page.getByLabel('Linger (s)').press('Tab'); },
    speed: async () => { await page.getByLabel('Speed (ms per second)').fill('500'); await page.getByLabel('Speed (ms per second)').press('Tab'); },
    duration: async () => { await page.getByLabel('Job 1 sleeps (s)').fill('2.5'); await page.getByLabel('Job 1 sleeps (s)').press('Tab'); },
    raises: () => page.getByLabel('Job 2 raises').check(),
    'add job': () => page.getByRole('button', { name: 'Add job' }).click(),
    'remove job': () => page.getByRole('button', { name: 'Remove job 3' }).click(),
    'mode again': () => page.getByLabel('Mode').selectOption('tasks'),
    order: () => page.getByRole('button', { name: 'Await job 2 earlier' }).click(),
    workers: async () => {
      await page.getByLabel('Sleep kind').selectOption('thread');
      await page.getByLabel('Workers').fill('3');
      await page.getByLabel('Workers').press('Tab');
    },
  };
  for (const [name, change] of Object.entries(changes)) {
    const before = [await panel(page, 'Python'), await panel(page, 'Rust')];
    await change();
    const afterChange = [await panel(page, 'Python'), await panel(page, 'Rust')];
    assert.notEqual(afterChange[0], before[0], `${name} changes the Python panel`);
    assert.notEqual(afterChange[1], before[1], `${name} changes the Rust panel`);
  }
  assert.match(await panel(page, 'Python'), /ProcessPoolExecutor|to_thread/);
  assert.match(await panel(page, 'Rust'), /async fn main_tasks/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('sync mode disables the sleep kind and says why', async () => {
  const { page } = await openPage(browser, `${server.url}?lesson=sync`);
  assert.equal(await page.getByLabel('Sleep kind').isDisabled(), true);
  assert.match(await page.getByText('In sync mode there is no event loop').textContent(), /every sleep blocks/);
  await page.close();
});

test('stop, and rapid re-runs, leave only the newest run\'s lines', async () => {
  // A run of 1 s: Stop lands in it even on a busy machine.
  const { page, errors } = await openPage(browser, `${server.url}?unit=500`);
  await run(page).click();
  await page.locator('.output [data-event="start"][data-who="1"]').waitFor();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: 'Stopped.' }).waitFor();
  const stopped = await traceOf(page);
  // Stop is Ctrl-C: main is cancelled, then every task still pending, then the run ends.
  const said = stopped.map((e) => `${e.who} ${e.event}`);
  assert.ok(said.includes('main cancel') && said.at(-1) === 'main end', said.join(', '));
  for (const k of ['1', '2']) {
    const ended = said.filter((l) => l.startsWith(`${k} `) && /return|cancel/.test(l));
    assert.equal(ended.length, 1, `job ${k} returned or was cancelled: ${said.join(', ')}`);
  }
  await page.waitForTimeout(1100); // the stopped run would have ended by now (1 s)
  assert.equal((await traceOf(page)).length, stopped.length, 'no line of a stopped run appears after its end');
  for (let i = 0; i < 5; i += 1) await run(page).click();
  await finished(page);
  await page.waitForTimeout(1100); // older runs would have ended by now
  const trace = await traceOf(page);
  assert.deepEqual(trace.map((e) => `${e.who} ${e.event}`), [
    'main start', '1 start', '2 start', '1 return', 'main result', '2 return', 'main result', 'main end']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the main flow works from the keyboard alone', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?unit=100`);
  const lesson = page.getByRole('button', { name: /^5 Blocking sleep/ });
  for (let i = 0; i < 30 && !(await lesson.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('heading', { level: 2 }).textContent(), '5 Blocking sleep');
  for (let i = 0; i < 40 && !(await run(page).evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  assert.equal(await run(page).evaluate((el) => el === document.activeElement), true, 'Run is reachable with Tab');
  await page.keyboard.press('Enter');
  await finished(page);
  assert.match(await page.getByRole('region', { name: 'Summary' }).textContent(), /blocking sleep held the event loop/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots at 360 px and 1280 px, with no horizontal scrolling', async () => {
  for (const width of [360, 1280]) {
    const { page, errors } = await openPage(browser, `${server.url}?lesson=gather&unit=100`, { width, height: 800 });
    await run(page).click();
    await finished(page);
    await screenshot(page, `gather-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no horizontal scroll at ${width} px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
