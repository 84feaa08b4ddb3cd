"""Every benchmark in turn (``make bench``), then one table of their figures and goals.

Each benchmark prints its own details as it runs; the table at the end holds the figures
they reported (``benchmarks/_summary.py``), with the machine and its load before and after.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _summary import table  # noqa: E402

BENCHMARKS = ["schedule.py", "ledger.py", "feed.py", "tone.py", "load.py"]


def _load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> int:
    failed = []
    with tempfile.TemporaryDirectory(prefix="twohomes-bench-") as folder:
        rows = os.path.join(folder, "summary.jsonl")
        Path(rows).touch()
        env = {**os.environ, "TWOHOMES_BENCH_SUMMARY": rows}
        before = _load()
        for name in BENCHMARKS:
            print(f"\n== benchmarks/{name}", flush=True)
            if subprocess.run([sys.executable, str(HERE / name)], env=env).returncode:
                failed.append(name)
        print(f"\n== all benchmarks: {os.cpu_count()} CPUs, {platform.processor() or 'CPU'}, "
              f"Python {platform.python_version()}")
        print(f"load before: {before}\nload after:  {_load()}\n")
        print(table(rows))
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
