"""Generate the app's cue sounds (standard library only, deterministic).

Each sound is a sum of soft "mallet" notes: a sine with a quiet octave partial, a short
raised-cosine attack and an exponential decay, like a small marimba bar. The whole sound
is normalised to a fixed peak and faded to silence at the end so nothing clicks.

    uv run python tools/make_sounds.py [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

RATE = 44_100
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "lowback_timer" / "assets" / "sounds"

# Equal-tempered pitches (Hz) used below.
G3, A3, C5, E5, G5, A4 = 196.00, 220.00, 523.25, 659.26, 783.99, 440.00


@dataclass(frozen=True)
class Note:
    freq: float
    start: float  # seconds from the beginning of the sound
    gain: float = 1.0
    attack: float = 0.012  # long enough to avoid a click, short enough to sound struck
    decay: float = 0.12  # exponential time constant of the fundamental
    partial: float = 0.18  # level of the octave partial; it dies away twice as fast


def _raised_cosine(x: float) -> float:
    """0 -> 1 smoothly for x in [0, 1] (zero slope at both ends)."""
    return 0.5 - 0.5 * math.cos(math.pi * min(max(x, 0.0), 1.0))


def render(
    notes: Sequence[Note], length: float, peak_dbfs: float, fade: float = 0.04
) -> array[int]:
    """Mix `notes` into `length` seconds of 16-bit samples peaking at `peak_dbfs`."""
    n = round(length * RATE)
    mix = [0.0] * n
    for note in notes:
        first = round(note.start * RATE)
        for i in range(first, n):
            t = (i - first) / RATE
            env = _raised_cosine(t / note.attack) * math.exp(-t / note.decay)
            w = 2.0 * math.pi * note.freq * t
            partial = note.partial * math.exp(-t / (note.decay / 2.0)) * math.sin(2.0 * w)
            mix[i] += note.gain * env * (math.sin(w) + partial)
    fade_n = round(fade * RATE)
    for k in range(fade_n):  # end exactly at zero: no click when playback stops
        mix[n - 1 - k] *= _raised_cosine(k / fade_n)
    scale = 10.0 ** (peak_dbfs / 20.0) * 32767.0 / max(abs(s) for s in mix)
    return array("h", (round(s * scale) for s in mix))


def _breath(freq: float, gain_db: float) -> array[int]:
    # A slow swell rather than a strike: breathing cues should be felt more than heard.
    swell = Note(freq, 0.0, attack=0.15, decay=0.35, partial=0.08)
    return render([swell], 0.4, gain_db, fade=0.12)


SOUNDS: dict[str, Callable[[], array[int]]] = {
    "hold-start": lambda: render([Note(C5, 0.0, 0.8), Note(E5, 0.16)], 0.55, -12.0),
    "hold-end": lambda: render([Note(E5, 0.0), Note(C5, 0.16, 0.9)], 0.55, -12.0),
    "switch-side": lambda: render(
        [Note(A4, 0.0, 0.8, decay=0.06), Note(A4, 0.13, decay=0.08)], 0.35, -13.0
    ),
    "breath-in": lambda: _breath(A3, -18.0),
    "breath-out": lambda: _breath(G3, -19.0),
    "done": lambda: render(
        [Note(C5, 0.0, 0.75), Note(E5, 0.13, 0.8), Note(G5, 0.26, decay=0.16)], 0.6, -12.0
    ),
}


def write_wav(path: Path, samples: array[int]) -> None:
    data = array("h", samples)
    if sys.byteorder == "big":  # WAV is little-endian
        data.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(out_dir / f"{name}.wav", make())
    print(f"wrote {len(SOUNDS)} sounds to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
