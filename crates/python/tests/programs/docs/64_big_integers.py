import asyncio
from concurrent.futures import ProcessPoolExecutor

def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f

def cpu_bound(n):
    return sum(i * i for i in range(n))

async def main():
    print(factorial(20), factorial(30), 2 ** 100, -2 ** 64 // 3, (10 ** 30) % 7)
    print(f"{-255:x} {255:08b} {2**70:,}", hex(-255), int("123456789012345678901234567890"))
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, cpu_bound, 10 ** 5))
    print({2 ** 62, 3, 2 ** 64}, hash(2 ** 64) == hash(2 ** 64), 2 ** 64 in {2 ** 64: 1})

asyncio.run(main())
