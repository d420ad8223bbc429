"""Fonts per script: names from every country print right, or we say which cannot.

reportlab has no font fallback and embeds only TrueType-outline fonts, so a name is split into
runs and each run set in a font whose cmap HAS its characters: a letter goes to the house font
when it covers it (Latin, Cyrillic, Greek, Vietnamese), else to the first font in FAMILY_ORDER
that covers it. No Unicode ranges decide anything (a range table once sent Armenian to the Latin
font and forgot Tibetan: blank names). Small Noto TTFs ship in resources/fonts; the rest come
from the system (Debian fonts-noto-core, fonts-nanum, fonts-ipafont-gothic, fonts-wqy-zenhei;
Windows and macOS folders are searched too). A character that no font here has is reported by
`unprintable()` before printing, never drawn as a silent blank.

Han ideographs are in the Korean and Japanese fonts too: they go to the Chinese font, or to the
Japanese one when the name has kana. `shaping.install()` makes reportlab shape each font run of
a word with its own font. Arabic: reportlab + uharfbuzz joins letters in a Paragraph with
`shaping=1` but keeps words in left-to-right order, so `visual_order` puts words in display
order (python-bidi) first.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from dgfacil.paths import resources_dir
from dgfacil.printing import shaping

# reportlab shapes a mixed-font word with its first font only: shape each font run on its own
shaping.install()

LATIN = "latin"  # the house sans font: Noto Sans has Latin, Cyrillic, Greek and Vietnamese
SERIF = "serif"
BUNDLED_ONLY = "DGFACIL_BUNDLED_FONTS_ONLY"  # "1": ignore system fonts (what a bare install has)

# family -> (regular candidates, bold candidates); file names, first found wins.
# A ".ttc" entry is read at sub-font 0.
_CANDIDATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    LATIN: (
        ("NotoSans-Regular.ttf", "DejaVuSans.ttf", "arial.ttf"),
        ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf", "arialbd.ttf"),
    ),
    SERIF: (
        ("NotoSerif-Regular.ttf", "DejaVuSerif.ttf", "times.ttf"),
        ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf", "timesbd.ttf"),
    ),
    "hangul": (
        ("NanumGothic.ttf", "NanumBarunGothic.ttf", "malgun.ttf", "gulim.ttc"),
        ("NanumGothicBold.ttf", "NanumBarunGothicBold.ttf", "malgunbd.ttf"),
    ),
    "kana": (("ipag.ttf", "ipagp.ttf", "fonts-japanese-gothic.ttf", "msgothic.ttc", "meiryo.ttc"), ()),
    "han": (("wqy-zenhei.ttc", "simhei.ttf", "msyh.ttc", "simsun.ttc", "ipag.ttf"), ()),
    "thai": (("NotoSansThai-Regular.ttf", "tahoma.ttf"), ("NotoSansThai-Bold.ttf", "tahomabd.ttf")),
    "arabic": (
        ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "arial.ttf"),
        ("NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf"),
    ),
    "devanagari": (
        ("NotoSansDevanagari-Regular.ttf", "mangal.ttf", "Nirmala.ttf"),
        ("NotoSansDevanagari-Bold.ttf", "mangalb.ttf"),
    ),
    "bengali": (
        ("NotoSansBengali-Regular.ttf", "vrinda.ttf", "Nirmala.ttf"),
        ("NotoSansBengali-Bold.ttf", "vrindab.ttf"),
    ),
    "tibetan": (
        ("NotoSerifTibetan-Regular.ttf", "NotoSansTibetan-Regular.ttf", "himalaya.ttf"),
        ("NotoSerifTibetan-Bold.ttf", "NotoSansTibetan-Bold.ttf"),
    ),
}
# Scripts of other member states: found when the system has the Noto file (fonts-noto-core).
for _name, _file in {
    "hebrew": "Hebrew",
    "tamil": "Tamil",
    "sinhala": "Sinhala",
    "khmer": "Khmer",
    "lao": "Lao",
    "myanmar": "Myanmar",
    "georgian": "Georgian",
    "armenian": "Armenian",
    "gujarati": "Gujarati",
    "gurmukhi": "Gurmukhi",
    "telugu": "Telugu",
    "kannada": "Kannada",
    "malayalam": "Malayalam",
    "oriya": "Oriya",
    "mongolian": "Mongolian",
    "ethiopic": "Ethiopic",
    "thaana": "Thaana",
    "tifinagh": "Tifinagh",
    "syriac": "Syriac",
    "nko": "NKo",
    "adlam": "Adlam",
    "cherokee": "Cherokee",
}.items():
    _CANDIDATES[_name] = ((f"NotoSans{_file}-Regular.ttf",), (f"NotoSans{_file}-Bold.ttf",))

# Who is asked for a letter the house font lacks, in this order: one-script fonts first, the
# big CJK fonts (which also carry Latin, Cyrillic, kana, Hangul...) last.
FAMILY_ORDER = (
    "arabic",
    "hebrew",
    "devanagari",
    "bengali",
    "gurmukhi",
    "gujarati",
    "oriya",
    "tamil",
    "telugu",
    "kannada",
    "malayalam",
    "sinhala",
    "thai",
    "lao",
    "tibetan",
    "myanmar",
    "khmer",
    "mongolian",
    "armenian",
    "georgian",
    "ethiopic",
    "thaana",
    "tifinagh",
    "syriac",
    "nko",
    "adlam",
    "cherokee",
    "kana",
    "hangul",
    "han",
)
# Families whose text HarfBuzz must shape (joining, conjuncts, stacked or reordered marks).
COMPLEX = frozenset(
    {
        "arabic",
        "hebrew",
        "devanagari",
        "bengali",
        "thai",
        "tamil",
        "sinhala",
        "khmer",
        "lao",
        "myanmar",
        "gujarati",
        "gurmukhi",
        "telugu",
        "kannada",
        "malayalam",
        "oriya",
        "mongolian",
        "tibetan",
        "thaana",
        "syriac",
        "nko",
        "adlam",
    }
)
_RTL = frozenset({"R", "AL"})


def _needs_no_glyph(ch: str) -> bool:
    """Spaces and invisible format characters (ZWJ, ZWNJ, direction marks) draw nothing."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def _is_ideograph(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _is_kana(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("HIRAGANA", "KATAKANA"))


