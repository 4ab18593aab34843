"""What spoken cues may be: readings in kana for Japanese, and how long a text takes to say.

Japanese is said from a reading in kana kept beside the written text (the content's
`spoken_name`, the .ts's `SpokenCues`): espeak-ng, the Japanese voice a Debian user gets, reads
every kanji as "Chinese letter". A cue must also end before its phase does, or the next cue cuts
it off: `speaking_s` estimates its length at an unhurried rate.
"""

from __future__ import annotations

import re

#: Languages whose spoken texts are readings in kana (checked by `lowback-timer check`).
KANA_LANGUAGES = frozenset({"ja"})
#: What a reading may hold: hiragana, katakana, ー, 、。 and spaces (ideographic ones too).
_KANA_ONLY = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc、。 \u3000]+")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")
#: Small kana that join the kana before them into one mora (きゃ, ティ); small っ/ッ count.
_SMALL = frozenset("ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ")
#: Speaking rates at which a cue is understood, a little slower than conversation.
MORAE_PER_S = 7.0
WORDS_PER_S = 2.5


def is_kana(text: str) -> bool:
    """Whether `text` is a reading espeak-ng can say: kana, ー, 、。 and spaces only."""
    return bool(_KANA_ONLY.fullmatch(text))


def morae(text: str) -> int:
    """The morae of a Japanese text: its kana and ー, small ゃゅょ (not っ) joined to the one
    before; any other character (a kanji left in) counts two."""
    count = 0
    for char in text:
        if _KANA.match(char):
            count += char not in _SMALL
        elif not char.isspace() and char not in "、。・：:,.!?！？…":
            count += 2
    return count


def speaking_s(text: str, lang: str) -> float:
    """About how long a voice takes to say `text`: 7 morae a second in Japanese, 2.5 words a
    second otherwise."""
    if lang in KANA_LANGUAGES:
        return morae(text) / MORAE_PER_S
    return len(text.split()) / WORDS_PER_S
