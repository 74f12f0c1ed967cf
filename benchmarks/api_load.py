"""Load benchmark of the REST API: requests/s and p50/p99 latency of GET /events and POST /documents
at 1, 10 and 50 concurrent clients, on loopback only, bounded in clients and time; then the latency
of short POSTs while one large document is being coded.

    PYTHONPATH=src /work/venv/bin/python benchmarks/api_load.py [--seconds 8] [--clients 1,10,50] [--seed-docs 40]
                                                                [--large-words 100000]

It starts ``polybius serve`` on a fresh DuckDB file in a temporary directory on 127.0.0.1 (a
random free port), with a fresh API key, posts ``--seed-docs`` generated articles so there are
events to read, then runs each level for ``--seconds`` seconds.  Every POST is a different
article (so it is really coded and stored).  Prints one row per (route, clients) and a RESULT
line; exits 1 when any request failed.  The articles are made up here from phrase lists.
Last, one client posts a document of ``--large-words`` words (paragraphs of many generated
articles; 0 skips this) and, while it is being coded, another posts short articles one after
another for ``--seconds`` seconds: their p50, p99 and maximum latency show whether the large
document holds them up (issue 14: not for 20 s).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MAX_CLIENTS = 50
MAX_SECONDS = 60

SUBJECTS = ["The French foreign minister", "Germany's chancellor", "Kenyan police", "The Japanese government",
            "Brazilian troops", "The Turkish president", "Indian officials", "The Egyptian prime minister",
            "Canadian diplomats", "The Mexican interior ministry", "Polish border guards", "The Nigerian army",
            "South Korean negotiators", "The Australian trade minister", "Spanish prosecutors"]
VERBS = ["met", "criticized", "accused", "praised", "signed a trade agreement with", "threatened", "visited",
         "called on", "attacked", "promised aid to", "rejected a proposal from", "welcomed", "condemned",
         "agreed to cooperate with", "arrested supporters of"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "yesterday"]
TAILS = ["after talks in the capital", "in a statement", "according to officials", "amid rising tension",
         "during a summit", "despite protests", "at a press conference"]


def article(i: int) -> dict:
    rnd = random.Random(i)
    sents = []
    for _ in range(rnd.randint(4, 8)):
        s, o = rnd.sample(SUBJECTS, 2)
        o = o[0].lower() + o[1:] if o.startswith("The ") else o
        sents.append(f"{s} {rnd.choice(VERBS)} {o} {rnd.choice(DAYS)} {rnd.choice(TAILS)}.")
    title = sents[0].rstrip(".")
    paras = [" ".join(sents[k:k + 2]) for k in range(0, len(sents), 2)]
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randint(0, 360))
    return {"title": f"{title} ({i})", "text": "\n\n".join(paras), "published": published.isoformat(),
            "outlet": rnd.choice(["Bench Wire", "Loadtest Daily", "Sample Times"])}


def large_article(words: int) -> dict:
    """One document of about ``words`` words: the paragraphs of many different articles."""
    paras, total, i = [], 0, 10**7
    while total < words:
        for p in article(i)["text"].split("\n\n"):
            paras.append(p)
            total += len(p.split())
        i += 1
    return {"title": f"A long report ({words} words)", "text": "\n\n".join(paras), "published": "2024-06-01"}


async def short_posts_during_large(base: str, headers: dict, words: int, seconds: float, make_request) -> dict:
    """Latency of short POSTs (one client) while one large document is being coded."""
    async with httpx.AsyncClient(base_url=base, timeout=3600) as client:
        t0 = time.perf_counter()
        large = asyncio.create_task(client.post("/documents", json=large_article(words), headers=headers))
        await asyncio.sleep(1.0)  # the large document is being coded
        res = await level(base, 1, seconds, make_request)
        still_coding = not large.done()
        r = await large
        res.update(large_s=time.perf_counter() - t0, large_status=r.status_code, overlapped=still_coding,
                   large_events=len(r.json().get("events", [])) if r.status_code < 300 else 0)
        return res


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), so figures can be compared on a busy machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, key_hash: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "polybius", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
           "--api-key-hash", key_hash, "--log-level", "warning"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


async def level(base: str, clients: int, seconds: float, make_request) -> dict:
    """``clients`` independent clients (one connection each), each sending requests back to back."""
    lat: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds

    async def worker(w: int):
        n = 0
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=httpx.Limits(max_connections=1)) as client:
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                try:
                    r = await make_request(client, w, n)
                    if r.status_code >= 400:
                        errors.append(f"{r.status_code} {r.text[:200]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                lat.append(time.perf_counter() - t0)
                n += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()
    q = (lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000) if lat else (lambda p: float("nan"))
    return {"requests": len(lat), "errors": len(errors), "first_error": errors[0] if errors else "",
            "rps": len(lat) / wall if wall else 0.0, "p50": q(0.50), "p99": q(0.99), "max": q(1.0),
            "mean": statistics.fmean(lat) * 1000 if lat else float("nan")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=8.0, help=f"per level (at most {MAX_SECONDS})")
    ap.add_argument("--clients", default="1,10,50", help=f"comma-separated levels (at most {MAX_CLIENTS})")
    ap.add_argument("--seed-docs", type=int, default=40)
    ap.add_argument("--large-words", type=int, default=100_000,
                    help="words of the large document coded while short posts are timed (0: skip)")
    args = ap.parse_args()
    seconds = min(max(args.seconds, 0.5), MAX_SECONDS)
    levels = [min(max(int(x), 1), MAX_CLIENTS) for x in args.clients.split(",") if x.strip()]

    sys.path.insert(0, str(ROOT / "src"))
    from polybius.api.security import hash_key, new_key

    key = new_key()
    with tempfile.TemporaryDirectory(prefix="polybius-load-") as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(str(Path(tmp) / "load.duckdb"), port, hash_key(key))
        try:
            wait_ready(base, proc)
            headers = {"X-API-Key": key}
            t0 = time.perf_counter()
            for i in range(args.seed_docs):
                r = httpx.post(base + "/documents", json=article(i), headers=headers, timeout=300)
                if r.status_code not in (200, 201):
                    raise SystemExit(f"seeding failed: {r.status_code} {r.text[:500]}")
            seed_s = time.perf_counter() - t0
            total = httpx.get(base + "/events", params={"limit": 1}).json()["total"]
            print(f"seeded {args.seed_docs} documents in {seed_s:.1f} s ({total} events); {seconds:g} s per level; "
                  f"server pid {proc.pid} on {base}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

            counter = iter(range(10**6, 10**7))
            actors = ["", "FRA*", "DEU*", "KEN*", "JPN*", "BRA*"]

            async def get_events(client, w, n):
                params = {"limit": 50, "offset": (n * 7) % 100}
                if (w + n) % 3 == 0 and actors[(w + n) % len(actors)]:
                    params["actor"] = actors[(w + n) % len(actors)]
                return await client.get("/events", params=params)

            async def post_document(client, w, n):
                return await client.post("/documents", json=article(next(counter)), headers=headers)

            rows, failed = [], 0
            print(f"{'route':<16} {'clients':>7} {'requests':>9} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7} "
                  f"{'server CPU ms/req':>18}")
            for name, fn in (("GET /events", get_events), ("POST /documents", post_document)):
                for c in levels:
                    cpu0 = cpu_seconds(proc.pid)
                    res = asyncio.run(level(base, c, seconds, fn))
                    cpu1 = cpu_seconds(proc.pid)
                    res["cpu_ms"] = (cpu1 - cpu0) * 1000 / res["requests"] if cpu0 is not None and cpu1 is not None and res["requests"] else float("nan")
                    rows.append((name, c, res))
                    failed += res["errors"]
                    print(f"{name:<16} {c:>7} {res['requests']:>9} {res['rps']:>9.1f} {res['p50']:>9.1f} "
                          f"{res['p99']:>9.1f} {res['errors']:>7} {res['cpu_ms']:>18.1f}" + (f"  first error: {res['first_error']}" if res["errors"] else ""))
            if args.large_words > 0:
                res = asyncio.run(short_posts_during_large(base, headers, args.large_words, seconds, post_document))
                res["cpu_ms"] = float("nan")  # the server's CPU goes mostly to the large document
                failed += res["errors"] + (res["large_status"] >= 300)
                print(f"short POST while one {args.large_words:,}-word document is coded: {res['requests']} requests, "
                      f"p50 {res['p50']:.0f} ms, p99 {res['p99']:.0f} ms, max {res['max']:.0f} ms, errors {res['errors']}; "
                      f"the large document: HTTP {res['large_status']} after {res['large_s']:.1f} s, "
                      f"{res['large_events']} events" + ("" if res["overlapped"] else
                                                         " (finished before the short posts did: use more words)"))
                rows.append((f"POST short-during-{args.large_words // 1000}k-words", 1, res))
            summary = "; ".join(f"{n.split()[0]} {n.split()[1]} x{c}: {r['rps']:.0f} req/s p50 {r['p50']:.0f} ms p99 {r['p99']:.0f} ms "
                                f"max {r['max']:.0f} ms cpu {r['cpu_ms']:.1f} ms/req"
                                for n, c, r in rows)
            print(f"RESULT api_load: {summary}; errors {failed}")
            return 1 if failed else 0
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    sys.exit(main())
