"""Fairness of the review desk on loopback: starts `fazhi-lint serve` on 127.0.0.1 (a free port, its
own empty temporary folder), sends two uploads of a big .docx (PARAGRAPHS paragraphs, made here),
and while they run sends SMALL uploads of a one-page draft one after another; prints the wait of
each kind (p50, p95, max) and the server's peak memory, and checks that no file is left once the
server has stopped. Bounded: every request and the whole run have time limits; nothing but
127.0.0.1 is contacted.

    python bench/serve_fairness.py [--paragraphs 5000] [--small 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import docx
import httpx2 as httpx
from load_serve import memory_mb, percentile, start_server, stop_server

REQUEST_SECONDS = 600
RUN_SECONDS = 900
BIG_GRACE = 300
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SMALL_DRAFT = ("海淀区统计局\n\n2022年法治政府建设年度报告\n\n一、2022年推进法治政府建设的主要举措和成效\n"
               "（一）健全制度。全年修订统计执法制度三项，开展法制宣传五次。\n"
               "二、存在的不足和原因\n基层执法力量不足。\n三、2023年推进法治政府建设的主要安排\n继续完善制度。\n")


def big_docx(path: Path, paragraphs: int) -> None:
    """A long draft with a slip in every tenth paragraph."""
    document = docx.Document()
    document.add_paragraph("海淀区统计局")
    document.add_paragraph("2022年法治政府建设年度报告")
    for number in range(paragraphs):
        slip = "截止年底完成近90余件" if number % 10 == 0 else "年底前完成90余件"
        document.add_paragraph(f"（{number % 9 + 1}）加强统计执法，开展检查{number}次，{slip}。")
    document.save(path)


async def upload(client: httpx.AsyncClient, url: str, name: str, data: bytes, media_type: str) -> float:
    """Seconds until the whole result page has arrived (its wait included)."""
    started = time.perf_counter()
    response = await client.post(url + "check", files=[("files", (name, data, media_type))])
    if response.status_code != 200 or 'id="done">检查完成' not in response.text:
        raise AssertionError(f"{name}: status {response.status_code}, page incomplete")
    return time.perf_counter() - started


async def run(url: str, big: bytes, small: int) -> tuple[list[float], list[float], int]:
    """(the small uploads' waits, the big ones' that finished, how many big ones were still running
    when the small ones were done and BIG_GRACE more seconds had passed: those are cancelled)."""
    async with httpx.AsyncClient(timeout=REQUEST_SECONDS) as client:
        bigs = [asyncio.create_task(upload(client, url, f"长稿{n}.docx", big, DOCX)) for n in range(2)]
        await asyncio.sleep(1.0)  # both big uploads are being checked
        waits = []
        for _ in range(small):
            waits.append(await upload(client, url, "短稿.txt", SMALL_DRAFT.encode(), "text/plain"))
            if all(task.done() for task in bigs):
                break
        await asyncio.wait(bigs, timeout=BIG_GRACE)
        for task in bigs:
            task.cancel()
        finished = [task.result() for task in bigs if task.done() and not task.cancelled()]
        return waits, finished, len(bigs) - len(finished)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--small", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-fair-") as work, tempfile.TemporaryDirectory(prefix="desk-tmp-") as temp_dir:
        big_path = Path(work) / "big.docx"
        big_docx(big_path, args.paragraphs)
        size = big_path.stat().st_size
        server, url = start_server(temp_dir)
        try:
            waits, bigs, unfinished = asyncio.run(asyncio.wait_for(run(url, big_path.read_bytes(), args.small), RUN_SECONDS))
            _, peak = memory_mb(server.pid)
        finally:
            stop_server(server)
        left = [os.path.join(d, n) for d, dirs, files in os.walk(temp_dir) for n in dirs + files]
    print(f"two uploads of a {args.paragraphs:,}-paragraph .docx ({size / 1024:.0f} KB) "
          f"and {len(waits)} one-page drafts sent one after another meanwhile")
    print(f"{'upload':<22} {'n':>3} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for label, values in (("one-page draft", waits), (f"{args.paragraphs}-paragraph .docx", bigs)):
        if values:
            print(f"{label:<22} {len(values):>3} {percentile(values, .5):>7.2f} {percentile(values, .95):>7.2f} {max(values):>7.2f}")
    if unfinished:
        print(f"{unfinished} big upload(s) still running {BIG_GRACE} s after the last small one: cancelled")
    print(f"server peak RSS {peak:.0f} MB; files left after it stopped: {len(left)}")
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main())
