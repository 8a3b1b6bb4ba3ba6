//! Random asyncio programs from a fixed seed: tasks, sleeps, blocking calls, gather,
//! TaskGroup, wait, wait_for, timeout, queues, events, locks, semaphores, shield,
//! as_completed, cancellation, raise and except.

/// xorshift64*: a fixed, dependency-free stream of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn delay(&mut self) -> String {
        format!("0.{}", 1 + self.below(4))
    }
    fn coin(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PRELUDE: &str = r#"import asyncio
import time


class JobError(Exception):
    pass


async def job(name, delay, fails=False, block=0):
    print(f"{name} start")
    if block:
        time.sleep(block)
    await asyncio.sleep(delay)
    if fails:
        raise JobError(f"{name} failed")
    print(f"{name} end")
    return name.upper()


def blocking(name, delay):
    print(f"{name} blocking")
    time.sleep(delay)
    return name


async def victim_job(name, delay):
    print(f"{name} start")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} end")
    return name

"#;

struct Gen {
    rng: Rng,
    next_name: usize,
    body: Vec<String>,
}

impl Gen {
    fn name(&mut self) -> String {
        self.next_name += 1;
        format!("j{}", self.next_name)
    }

    fn call(&mut self, fail_percent: u64) -> String {
        let name = self.name();
        let delay = self.rng.delay();
        let fails = if self.rng.coin(fail_percent) { ", fails=True" } else { "" };
        let block = if self.rng.coin(15) { format!(", block=0.{}", 1 + self.rng.below(2)) } else { String::new() };
        format!("job(\"{name}\", {delay}{fails}{block})")
    }

    fn line(&mut self, indent: usize, text: &str) {
        self.body.push(format!("{}{}", "    ".repeat(indent), text));
    }

