"""Fonts per script: names from every country print right.

reportlab has no font fallback and embeds only TrueType-outline fonts, so we pick a font for each
run of a name by its script and split mixed-script text into runs. Small Noto TTFs (Latin,
Cyrillic, Greek, Vietnamese, Thai, Arabic, Devanagari, Bengali) ship in resources/fonts; the big
CJK TrueType fonts come from the system (Debian: fonts-nanum, fonts-ipafont-gothic,
fonts-wqy-zenhei; Khmer, Lao, Myanmar, Sinhala, Tamil... from fonts-noto-core in
/usr/share/fonts/truetype/noto; Windows and macOS folders are searched too).

No empty boxes: a character goes in the run of a font whose cmap has it (a bullet or a colon
next to Lao goes to Noto Sans), and `shaping.install()` makes reportlab shape each font run of a
word with its own font.

Arabic: reportlab + uharfbuzz joins letters in a Paragraph with `shaping=1` but keeps words in
left-to-right order, so `visual_order` puts words in display order (python-bidi) first.
"""
from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from dgfacil.paths import resources_dir
from dgfacil.printing import shaping

# reportlab shapes a mixed-font word with its first font only: shape each font run on its own
shaping.install()

LATIN = "latin"  # also Cyrillic, Greek and Vietnamese: Noto Sans covers them
SERIF = "serif"

