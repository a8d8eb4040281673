"""Presenter mode: large slides and the group quiz for a room, the facilitator's notes on the laptop.

With a second screen (a projector), the room's view fills that screen and the facilitator's
console (notes, what comes next, the count of hands) stays on the laptop. With one screen the
console shows the room's view large, with the notes under it (N hides them).

Keys, from the keyboard or a presentation clicker: Page Down, Right, Down, Space go on;
Page Up, Left, Up, Backspace go back; Escape leaves. While a count of hands is being typed,
the arrows belong to the number box, but Page Up and Page Down (what clickers send) still move.

Everything the room sees is painted with QPainter at the largest size that fits, in the app's
own colours: dark text on white (or the high-contrast theme), never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QAbstractSpinBox,
    QLineEdit,
)

from core import workshop
from core.i18n import N_, _, content_gettext
from core.quiz.session import SCAM_TYPE_NAMES
from core.workshop import ChartData, RoomOption, Slide, Tally
from ui import theme

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
CLICKER_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}

RIGHT = "✔"


def _colors(high_contrast: bool) -> dict[str, QColor]:
    palette = theme.PALETTES["high_contrast" if high_contrast else "normal"]
    return {name: QColor(value) for name, value in palette.items()}


# --- what the room sees -----------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph to paint: text, size relative to the base, weight, colour name."""

    text: str
    size: float = 1.0
    bold: bool = False
    color: str = "text"
    gap: float = 0.5  # space after, in base sizes
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    box: str = ""  # colour name of a frame around the block ("" for none)
    side: str = ""  # short text kept at the right, level with the first line (a count of hands)


@dataclass
class View:
    """One screenful for the room: paragraphs, or a chart."""

    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
    chart: list[tuple[str, str, float, bool]] | None = None  # (label, value text, share, skipped)
    chart_title: str = ""
    accessible: str = ""


def _spoken(blocks: Sequence[Block]) -> str:
    """What a screen reader says for a view (and what tests read)."""
    return " ".join(f"{b.text} {b.side}".strip() for b in blocks)


def _font(family: str, px: int, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(6, px))
    font.setBold(bold)
    return font


def _wrap_height(font: QFont, text: str, width: int) -> int:
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(10, width), 100000), flags, text).height()


def _fits(blocks: Sequence[Block], family: str, base: int, rect: QRect) -> bool:
    pad = round(base * 0.5)
    height = 0
    for block in blocks:
        width = rect.width() - (2 * pad if block.box else 0) - _side_width(block, family, base)
        height += _wrap_height(_font(family, round(base * block.size), block.bold), block.text, width)
        height += round(base * block.gap) + (2 * pad if block.box else 0)
        if not _longest_word_fits(block, family, base, width):
            return False
    return height <= rect.height()


def _side_width(block: Block, family: str, base: int) -> int:
    if not block.side:
        return 0
    font = _font(family, round(base * block.size), True)
    return QFontMetrics(font).horizontalAdvance(block.side) + base

def _longest_word_fits(block: Block, family: str, base: int, width: int) -> bool:
    words = block.text.split()
    if not words:
        return True
    metrics = QFontMetrics(_font(family, round(base * block.size), block.bold))
    longest = max(words, key=len)
    return len(longest) > 24 or metrics.horizontalAdvance(longest) <= width  # CJK runs wrap anywhere


def fit_base(blocks: Sequence[Block], family: str, rect: QRect, largest: int, smallest: int = 10) -> int:
    """The largest base text size (pixels) at which every block fits in ``rect``."""
    low, high = smallest, max(smallest, largest)
    if _fits(blocks, family, high, rect):
        return high
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(blocks, family, middle, rect):
            low = middle
        else:
            high = middle - 1
    return low


