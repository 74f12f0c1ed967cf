"""Actor networks: write a ``Store.network`` graph as GraphML, GEXF or node-link JSON."""
from __future__ import annotations

import json
import os
from pathlib import Path


def write_graph(g, path: str | os.PathLike, fmt: str | None = None) -> str:
    """Write ``g`` in the format named by ``fmt`` or by the file's extension (.graphml, .gexf, .json)."""
    import networkx as nx

    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)
    elif fmt == "json":
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nx.node_link_data(g, edges="links"), fh, ensure_ascii=False, indent=1)
    else:
        raise ValueError(f"unknown graph format {fmt!r}: use .graphml, .gexf or .json")
    return str(path)


def top_actors(g, n: int = 10) -> list[dict]:
    """The most central actors: weighted degree, in/out weight, PageRank."""
    import networkx as nx

    if g.number_of_nodes() == 0:
        return []
    pr = nx.pagerank(g, weight="weight")
    rows = []
    for node in g.nodes:
        out_w = sum(d["weight"] for _, _, d in g.out_edges(node, data=True))
        in_w = sum(d["weight"] for _, _, d in g.in_edges(node, data=True))
        rows.append({"actor": node, "label": g.nodes[node].get("label", node), "out": out_w, "in": in_w,
                     "degree": out_w + in_w, "pagerank": round(pr[node], 4)})
    rows.sort(key=lambda r: (-r["degree"], -r["pagerank"], r["actor"]))
    return rows[:n]


def trim(g, max_nodes: int | None = None, min_degree: int = 0):
    """The subgraph a reader can take in: nodes linked to at least ``min_degree`` other actors,
    then the ``max_nodes`` busiest of them (by events on either side; ties by id)."""
    nodes = [n for n in g.nodes if len(set(g.predecessors(n)) | set(g.successors(n)) - {n}) >= min_degree]
    degree = dict(g.degree(nodes, weight="weight"))
    keep = sorted(nodes, key=lambda n: (-degree[n], str(n)))[:max_nodes]
    return g.subgraph(keep)


def communities(g, seed: int = 0) -> dict:
    """Node -> community number (0 = the largest): Louvain modularity on the undirected,
    event-weighted graph, seeded so the same graph always gets the same communities."""
    import networkx as nx

    if g.number_of_nodes() == 0:
        return {}
    undirected = nx.Graph()
    undirected.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if u != v:
            w = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
            undirected.add_edge(u, v, weight=w + d.get("weight", 1))
    groups = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda c: (-len(c), min(map(str, c))))
    return {n: i for i, c in enumerate(groups) for n in c}
