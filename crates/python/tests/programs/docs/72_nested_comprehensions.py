print([x * y for x in range(3) for y in range(2) if y], {(a, b) for a in "ab" for b in [1, 2]} == {("a", 1), ("a", 2), ("b", 1), ("b", 2)}, [[i * j for j in range(3)] for i in range(2)])
