import asyncio

async def stage(name, inbox, outbox, work):
    while True:
        item = await inbox.get()
        if item is None:
            await outbox.put(None)
            print(f"{name} done")
            return
        await asyncio.sleep(work)
        await outbox.put(f"{item}>{name}")

async def main():
    q1, q2, q3 = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    stages = [
        asyncio.create_task(stage("parse", q1, q2, 0.05)),
        asyncio.create_task(stage("enrich", q2, q3, 0.08)),
    ]
    for i in range(3):
        await q1.put(f"rec{i}")
    await q1.put(None)
    out = []
    while True:
        item = await q3.get()
        if item is None:
            break
        out.append(item)
        print("got", item)
    await asyncio.gather(*stages)
    print(out)

asyncio.run(main())
