"""Each spoken cue of a recording made by tools/record_spoken_cues.sh: when it sounded, for how
long, and how much time was left before the next cue.

    python3 tools/spoken_segments.py OUT_DIR

The recording (16 kHz mono) is cut where its level stays under a threshold for 0.35 s (the
pauses inside one cue are shorter), and aligned on the beep played at the moment in times.txt;
the app's "Saying: ..." log lines give the moments the cues were said (same clock)."""

from __future__ import annotations

import array
import math
import re
import sys
import wave
from pathlib import Path

LOUD = 200  # RMS of a 10 ms frame above which there is sound
JOINED_S = 0.35  # quieter gaps than this are inside one cue
BEEP_S = 0.25  # the beep is 0.2 s long, any cue longer


def segments(wav: Path) -> list[tuple[float, float]]:
    """(start, length) of each stretch of sound, in seconds from the recording's start."""
    with wave.open(str(wav)) as w:
        rate, data = w.getframerate(), array.array("h", w.readframes(w.getnframes()))
    frame = rate // 100
    levels = [
        math.sqrt(sum(x * x for x in data[i : i + frame]) / frame)
        for i in range(0, len(data) - frame, frame)
    ]
    found, start, quiet = [], None, 0
    for i, level in enumerate([*levels, *[0.0] * 40]):
        if level > LOUD:
            start, quiet = (i if start is None else start), 0
        elif start is not None:
            quiet += 1
            if quiet > JOINED_S * 100:
                found.append((start / 100, (i - quiet + 1 - start) / 100))
                start = None
    return found


def main(folder: Path) -> None:
    sounds = segments(folder / "out.wav")
    mark = float((folder / "times.txt").read_text().split()[2])
    lines = (folder / "app.err").read_text(errors="replace").splitlines()
    said = [
        (float(m[1]) - mark, m[2])
        for m in (re.match(r"([\d.]+) Saying: (.*)", x) for x in lines)
        if m
    ]
    if sounds and sounds[0][1] < BEEP_S:
        beep = sounds.pop(0)[0]
    else:  # no beep recorded: aligned on the first cue (its delay is then 0 by definition)
        beep = sounds[0][0] - said[0][0]
        print("no beep: aligned on the first cue")
    print(f"{len(said)} cues said, {len(sounds)} sounds")
    for n, (at, text) in enumerate(said):
        following = said[n + 1][0] if n + 1 < len(said) else at + 30
        heard = [s for s in sounds if at - 0.5 <= s[0] - beep < following - 0.5]
        if not heard:
            print(f"{at:7.2f} s  silent  {text}")
            continue
        begin, end = heard[0][0] - beep, heard[-1][0] + heard[-1][1] - beep
        print(
            f"{at:7.2f} s  {begin - at:+5.2f} s  {end - begin:4.2f} s long, "
            f"{following - end:5.2f} s to spare  {text}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
