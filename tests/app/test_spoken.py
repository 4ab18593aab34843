"""What the timer says aloud: readings in kana for Japanese (espeak-ng reads kanji as "Chinese
letter"), and every cue short enough for its phase. No speech engine is needed: the texts
themselves are checked, through the real translations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lowback_timer.app.speech import japanese_voice_is_basic
from lowback_timer.app.text import SpokenCues
from lowback_timer.core.breathing import Breath
from lowback_timer.core.content import Content, Move
from lowback_timer.core.routine import Phase, Step
from lowback_timer.core.schema import Reading, Report
from lowback_timer.core.settings import limits
from lowback_timer.core.spoken import is_kana, morae, speaking_s
from lowback_timer.core.yamlsafe import LineMap


def shortest_phases(content: Content) -> dict[Phase, float]:
    """The shortest each phase can be: the get-ready at the least Preferences allows, the
    switch of the quickest variant, the content's rest, the shortest hold."""
    dose = content.dose
    switches = [v.switch_s for s in content.stretches for v in s.variants if v.switch_s]
    return {
        Phase.PREPARE: min(limits("prepare_s")[0], dose.prepare_s),
        Phase.SWITCH: min([dose.switch_s, *switches]),
        Phase.REST: dose.rest_s,
        Phase.HOLD: min(s.hold_s[0] for s in content.stretches),
    }


def every_cue(content: Content, lang: str) -> Iterator[tuple[Phase, str]]:
    """Every phase cue the timer can say in `lang`: each stretch and move, phase and side."""
    cues = SpokenCues()
    for stretch in (*content.stretches, *content.moves):
        variant = stretch.variants[0].id
        sides = ("right", "left") if stretch.both_sides else (None,)
        rep_s = stretch.rep_s if isinstance(stretch, Move) else 0
        for phase in Phase:
            for side in sides:
                paced = rep_s if phase is Phase.HOLD else 0
                step = Step(phase, stretch.id, variant, side, 10, 1, 1, False, paced)
                yield phase, cues.phase(content, lang, step)


def test_the_rates_count_morae_and_words() -> None:
    assert morae("じゅんび。ふとももうらの ストレッチ") == 15  # じゅ is one mora, ッ one
    assert morae("キープ") == 3 and morae("きゅうけい") == 4
    assert speaking_s("ちょっと", "ja") == pytest.approx(3 / 7)
    assert speaking_s("Get ready: Calf stretch", "en") == pytest.approx(4 / 2.5)
    assert morae("右") == 2  # a kanji left in is counted, not ignored


def test_what_is_kana() -> None:
    assert is_kana("こかんせつの まえがわの ストレッチ、キープ。")
    assert not is_kana("股関節") and not is_kana("みぎ（右）") and not is_kana("in")
    assert not is_kana("")


@pytest.mark.parametrize("lang", ["ja"], indirect=True)
def test_every_spoken_japanese_text_is_kana(content: Content, lang: str) -> None:
    cues = [text for _, text in every_cue(content, "ja")]
    words = [SpokenCues().breath(b) for b in Breath]
    assert "じゅんび。こかんせつの まえがわの ストレッチ" in cues and words == ["すって", "はいて"]
    assert [text for text in cues + words if not is_kana(text)] == []
    assert "じゅんび。かかとあげ" in cues and "ゆっくり はじめます" in cues  # (a move)
    for stretch in (*content.stretches, *content.moves):  # a name said as written: kana
        assert is_kana(stretch.spoken("ja")), stretch.id


def test_every_cue_fits_the_shortest_phase_it_begins(content: Content, lang: str) -> None:
    shortest = shortest_phases(content)
    too_long = [
        (phase.value, text, round(speaking_s(text, lang), 1), shortest[phase])
        for phase, text in every_cue(content, lang)
        if speaking_s(text, lang) > shortest[phase]
    ]
    assert too_long == []
    assert shortest[Phase.PREPARE] == 3  # (the Preferences' least get-ready)


def test_breath_words_fit_the_shortest_breath(lang: str) -> None:
    shortest = min(limits("breath_in_s")[0], limits("breath_out_s")[0])
    words = [SpokenCues().breath(b) for b in Breath]
    assert all(0 < speaking_s(word, lang) <= shortest / 2 for word in words), words


def test_a_reading_is_checked_for_kana() -> None:
    report = Report("stretches.yaml", {"language": ("en", "ja")})
    value = LineMap(7)
    value["ja"], value.lines["ja"] = "股関節のストレッチ", 8
    assert Reading().read(report, value, 7, "stretches[1].spoken_name") is not None
    assert [str(e) for e in report.errors] == [
        "stretches.yaml:8: stretches[1].spoken_name.ja must be a reading in kana (hiragana, "
        "katakana, ー, 、。 and spaces), not '股関節のストレッチ'"
    ]
    report = Report("stretches.yaml", {"language": ("en", "ja")})
    value["ja"] = "こかんせつの ストレッチ"
    assert Reading().read(report, value, 7, "x") == (("ja", "こかんせつの ストレッチ"),)
    assert report.errors == []


def test_japanese_speech_is_basic_only_where_speech_dispatcher_has_no_open_jtalk(
    tmp_path: Path,
) -> None:
    modules = tmp_path / "speech-dispatcher-modules"
    modules.mkdir()
    (modules / "sd_espeak-ng").touch()
    folders = [str(tmp_path / "missing"), str(modules)]
    assert japanese_voice_is_basic("linux", folders)
    (modules / "sd_openjtalk").touch()
    assert not japanese_voice_is_basic("linux", folders)
    assert not japanese_voice_is_basic("win32", []) and not japanese_voice_is_basic("darwin", [])
