import asyncio


class Report:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Report) and other.name == self.name

    def __call__(self, fut):
        print(self.name, "saw", fut.result())


def loud(fut):
    print("loud saw", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(loud)
    fut.add_done_callback(Report("a"))
    fut.add_done_callback(loud)
    fut.add_done_callback(Report("b"))
    print("removed", fut.remove_done_callback(loud))
    print("removed", fut.remove_done_callback(Report("a")))
    print("removed", fut.remove_done_callback(print))
    fut.set_result(42)
    await asyncio.sleep(0)
    task = asyncio.create_task(asyncio.sleep(0.1, "done"))
    task.add_done_callback(loud)
    print("removed", task.remove_done_callback(loud))
    print(await task)


asyncio.run(main())
