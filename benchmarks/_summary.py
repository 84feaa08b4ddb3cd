"""The figures each benchmark adds to the one table that ``make bench`` ends with.

A benchmark calls ``report(...)`` beside what it prints; ``benchmarks/all.py`` sets
``TWOHOMES_BENCH_SUMMARY`` to a file, runs every benchmark and prints the table from it.
Run alone, a benchmark only prints.
"""

from __future__ import annotations

import json
import os


def report(benchmark: str, figure: str, measured: str, goal: str = "",
           met: bool | None = None) -> None:
    """One row: what was measured, in words, against its goal (``met`` None: no goal)."""
    path = os.environ.get("TWOHOMES_BENCH_SUMMARY")
    if not path:
        return
    row = {"benchmark": benchmark, "figure": figure, "measured": measured, "goal": goal,
           "met": met}
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")


def table(path: str) -> str:
    """The rows reported to ``path`` as one Markdown table."""
    lines = ["| benchmark | figure | measured | goal | met |", "| --- | --- | --- | --- | --- |"]
    with open(path, encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            met = {True: "yes", False: "**no**", None: "–"}[row["met"]]
            lines.append(f"| {row['benchmark']} | {row['figure']} | {row['measured']} | "
                         f"{row['goal'] or '–'} | {met} |")
    return "\n".join(lines)
