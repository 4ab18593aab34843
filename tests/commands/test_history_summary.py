"""`lowback-timer history --summary [--json]`: the two-week review on the command line, on an
empty, a short, a flat, an improving and a worse history, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lowback_timer.core.history import FILE_NAME
from tests.cli import run
from tests.review_histories import EMPTY, FLAT, IMPROVING, SHORT, WORSE, Ratings, write_history


def summary(
    capsys: pytest.CaptureFixture[str], data_home: Path, ratings: Ratings, *options: str
) -> tuple[int, str, str]:
    if ratings:
        write_history(data_home / FILE_NAME, ratings)
    return run(capsys, "history", "--summary", *options)


NOT_YET = (
    "Not enough history yet for the two-week review: it comes 14 days after your first "
    "rated routine, once you have done 6 routines."
)


def test_an_empty_history_is_not_enough_yet(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    assert summary(capsys, data_home, EMPTY, "--lang", "en") == (
        0,
        f"Days with a routine in the last 14 days: 0\n{NOT_YET}\n",
        "",
    )
    assert not (data_home / FILE_NAME).exists()  # reading makes nothing


RECENT = {
    "en": "Days with a routine in the last 14 days: 3",
    "ja": "直近14日間でルーティンをした日：3日",
}
TEXTS: dict[str, tuple[Ratings, str, list[str]]] = {
    "short": (SHORT, "en", [RECENT["en"], f"{NOT_YET} So far: 5 days and 3 routines."]),
    "flat": (
        FLAT,
        "ja",
        [
            RECENT["ja"],
            "開始前の腰（0〜10の中央値）：最初の週 5、直近7日間 5",
            "開始前の脚（0〜10の中央値）：最初の週 4、直近7日間 4",
            "2週間ほど続けても楽にならないときは、医療機関で相談しましょう。",
        ],
    ),
    "improving": (
        IMPROVING,
        "en",
        [
            RECENT["en"],
            "Back before a routine (median, 0 to 10): first week 6, last 7 days 4",
            "Legs before a routine (median, 0 to 10): first week 5, last 7 days 5",
            "Your back: 6 → 4 before a routine, since your first week. Keep going at your own "
            "pace.",
        ],
    ),
    "worse": (
        WORSE,
        "en",
        [
            RECENT["en"],
            "Back before a routine (median, 0 to 10): first week 4, last 7 days 4",
            "Legs before a routine (median, 0 to 10): first week 3, last 7 days 6",
            "Your legs feel worse than in your first week: 3 → 6 before a routine. "
            "See your doctor in the next few days.",
        ],
    ),
}


@pytest.mark.parametrize("name", TEXTS)
def test_the_summary_as_text(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path, name: str
) -> None:
    """A short history: not enough yet (exit 0); flat (in Japanese), improving, worse."""
    ratings, lang, lines = TEXTS[name]
    code, out, err = summary(capsys, data_home, ratings, "--lang", lang)
    assert (code, err) == (0, "")
    assert out.splitlines() == lines


@pytest.mark.parametrize(
    ("name", "ratings", "verdict", "first", "last"),
    [
        ("empty", EMPTY, "not_enough", {"back": None, "legs": None}, {"back": None, "legs": None}),
        ("short", SHORT, "not_enough", {"back": 6, "legs": 5}, {"back": 6, "legs": 5}),
        ("flat", FLAT, "no_better", {"back": 5, "legs": 4}, {"back": 5, "legs": 4}),
        ("improving", IMPROVING, "better", {"back": 6, "legs": 5}, {"back": 4, "legs": 5}),
    ],
)
def test_json(
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    data_home: Path,
    name: str,
    ratings: Ratings,
    verdict: str,
    first: dict[str, int | None],
    last: dict[str, int | None],
) -> None:
    code, out, err = summary(capsys, data_home, ratings, "--json", "--lang", "en")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert found["verdict"] == verdict
    assert found["median_before"] == {"first_week": first, "last_week": last}
    assert found["days_with_a_routine_in_the_last_14"] == (0 if name == "empty" else 3)
    assert found["routines"] == len(ratings)
    assert found["thresholds"] == {"days": 14, "routines": 6, "worse_by": 2}
    assert found["better"] == (["back"] if name == "improving" else [])
    assert found["line"].startswith(
        {
            "empty": NOT_YET,
            "short": NOT_YET,
            "flat": "No better after two weeks",
            "improving": "Your back: 6 → 4",
        }[name]
    )


def test_json_in_japanese(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    code, out, _err = summary(capsys, data_home, WORSE, "--json", "--lang", "ja")
    found = json.loads(out)
    assert (code, found["verdict"], found["worse"]) == (0, "worse", ["legs"])
    assert (
        found["line"]
        == "最初の週より、脚がつらくなっています（開始前：3 → 6）。数日以内に受診しましょう。"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--json"], "--json goes with --summary"),
        (["--summary", "-o", "x.txt"], "-o goes with --csv"),
        (["--summary", "--csv"], "not allowed with argument"),
    ],
)
def test_options_that_do_not_go_together_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "history", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err
