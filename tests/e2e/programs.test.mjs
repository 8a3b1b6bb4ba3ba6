// Learners' own programs in the page (issue "Your code"): the editor, errors where they are,
// runs against CPython, code= links and embeds of them, the examples, Stop, replay, the
// timeline's lanes per task, the keyboard alone, and the phone's screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, ROOT } from './helpers.mjs';
import { codeOf, cpython, programTrace, compareProgram, programOf } from './python.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const status = (frame) => frame.getByRole('status', { name: 'Run status' });
const editor = (frame) => frame.getByRole('textbox', { name: 'Python program' });
const run = (frame) => frame.getByRole('button', { name: 'Run', exact: true });
const over = (frame) => status(frame).filter({ hasText: /^(Finished|Stopped)\.$/ }).waitFor({ timeout: 30000 });

const SAY_AFTER = `import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(0.2, "hello"))
    task2 = asyncio.create_task(say_after(0.4, "world"), name="second")
    print("started")
    await task1
    await task2
    print("finished")


asyncio.run(main())
`;

/** Opens `src` as a `code=` link, runs it, and waits for the run to end. */
async function runProgram(src) {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}`);
  await editor(page).waitFor();
  await run(page).click();
  await over(page);
  return { page, errors };
}

/**
 * Opens the docs program `file` (of crates/python/tests/programs/docs) as a code= link with
 * run=1 at `unit`, waits for its run to end, and compares it with CPython's run of it.
 */
async function docsProgramMatchesCPython(file, unit) {
  const src = readFileSync(join(ROOT, 'crates', 'python', 'tests', 'programs', 'docs', file), 'utf8');
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}&unit=${unit}&run=1`);
  await over(page);
  assert.deepEqual(compareProgram(cpython(src), await programTrace(page), unit), [], `${file} differs from CPython`);
  assert.deepEqual(errors, []);
  await page.close();
}

/** Opens "Your code" and waits for its editor. */
async function yourCode(url = `${server.url}?v=1`) {
  const { page, errors } = await openPage(browser, url);
  await page.getByRole('button', { name: /^Your code/ }).click();
  await editor(page).waitFor();
  return { page, errors };
}

