"""max_flow (LP, maximize): LP vs a hand-written Edmonds-Karp and the min cut."""
from collections import deque

from corpus_lib import LinearModel, Result, report, solve_lp_proved

NODES = ["reservoir", "j1", "j2", "j3", "j4", "town"]
PIPES = [("reservoir", "j1"), ("reservoir", "j2"), ("j1", "j2"), ("j1", "j3"), ("j2", "j4"), ("j3", "j2"),
         ("j3", "town"), ("j4", "j3"), ("j4", "town")]
CAP = [16, 13, 10, 12, 14, 9, 20, 7, 4]


def edmonds_karp(source, sink):
    residual = {}
    for (a, b), c in zip(PIPES, CAP):
        residual[(a, b)] = residual.get((a, b), 0) + c
        residual.setdefault((b, a), 0)
    total = 0
    while True:
        parent = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for (a, b), r in residual.items():
                if a == u and r > 0 and b not in parent:
                    parent[b] = a
                    queue.append(b)
        if sink not in parent:
            return total, set(parent)  # reachable side of a minimum cut
        path, v = [], sink
        while parent[v] is not None:
            path.append((parent[v], v))
            v = parent[v]
        push = min(residual[e] for e in path)
        for a, b in path:
            residual[(a, b)] -= push
            residual[(b, a)] += push
        total += push


def verify():
    m = LinearModel("max")
    for (a, b), c in zip(PIPES, CAP):
        m.var(f"flow[{a},{b}]", 0, c)
    m.var("throughput")
    for n in NODES:
        coeffs = {}
        for (a, b) in PIPES:
            if a == n:
                coeffs[f"flow[{a},{b}]"] = 1
            if b == n:
                coeffs[f"flow[{a},{b}]"] = -1
        if n == "reservoir":
            coeffs["throughput"] = -1
        elif n == "town":
            coeffs["throughput"] = 1
        m.eq("conservation", coeffs, 0)
    m.objective({"throughput": 1})
    obj, x = solve_lp_proved(m)
    value, side = edmonds_karp("reservoir", "town")
    cut = sum(c for (a, b), c in zip(PIPES, CAP) if a in side and b not in side)
    assert value == cut == round(obj), (value, cut, obj)
    return [Result("max_flow", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + dual bound; Edmonds-Karp and min cut agree")]


if __name__ == "__main__":
    report(verify())