# script -> (regular candidates, bold candidates); file names, first found wins.
# A ".ttc" entry is read at sub-font 0.
_CANDIDATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    LATIN: (("NotoSans-Regular.ttf", "DejaVuSans.ttf", "arial.ttf"),
            ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf", "arialbd.ttf")),
    SERIF: (("NotoSerif-Regular.ttf", "DejaVuSerif.ttf", "times.ttf"),
            ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf", "timesbd.ttf")),
    "hangul": (("NanumGothic.ttf", "NanumBarunGothic.ttf", "malgun.ttf", "gulim.ttc"),
               ("NanumGothicBold.ttf", "NanumBarunGothicBold.ttf", "malgunbd.ttf")),
    "kana": (("ipag.ttf", "ipagp.ttf", "fonts-japanese-gothic.ttf", "msgothic.ttc", "meiryo.ttc"), ()),
    "han": (("wqy-zenhei.ttc", "simhei.ttf", "msyh.ttc", "simsun.ttc", "ipag.ttf"), ()),
    "thai": (("NotoSansThai-Regular.ttf", "tahoma.ttf"), ("NotoSansThai-Bold.ttf", "tahomabd.ttf")),
    "arabic": (("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "arial.ttf"),
               ("NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf")),
    "devanagari": (("NotoSansDevanagari-Regular.ttf", "mangal.ttf", "Nirmala.ttf"),
                   ("NotoSansDevanagari-Bold.ttf", "mangalb.ttf")),
    "bengali": (("NotoSansBengali-Regular.ttf", "vrinda.ttf", "Nirmala.ttf"),
                ("NotoSansBengali-Bold.ttf", "vrindab.ttf")),
}
# Scripts of other member countries: found when the system has the Noto file (fonts-noto-core).
for _name, _file in {"hebrew": "Hebrew", "tamil": "Tamil", "sinhala": "Sinhala", "khmer": "Khmer",
                     "lao": "Lao", "myanmar": "Myanmar", "georgian": "Georgian",
                     "armenian": "Armenian", "gujarati": "Gujarati", "gurmukhi": "Gurmukhi",
                     "telugu": "Telugu", "kannada": "Kannada", "malayalam": "Malayalam",
                     "oriya": "Oriya", "mongolian": "Mongolian"}.items():
    _CANDIDATES[_name] = ((f"NotoSans{_file}-Regular.ttf",), (f"NotoSans{_file}-Bold.ttf",))

# (first, last, script) — checked in order; anything else is Latin or neutral.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0xA8E0, 0xA8FF, "devanagari"), (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"), (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"),
    (0x0B80, 0x0BFF, "tamil"), (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"), (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"), (0x1000, 0x109F, "myanmar"), (0x10A0, 0x10FF, "georgian"),
    (0x0530, 0x058F, "armenian"), (0x1780, 0x17FF, "khmer"), (0x1800, 0x18AF, "mongolian"),
    (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"), (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7FF, "hangul"), (0x3040, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"),
    (0xFF65, 0xFF9F, "kana"), (0x2E80, 0x2FDF, "han"), (0x3000, 0x303F, "han"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
    (0xFF00, 0xFF64, "han"), (0x20000, 0x3FFFF, "han"),
)
COMPLEX = frozenset({"arabic", "hebrew", "devanagari", "bengali", "thai", "tamil", "sinhala",
                     "khmer", "lao", "myanmar", "gujarati", "gurmukhi", "telugu", "kannada",
                     "malayalam", "oriya", "mongolian"})
_RTL = frozenset({"R", "AL"})


def script_of(ch: str) -> str | None:
    """The script of one character; None for neutrals (spaces, digits, punctuation, marks)."""
    code = ord(ch)
    if code < 0x0590:
        cat = unicodedata.category(ch)
        return LATIN if cat[0] == "L" else None
    for first, last, name in _RANGES:
        if first <= code <= last:
            # CJK punctuation and full-width forms follow their neighbours when possible
            return name
    cat = unicodedata.category(ch)
    return LATIN if cat[0] == "L" else None


@lru_cache(maxsize=8192)
def covers(script: str, ch: str, bold: bool = False) -> bool:
    """Whether the font chosen for `script` has a glyph for `ch` in its cmap (a dash in a Thai
    font, a colon in the Lao font...)."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(font_name(script, bold)).face
    return ord(ch) in face.charToGlyph


# Where a character the run's font lacks goes instead: the house font first, then any other.
_FALLBACKS = (LATIN, "han", "arabic", "devanagari", "thai")


def _fallback(ch: str, base: str, bold: bool) -> str:
    for script in (base, *_FALLBACKS):
        if covers(script, ch, bold):
            return script
    return base


def split_scripts(text: str, *, bold: bool = False, base: str = LATIN) -> list[tuple[str, str]]:
    """Runs of (script, text) to set each in its own font. Neutrals (spaces, digits,
    punctuation, bullets) join the run before them (or the first strong run); any character the
    run's font has no glyph for goes in a run of a font that has one (no empty boxes).
    `base` (LATIN or SERIF) is the document font that Latin runs use; runs set in it are
    reported as LATIN."""
    runs: list[list] = []
    pending = ""
    for ch in text:
        script = script_of(ch)
        if script is None:
            if runs:
                runs[-1][1] += ch
            else:
                pending += ch
            continue
        if runs and runs[-1][0] == script:
            runs[-1][1] += ch
        else:
            runs.append([script, pending + ch])
            pending = ""
    if pending:
        runs.append([LATIN, pending])
    # Han inside Japanese text takes the Japanese font (same reading, consistent glyphs).
    if any(r[0] == "kana" for r in runs):
        runs = [["kana" if r[0] == "han" else r[0], r[1]] for r in runs]
    merged: list[tuple[str, str]] = []
    for script, chunk in runs:
        for ch in chunk:
            face = base if script == LATIN else script
            if not ch.isspace() and not covers(face, ch, bold):
                found = _fallback(ch, base, bold)
                ch_script = LATIN if found == base else found
            else:
                ch_script = script
            if merged and merged[-1][0] == ch_script:
                merged[-1] = (ch_script, merged[-1][1] + ch)
            else:
                merged.append((ch_script, ch))
    return merged


def needs_shaping(text: str) -> bool:
    """True when some run needs HarfBuzz (joined letters, conjuncts, vowel marks)."""
    return any(script_of(ch) in COMPLEX for ch in text)


def visual_order(text: str) -> str:
    """Words in display order; each right-to-left word keeps its logical letters for shaping."""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return text
    from bidi import get_display

    shown = get_display(text)
    # get_display reverses letters too; HarfBuzz reverses them itself, so undo it per word
    words = shown.split(" ")
    fixed = [w[::-1] if any(unicodedata.bidirectional(c) in _RTL for c in w) else w for w in words]
    return " ".join(fixed)


def _search_dirs() -> list[Path]:
    dirs = [resources_dir() / "fonts"]
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        dirs += [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 home / ".local/share/fonts", home / ".fonts"]
    return dirs


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """Lower-cased file name -> path; the first folder (resources) wins."""
    found: dict[str, Path] = {}
    for folder in _search_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def font_path(script: str, bold: bool = False) -> Path | None:
    """The file used for `script` (bold falls back to regular), or None if none is installed."""
    regular, bolds = _CANDIDATES.get(script, _CANDIDATES[LATIN])
    files = _font_files()
    for name in (bolds + regular) if bold else regular:
        if name.lower() in files:
            return files[name.lower()]
    return None


@lru_cache(maxsize=None)
def font_name(script: str = LATIN, bold: bool = False) -> str:
    """Register (once) and return the reportlab font name for a script; Latin if none found."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_path(script, bold)
    if path is None:
        if script in (LATIN, SERIF):
            raise RuntimeError(f"no {script} font found in {resources_dir() / 'fonts'}")
        return font_name(LATIN, bold)
    name = f"dg-{path.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        # <b> inside a Paragraph maps to the bold face of the same family
        bold_name = name if bold else font_name(script, True)
        for is_bold, face in ((0, name), (1, bold_name)):
            addMapping(name, is_bold, 0, face)
            addMapping(name, is_bold, 1, face)
    return name


def missing_scripts(scripts: tuple[str, ...] = ("hangul", "kana", "han", "thai", "arabic",
                                                  "devanagari", "bengali")) -> list[str]:
    """Scripts the organizer asked for that have no font here (names would print as boxes)."""
    return [s for s in scripts if font_path(s) is None]


def markup(text: str, *, bold: bool = False, base: str = LATIN) -> str:
    """Escaped Paragraph markup for user text: words in display order, a font per script run."""
    out = []
    default = font_name(base, bold)
    for script, chunk in split_scripts(visual_order(text), bold=bold, base=base):
        face = default if script == LATIN else font_name(script, bold)
        safe = escape(chunk)
        out.append(safe if face == default else f'<font face="{face}">{safe}</font>')
    return "".join(out)


def text_width(text: str, size: float, *, bold: bool = False, base: str = LATIN) -> float:
    """Width of `text` set at `size` with the per-script fonts (unshaped advance; close enough
    for fitting: shaping changes widths by a few per cent, so callers keep a margin)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    default = font_name(base, bold)
    total = 0.0
    for script, chunk in split_scripts(text, bold=bold, base=base):
        face = default if script == LATIN else font_name(script, bold)
        total += stringWidth(chunk, face, size)
    return total
