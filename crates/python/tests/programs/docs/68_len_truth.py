class Bag:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)

for b in [Bag([]), Bag([1])]:
    if b:
        print("non-empty", len(b))
    else:
        print("empty")
    print(not b, bool(b), "yes" if b else "no")
