"""All groups side by side: one scene, one frame per group, read from the database in one query.

Card boards show their real cards (the same items as the editor, scaled down by the view); the
other kinds show a summary painted into the frame: the radar and gaps of a rubric, the rows of a
table, the answers to prompts. Double-click a group to open its board; the projector button
shows the selected group full screen.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from dgfacil.core import exercises as core
from dgfacil.core.model import Exercise, Group
from dgfacil.operations import boards as board_ops
from dgfacil.ui.exercises.graphics import (
    BOARD_H,
    BOARD_W,
    INK,
    MUTED,
    BoardFrame,
    CardItem,
    enough_pixmap_cache,
    font,
)
from dgfacil.ui.exercises.radar import paint_radar

GAP = 120.0


class SummaryFrame(QGraphicsItem):
    """A group's table, rubric or prompts answers, painted at board size."""

    def __init__(self, exercise: Exercise, heading: str, items: list, answers: dict) -> None:
        super().__init__()
        self.exercise, self.heading, self.items, self.answers = exercise, heading, items, answers
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return QRectF(0, -60, BOARD_W, BOARD_H + 60)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(QRectF(0, 0, BOARD_W, BOARD_H), QColor("white"))
        painter.setPen(INK)
        painter.setFont(font(26, True))
        painter.drawText(QRectF(0, -60, BOARD_W, 56), Qt.AlignLeft | Qt.AlignVCenter, self.heading)
        kind, definition = self.exercise.kind, self.exercise.definition
        if kind == "rubric":
            gaps = core.rubric_gaps(definition, self.answers)
            paint_radar(
                painter, QRectF(20, 20, 900, 960), gaps, [lv.get("title", "") for lv in definition.get("levels", [])]
            )
            y = 60.0
            for g in gaps:
                painter.setFont(font(14))
                painter.setPen(INK)
                painter.drawText(QRectF(960, y, 520, 80), Qt.AlignLeft | Qt.TextWordWrap, g.title)
                painter.setFont(font(18, True))
                text = "–" if g.gap is None else f"{g.gap:+d}"
                painter.drawText(QRectF(1480, y, 100, 60), Qt.AlignRight, text)
                y += 100
            return
        lines: list[tuple[str, str]] = []
        if kind == "table":
            columns = definition.get("columns", [])
            for goal, rows in core.table_groups(self.items):
                lines.append(("h", goal))
                for r in rows:
                    cells = r.data.get("cells", {})
                    lines.append(("", " · ".join(cells.get(c["key"], "") for c in columns[:3] if cells.get(c["key"]))))
        else:
            for q in definition.get("questions", []):
                lines.append(("h", q.get("text", "")))
                value = self.answers.get(q["key"], {})
                if "choice" in value:
                    lines.append(("", q.get("options", [])[value["choice"]]))
                else:
                    lines.append(("", value.get("text", "") or "—"))
        y = 20.0
        for style, text in lines:
            painter.setFont(font(16, True) if style == "h" else font(15))
            painter.setPen(INK if style == "h" else MUTED)
            rect = painter.boundingRect(QRectF(30, y, BOARD_W - 60, 400), Qt.TextWordWrap, text)
            if y + rect.height() > BOARD_H - 20:
                painter.drawText(QRectF(30, y, BOARD_W - 60, 40), "…")
                break
            painter.drawText(QRectF(30, y, BOARD_W - 60, rect.height()), Qt.TextWordWrap, text)
            y += rect.height() + (6 if style == "h" else 16)


class AllGroupsView(QGraphicsView):
    """Every group's board of one exercise in a grid."""

    group_activated = Signal(object)
    """Fires when a group's frame is double-clicked: the group id."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        enough_pixmap_cache()
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setBackgroundBrush(QColor("#e9ecf1"))
        self.frames: dict[int | None, QGraphicsItem] = {}
        self.selected_group: int | None = None
        self.fit = True
        self.set_fit(True)

    def set_fit(self, fit: bool) -> None:
        """Fitted: all groups in the window, no scroll bars. Zoomed (Ctrl+wheel): scroll to pan."""
        self.fit = fit
        policy = Qt.ScrollBarAlwaysOff if fit else Qt.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        if fit:
            self.fitInView(self.scene().sceneRect(), Qt.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.set_fit(False)
        self.scale(factor, factor)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.modifiers() & Qt.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
        else:
            super().wheelEvent(event)

    def show_exercise(self, exercise: Exercise, groups: list[Group]) -> None:
        """Rebuild the grid: one frame per group (or the whole-room board when there are none)."""
        ex_id = exercise.id
        boards, answers = self.ctx.tasks.read(lambda s: board_ops.all_boards(s, exercise_id=ex_id))
        scene = self.scene()
        scene.clear()
        self.frames = {}
        entries = [(g.id, g.name) for g in groups] or [(None, "Whole room")]
        columns = max(1, math.ceil(math.sqrt(len(entries))))
        for i, (gid, name) in enumerate(entries):
            row, col = divmod(i, columns)
            count = len(boards.get(gid, []))
            heading = f"{name} · {count} card{'' if count == 1 else 's'}" if exercise.kind in core.CARD_KINDS else name
            if exercise.kind in core.CARD_KINDS:
                frame = BoardFrame(exercise.kind, exercise.definition, heading)
                for item in boards.get(gid, []):
                    CardItem(item, movable=False).setParentItem(frame)
            else:
                frame = SummaryFrame(exercise, heading, boards.get(gid, []), answers.get(gid, {}))
            frame.setData(0, gid)
            frame.setPos(col * (BOARD_W + GAP), row * (BOARD_H + GAP + 60))
            scene.addItem(frame)
            self.frames[gid] = frame
        rect = scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        scene.setSceneRect(rect)
        if self.fit:
            self.fitInView(rect, Qt.KeepAspectRatio)
        self.select_group(self.selected_group if self.selected_group in self.frames else entries[0][0])

    def select_group(self, group_id: int | None) -> None:
        self.selected_group = group_id
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt)
        frame = self.frames.get(self.selected_group)
        if frame is not None and len(self.frames) > 1:
            painter.setPen(QPen(QColor("#0b3d91"), 14))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(frame.sceneBoundingRect().adjusted(-16, -16, 16, 16))

    def _frame_at(self, pos) -> int | None | bool:
        for item in self.items(pos):
            while item.parentItem() is not None:
                item = item.parentItem()
            if item in self.frames.values():
                return item.data(0)
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        gid = self._frame_at(event.position().toPoint())
        if gid is not False:
            self.select_group(gid)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt)
        gid = self._frame_at(event.position().toPoint())
        if gid is not False:
            self.group_activated.emit(gid)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.fit:
            self.fitInView(self.scene().sceneRect(), Qt.KeepAspectRatio)
