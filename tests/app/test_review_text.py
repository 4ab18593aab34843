"""The two-week review's words, in both languages: what home, History and `history --summary`
say for made-up histories (no better, worse, better, too short)."""

from __future__ import annotations

from datetime import date

import pytest

from lowback_timer.app.review_text import ReviewText
from lowback_timer.core.content import Content
from lowback_timer.core.review import Verdict, review
from tests.review_histories import EMPTY, FLAT, IMPROVING, SHORT, WORSE, Ratings, records

TODAY = date(2026, 3, 20)

LINES: dict[str, dict[str, str]] = {
    "flat": {
        "en": "No better after two weeks of stretching? Have it checked by your doctor or a "
        "physiotherapist.",
        "ja": "2週間ほど続けても楽にならないときは、医療機関で相談しましょう。",
    },
    "worse": {
        "en": "Your legs feel worse than in your first week: 3 → 6 before a routine. "
        "See your doctor in the next few days.",
        "ja": "最初の週より、脚がつらくなっています（開始前：3 → 6）。数日以内に受診しましょう。",
    },
    "both worse": {
        "en": "Your back and legs feel worse than in your first week: back 4 → 6, legs 3 → 6 "
        "before a routine. See your doctor in the next few days.",
        "ja": "最初の週より、腰も脚もつらくなっています（開始前：腰 4 → 6、脚 3 → 6）。"
        "数日以内に受診しましょう。",
    },
    "improving": {
        "en": "Your back: 6 → 4 before a routine, since your first week. Keep going at your "
        "own pace.",
        "ja": "開始前の腰：6 → 4（最初の週から）。この調子で、無理なく続けましょう。",
    },
    "both better": {
        "en": "Your back: 6 → 4, your legs: 5 → 3.5 before a routine, since your first week. "
        "Keep going at your own pace.",
        "ja": "開始前の腰：6 → 4、脚：5 → 3.5（最初の週から）。この調子で、無理なく続けましょう。",
    },
}
HISTORIES: dict[str, tuple[Ratings, Verdict]] = {
    "flat": (FLAT, Verdict.NO_BETTER),
    "worse": (WORSE, Verdict.WORSE),
    "both worse": ({**WORSE, 1: (6, 6), 0: (6, 7)}, Verdict.WORSE),
    "improving": (IMPROVING, Verdict.BETTER),
    "both better": ({**IMPROVING, 3: (4, 3), 1: (4, 3), 0: (5, 4)}, Verdict.BETTER),
}


@pytest.mark.parametrize("name", HISTORIES)
def test_the_review_line(name: str, lang: str, content: Content) -> None:
    ratings, verdict = HISTORIES[name]
    result = review(records(ratings, TODAY), TODAY)
    assert result.verdict is verdict
    words = ReviewText()
    assert words.line(result, content, lang) == LINES[name][lang]
    assert words.said(result, content, lang) == LINES[name][lang]


NOT_ENOUGH = {
    "en": "Not enough history yet for the two-week review: it comes 14 days after your first "
    "rated routine, once you have done 6 routines.",
    "ja": "2週間のふり返りには、まだ記録が足りません。感じ方を記録した最初のルーティンから"
    "14日たち、6回以上行うと表示されます。",
}
SO_FAR = {"en": " So far: 5 days and 3 routines.", "ja": "（これまで：5日経過、3回）"}
ONE_SO_FAR = {"en": " So far: 1 day and 1 routine.", "ja": "（これまで：1日経過、1回）"}


def test_too_short_says_what_is_needed_and_how_far(lang: str, content: Content) -> None:
    words = ReviewText()
    empty = review(records(EMPTY, TODAY), TODAY)
    assert words.line(empty, content, lang) == ""
    assert words.said(empty, content, lang) == NOT_ENOUGH[lang]
    short = review(records(SHORT, TODAY), TODAY)
    assert words.line(short, content, lang) == ""
    assert words.said(short, content, lang) == NOT_ENOUGH[lang] + SO_FAR[lang]
    one = review(records({1: (5, 5)}, TODAY), TODAY)
    assert words.said(one, content, lang) == NOT_ENOUGH[lang] + ONE_SO_FAR[lang]


def test_long_enough_without_recent_ratings_says_what_it_compares(
    lang: str, content: Content
) -> None:
    ratings = {**FLAT, 2: (None, None), 1: (None, None), 0: (None, None)}
    result = review(records(ratings, TODAY), TODAY)
    assert result.verdict is Verdict.NOT_ENOUGH
    said = ReviewText().said(result, content, lang)
    assert said.startswith(
        {"en": "Not enough ratings yet", "ja": "2週間のふり返りには、まだ感じ方の記録"}[lang]
    )
    assert ("7 days" if lang == "en" else "直近7日間") in said


def test_the_summary_lines(lang: str, content: Content) -> None:
    result = review(records(IMPROVING, TODAY), TODAY)
    assert (
        ReviewText().summary(result, content, lang)
        == {
            "en": [
                "Days with a routine in the last 14 days: 3",
                "Back before a routine (median, 0 to 10): first week 6, last 7 days 4",
                "Legs before a routine (median, 0 to 10): first week 5, last 7 days 5",
                LINES["improving"]["en"],
            ],
            "ja": [
                "直近14日間でルーティンをした日：3日",
                "開始前の腰（0〜10の中央値）：最初の週 6、直近7日間 4",
                "開始前の脚（0〜10の中央値）：最初の週 5、直近7日間 5",
                LINES["improving"]["ja"],
            ],
        }[lang]
    )
