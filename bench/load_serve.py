"""Load test of the review desk on loopback: starts `fazhi-lint serve` on 127.0.0.1 (a free port,
its own empty temporary folder), sends WAVES waves of CONCURRENT simultaneous uploads of a seed,
checks every answer (status, the page complete, its JSON download equal to the pipeline's own
result, the reviewed .docx present), prints latency percentiles and the server's memory after each
wave, checks the server kept no file, and stops the server. Bounded: every request and the whole
run have time limits; nothing but 127.0.0.1 is contacted.

    python bench/load_serve.py [--concurrent 50] [--waves 3] [--seed seeds/000_c8eddf8a4fb2ca4f.txt]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.engine.batch import Options, check_file
from checker.reporters.json import as_dict

REQUEST_SECONDS = 120
RUN_SECONDS = 600
MAX_PEAK_RSS_MB = 600  # the server's peak resident memory must stay under this


def start_server(temp_dir: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, TMPDIR=temp_dir, PYTHONUNBUFFERED="1")
    server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    assert server.stdout is not None
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            return server, found.group(0)
        if server.poll() is not None:
            break
    server.kill()
    raise SystemExit("the desk did not start")


def stop_server(server: subprocess.Popen) -> None:
    """As Ctrl-C stops it (the desk cleans its temporary folder on the way out), killed if it hangs."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def memory_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of the process, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def json_download(page: str) -> dict:
    found = re.search(r'download="fazhi-lint\.json" data-type="[^"]+" data-base64="([^"]*)"', page)
    if not found:
        raise AssertionError("no JSON download in the page")
    return json.loads(base64.b64decode(found.group(1)))


def problems(page: str, status: int, expected: dict, seed: Path) -> list[str]:
    found = []
    if status != 200:
        found.append(f"status {status}")
    if 'id="done">检查完成' not in page:
        found.append("page incomplete")
    if f'download="{html.escape(seed.stem)}.reviewed.docx"' not in page:
        found.append("no reviewed .docx")
    try:
        if json_download(page) != expected:
            found.append("JSON differs from the pipeline's")
    except (AssertionError, ValueError) as error:
        found.append(str(error))
    return found


async def one_upload(client: httpx.AsyncClient, url: str, seed: Path) -> tuple[float, float, str, int]:
    """(seconds to the first byte of the page, seconds to the whole page, the page, status)."""
    started = time.perf_counter()
    files = [("files", (seed.name, seed.read_bytes(), "text/plain"))]
    async with client.stream("POST", url + "check", files=files) as response:
        chunks = response.aiter_text()
        first = await anext(chunks, "")
        first_byte = time.perf_counter() - started
        page = first + "".join([chunk async for chunk in chunks])
    return first_byte, time.perf_counter() - started, page, response.status_code


async def wave(url: str, seed: Path, concurrent: int) -> list[tuple[float, float, str, int] | BaseException]:
    limits = httpx.Limits(max_connections=concurrent, max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=REQUEST_SECONDS, limits=limits) as client:
        return await asyncio.gather(*(one_upload(client, url, seed) for _ in range(concurrent)), return_exceptions=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def run(url: str, pid: int, seed: Path, concurrent: int, waves: int) -> bool:
    result = check_file(str(seed), Options(no_config=True))
    result.path = seed.name
    expected = as_dict([result])
    ok = True
    print(f"{'wave':>4} {'sent':>5} {'correct':>7} {'lost':>5} {'1st byte p95 s':>14} {'p50 s':>7} {'p95 s':>7} "
          f"{'max s':>7} {'RSS MB':>7} {'peak MB':>8}")
    for number in range(1, waves + 1):
        answers = await wave(url, seed, concurrent)
        lost = [a for a in answers if isinstance(a, BaseException)]
        done = [a for a in answers if not isinstance(a, BaseException)]
        bad = [(page, found) for _, _, page, status in done if (found := problems(page, status, expected, seed))]
        first_bytes, latencies = [a[0] for a in done], [a[1] for a in done]
        rss, peak = memory_mb(pid)
        print(f"{number:>4} {len(answers):>5} {len(done) - len(bad):>7} {len(lost):>5} {percentile(first_bytes, .95):>14.2f} "
              f"{percentile(latencies, .5):>7.2f} {percentile(latencies, .95):>7.2f} {max(latencies):>7.2f} {rss:>7.0f} {peak:>8.0f}")
        for problem in sorted({p for _, found in bad for p in found} | {f"lost: {type(e).__name__}" for e in lost}):
            print(f"     problem: {problem}")
        ok = ok and not bad and not lost and peak < MAX_PEAK_RSS_MB
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--waves", type=int, default=3)
    parser.add_argument("--seed", type=Path, default=ROOT / "seeds" / "000_c8eddf8a4fb2ca4f.txt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-load-") as temp_dir:
        server, url = start_server(temp_dir)
        try:
            rss, _ = memory_mb(server.pid)
            print(f"desk at {url} (pid {server.pid}), {rss:.0f} MB at start; {args.waves} waves of {args.concurrent} "
                  f"simultaneous uploads of {args.seed.name}")
            ok = asyncio.run(asyncio.wait_for(run(url, server.pid, args.seed, args.concurrent, args.waves), RUN_SECONDS))
            left = [name for _, _, files in os.walk(temp_dir) for name in files]
            print(f"files left in the server's temporary folder: {len(left)}")
            ok = ok and not left
        finally:
            stop_server(server)
        folders = os.listdir(temp_dir)
        print(f"folders left once the server stopped: {len(folders)}")
        ok = ok and not folders
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
