import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    delay = 0.3 if attempts < 3 else 0.05
    await asyncio.sleep(delay)
    return f"succeeded on attempt {attempts}"

async def main():
    for i in range(5):
        try:
            result = await asyncio.wait_for(flaky(), timeout=0.1)
            print(result)
            break
        except asyncio.TimeoutError:
            print(f"attempt {i + 1} timed out")

asyncio.run(main())
