"""Colours and type of the run screens: one place, light and dark, high contrast.

Every warning colour comes with words on screen, so nothing depends on colour alone. The
pairs below keep text-to-background contrast at WCAG AA or better.
"""

from __future__ import annotations

from dataclasses import dataclass

from dgfacil.core.run.words import Level


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    rule: str
    level_bg: dict
    level_fg: dict


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#0F172A",
    muted="#475569",
    rule="#CBD5E1",
    level_bg={
        Level.IDLE: "#F1F5F9",
        Level.OK: "#E8F5EC",
        Level.WARNING: "#FFC62E",
        Level.OVER: "#B91C1C",
        Level.PAUSED: "#E2E8F0",
    },
    level_fg={
        Level.IDLE: "#334155",
        Level.OK: "#14532D",
        Level.WARNING: "#3B2600",
        Level.OVER: "#FFFFFF",
        Level.PAUSED: "#1E293B",
    },
)

DARK = Theme(
    name="dark",
    background="#0B1120",
    text="#F8FAFC",
    muted="#A5B4C8",
    rule="#334155",
    level_bg={
        Level.IDLE: "#111827",
        Level.OK: "#0B1120",
        Level.WARNING: "#F5B700",
        Level.OVER: "#DC2626",
        Level.PAUSED: "#1E293B",
    },
    level_fg={
        Level.IDLE: "#CBD5E1",
        Level.OK: "#F8FAFC",
        Level.WARNING: "#111827",
        Level.OVER: "#FFFFFF",
        Level.PAUSED: "#E2E8F0",
    },
)

THEMES = {"light": LIGHT, "dark": DARK}

# The room's own panel (on the facilitator's laptop): calm when all is well.
ROOM_STYLE = """
QFrame#countdownPanel { border-radius: 10px; border: 1px solid #CBD5E1; }
QFrame#countdownPanel[level="idle"] { background: #F8FAFC; }
QFrame#countdownPanel[level="ok"] { background: #F0FAF3; border-color: #86C79B; }
QFrame#countdownPanel[level="warning"] { background: #FFF1C2; border: 2px solid #B7791F; }
QFrame#countdownPanel[level="over"] { background: #B91C1C; border: 2px solid #7F1D1D; }
QFrame#countdownPanel[level="paused"] { background: #E2E8F0; border: 2px dashed #64748B; }
QFrame#countdownPanel QLabel { background: transparent; color: #0F172A; }
QFrame#countdownPanel[level="ok"] QLabel#countdown { color: #14532D; }
QFrame#countdownPanel[level="warning"] QLabel { color: #4A3000; }
QFrame#countdownPanel[level="over"] QLabel { color: #FFFFFF; }
QLabel#kindLabel { color: #475569; font-weight: 600; letter-spacing: 1px; }
QLabel#statusWords { font-weight: 600; }
QLabel#dayEnd { font-weight: 600; }
QLabel#sectionTitle { color: #475569; font-weight: 600; }
QLabel#runConflict { background: #FEF2F2; color: #991B1B; border: 1px solid #FCA5A5; border-radius: 6px;
    padding: 6px 10px; }
QLabel#planHeading { color: #1E1B4B; font-weight: 600; }
QPushButton#suggestion { background: #EEF2FF; border: 1px solid #6366F1; border-radius: 6px;
    padding: 6px 10px; color: #1E1B4B; text-align: left; }
QToolButton[role="run"] { min-width: 84px; min-height: 46px; padding: 4px 8px; border: 1px solid #94A3B8;
    border-radius: 6px; background: #FFFFFF; color: #0F172A; }
QToolButton[role="run"]:hover { background: #F1F5F9; }
QToolButton[role="run"]:disabled { color: #94A3B8; border-color: #E2E8F0; }
QToolButton[role="run"][primary="true"] {
    background: #1D4ED8; color: #FFFFFF; border-color: #1E3A8A; font-weight: 600;
}
QToolButton[role="run"][primary="true"]:hover { background: #1E40AF; }
"""