test('a typed program: its error marked where it is, then fixed, run, and as CPython runs it', async () => {
  const { page, errors } = await yourCode();
  const broken = SAY_AFTER.replace('async def main():', 'async def main()');
  await editor(page).fill(broken);
  const problem = page.locator('.editor-problem');
  await problem.filter({ hasText: "SyntaxError: expected ':'" }).waitFor();
  assert.match(await problem.textContent(), /^Line 10, column 17: SyntaxError: expected ':'$/);
  assert.equal(await editor(page).getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('.editor-view .diag').count() > 0, 'the error is underlined');
  await run(page).click();
  await status(page).filter({ hasText: /^Not run: line 10, column 17/ }).waitFor();
  await editor(page).fill(SAY_AFTER);
  await problem.waitFor({ state: 'hidden' });
  assert.equal(await editor(page).getAttribute('aria-invalid'), null);
  await run(page).click();
  await over(page);
  assert.deepEqual(compareProgram(cpython(SAY_AFTER), await programTrace(page), 1000), []);
  // The address bar follows the editor: its code is the program (Node's zlib reads it).
  await page.waitForFunction(() => new URLSearchParams(location.search).has('code'));
  assert.equal(programOf(new URL(page.url()).searchParams.get('code')), SAY_AFTER);
  // The timeline has a lane per task, named as CPython names them.
  const lanes = await page.locator('.timeline-panel .lane-label').allTextContents();
  assert.deepEqual(lanes, ['event loop', 'Task-1 main', 'Task-2 say_after', 'second']);
  assert.match(await page.locator('.timeline-panel .difference').textContent(), /^Measured within \d+ ms of the ideal run/);
  await screenshot(page, 'program-1280');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a code= link opened cold with run=1 runs the program as CPython does', async () => {
  const unit = 250;
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(SAY_AFTER)}&unit=${unit}&run=1`);
  await over(page);
  assert.deepEqual(compareProgram(cpython(SAY_AFTER), await programTrace(page), unit), []);
  assert.equal(await editor(page).inputValue(), SAY_AFTER);
  assert.deepEqual(errors, []);
  await page.close();
});

test('generators and asynchronous generators run in the browser as CPython runs them', async () => {
  // Items made as asked for, async for and async comprehensions awaiting theirs, and an
  // asynchronous generator left by break closed by a task of its own (it takes a task number).
  // At the page's own speed (its 0.01 s sleeps are 10 real ms).
  await docsProgramMatchesCPython('99_generators.py', 1000);
});

test('values nested thousands deep are written, compared and dropped in the browser without overflowing its stack', async () => {
  // Its work is building values 100 000 deep: how long that takes is the machine's, so what it
  // prints is compared with CPython, not when.
  const src = readFileSync(join(ROOT, 'crates', 'python', 'tests', 'programs', 'docs', '158_nested_values.py'), 'utf8');
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}&run=1`);
  await over(page);
  const printed = (lines) => lines.filter((l) => l.event === 'print' || l.event === 'stderr').map((l) => l.text);
  const expected = printed(cpython(src));
  assert.ok(expected.length >= 4, 'CPython printed its lines');
  assert.deepEqual(printed(await programTrace(page)), expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('recursion hundreds deep runs in the page and in a worker; far deeper it raises RecursionError, not a browser stack overflow', async () => {
  // The browser's own stack bounds recursion (WebAssembly's frames use it): the engine ends
  // it with RecursionError within a budget of its stack, through methods, __repr__ and
  // threads of the pool, and drops a linked list 100 000 long without recursing.
  const src = readFileSync(join(ROOT, 'crates', 'python', 'tests', 'programs', 'docs', '163_deep_recursion.py'), 'utf8');
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}&run=1`);
  await over(page);
  const printed = (lines) => lines.filter((l) => l.event === 'print' || l.event === 'stderr').map((l) => l.text);
  const expected = printed(cpython(src));
  assert.ok(expected.includes('thread: RecursionError'), 'CPython printed its lines');
  assert.deepEqual(printed(await programTrace(page)), expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pool\'s with block and a concurrent future\'s result() block the loop in the browser as in CPython; Stop twice ends a block', async () => {
  // Real Web Workers and the browser's loop: the ticker's timers wait for the blocks, and
  // fire after them in CPython's order.
  await docsProgramMatchesCPython('110_executor_blocks_the_loop.py', 1000);
  // As SIGINT in CPython: the first Stop cancels main once the block is over, the second
  // raises KeyboardInterrupt where main is blocked; the page then runs again.
  const blocked = `import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def work():
    time.sleep(3)


async def main():
    try:
        with ThreadPoolExecutor() as pool:
            pool.submit(work)
        print("after the with block")
    finally:
        print("main's finally")


asyncio.run(main())
`;
  const second = await openPage(browser, `${server.url}?v=1&code=${codeOf(blocked)}`);
  await editor(second.page).waitFor();
  await run(second.page).click();
  await status(second.page).filter({ hasText: 'Running' }).waitFor();
  await second.page.waitForTimeout(300);
  const stop = second.page.getByRole('button', { name: 'Stop' });
  await stop.click();
  await status(second.page).filter({ hasText: /^Stopping/ }).waitFor();
  await second.page.waitForTimeout(300);
  assert.match(await status(second.page).textContent(), /^Stopping/, 'the first Stop waits for the block');
  await stop.click();
  await status(second.page).filter({ hasText: 'Stopped.' }).waitFor();
  const lines = await programTrace(second.page);
  assert.deepEqual(lines.filter((l) => l.event === 'print').map((l) => l.text), ["main's finally"]);
  assert.equal(lines.filter((l) => l.event === 'stderr').at(-1).text, 'KeyboardInterrupt');
  assert.ok(lines.at(-1).t < 2000, `the run ended at the second Stop, not after the call (${lines.at(-1).t} ms)`);
  await run(second.page).click();
  await status(second.page).filter({ hasText: 'Running' }).waitFor();
  assert.deepEqual(second.errors, []);
  await second.page.close();
});

test('a code value that does not decode says so, and the lesson opens', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=AAAA&lesson=gather`);
  const notice = page.getByRole('alert', { name: 'Problems with this link' });
  await notice.filter({ hasText: 'does not decode' }).waitFor();
  assert.match(await notice.textContent(), /“lesson” was ignored: the link runs its own program/);
  await page.getByRole('heading', { name: '3 Tasks' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('code'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every example runs, and as CPython runs it', async () => {
  // At the page's default speed, as learners open them. At 250 ms per second every real
  // millisecond counts four times: queue_workers' lines 16 ms apart in CPython are 4 real ms
  // apart there, and the page drawing its output can delay a timer by that much (1 run in 4
  // on this 2-core machine swapped them).
  const unit = 1000;
  const { page, errors } = await yourCode(`${server.url}?v=1&unit=${unit}`);
  const names = await page.locator('.start-from option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(names.length >= 14, `the examples are offered (${names.join(', ')})`);
  for (const name of names) {
    await page.getByLabel('Start from').selectOption(name);
    const src = await editor(page).inputValue();
    await run(page).click();
    await status(page).filter({ hasText: /^(Finished|Stopped|Not run.*)\.?$/ }).waitFor({ timeout: 60000 });
    assert.equal(await status(page).textContent(), 'Finished.', `${name} ran`);
    assert.deepEqual(compareProgram(cpython(src), await programTrace(page), unit), [], `${name} differs from CPython`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('Stop is Ctrl-C: main is cancelled, finally blocks run, the shutdown cancels the rest, KeyboardInterrupt', async () => {
  const src = `import asyncio


async def worker(n):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"worker {n} cleans up")


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(2)]
    try:
        await asyncio.sleep(5)
    finally:
        print("main's finally")


asyncio.run(main())
`;
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}`);
  await editor(page).waitFor();
  await run(page).click();
  await status(page).filter({ hasText: 'Running' }).waitFor();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Stop' }).click();
  await status(page).filter({ hasText: 'Stopped.' }).waitFor();
  const lines = await programTrace(page);
  const said = lines.map((l) => `${l.who}: ${l.text}`);
  assert.deepEqual(said.slice(0, 3), ["Task-1: main's finally", 'Task-2: worker 0 cleans up', 'Task-3: worker 1 cleans up']);
  assert.equal(lines.filter((l) => l.event === 'stderr').at(-1).text, 'KeyboardInterrupt');
  assert.equal(lines.at(-1).event, 'end');
  assert.ok(lines.at(-1).t < 1500, `the run ended at Stop, not after its sleeps (${lines.at(-1).t} ms)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a program driving its own event loop runs in the browser as CPython runs it, and Stop ends its run_forever', async () => {
  // get_event_loop at module level, run_until_complete, run_forever until stop(), close with a
  // task pending (destroyed as the program ends), and the loop's mistakes, on the real loop.
  await docsProgramMatchesCPython('169_event_loop_driven_by_the_program.py', 1000);
  await docsProgramMatchesCPython('170_own_loops_and_their_mistakes.py', 1000);
  const src = `import asyncio


async def ticker():
    while True:
        print("tick")
        await asyncio.sleep(0.1)


loop = asyncio.new_event_loop()
loop.create_task(ticker())
try:
    loop.run_forever()
except KeyboardInterrupt:
    print("interrupted")
finally:
    loop.close()
`;
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}&run=1`);
  await status(page).filter({ hasText: 'Running' }).waitFor();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Stop' }).click();
  await status(page).filter({ hasText: 'Stopped.' }).waitFor();
  const lines = await programTrace(page);
  assert.ok(lines.filter((l) => l.text === 'tick').length >= 2, 'it ticked until Stop');
  const after = lines.filter((l) => l.text !== 'tick').map((l) => `${l.who}: ${l.text}`);
  assert.deepEqual(after.slice(0, 2), ['main: interrupted', 'main: Task was destroyed but it is pending!']);
  assert.equal(lines.at(-1).event, 'end');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a traceback leads to its lines in the editor, and replay marks each line\'s source', async () => {
  const src = `import asyncio


async def fetch(key):
    await asyncio.sleep(0.1)
    return {"a": 1}[key]


async def main():
    print("looking up")
    print(await fetch("missing"))


asyncio.run(main())
`;
  const { page, errors } = await openPage(browser, `${server.url}?v=1&code=${codeOf(src)}&run=1`);
  await over(page);
  assert.equal((await programTrace(page)).filter((l) => l.event === 'stderr').at(-1).text, "KeyError: 'missing'");
  const link = page.getByRole('button', { name: 'File "main.py", line 6, in fetch' });
  await link.click();
  const caret = await editor(page).evaluate((a) => a.value.slice(0, a.selectionStart).split('\n').length);
  assert.equal(caret, 6, 'the caret is on line 6');
  await page.getByRole('button', { name: 'Step forward ▶' }).click();
  await page.locator('.output .line.current[data-text="looking up"]').waitFor();
  const band = page.locator('.editor-code .editor-band.current');
  assert.equal(await band.isVisible(), true, 'the editor marks the line that printed');
  assert.match(await band.getAttribute('style'), /--line:10/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Edit this code makes a lesson\'s program the learner\'s own, and leads back to the lesson', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1&lesson=gather`);
  await page.getByRole('button', { name: 'Edit this code' }).click();
  await editor(page).waitFor();
  const src = await editor(page).inputValue();
  assert.match(src, /^# From the asyncio playground's lesson "gather" \(example7\.py\)\.\nimport asyncio\n/);
  assert.match(await page.locator('.program-tools .origin').textContent(), /It came from the lesson gather \(example7\.py\)/);
  await run(page).click();
  await over(page);
  assert.deepEqual(compareProgram(cpython(src), await programTrace(page), 1000), []);
  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  await page.getByRole('heading', { name: '7 gather vs TaskGroup' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('lesson'), 'gather');
  assert.deepEqual(errors, []);
  await page.close();
});

test('links over 8,000 characters are refused with their length, and the editor says when its program is too long to share', async () => {
  const long = `${server.url}?v=1&code=${'A'.repeat(8100)}`;
  const { page, errors } = await openPage(browser, long);
  await page.getByRole('alert', { name: 'Problems with this link' }).filter({ hasText: 'over the limit of 8000' }).waitFor();
  await page.getByRole('button', { name: /^Your code/ }).click();
  await editor(page).waitFor();
  // Random words do not compress: this program's link is far over the limit.
  const words = Array.from({ length: 4000 }, (_, i) => `x${(i * 7919) % 100003}`).join(', ');
  await editor(page).fill(`print([${words}])\n`);
  const message = page.getByRole('alert').filter({ hasText: /This program's link would be \d+ characters long, over the 8000/ });
  await message.waitFor();
  assert.equal(new URL(page.url()).searchParams.get('code') === null || page.url().length <= 8000, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a program in an embed on another origin: read-only, unless edit=1; it runs', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'course-'));
  const code = codeOf(SAY_AFTER);
  const frame = (name, extra) => `<iframe src="${server.url}?v=1&amp;code=${code}&amp;embed=1${extra}" title="${name}" width="700" height="450"></iframe>`;
  await writeFile(join(folder, 'index.html'), `<!DOCTYPE html><html><body>${frame('read', '')}${frame('edit', '&amp;edit=1')}</body></html>`);
  const course = await serve(folder);
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  try {
    await page.goto(course.url);
    const read = page.frameLocator('iframe[title="read"]');
    await editor(read).waitFor();
    assert.equal(await editor(read).getAttribute('readonly'), '');
    await run(read).click();
    await over(read);
    assert.deepEqual(compareProgram(cpython(SAY_AFTER), await programTrace(read), 1000), []);
    // In its 700×450 frame, the code, Run, the output and the timeline's top are in view.
    for (const [what, locator] of [['the code', editor(read)], ['Run', run(read)], ['the output', read.locator('.output')],
      ['the timeline', read.locator('.timeline-scroll')]]) {
      const box = await locator.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
      assert.ok(box.top >= 0 && box.top < 430, `${what} starts in view (${Math.round(box.top)} px)`);
    }
    assert.ok(await run(read).evaluate((el) => el.getBoundingClientRect().bottom <= 450), 'Run is whole in view');
    const edit = page.frameLocator('iframe[title="edit"]');
    await editor(edit).waitFor();
    assert.equal(await editor(edit).getAttribute('readonly'), null);
    const open = read.getByRole('link', { name: 'Open in playground' });
    const href = await open.getAttribute('href');
    assert.match(href, /[?&]code=/);
    assert.doesNotMatch(href, /embed=1/);
    await screenshot(page, 'program-embeds');
  } finally {
    await page.close();
    await course.close();
  }
});

test('the program page by keyboard alone, and at 360 px with nothing wider than the screen', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?v=1`, { width: 360, height: 800 });
  const your = page.getByRole('button', { name: /^Your code/ });
  await your.focus();
  await page.keyboard.press('Enter');
  await editor(page).waitFor();
  await editor(page).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('import asyncio\n\nasync def main():\nprint("typed")\n');
  assert.equal(await editor(page).inputValue(), 'import asyncio\n\nasync def main():\n    print("typed")\n    ', 'Enter indents after a colon');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('\nasyncio.run(main())\n');
  await page.keyboard.press('Control+Enter');
  await over(page);
  assert.deepEqual((await programTrace(page)).map((l) => l.text), ['typed', '']);
  // Escape, then Tab, leaves the editor.
  await editor(page).focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Python program');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `nothing is wider than the screen (${wide} px)`);
  await screenshot(page, 'program-360');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a program that never yields is stopped after 5 real seconds, with a message, and the page stays usable', async () => {
  const src = 'import asyncio\n\n\nasync def main():\n    print("spinning")\n    n = 0\n    while True:\n        n += 1\n\n\nasyncio.run(main())\n';
  const { page, errors } = await runProgram(src);
  const lines = await programTrace(page);
  assert.equal(lines[0].text, 'spinning');
  const message = lines.filter((l) => l.event === 'stderr').at(-1);
  assert.equal(message.text, 'the program ran for more than 5 seconds without yielding to the event loop, so it was stopped');
  assert.ok(message.t >= 5000 && message.t < 6500, `stopped after 5 s (${message.t} ms)`);
  // The page answers: a lesson opens and runs.
  await page.getByRole('button', { name: /^3 Tasks/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await status(page).filter({ hasText: 'Finished.' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the heartbeat names each line whose time.sleep blocked the loop, and for how long', async () => {
  const src = 'import asyncio\nimport time\n\n\nasync def fetch(n):\n    print("start", n)\n    time.sleep(0.3)\n    print("done", n)\n\n\nasync def main():\n    await asyncio.gather(fetch(1), fetch(2))\n    time.sleep(0.2)\n\n\nasyncio.run(main())\n';
  const { page, errors } = await runProgram(src);
  assert.deepEqual(compareProgram(cpython(src), await programTrace(page), 1000), []);
  const words = await page.locator('.program-stall').textContent();
  const m = words.match(/^Your program blocked the event loop for (\d+\.\d\d) s: time\.sleep at line 7 \(Task-2\) (\d+\.\d\d) s, time\.sleep at line 7 \(Task-3\) (\d+\.\d\d) s, time\.sleep at line 13 \(Task-1\) (\d+\.\d\d) s\.$/);
  assert.ok(m, `the heartbeat's words: ${words}`);
  const [total, a, b, c] = m.slice(1).map(Number);
  for (const [got, want] of [[total, 0.8], [a, 0.3], [b, 0.3], [c, 0.2]]) {
    assert.ok(Math.abs(got - want) <= want * 0.05, `${got} s within 5% of ${want} s (${words})`);
  }
  assert.match(await page.locator('.browser-stall').textContent(), /^The browser (never stalled|was busy)/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a program\'s run exports its trace and timeline, and Copy link, Embed and Copy as Markdown carry the program', async () => {
  const { page, errors } = await runProgram(SAY_AFTER);
  const onPage = await programTrace(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download trace (JSON)' }).click()]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(exported.map((e) => [e.who, e.event, e.text ?? '']), onPage.map((l) => [l.who, l.event, l.text]));
  exported.forEach((e, i) => assert.ok(Math.abs(e.t - onPage[i].t) < 0.001, `t of line ${i}`));
  assert.deepEqual(exported.slice(0, -1).map((e) => e.line), [13, 7, 7, 16], 'each line names the source line that wrote it');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download timeline (SVG)' }).click()]);
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /^<svg id="timeline-svg" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(text, /data-lane="Task-2 say_after"/);
  assert.match(text, /data-lane="second"/);
  const share = page.getByLabel('To share');
  // Each carries the program (the page's DEFLATE may differ from Node's: the source is what counts).
  const programIn = (link) => {
    const url = new URL(link);
    assert.equal(url.origin + url.pathname, server.url.replace(/\/$/, '/'));
    return programOf(url.searchParams.get('code'));
  };
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await share.inputValue();
  assert.match(link, /\?v=1&code=[\w-]+$/);
  assert.equal(programIn(link), SAY_AFTER);
  await page.getByRole('button', { name: 'Embed' }).click();
  const frame = (await share.inputValue()).split('\n')[1];
  const src = frame.match(/^<iframe src="([^"]+)" title="asyncio playground: [^"]+" width="700" height="450"/)?.[1].replaceAll('&amp;', '&');
  assert.ok(src, frame);
  assert.match(src, /\?v=1&code=[\w-]+&embed=1$/);
  assert.equal(programIn(src), SAY_AFTER);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await share.inputValue();
  const written = onPage.filter((l) => l.event !== 'end').map((l) => l.text);
  assert.equal(markdown.match(/\(<([^>]+)>\)/)?.[1], link, markdown);
  assert.ok(markdown.endsWith(`\n\n\`\`\`text\n${written.join('\n')}\n\`\`\`\n`), `the lines the program wrote: ${markdown}`);
  assert.deepEqual(errors, []);
  await page.close();
});
