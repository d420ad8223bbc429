"""Write chime.wav: a soft two-note bell (0.9 s, 22.05 kHz, 16-bit mono), made here, no licence needed.

Run: python resources/sounds/make_chime.py
"""
from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
SECONDS = 0.9


def sample(t: float) -> float:
    # Two partials a fifth apart, the second entering late, each with a bell-like decay.
    first = math.sin(2 * math.pi * 659.25 * t) * math.exp(-4.0 * t)
    second = math.sin(2 * math.pi * 987.77 * (t - 0.18)) * math.exp(-4.5 * (t - 0.18)) if t >= 0.18 else 0.0
    attack = min(1.0, t / 0.01)  # 10 ms fade-in: no click
    release = min(1.0, (SECONDS - t) / 0.05)
    return 0.32 * attack * release * (first + 0.8 * second)


def main(path: Path = Path(__file__).with_name("chime.wav")) -> Path:
    frames = b"".join(struct.pack("<h", int(32767 * sample(n / RATE))) for n in range(int(RATE * SECONDS)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return path


if __name__ == "__main__":
    print(main())
