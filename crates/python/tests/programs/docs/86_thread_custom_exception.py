import asyncio
import time


class DownloadError(Exception):
    def __init__(self, url, code):
        super().__init__(f"{url} answered {code}")
        self.url = url
        self.code = code


def download(url):
    print(f"downloading {url}")
    time.sleep(0.1)
    if url.endswith("missing"):
        raise DownloadError(url, 404)
    return f"<page {url}>"


async def main():
    print(await asyncio.to_thread(download, "site/home"))
    try:
        await asyncio.to_thread(download, "site/missing")
    except DownloadError as e:
        print("caught:", e, "| code", e.code, "| url", e.url)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, download, "other/missing")


asyncio.run(main())