@lru_cache(maxsize=8192)
def covers(script: str, ch: str, bold: bool = False) -> bool:
    """Whether the font chosen for `script` has a glyph for `ch` in its cmap (a dash in a Thai
    font, a colon in the Lao font...). False when no font of that family is installed."""
    from reportlab.pdfbase import pdfmetrics

    # private-use code points mean nothing portable, and reportlab adds its own to a font's
    # map while shaping (glyphs with no character): never trust them
    if font_path(script, bold) is None or unicodedata.category(ch) == "Co":
        return False
    face = pdfmetrics.getFont(font_name(script, bold)).face
    return ord(ch) in face.charToGlyph


@lru_cache(maxsize=8192)
def family_of(ch: str, bold: bool = False, base: str = LATIN) -> str | None:
    """The family that draws the letter `ch`: the house font if its cmap has it, else the first
    of FAMILY_ORDER whose cmap has it; None when no font here has it."""
    if covers(base, ch, bold) and not _is_ideograph(ch):
        return LATIN
    order = ("han", *FAMILY_ORDER) if _is_ideograph(ch) else FAMILY_ORDER
    return next((f for f in order if covers(f, ch, bold)), None)


def script_of(ch: str) -> str | None:
    """The family of one character; None for neutrals (spaces, digits, punctuation, marks),
    which follow their neighbours."""
    if unicodedata.category(ch)[0] != "L":
        return None
    return family_of(ch) or LATIN


def unprintable(text: str, *, bold: bool = False, base: str = LATIN) -> list[str]:
    """The characters of `text` (each once, in order) that no font here can draw."""
    out: list[str] = []
    for ch in text:
        if ch in out or _needs_no_glyph(ch):
            continue
        if family_of(ch, bold, base) is None and not covers(base, ch, bold):
            out.append(ch)
    return out


def _fallback(ch: str, base: str, bold: bool) -> str:
    found = family_of(ch, bold, base)
    return base if found in (None, LATIN) else found


_JAPAN = frozenset({"japan", "日本", "jp", "jpn", "nippon", "nihon"})


def japanese_country(country: str | None) -> bool:
    """Whether a participant's country is Japan (their kanji then take the Japanese font)."""
    return (country or "").strip().casefold() in _JAPAN


def split_scripts(text: str, *, bold: bool = False, base: str = LATIN, japanese: bool = False) -> list[tuple[str, str]]:
    """Runs of (family, text) to set each in its own font. Neutrals (spaces, digits,
    punctuation, marks) join the run before them (or the first strong run); any character the
    run's font has no glyph for goes in a run of a font that has one (no empty boxes).
    `base` (LATIN or SERIF) is the document font that Latin runs use; runs set in it are
    reported as LATIN. Han ideographs take the Japanese font in a name with kana, or when
    `japanese` (the person is from Japan: 山田 太郎 has no kana)."""
    runs: list[list] = []
    pending = ""
    for ch in text:
        script = family_of(ch, bold, base) if unicodedata.category(ch)[0] == "L" else None
        if unicodedata.category(ch)[0] == "L" and script is None:
            script = LATIN  # nothing has it: unprintable() names it before printing
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
    if (japanese or any(_is_kana(ch) for ch in text)) and font_path("kana", bold) is not None:
        runs = [["kana" if r[0] == "han" else r[0], r[1]] for r in runs]
    merged: list[tuple[str, str]] = []
    for script, chunk in runs:
        for ch in chunk:
            face = base if script == LATIN else script
            if not _needs_no_glyph(ch) and not covers(face, ch, bold):
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
    return any(unicodedata.category(ch)[0] == "M" or family_of(ch) in COMPLEX for ch in text)


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
    if os.environ.get(BUNDLED_ONLY) == "1":
        return dirs
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        dirs += [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
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


@cache
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


def markup(text: str, *, bold: bool = False, base: str = LATIN, japanese: bool = False) -> str:
    """Escaped Paragraph markup for user text: words in display order, a font per script run."""
    out = []
    default = font_name(base, bold)
    for script, chunk in split_scripts(visual_order(text), bold=bold, base=base, japanese=japanese):
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
