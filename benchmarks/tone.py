"""Tone analysis against the labelled messages in ``tests/data/tone_cases.jsonl``.

For each half of the file (development, used to tune the rules; test, written and
committed before any rule existed and never used to tune them) it prints: the recall of
heated and hostile messages (rated heated or hostile), the false alarms on calm and firm
ones (rated heated or hostile), each kind's precision and recall, and the median and
99th-percentile time per message. Beside them, the same figures for ``alt-profanity-check``
alone (a message is an alarm when its probability is at least one half), the baseline a
quick implementation would use. Goals on the test half: recall >= 0.90, false alarms
<= 0.05, recall at least 0.25 above the baseline's at no more false alarms than it; median
<= 5 ms and p99 <= 20 ms per message.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _summary import report  # noqa: E402

from twohomes.core.tone import Kind, Level, analyze  # noqa: E402
from twohomes.core.tone.profanity import word_model  # noqa: E402

CASES = HERE.parent / "tests" / "data" / "tone_cases.jsonl"
ALARM = {"heated", "hostile"}


def load(split: str | None) -> list[dict[str, object]]:
    with open(CASES, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [row for row in rows if split is None or row["split"] == split]


def rates(labels: list[bool], alarms: list[bool]) -> tuple[float, float]:
    """(recall of the labelled alarms, false alarms among the rest)."""
    hits = sum(1 for label, alarm in zip(labels, alarms, strict=True) if label and alarm)
    false = sum(1 for label, alarm in zip(labels, alarms, strict=True) if not label and alarm)
    positives = sum(labels)
    return hits / positives, false / (len(labels) - positives)


def evaluate(rows: list[dict[str, object]], verbose: bool) -> dict[str, float]:
    model = word_model()
    labels = [row["level"] in ALARM for row in rows]
    ours, baseline, times = [], [], []
    kind_counts = {kind: [0, 0, 0] for kind in Kind}  # true positives, found, labelled
    for row in rows:
        text = str(row["text"])
        started = time.perf_counter()
        analysis = analyze(text, "en")
        times.append((time.perf_counter() - started) * 1000)
        assert analysis.level is not None
        ours.append(analysis.level >= Level.HEATED)
        baseline.append(model.probability(text) >= 0.5)
        found = set(analysis.kinds)
        labelled = {Kind(k) for k in row["kinds"]}  # type: ignore[attr-defined]
        for kind in Kind:
            kind_counts[kind][0] += kind in found and kind in labelled
            kind_counts[kind][1] += kind in found
            kind_counts[kind][2] += kind in labelled
        if verbose and (ours[-1] != labels[-1] or found != labelled):
            print(f"  {row['id']} {row['level']:>7} -> {analysis.level.code:<7} "
                  f"labelled {sorted(k.value for k in labelled)} found "
                  f"{sorted(k.value for k in found)}\n      {text}")
    recall, false_alarms = rates(labels, ours)
    base_recall, base_false = rates(labels, baseline)
    times.sort()
    print(f"  {len(rows)} messages ({sum(labels)} heated or hostile)")
    print(f"  {'':34} {'TwoHomes':>9} {'profanity-check alone':>22}")
    print(f"  {'recall of heated + hostile':34} {recall:9.3f} {base_recall:22.3f}")
    print(f"  {'false alarms on calm + firm':34} {false_alarms:9.3f} {base_false:22.3f}")
    print(f"  {'kind':20} {'precision':>9} {'recall':>7} {'labelled':>8}")
    for kind, (hit, found_n, labelled_n) in kind_counts.items():
        precision = hit / found_n if found_n else float("nan")
        kind_recall = hit / labelled_n if labelled_n else float("nan")
        print(f"  {kind.value:20} {precision:9.2f} {kind_recall:7.2f} {labelled_n:8}")
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"  time per message: median {median:.3f} ms, p99 {p99:.3f} ms")
    return {"recall": recall, "false": false_alarms, "base_recall": base_recall,
            "base_false": base_false, "median": median, "p99": p99}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], help="only this half")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    started = time.perf_counter()
    word_model()
    print(f"profanity model read in {time.perf_counter() - started:.2f} s (once per process)")
    figures = {}
    for split in ([args.split] if args.split else ["dev", "test"]):
        print(f"\n{split} half:")
        figures[split] = evaluate(load(split), args.verbose)
    if "test" not in figures:
        return
    test = figures["test"]
    report("tone", "recall of heated + hostile, test half", f"{test['recall']:.3f} "
           f"(profanity-check alone {test['base_recall']:.3f})", ">= 0.90",
           test["recall"] >= 0.90)
    report("tone", "false alarms on calm + firm, test half", f"{test['false']:.3f} "
           f"(profanity-check alone {test['base_false']:.3f})", "<= 0.05",
           test["false"] <= 0.05)
    report("tone", "recall above profanity-check alone, test half",
           f"+{test['recall'] - test['base_recall']:.3f}", ">= +0.25 at no more false alarms",
           test["recall"] - test["base_recall"] >= 0.25 and test["false"] <= test["base_false"])
    if "dev" in figures:
        dev = figures["dev"]
        report("tone", "development half: recall, false alarms",
               f"{dev['recall']:.3f}, {dev['false']:.3f}", "", None)
    slowest = max(figures.values(), key=lambda f: f["p99"])
    report("tone", "time per message, median and p99",
           f"{slowest['median']:.2f} ms, {slowest['p99']:.2f} ms", "<= 5 ms, <= 20 ms",
           slowest["median"] <= 5 and slowest["p99"] <= 20)


if __name__ == "__main__":
    main()
