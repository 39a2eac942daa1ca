"""shortest_path (LP): unit flow LP vs Dijkstra."""
import heapq

from corpus_lib import LinearModel, Result, report, solve_lp_proved

NODES = ["home", "bakery", "park", "bridge", "market", "office"]
STREETS = [("home", "bakery"), ("home", "park"), ("bakery", "park"), ("bakery", "bridge"), ("park", "bridge"),
           ("park", "market"), ("bridge", "market"), ("bridge", "office"), ("market", "office"), ("market", "bakery")]
MINUTES = [7, 4, 2, 9, 8, 11, 3, 12, 6, 5]


def dijkstra(source, target):
    dist = {source: 0}
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == target:
            return d
        if d > dist[u]:
            continue
        for (a, b), w in zip(STREETS, MINUTES):
            if a == u and d + w < dist.get(b, float("inf")):
                dist[b] = d + w
                heapq.heappush(heap, (d + w, b))
    raise AssertionError("unreachable")


def verify():
    m = LinearModel("min")
    for a, b in STREETS:
        m.var(f"use[{a},{b}]")
    for n in NODES:
        coeffs = {}
        for a, b in STREETS:
            if a == n:
                coeffs[f"use[{a},{b}]"] = 1
            if b == n:
                coeffs[f"use[{a},{b}]"] = -1
        m.eq("route", coeffs, 1 if n == "home" else (-1 if n == "office" else 0))
    m.objective({f"use[{a},{b}]": w for (a, b), w in zip(STREETS, MINUTES)})
    obj, x = solve_lp_proved(m)
    assert dijkstra("home", "office") == round(obj)
    return [Result("shortest_path", "OPTIMAL", obj, x, method="scipy milp (HiGHS) as LP + dual bound; Dijkstra agrees")]


if __name__ == "__main__":
    report(verify())
