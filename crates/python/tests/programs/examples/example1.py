# example1.py: no asyncio at all. Each call runs start to finish, so the program
# waits for one sleep, then the other: about 3 seconds in all.

import time


def fetch_data(param):
    print(f"Do something with {param}...")
    time.sleep(param)
    print(f"Done with {param}")
    return f"Result of {param}"


def main():
    result1 = fetch_data(1)
    print("Fetch 1 fully completed")
    result2 = fetch_data(2)
    print("Fetch 2 fully completed")
    return [result1, result2]


t1 = time.perf_counter()
results = main()
print(results)
t2 = time.perf_counter()
print(f"Finished in {t2 - t1:.1f} seconds")
