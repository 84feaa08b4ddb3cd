"""The ``twohomes schedule`` command line: every command, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from twohomes.core.schedule.cli import main

from .conftest import plan_dict

PATTERN = ["--pattern", "2-2-5-5", "--start", "2026-01-05", "--tz", "America/New_York"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    data = plan_dict({"pattern": "2-2-5-5", "start": "2026-01-05"}, country="US",
                     holidays=[{"name": "Christmas", "kind": "public",
                                "holidays": ["Christmas Day"], "assign": {"even": "A",
                                                                          "odd": "B"}}])
    data["parents"] = {"A": "Maya", "B": "Daniel"}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    return path


def test_stats_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["stats", *PATTERN, "--from", "2026-01-05", "--to", "2026-02-01",
                          "--json"], capsys)
    assert (code, err) == (0, "")
    child = json.loads(out)["children"]["child"]
    assert child["exchanges"] == 8
    a = child["parents"]["A"]
    assert {"overnights", "hours", "percent_time", "percent_overnights", "longest_stretch_days",
            "longest_away_days"} <= set(a)
    assert (a["overnights"], a["percent_time"], a["longest_stretch_days"]) == (14, 50.0, 5.0)


def test_stats_text_from_a_plan_file(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["stats", "--spec", str(plan_file), "--from", "2026-01-01",
                        "--to", "2026-12-31"], capsys)
    assert code == 0
    assert "Emma: 365 nights" in out and "A (Maya)" in out and "exchanges:" in out


def test_stats_first_parent_and_exchange_time(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["stats", "--pattern", "every-other-weekend", "--start", "2026-01-05",
            "--first-parent", "B", "--exchange-time", "17:30", "--from", "2026-01-05",
            "--to", "2026-01-18", "--json"]
    code, out, _ = run(argv, capsys)
    parents = json.loads(out)["children"]["child"]["parents"]
    assert (code, parents["B"]["overnights"], parents["A"]["overnights"]) == (0, 12, 2)


def test_calendar_prints_a_month_grid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["calendar", "--pattern", "every-other-weekend", "--start",
                        "2026-01-05", "--month", "2026-03"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert "  6 B*   7 B    8 A*" in out
    assert " 31 A " in out


def test_exchanges_list_with_offsets_and_rules(plan_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["exchanges", "--spec", str(plan_file), "--from", "2026-12-20",
                        "--to", "2026-12-27", "--json"], capsys)
    assert code == 0
    rows = json.loads(out)["exchanges"]
    assert {"at": "2026-12-25T00:00-05:00", "child": "emma", "from": "B", "to": "A",
            "rule": "holiday: Christmas (Christmas Day 2026-12-25, even year)",
            "level": "holiday"} in rows
    code, out, _ = run(["exchanges", *PATTERN, "--from", "2026-03-07", "--to", "2026-03-12"],
                       capsys)
    assert "2026-03-11 Wed 18:00 -0400  child      A -> B  base: 2-2-5-5" in out


def test_compare_shows_both_and_the_difference(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for name, pattern in (("a", "every-other-weekend"), ("b", "2-2-5-5")):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(plan_dict({"pattern": pattern, "start": "2026-01-05"})))
        paths.append(str(path))
    code, out, _ = run(["compare", *paths, "--from", "2026-01-05", "--to", "2026-02-01",
                        "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["a"]["children"]["emma"]["parents"]["B"]["overnights"] == 4
    assert result["b"]["children"]["emma"]["parents"]["B"]["overnights"] == 14
    assert result["difference"]["emma"]["parents"]["B"]["overnights"] == 10
    assert result["difference"]["emma"]["parents"]["A"]["percent_overnights"] == -35.71
    code, out, _ = run(["compare", *paths, "--from", "2026-01-05", "--to", "2026-02-01"],
                       capsys)
    assert "B overnights" in out and "+10" in out


def test_patterns_lists_every_template(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["patterns"], capsys)
    names = [line.split()[0] for line in out.splitlines()]
    assert code == 0
    assert {"alternating-weeks", "2-2-3", "2-2-5-5", "3-4-4-3", "5-2-2-5", "5-2", "4-3",
            "every-other-weekend", "every-other-weekend-monday", "sole"} <= set(names)


BAD: list[tuple[list[str], str]] = [
    (["stats", "--pattern", "9-9", "--start", "2026-01-05", "--from", "2026-01-01",
      "--to", "2026-02-01"], "unknown pattern '9-9'"),
    (["stats", "--pattern", "2-2-3", "--from", "2026-01-01", "--to", "2026-02-01"],
     "--pattern needs --start"),
    (["stats", *PATTERN, "--from", "2026-02-01", "--to", "2026-01-01"], "before --from"),
    (["stats", *PATTERN, "--from", "2026-13-01", "--to", "2026-12-01"], "is not a date"),
    (["stats", *PATTERN[:4], "--tz", "Nowhere/Land", "--from", "2026-01-01",
      "--to", "2026-02-01"], "unknown time zone"),
    (["stats", *PATTERN, "--exchange-time", "9pm", "--from", "2026-01-01",
      "--to", "2026-02-01"], "is not a time"),
    (["stats", "--spec", "missing.json", "--from", "2026-01-01", "--to", "2026-02-01"],
     "cannot read plan file"),
    (["stats", *PATTERN], "required: --from, --to"),
    (["calendar", *PATTERN, "--month", "March"], "is not a month"),
    (["exchanges", "--from", "2026-01-01", "--to", "2026-02-01"], "one of the arguments"),
    (["stats", *PATTERN, "--from", "2026-01-01", "--to", "2026-02-01",
      "--exclude-third-party"], "no third_party"),
    (["frobnicate"], "invalid choice"),
    ([], "required"),
]


@pytest.mark.parametrize(("argv", "message"), BAD)
def test_bad_input_gives_one_line_and_status_2(argv: list[str], message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("twohomes schedule: error: ")
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["{not json", json.dumps({"timezone": "UTC"}),
                                     json.dumps([1, 2])])
def test_bad_plan_files(content: str, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, _, err = run(["stats", "--spec", str(path), "--from", "2026-01-01",
                        "--to", "2026-02-01"], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith("twohomes schedule: error: ")


def test_module_runs_as_a_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twohomes.core.schedule.cli", "stats", "--pattern", "nope",
         "--start", "2026-01-05", "--from", "2026-01-01", "--to", "2026-01-02"],
        capture_output=True, text=True, check=False, cwd=Path(__file__).parents[3])
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("twohomes schedule: error: unknown pattern 'nope'")


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "stats" in out




def test_an_internal_error_is_still_one_line(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from twohomes.core.schedule import cli

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "plan_stats", broken)
    code, out, err = run(["stats", *PATTERN, "--from", "2026-01-01", "--to", "2026-01-02"],
                         capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("twohomes schedule: error: internal error (RuntimeError: boom)")
