import asyncio

async def process(record):
    await asyncio.sleep(record["cost"] / 10)
    return {"id": record["id"], "total": sum(record["values"]), "name": record["name"].title()}

async def main():
    records = [
        {"id": i, "cost": c, "values": list(range(i + 2)), "name": n}
        for i, (c, n) in enumerate([(2, "alpha one"), (1, "beta"), (3, "gamma ray")])
    ]
    results = await asyncio.gather(*map(process, records))
    for r in sorted(results, key=lambda r: r["total"], reverse=True):
        print(f"{r['id']:>2} | {r['name']:<10} | {r['total']:5.1f}")
    by_id = {r["id"]: r for r in results}
    print(sorted(by_id), len(by_id), by_id.get(9, "none"))
    print(", ".join(str(x) for x in [1, 2.5, None, True, "s"]), "{:,}".format(1234567))

asyncio.run(main())