    fn block(&mut self) {
        match self.rng.below(25) {
            0 => {
                let n = 2 + self.rng.below(3);
                let calls: Vec<String> = (0..n).map(|_| self.call(25)).collect();
                let rx = self.rng.coin(50);
                self.line(1, "try:");
                let arg = if rx { ", return_exceptions=True" } else { "" };
                self.line(2, &format!("results = await asyncio.gather({}{arg})", calls.join(", ")));
                self.line(2, "print(\"gather:\", results)");
                self.line(1, "except JobError as e:");
                self.line(2, "print(\"gather failed:\", e)");
            }
            1 => {
                let n = 2 + self.rng.below(3) as usize;
                let calls: Vec<String> = (0..n).map(|_| self.call(20)).collect();
                let mut names = Vec::new();
                for (k, c) in calls.iter().enumerate() {
                    let named = if self.rng.coin(30) { format!(", name=\"worker-{k}\"") } else { String::new() };
                    self.line(1, &format!("t{k} = asyncio.create_task({c}{named})"));
                    names.push(format!("t{k}"));
                }
                for k in (0..n).rev() {
                    let j = self.rng.below(k as u64 + 1) as usize;
                    names.swap(k, j);
                }
                for t in names {
                    self.line(1, "try:");
                    self.line(2, &format!("print(\"{t} ->\", await {t})"));
                    self.line(1, "except JobError as e:");
                    self.line(2, &format!("print(\"{t} failed:\", e)"));
                }
            }
            2 => {
                let n = 2 + self.rng.below(3);
                self.line(1, "try:");
                self.line(2, "async with asyncio.TaskGroup() as tg:");
                for _ in 0..n {
                    let c = self.call(30);
                    self.line(3, &format!("tg.create_task({c})"));
                }
                self.line(2, "print(\"group done\")");
                self.line(1, "except* JobError as eg:");
                self.line(2, "print(\"group failed:\", [str(e) for e in eg.exceptions])");
            }
            3 => {
                let c = self.call(10);
                let t = self.rng.delay();
                self.line(1, "try:");
                self.line(2, &format!("print(\"wait_for:\", await asyncio.wait_for({c}, timeout={t}))"));
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"wait_for timed out\")");
                self.line(1, "except JobError as e:");
                self.line(2, "print(\"wait_for failed:\", e)");
            }
            4 => {
                let t = self.rng.delay();
                let c1 = self.call(0);
                let c2 = self.call(0);
                self.line(1, "try:");
                self.line(2, &format!("async with asyncio.timeout({t}):"));
                self.line(3, &format!("await {c1}"));
                self.line(3, &format!("await {c2}"));
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"timeout expired\")");
            }
            5 => {
                let n = 2 + self.rng.below(3) as usize;
                let when = ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"][self.rng.below(3) as usize];
                let calls: Vec<String> = (0..n).map(|_| self.call(20)).collect();
                self.line(1, &format!("tasks = [asyncio.create_task(c) for c in [{}]]", calls.join(", ")));
                let timeout = if self.rng.coin(30) { format!(", timeout={}", self.rng.delay()) } else { String::new() };
                self.line(
                    1,
                    &format!("done, pending = await asyncio.wait(tasks, return_when=asyncio.{when}{timeout})"),
                );
                self.line(1, "print(\"done:\", sorted(t.get_name() for t in done), \"pending:\", len(pending))");
                self.line(1, "for t in pending:");
                self.line(2, "t.cancel()");
                self.line(1, "print(\"after wait:\", len(await asyncio.gather(*tasks, return_exceptions=True)))");
                self.line(1, "print(\"cancelled:\", [t.cancelled() for t in tasks])");
            }
            6 => {
                let workers = 1 + self.rng.below(3);
                let items = 2 + self.rng.below(4);
                let size = self.rng.below(3);
                self.line(1, &format!("queue = asyncio.Queue(maxsize={size})"));
                self.line(1, "async def worker(n):");
                self.line(2, "while True:");
                self.line(3, "item = await queue.get()");
                self.line(3, "await asyncio.sleep(item / 10)");
                self.line(3, "print(f\"worker {n} did {item}\")");
                self.line(3, "queue.task_done()");
                self.line(1, &format!("workers = [asyncio.create_task(worker(n)) for n in range({workers})]"));
                self.line(1, &format!("for item in range(1, {}):", items + 1));
                self.line(2, "await queue.put(item)");
                self.line(2, "print(\"put\", item, queue.qsize())");
                self.line(1, "await queue.join()");
                self.line(1, "for w in workers:");
                self.line(2, "w.cancel()");
                self.line(1, "await asyncio.gather(*workers, return_exceptions=True)");
                self.line(1, "print(\"queue drained\")");
            }
            7 => {
                let n = 1 + self.rng.below(3);
                let d = self.rng.delay();
                self.line(1, "event = asyncio.Event()");
                self.line(1, "async def waiter(n):");
                self.line(2, "print(f\"waiter {n} waiting\")");
                self.line(2, "await event.wait()");
                self.line(2, "print(f\"waiter {n} woke\")");
                self.line(1, &format!("waiters = [asyncio.create_task(waiter(n)) for n in range({n})]"));
                self.line(1, &format!("await asyncio.sleep({d})"));
                self.line(1, "event.set()");
                self.line(1, "await asyncio.gather(*waiters)");
            }
            8 => {
                let sem = self.rng.coin(50);
                let n = 2 + self.rng.below(3);
                let d = self.rng.delay();
                if sem {
                    let k = 1 + self.rng.below(2);
                    self.line(1, &format!("guard = asyncio.Semaphore({k})"));
                } else {
                    self.line(1, "guard = asyncio.Lock()");
                }
                self.line(1, "async def guarded(n):");
                self.line(2, "async with guard:");
                self.line(3, "print(f\"in {n}\")");
                self.line(3, &format!("await asyncio.sleep({d})"));
                self.line(3, "print(f\"out {n}\")");
                self.line(1, &format!("await asyncio.gather(*(guarded(n) for n in range({n})))"));
            }
            9 => {
                let c = format!("victim_job(\"{}\", {})", self.name(), self.rng.delay());
                let d = self.rng.delay();
                self.line(1, &format!("victim = asyncio.create_task({c})"));
                self.line(1, &format!("await asyncio.sleep({d})"));
                self.line(1, "print(\"cancel:\", victim.cancel())");
                self.line(1, "try:");
                self.line(2, "await victim");
                self.line(1, "except asyncio.CancelledError:");
                self.line(2, "print(\"victim cancelled\", victim.cancelled())");
                self.line(1, "else:");
                self.line(2, "print(\"victim finished\", victim.result())");
            }
            10 => {
                let c = self.call(0);
                let t = self.rng.delay();
                self.line(1, &format!("inner = asyncio.create_task({c})"));
                self.line(1, "try:");
                self.line(2, &format!("await asyncio.wait_for(asyncio.shield(inner), timeout={t})"));
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"shielded timeout\")");
                self.line(1, "print(\"inner:\", await inner)");
            }
            11 => {
                let n = 2 + self.rng.below(3);
                let calls: Vec<String> = (0..n).map(|_| self.call(20)).collect();
                self.line(1, &format!("tasks = [asyncio.create_task(c) for c in [{}]]", calls.join(", ")));
                self.line(1, "for coro in asyncio.as_completed(tasks):");
                self.line(2, "try:");
                self.line(3, "print(\"completed:\", await coro)");
                self.line(2, "except JobError as e:");
                self.line(3, "print(\"completed with error:\", e)");
            }
            13 => {
                let d = self.rng.delay();
                let name = self.name();
                self.line(1, &format!("print(\"thread:\", await asyncio.to_thread(blocking, \"{name}\", {d}))"));
            }
            14 => {
                let d = self.rng.delay();
                let fails = self.rng.coin(40);
                self.line(1, "fut = asyncio.get_running_loop().create_future()");
                if fails {
                    self.line(
                        1,
                        &format!("asyncio.get_running_loop().call_later({d}, fut.set_exception, JobError(\"late\"))"),
                    );
                } else {
                    self.line(1, &format!("asyncio.get_running_loop().call_later({d}, fut.set_result, \"ready\")"));
                }
                self.line(1, "fut.add_done_callback(lambda f: print(\"callback, cancelled:\", f.cancelled()))");
                self.line(1, "try:");
                self.line(2, "print(\"future:\", await fut)");
                self.line(1, "except JobError as e:");
                self.line(2, "print(\"future failed:\", e)");
            }
            15 => {
                let c = self.call(100);
                self.line(1, &format!("lost = asyncio.create_task({c})"));
                let d = self.rng.delay();
                self.line(1, &format!("await asyncio.sleep({d})"));
                self.line(1, "await asyncio.sleep(0.4)");
                self.line(1, "print(\"lost done:\", lost.done())");
                self.line(1, "del lost");
            }
            16 => {
                let c = self.call(0);
                self.line(1, &format!("forgotten = {c}"));
                self.line(1, "del forgotten");
                self.line(1, "await asyncio.sleep(0.1)");
            }
            18 => {
                let (a, b, c) = (self.call(0), self.call(60), self.call(0));
                self.line(1, "try:");
                self.line(2, "async with asyncio.TaskGroup() as outer:");
                self.line(3, &format!("outer.create_task({a})"));
                self.line(3, "async def nested():");
                self.line(4, "async with asyncio.TaskGroup() as inner:");
                self.line(5, &format!("inner.create_task({b})"));
                self.line(5, &format!("inner.create_task({c})"));
                self.line(4, "return \"nested ok\"");
                self.line(3, "n = outer.create_task(nested())");
                self.line(2, "print(\"outer done:\", n.result())");
                self.line(1, "except* JobError as eg:");
                self.line(2, "print(\"nested failed:\", len(eg.exceptions), type(eg.exceptions[0]).__name__)");
            }
            19 => {
                let t = self.rng.delay();
                let (a, b) = (self.call(0), self.call(0));
                self.line(1, "try:");
                self.line(2, &format!("async with asyncio.timeout({t}):"));
                self.line(3, "async with asyncio.TaskGroup() as tg:");
                self.line(4, &format!("tg.create_task({a})"));
                self.line(4, &format!("tg.create_task({b})"));
                self.line(2, "print(\"group in time\")");
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"group timed out\")");
            }
            20 => {
                let t = self.rng.delay();
                let calls: Vec<String> = (0..2 + self.rng.below(2)).map(|_| self.call(0)).collect();
                self.line(1, "try:");
                self.line(
                    2,
                    &format!("print(await asyncio.wait_for(asyncio.gather({}), timeout={t}))", calls.join(", ")),
                );
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"gather timed out\")");
            }
            21 => {
                let n = 3 + self.rng.below(3);
                let d = self.rng.delay();
                self.line(1, "box = asyncio.Queue(maxsize=1)");
                self.line(1, "async def producer():");
                self.line(2, &format!("for i in range({n}):"));
                self.line(3, "await box.put(i)");
                self.line(3, "print(\"produced\", i)");
                self.line(2, "await box.put(None)");
                self.line(1, "async def consumer():");
                self.line(2, "while (item := None) is None:");
                self.body.pop();
                self.line(2, "while True:");
                self.line(3, "item = await box.get()");
                self.line(3, "if item is None:");
                self.line(4, "break");
                self.line(3, &format!("await asyncio.sleep({d})"));
                self.line(3, "print(\"consumed\", item)");
                self.line(1, "await asyncio.gather(producer(), consumer())");
            }
            22 => {
                let d = self.rng.delay();
                let t = self.rng.delay();
                self.line(1, "async def stubborn():");
                self.line(2, "try:");
                self.line(3, &format!("await asyncio.sleep({d})"));
                self.line(3, "return \"finished\"");
                self.line(2, "except asyncio.CancelledError:");
                self.line(3, "print(\"stubborn ignores the cancel\")");
                self.line(3, "return \"interrupted\"");
                self.line(1, "try:");
                self.line(2, &format!("print(\"stubborn:\", await asyncio.wait_for(stubborn(), timeout={t}))"));
                self.line(1, "except TimeoutError:");
                self.line(2, "print(\"stubborn timed out\")");
            }
            23 => {
                let n = 3 + self.rng.below(4);
                let kind = ["PriorityQueue", "LifoQueue"][self.rng.below(2) as usize];
                self.line(1, &format!("pq = asyncio.{kind}()"));
                for k in 0..n {
                    let p = self.rng.below(4);
                    self.line(1, &format!("pq.put_nowait(({p}, \"item{k}\"))"));
                }
                self.line(1, "async def drain():");
                self.line(2, "while not pq.empty():");
                self.line(3, "p, item = await pq.get()");
                self.line(3, "await asyncio.sleep(0.05)");
                self.line(3, "print(\"took\", p, item)");
                self.line(1, "await drain()");
            }
            24 => {
                let n = 1 + self.rng.below(3);
                let d = self.rng.delay();
                self.line(1, "cond = asyncio.Condition()");
                self.line(1, "ready = []");
                self.line(1, "async def watcher(n):");
                self.line(2, "async with cond:");
                self.line(3, "await cond.wait_for(lambda: ready)");
                self.line(3, "print(f\"watcher {n} saw {ready}\")");
                self.line(1, &format!("watchers = [asyncio.create_task(watcher(n)) for n in range({n})]"));
                self.line(1, &format!("await asyncio.sleep({d})"));
                self.line(1, "async with cond:");
                self.line(2, "ready.append(1)");
                self.line(2, "cond.notify_all()");
                self.line(1, "await asyncio.gather(*watchers)");
            }
            _ => {
                let d = self.rng.delay();
                let c = self.call(0);
                self.line(1, &format!("bg = asyncio.create_task({c})"));
                self.line(1, "await asyncio.sleep(0)");
                self.line(1, &format!("time.sleep({d})"));
                self.line(1, "print(\"main blocked\")");
                self.line(1, "await bg");
            }
        }
    }
}

/// The `i`-th generated program.
pub fn program(i: u64) -> String {
    let mut g =
        Gen { rng: Rng(0x5eed_0000_0000_0001 ^ (i.wrapping_mul(0x9E37_79B9_7F4A_7C15))), next_name: 0, body: vec![] };
    for _ in 0..4 {
        g.rng.next();
    }
    let blocks = 1 + g.rng.below(3);
    for _ in 0..blocks {
        g.block();
    }
    if g.rng.coin(15) {
        let c = g.call(0);
        g.line(1, &format!("asyncio.create_task({c})"));
        g.line(1, "await asyncio.sleep(0.1)");
    }
    let mut out = String::from(PRELUDE);
    out.push_str("\nasync def main():\n");
    out.push_str(&g.body.join("\n"));
    if g.rng.coin(10) {
        out.push_str("\n    raise JobError(\"main gives up\")");
    }
    out.push_str("\n    print(\"main done\")\n\n\nasyncio.run(main())\n");
    out
}