class StageView(QWidget):
    """Paints a View as large as it fits: big type for the back of the room."""

    def __init__(self, high_contrast: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageView")
        self.view = View()
        self.high_contrast = high_contrast
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.last_base = 0  # the text size last painted (for tests and the console)

    def set_view(self, view: View) -> None:
        self.view = view
        self.setAccessibleName(view.accessible or _spoken(view.blocks))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def _family(self) -> str:
        return QApplication.font().family()

    def paintEvent(self, _event) -> None:
        colors = _colors(self.high_contrast)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), colors["surface"])
        margin = max(8, round(min(self.width(), self.height()) * 0.05))
        area = self.rect().adjusted(margin, margin, -margin, -margin)
        footer_px = max(10, round(self.height() * 0.035))
        if self.view.footer:
            painter.setFont(_font(self._family(), footer_px))
            painter.setPen(colors["muted"])
            painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), self.view.footer)
            area.setBottom(area.bottom() - round(footer_px * 1.6))
        if self.view.chart is not None:
            self._paint_chart(painter, area, colors)
        else:
            self._paint_blocks(painter, area, colors, self.view.blocks)
        painter.end()

    def _paint_blocks(self, painter: QPainter, area: QRect, colors, blocks: Sequence[Block]) -> None:
        family = self._family()
        base = fit_base(blocks, family, area, largest=max(12, round(self.height() / 14)))
        self.last_base = base
        pad = round(base * 0.5)
        y = area.top()
        flags = int(Qt.TextFlag.TextWordWrap)
        for block in blocks:
            font = _font(family, round(base * block.size), block.bold)
            painter.setFont(font)
            side = _side_width(block, family, base)
            width = area.width() - (2 * pad if block.box else 0) - side
            height = _wrap_height(font, block.text, width)
            if block.side:
                painter.setFont(_font(family, round(base * block.size), True))
                painter.setPen(colors[block.color])
                line = QFontMetrics(font).height()
                painter.drawText(QRect(area.right() - side, y, side, line), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), block.side)
                painter.setFont(font)
            if block.box:
                frame = QRect(area.left(), y, area.width(), height + 2 * pad)
                painter.setPen(QPen(colors[block.box], max(2, base // 8)))
                painter.setBrush(colors["phone_bg"])
                painter.drawRoundedRect(QRectF(frame), pad, pad)
                text_rect = frame.adjusted(pad, pad, -pad, -pad)
                y = frame.bottom() + 1
            else:
                text_rect = QRect(area.left(), y, width, height)
                y += height
            painter.setPen(colors[block.color])
            painter.drawText(text_rect, flags | int(block.align), block.text)
            y += round(base * block.gap)

    def _paint_chart(self, painter: QPainter, area: QRect, colors) -> None:
        """Horizontal bars: a label, a bar against its full-width track, and the value in words."""
        family = self._family()
        rows = self.view.chart or []
        title_px = max(14, round(self.height() / 16))
        painter.setFont(_font(family, title_px, bold=True))
        painter.setPen(colors["heading"])
        title_rect = QRect(area.left(), area.top(), area.width(), round(title_px * 1.5))
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), self.view.chart_title)
        top = title_rect.bottom() + round(title_px * 0.6)
        if not rows:
            return
        row_height = min(round(self.height() / 7), (area.bottom() - top) // len(rows))
        text_px = max(10, min(round(row_height * 0.42), round(self.height() / 20)))
        font = _font(family, text_px, bold=True)
        metrics = QFontMetrics(font)
        label_width = min(round(area.width() * 0.42), max(metrics.horizontalAdvance(r[0]) for r in rows) + text_px)
        value_width = max(metrics.horizontalAdvance(r[1]) for r in rows) + text_px
        bar_left = area.left() + label_width
        bar_width = max(20, area.width() - label_width - value_width)
        self.last_base = text_px
        for index, (label, value, share, skipped) in enumerate(rows):
            y = top + index * row_height
            bar_height = round(row_height * 0.7)
            bar_top = y + (row_height - bar_height) // 2
            painter.setFont(font)
            painter.setPen(colors["text"])
            label_rect = QRect(area.left(), y, label_width - text_px // 2, row_height)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            track = QRect(bar_left, bar_top, bar_width, bar_height)
            painter.setPen(QPen(colors["border"], 2))
            painter.setBrush(colors["bg"])
            painter.drawRect(track)
            if not skipped and share > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors["primary"])
                painter.drawRect(QRect(bar_left, bar_top, max(2, round(bar_width * share)), bar_height))
            painter.setPen(colors["muted"] if skipped else colors["text"])
            painter.drawText(QRect(bar_left + bar_width + text_px // 2, y, value_width, row_height), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), value)


# --- turning slides, questions and results into views -----------------------------------------


def slide_view(slide: Slide, position: str = "") -> View:
    if slide.kind == "title":
        blocks = [Block(slide.heading, 2.0, True, "heading", 0.6)]
    elif slide.big:
        blocks = [Block(slide.heading, 1.0, True, "muted", 0.6)] + [Block(line, 1.8, True, "heading", 0.4) for line in slide.lines]
    else:
        blocks = [Block(slide.heading, 1.4, True, "heading", 0.7)]
        if slide.caption:
            blocks.append(Block(slide.caption, 0.85, False, "muted", 0.3))
        boxed = slide.kind == "message"
        bullet = slide.kind in ("flags", "do", "dont", "help") and len(slide.lines) > 1
        for line in slide.lines:
            blocks.append(Block(("• " if bullet else "") + line, 1.0, slide.kind == "help", "text", 0.5, box="border" if boxed else ""))
    return View(blocks, footer=position)


def option_text(option: RoomOption) -> str:
    return _(option.text) if option.domain == "ui" else content_gettext(option.text)


def question_view(question, options: list[RoomOption], number: int, total: int, counts=None, revealed=False, skipped=False) -> View:
    blocks = [Block(_("Question {n} of {total}").format(n=number, total=total) + " · " + _(SCAM_TYPE_NAMES.get(question.scam_type, question.scam_type)), 0.8, False, "muted", 0.3)]
    blocks.append(Block(content_gettext(question.prompt), 1.25, True, "heading", 0.5))
    if question.message is not None:
        caption = _(workshop.CHANNEL_CAPTIONS.get(question.message.channel, workshop.CHANNEL_CAPTIONS["sms"])).format(sender=content_gettext(question.message.sender))
        blocks.append(Block(caption, 0.8, False, "muted", 0.2))
        blocks.append(Block(content_gettext(question.message.text), 1.0, False, "text", 0.5, box="border"))
    if question.format == "multiple" and not revealed:
        blocks.append(Block(_("More than one answer can be right: raise your hand for each one you choose."), 0.8, False, "muted", 0.3))
    for letter, option, index in zip(workshop.LETTERS, options, range(len(options))):
        text = f"{letter}   {option_text(option)}"
        if revealed:
            hands = "" if skipped or counts is None else _("{n} hands").format(n=counts[index])
            if option.correct:
                blocks.append(Block(f"{RIGHT} {text}", 1.0, True, "low", 0.35, side=hands))
            else:
                blocks.append(Block(f"    {text}", 1.0, False, "muted", 0.35, side=hands))
        else:
            blocks.append(Block(text, 1.0, False, "text", 0.35))
    if revealed:
        for line in workshop.explanation(question):
            blocks.append(Block(content_gettext(line), 0.9, False, "text", 0.3, box="low"))
    return View(blocks, accessible=_spoken(blocks))


def chart_rows(chart: ChartData, by: str, questions_by_id: dict) -> list[tuple[str, str, float, bool]]:
    rows = []
    if by == "question":
        for bar in chart.by_question:
            question = questions_by_id.get(bar.key)
            name = _(SCAM_TYPE_NAMES.get(question.scam_type, question.scam_type)) if question else bar.key
            label = _("Q{n}: {name}").format(n=bar.number, name=name)
            rows.append((label, _value(bar), bar.share, bar.skipped))
    else:
        for bar in chart.by_type:
            rows.append((_(SCAM_TYPE_NAMES.get(bar.key, bar.key)), _value(bar), bar.share, False))
    return rows


def _value(bar) -> str:
    if bar.skipped:
        return _("skipped")
    return _("{right} of {total} hands right · {percent}%").format(right=bar.right, total=bar.total, percent=bar.percent)


# --- the facilitator's console ------------------------------------------------------------------


class HandsEntry(QWidget):
    """One number box per option: how many hands went up."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handsEntry")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.boxes: list[QSpinBox] = []
        self.labels: list[QLabel] = []

    def set_options(self, options: list[RoomOption], counts=None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.boxes, self.labels = [], []
        for row, (letter, option) in enumerate(zip(workshop.LETTERS, options)):
            box = QSpinBox(objectName=f"hands_{letter}")
            box.setRange(0, 999)
            box.setProperty("role", "hands")
            box.setAccessibleName(_("Hands for {letter}").format(letter=letter))
            if counts is not None:
                box.setValue(counts[row])
            label = QLabel(f"{letter}  {option_text(option)}", wordWrap=True)
            label.setBuddy(box)
            self.grid.addWidget(box, row, 0)
            self.grid.addWidget(label, row, 1)
            self.boxes.append(box)
            self.labels.append(label)
        self.grid.setColumnStretch(1, 1)

    def counts(self) -> list[int]:
        return [box.value() for box in self.boxes]


class Console(QWidget):
    """The facilitator's window: the room's view, notes, and the controls."""

    def __init__(self, presenter: "Presenter"):
        super().__init__()
        self.setObjectName("presenterConsole")
        self.presenter = presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.position = QLabel(objectName="presenterPosition")
        self.position.setProperty("role", "h2")
        self.keys_hint = QLabel(wordWrap=True, objectName="presenterKeys")
        self.keys_hint.setProperty("role", "muted")
        top.addWidget(self.position)
        top.addWidget(self.keys_hint, 1)
        layout.addLayout(top)

        self.stage = StageView(presenter.high_contrast)
        layout.addWidget(self.stage)

        self.panel = QFrame(objectName="presenterPanel")
        self.panel.setProperty("role", "card")
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(16, 10, 16, 10)
        self.notes_title = QLabel(objectName="notesTitle")
        self.notes_title.setProperty("role", "h2")
        self.notes = QLabel(wordWrap=True, objectName="presenterNotes")
        self.notes.setProperty("role", "lead")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setMinimumHeight(1)  # its height follows its width (wrapped), not a narrow guess
        self.hands = HandsEntry()
        self.hands_hint = QLabel(wordWrap=True, objectName="handsHint")
        self.hands_hint.setProperty("role", "muted")
        panel.addWidget(self.notes_title)
        panel.addWidget(self.notes)
        panel.addWidget(self.hands_hint)
        panel.addWidget(self.hands)
        panel.addStretch(1)
        # The panel scrolls rather than squeezing the room's view: long notes (a story) or
        # five options to count stay reachable, and the view keeps its share of the screen.
        self.panel_scroll = QScrollArea(objectName="presenterPanelScroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout.setStretchFactor(self.stage, 3)
        layout.addWidget(self.panel_scroll, 2)
        self.layout_ = layout

        buttons = QHBoxLayout()
        self.leave_button = QPushButton(objectName="presenterLeave")
        self.previous_button = QPushButton(objectName="presenterPrevious")
        self.skip_button = QPushButton(objectName="presenterSkip")
        self.next_button = QPushButton(objectName="presenterNext")
        self.next_button.setProperty("role", "primary")
        for button in (self.leave_button, self.previous_button, self.skip_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.leave_button.clicked.connect(presenter.stop)
        self.previous_button.clicked.connect(presenter.previous)
        self.skip_button.clicked.connect(presenter.skip)
        self.next_button.clicked.connect(presenter.next)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)

    def closeEvent(self, event) -> None:
        self.presenter.stop()
        super().closeEvent(event)


class AudienceWindow(QWidget):
    """The room's screen: only the stage."""

    def __init__(self, presenter: "Presenter"):
        super().__init__()
        self.setObjectName("audienceWindow")
        self.presenter = presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stage = StageView(presenter.high_contrast)
        layout.addWidget(self.stage)

    def closeEvent(self, event) -> None:
        self.presenter.stop()
        super().closeEvent(event)


# --- the controller ----------------------------------------------------------------------------


@dataclass
class Step:
    kind: str  # slide | ask | reveal | chart_question | chart_type
    index: int = 0  # slide index or question index


class Presenter(QObject):
    """Steps through slides, or through a group quiz, on one or two screens.

    ``slides`` is a callable that builds the deck in the current language (called again after
    a language switch). For a quiz, pass ``tally`` (a core.workshop.Tally) instead.
    """

    finished = Signal()
    changed = Signal()

    def __init__(
        self,
        slides: Callable[[], list[Slide]] | None = None,
        tally: Tally | None = None,
        high_contrast: bool = False,
        projector: QScreen | None | bool = True,
    ):
        super().__init__()
        self.make_slides = slides
        self.tally = tally
        self.high_contrast = high_contrast
        self.slides: list[Slide] = slides() if slides else []
        self.steps = self._steps()
        self.at = 0
        self.notes_shown = True
        self.running = False
        self.console = Console(self)
        screens = QGuiApplication.screens()
        if projector is True:
            primary = QGuiApplication.primaryScreen()
            projector = next((s for s in screens if s is not primary), None)
        self.projector: QScreen | None = projector or None
        self.audience = AudienceWindow(self) if self.projector is not None else None
        if self.audience is not None:  # the console's view is only a preview: the notes get the room
            self.console.layout_.setStretchFactor(self.console.stage, 2)
            self.console.layout_.setStretchFactor(self.console.panel_scroll, 3)
        self.retranslate()

    # --- steps ---------------------------------------------------------------------------------

    def _steps(self) -> list[Step]:
        if self.tally is None:
            return [Step("slide", i) for i in range(len(self.slides))]
        steps = []
        for i in range(len(self.tally.questions)):
            steps += [Step("ask", i), Step("reveal", i)]
        if self.tally.questions:
            steps += [Step("chart_question"), Step("chart_type")]
        return steps

    @property
    def step(self) -> Step | None:
        return self.steps[self.at] if 0 <= self.at < len(self.steps) else None

    @property
    def views(self) -> list[StageView]:
        return [self.console.stage] + ([self.audience.stage] if self.audience else [])

    # --- showing ---------------------------------------------------------------------------------

    def start(self) -> None:
        app = QApplication.instance()
        app.installEventFilter(self)
        self.running = True
        if self.audience is not None:
            self.audience.setGeometry(self.projector.geometry())
            self.audience.showFullScreen()
            self.console.showMaximized()
        else:
            self.console.showFullScreen()
        self.console.activateWindow()
        self.console.setFocus()
        self.show_step()

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        QApplication.instance().removeEventFilter(self)
        self.record_hands()
        for window in (self.audience, self.console):
            if window is not None:
                window.hide()
        self.finished.emit()

    def retranslate(self) -> None:
        c = self.console
        c.leave_button.setText(_("Leave (Esc)"))
        c.previous_button.setText("‹ " + (_("Previous slide") if self.tally is None else _("Back")))
        c.skip_button.setText(_("Skip this question"))
        c.notes_title.setText(_("Your notes") if self.tally is None else _("Hands raised"))
        c.setWindowTitle(_("ScamSense workshop: your screen"))
        if self.audience is not None:
            self.audience.setWindowTitle(_("ScamSense workshop"))
        if self.tally is None:
            c.keys_hint.setText(_("Next: Page Down, →, Space. Back: Page Up, ←. N hides the notes. Esc leaves."))
        else:
            c.keys_hint.setText(_("Type the number of hands for each option. Page Down reveals the answer and goes on; Page Up goes back. Esc leaves."))
        if self.make_slides is not None and self.running:
            self.slides = self.make_slides()
        self.show_step()

    def show_step(self) -> None:
        step = self.step
        c = self.console
        if step is None:
            view = View([Block(_("Nothing to show: choose guides or questions first."), 1.0)])
            self._set(view, "", "")
            return
        quiz = self.tally is not None
        c.hands.setVisible(quiz and step.kind == "ask")
        c.hands_hint.setVisible(quiz and step.kind == "ask")
        c.skip_button.setVisible(quiz and step.kind == "ask")
        c.notes.setVisible(not quiz or step.kind != "ask")
        if self.audience is None:  # one screen: counting hands needs room for a box per option
            c.layout_.setStretchFactor(c.stage, 1 if step.kind == "ask" else 3)
            c.layout_.setStretchFactor(c.panel_scroll, 1 if step.kind == "ask" else 2)
        c.previous_button.setEnabled(self.at > 0)
        last = self.at == len(self.steps) - 1
        if step.kind == "slide":
            slide = self.slides[step.index]
            position = _("Slide {n} of {total}").format(n=step.index + 1, total=len(self.slides))
            self._set(slide_view(slide, position), position, "\n\n".join(slide.notes))
            c.next_button.setText(_("End") if last else _("Next slide") + " ›")
        elif step.kind in ("ask", "reveal"):
            question = self.tally.questions[step.index]
            options = self.tally.options(question.id)
            entry = self.tally.get(question.id)
            total = len(self.tally.questions)
            position = _("Question {n} of {total}").format(n=step.index + 1, total=total)
            if step.kind == "ask":
                view = question_view(question, options, step.index + 1, total)
                c.hands.set_options(options, entry.counts if entry and entry.counts else None)
                c.hands_hint.setText(_("Count the hands for each option. If nobody raises a hand, or you run out of time, skip the question."))
                self._set(view, position, "")
                c.next_button.setText(_("Reveal the answer") + " ›")
                if c.hands.boxes:
                    c.hands.boxes[0].setFocus()
                    c.hands.boxes[0].selectAll()
            else:
                skipped = entry is None or entry.skipped
                view = question_view(question, options, step.index + 1, total, entry.counts if entry else None, revealed=True, skipped=skipped)
                notes = _("Read the answer and the explanation aloud.")
                if skipped:
                    notes += "\n" + _("This question was skipped: it is not counted in the result.")
                self._set(view, position, notes)
                c.next_button.setText(_("Next question") + " ›" if step.index + 1 < total else _("Show the result") + " ›")
                c.next_button.setFocus()
        else:
            chart = workshop.chart_data(self.tally)
            by = "question" if step.kind == "chart_question" else "type"
            title = _("How the room did, question by question") if by == "question" else _("How the room did, by type of scam")
            rows = chart_rows(chart, by, {q.id: q for q in self.tally.questions})
            if not rows:
                rows = []
                title += "\n" + _("No hands were counted.")
            view = View(chart=rows, chart_title=title, accessible=title + ". " + ". ".join(f"{r[0]}: {r[1]}" for r in rows))
            self._set(view, title, _("Praise what went well. Go back over the scam types with the shortest bars."))
            c.next_button.setText(_("End") if last else _("By type of scam") + " ›")
            c.next_button.setFocus()
        self.changed.emit()

    def _set(self, view: View, position: str, notes: str) -> None:
        for stage in self.views:
            stage.set_view(view)
        c = self.console
        c.position.setText(position)
        c.notes.setText(notes)
        c.panel_scroll.setVisible(self.notes_shown or self.audience is not None)

    # --- moving --------------------------------------------------------------------------------

    def record_hands(self) -> None:
        """Keep what was typed on the question being asked (all zero counts as skipped)."""
        step = self.step
        if self.tally is None or step is None or step.kind != "ask":
            return
        question = self.tally.questions[step.index]
        counts = self.console.hands.counts()
        if len(counts) != len(self.tally.options(question.id)):
            return
        if sum(counts) == 0:
            self.tally.skip(question.id)
        else:
            self.tally.record(question.id, counts)

    def next(self) -> None:
        self.record_hands()
        if self.at >= len(self.steps) - 1:
            self.stop()
            return
        self.at += 1
        self.show_step()

    def previous(self) -> None:
        if self.at <= 0:
            return
        self.record_hands()
        self.at -= 1
        self.show_step()

    def skip(self) -> None:
        step = self.step
        if self.tally is None or step is None or step.kind != "ask":
            return
        self.tally.skip(self.tally.questions[step.index].id)
        self.at += 1
        self.show_step()

    def toggle_notes(self) -> None:
        self.notes_shown = not self.notes_shown
        self.console.panel_scroll.setVisible(self.notes_shown or self.audience is not None)

    # --- keys ----------------------------------------------------------------------------------

    def _ours(self, obj) -> bool:
        window = obj.window() if isinstance(obj, QWidget) else None
        return window is not None and window in (self.console, self.audience)

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.running or not self._ours(obj):
            return False
        key = event.key()
        typing = isinstance(obj, (QAbstractSpinBox, QLineEdit))
        if key == Qt.Key.Key_Escape:
            self.stop()
            return True
        if typing and key not in CLICKER_KEYS:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.next()
                return True
            return False
        if key in NEXT_KEYS:
            self.next()
            return True
        if key in PREVIOUS_KEYS:
            self.previous()
            return True
        if key == Qt.Key.Key_N and self.tally is None:
            self.toggle_notes()
            return True
        return False
