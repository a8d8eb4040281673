"""The quiz screen: choose a set, answer one question per screen, see why, get a result.

Each format has its own look: a phone message for "scam or genuine?", the same message
cut into tappable pieces for "spot the red flags", a short chat for a scenario. Answers
take number keys 1-9 and Enter goes on. An answer is always shown with words and an
icon (never colour alone) and its explanation before the next question.

The screen is given the bank (lazily), the progress store and a random source; it
keeps no state that ``reset()`` cannot forget.
"""

from __future__ import annotations

import html
import random
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMarginsF, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import N_, _, content_gettext
from core.quiz.bank import Bank, Question
from core.quiz.scoring import Segment, segments
from core.quiz.session import (
    JOB_SEEKERS,
    OLDER_ADULTS,
    PASS_PERCENT,
    QUICK,
    SCAM_TYPE_NAMES,
    Answer,
    QuizSet,
    Session,
    find_set,
    type_set,
)
from core.quiz.wording import choice_counts, drop_echo
from ui.screens.base import Screen
from ui.widgets import FlowLayout

RIGHT, WRONG, PARTLY, MISSED = "✔", "✘", "◐", "⚑"
TICKED, UNTICKED = "☑", "☐"

CHANNEL_NAMES = {
    "sms": N_("Text message"),
    "chat": N_("Chat message"),
    "call": N_("Phone call"),
    "email": N_("Email"),
    "ad": N_("Advert"),
    "social": N_("Social media post"),
}

# what to do, by touch or mouse ({button}: the Check button's own words)
FORMAT_HINTS = {
    "single": N_("Choose one answer."),
    "multiple": N_("Choose every answer that fits, then press “{button}”."),
    "scam_or_genuine": N_("Is it a scam or genuine? Choose one."),
    "red_flags": N_("Tap the words that give the scam away (one word of each is enough), then press “{button}”."),
    "scenario": N_("Choose what you would say or do."),
}
# the same by keyboard: only where there is one (not on a kiosk's touch screen)
KEY_HINTS = {
    "single": N_("Keyboard: 1 to {n}."),
    "multiple": N_("Keyboard: 1 to {n}, then Enter."),
    "scam_or_genuine": N_("Keyboard: 1 for scam, 2 for genuine."),
    "red_flags": N_("Keyboard: Tab and Space choose a word, Enter checks."),
    "scenario": N_("Keyboard: 1 to {n}."),
}


def _c(text: str | None) -> str:
    """Translate a content string (a question's text) into the current language."""
    return content_gettext(text or "")


def _sentences(first: str, second: str) -> str:
    """Two sentences in a row: a space between them in English, none in Chinese."""
    return _("{first} {second}").format(first=first, second=second)


def _and(parts: list[str]) -> str:
    """Short phrases in a row: "1 right, 2 missed"."""
    out = parts[0]
    for part in parts[1:]:
        out = _("{first}, {second}").format(first=out, second=part)
    return out


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class QuietFocus(QObject):
    """Keyboard focus given to the first answer when a question appears, without the focus
    ring: a ring there looks like an answer already chosen. The ring comes back as soon as the
    keyboard moves (Tab, an arrow, Space) or focus goes elsewhere. (theme.qss: quietFocus.)"""

    KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space}

    def give(self, widget: QWidget) -> None:
        widget.setProperty("quietFocus", True)
        _repolish(widget)
        widget.installEventFilter(self)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def release(self, widget: QWidget) -> None:
        widget.removeEventFilter(self)
        if widget.property("quietFocus"):
            widget.setProperty("quietFocus", False)
            _repolish(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut or (kind == QEvent.Type.KeyPress and event.key() in self.KEYS):
            self.release(watched)
        return False


def _set_role(widget: QWidget, role: str, **properties) -> QWidget:
    widget.setProperty("role", role)
    for name, value in properties.items():
        widget.setProperty(name, value)
    return widget


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _show_items(layout: QLayout) -> None:
    """Show what was just added now, not on the next turn of the event loop, so focus can land on it."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None and item.widget().parentWidget() is not None and item.widget().parentWidget().isVisible():
            item.widget().show()
        elif item.layout() is not None:
            _show_items(item.layout())


class WrapButton(QPushButton):
    """A button whose text wraps (options and replies are whole sentences), with its number
    on the first line of the text and, on the right, a tag that says its state in words
    ("☑ Selected"), never by colour alone."""

    def __init__(self, role: str = "option"):
        super().__init__()
        _set_role(self, role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        outer = QVBoxLayout(self)
        outer.setSpacing(0)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.number = QLabel()
        self.number.setProperty("role", "number")
        self.label = QLabel(wordWrap=True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.tag = QLabel(objectName="optionTag")
        self.tag.hide()
        for label in (self.number, self.label, self.tag):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        row.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignTop)
        # the row keeps its own height and sits in the middle of a taller button, so the number
        # and the text's first line share a top edge however many lines the text has
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._text = ""
        self._tag_words = ""
        self._ticks: tuple[tuple[str, str], tuple[str, str]] | None = None
        self.toggled.connect(self._show_tick)
        self._fit_margins()

    def _fit_margins(self) -> None:
        """Room around the text that grows with the text size (at 200% the text touched the edge)."""
        unit = max(self.fontInfo().pixelSize(), 18)
        self.layout().setContentsMargins(round(unit * 0.9), round(unit * 0.55), round(unit * 0.9), round(unit * 0.55))

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_margins()
        super().changeEvent(event)

    def set_texts(self, number: str, text: str) -> None:
        self.number.setText(number)
        self.number.setVisible(bool(number))
        self.label.setText(text)
        self._text = text
        self._name()
        self.updateGeometry()

    def set_tag(self, symbol: str, words: str = "") -> None:
        """Show the button's state on its right: a symbol and words ("☑ Selected")."""
        shown = f"{symbol} {words}".strip()
        self.tag.setText(shown)
        self.tag.setVisible(bool(shown))
        self._tag_words = words
        self._name()
        self.updateGeometry()

    def set_ticks(self, on: tuple[str, str], off: tuple[str, str]) -> None:
        """A tickable option: its tag follows the ticked state."""
        self._ticks = (on, off)
        self._show_tick(self.isChecked())

    def _show_tick(self, on: bool) -> None:
        if self._ticks is not None:
            self.set_tag(*self._ticks[0 if on else 1])

    def _name(self) -> None:
        name = f"{self.number.text() if self.number.isVisibleTo(self) else ''} {self._text}".strip()
        self.setAccessibleName(f"{name}, {self._tag_words}" if self._tag_words else name)

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint().expandedTo(QSize(200, 56))

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(56, self.layout().totalHeightForWidth(width))


class Piece(QPushButton):
    """A piece of a red-flag message to tap. It is as wide as it will be with its tick, so that
    tapping one never moves the others."""

    def __init__(self, text: str):
        super().__init__(text)
        self.plain = text
        _set_role(self, "piece")
        self.setCheckable(True)

    def show_tick(self, on: bool) -> None:
        self.setText(f"{TICKED} {self.plain}" if on else self.plain)
        self.setAccessibleName(f"{self.plain}, " + _("Selected") if on else self.plain)

    def sizeHint(self) -> QSize:
        """As wide as its text with a tick (the style's own hint is never under 80 pixels, which
        made a one-character piece as wide as a four-character one), and never narrower than tall.
        Once answered, as wide as its text with its mark."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = metrics.horizontalAdvance(self.text())
        if self.isEnabled():  # an answered piece is never ticked again: no room kept for it
            text = max(text, metrics.horizontalAdvance(f"{TICKED} {self.plain}"))
        option = QStyleOptionButton()
        self.initStyleOption(option)
        probe = 1000  # wide enough for no minimum to apply: what is left over is padding and border
        frame = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, QSize(probe, metrics.height()), self).width() - probe
        return QSize(max(text + frame, hint.height()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class Bubble(QFrame):
    """One message: a phone message card, or a line of a chat."""

    def __init__(self, role: str = "phone"):
        super().__init__()
        _set_role(self, role)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(18, 12, 18, 14)
        self.column.setSpacing(6)
        self.channel = QLabel(wordWrap=True)
        self.channel.setProperty("role", "muted")
        self.sender = QLabel(wordWrap=True)
        self.sender.setProperty("role", "sender")
        self.column.addWidget(self.channel)
        self.column.addWidget(self.sender)


class Feedback(QFrame):
    """An answer's verdict: an icon, words, and the explanation. Never colour alone."""

    def __init__(self, kind: str, headline: str, text: str = ""):
        super().__init__()
        self.setProperty("feedback", "right" if kind == RIGHT else ("wrong" if kind == WRONG else "partly"))
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(12)
        icon = QLabel(kind)
        icon.setProperty("role", "icon")
        icon.setAccessibleName(headline)
        column = QVBoxLayout()
        column.setSpacing(4)
        self.headline = QLabel(headline, wordWrap=True)
        self.headline.setProperty("role", "verdict")
        column.addWidget(self.headline)
        if text:
            body = QLabel(text, wordWrap=True)
            column.addWidget(body)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.setAccessibleName(f"{headline} {text}".strip())


class QuizScreen(Screen):
    key = "quiz"

    def __init__(
        self,
        load_bank: Callable[[], Bank],
        progress,
        rng_factory: Callable[[], random.Random] = random.Random,
        documents_dir: Callable[[], str] | None = None,
        keyboard: bool = True,
    ):
        """``keyboard``: the hints also name the keys (not on a kiosk, which has a touch screen)."""
        super().__init__()
        self.keyboard = keyboard
        self._load_bank = load_bank
        self._bank: Bank | None = None
        self.progress = progress
        self.rng_factory = rng_factory
        self.documents_dir = documents_dir or (lambda: str(Path.home()))
        self.session: Session | None = None
        self._recorded = False
        self._chosen: set[int] = set()  # options ticked, as indexes in the data
        self._tapped: set[int] = set()  # red-flag pieces tapped, as indexes into self._segments
        self._segments: list[Segment] = []
        self._pieces: dict[int, Piece] = {}
        self._scenario_log: list[tuple[str, str, str]] = []  # (speaker line, reply, feedback), as sources
        self._hotkeys: list[Callable[[], None]] = []
        self._quiet = QuietFocus(self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_chooser()
        self._build_question_page()
        self._build_result_page()
        self.ensurePolished()  # size hints from the stylesheet's fonts (bold buttons), not the default

    # --- the bank ----------------------------------------------------------------------------------

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            self._bank = self._load_bank()
        return self._bank

    # --- building --------------------------------------------------------------------------------

    @staticmethod
    def _scroll_page() -> tuple[QScrollArea, QVBoxLayout]:
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        body = QWidget(objectName="quizBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        scroll.setWidget(body)
        return scroll, column

    def _build_chooser(self) -> None:
        scroll, column = self._scroll_page()
        self.chooser_heading = _set_role(QLabel(wordWrap=True), "h1")
        self.chooser_lead = _set_role(QLabel(wordWrap=True), "lead")
        self.notice = _set_role(QLabel(wordWrap=True, objectName="quizNotice"), "notice")
        self.notice.hide()
        self.keeping = _set_role(QLabel(wordWrap=True), "muted")
        column.addWidget(self.chooser_heading)
        column.addWidget(self.chooser_lead)
        column.addWidget(self.notice)
        self.set_buttons: dict[str, WrapButton] = {}
        for quiz_set in (QUICK, JOB_SEEKERS, OLDER_ADULTS):
            button = WrapButton("primary" if quiz_set is QUICK else "option")
            button.setObjectName(f"quizSet_{quiz_set.id.replace(':', '_')}")
            button.clicked.connect(lambda _c=False, s=quiz_set: self.start(s))
            self.set_buttons[quiz_set.id] = button
            column.addWidget(button)
        self.types_heading = _set_role(QLabel(wordWrap=True), "h2")
        column.addWidget(self.types_heading)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, scam_type in enumerate(SCAM_TYPE_NAMES):
            quiz_set = type_set(scam_type)
            button = WrapButton("option")
            button.setObjectName(f"quizSet_type_{scam_type}")
            button.clicked.connect(lambda _c=False, s=quiz_set: self.start(s))
            self.set_buttons[quiz_set.id] = button
            grid.addWidget(button, index // 2, index % 2)
        column.addLayout(grid)
        column.addWidget(self.keeping)
        column.addStretch(1)
        self.chooser = scroll
        self.pages.addWidget(scroll)

    def _build_question_page(self) -> None:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        scroll, column = self._scroll_page()
        self.question_scroll = scroll
        top = QHBoxLayout()
        self.counter = _set_role(QLabel(objectName="quizCounter"), "muted")
        self.type_label = _set_role(QLabel(objectName="quizType"), "muted")
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.type_label)
        column.addLayout(top)
        self.prompt = _set_role(QLabel(wordWrap=True, objectName="quizPrompt"), "h2")
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.prompt)
        self.hint = _set_role(QLabel(wordWrap=True, objectName="quizHint"), "muted")
        column.addWidget(self.hint)
        self.before = QVBoxLayout()  # the verdict, above the options it is about
        column.addLayout(self.before)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        column.addLayout(self.body)
        self.after = QVBoxLayout()
        self.after.setSpacing(10)
        column.addLayout(self.after)
        column.addStretch(1)
        outer.addWidget(scroll, 1)

        bar = QFrame(objectName="quizBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(32, 10, 32, 14)
        self.quit_button = QPushButton(objectName="quizQuit")
        self.quit_button.clicked.connect(self.show_chooser)
        self.check_button = _set_role(QPushButton(objectName="quizCheck"), "primary")
        self.check_button.clicked.connect(self.check)
        self.next_button = _set_role(QPushButton(objectName="quizNext"), "primary")
        self.next_button.clicked.connect(self.go_on)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.next_button)
        outer.addWidget(bar)
        self.question_page = page
        self.pages.addWidget(page)

    def _build_result_page(self) -> None:
        scroll, column = self._scroll_page()
        self.result_heading = _set_role(QLabel(wordWrap=True, objectName="quizResultHeading"), "h1")
        self.result_set = _set_role(QLabel(wordWrap=True, objectName="quizResultSet"), "muted")
        self.result_score = _set_role(QLabel(wordWrap=True, objectName="quizScore"), "value")
        self.result_words = _set_role(QLabel(wordWrap=True), "lead")
        self.review_heading = _set_role(QLabel(wordWrap=True), "h2")
        self.review_list = QVBoxLayout()
        self.review_list.setSpacing(4)
        column.addWidget(self.result_heading)
        column.addWidget(self.result_set)
        column.addWidget(self.result_score)
        column.addWidget(self.result_words)
        column.addWidget(self.review_heading)
        column.addLayout(self.review_list)

        card = _set_role(QFrame(objectName="certificateCard"), "card")
        card_column = QVBoxLayout(card)
        card_column.setContentsMargins(20, 14, 20, 14)
        self.certificate_heading = _set_role(QLabel(wordWrap=True, objectName="certificateHeading"), "h2")
        self.certificate_about = QLabel(wordWrap=True, objectName="certificateAbout")
        self.name_label = QLabel(wordWrap=True)
        self.name_field = QLineEdit(objectName="certificateName")
        self.name_label.setBuddy(self.name_field)
        self.certificate_button = QPushButton(objectName="certificateSave")
        self.certificate_button.clicked.connect(self._ask_certificate_path)
        self.certificate_status = _set_role(QLabel(wordWrap=True, objectName="certificateStatus"), "muted")
        self.certificate_status.hide()  # shown once there is something to say
        for widget in (self.certificate_heading, self.certificate_about, self.name_label, self.name_field):
            card_column.addWidget(widget)
        button_row = QHBoxLayout()
        button_row.addWidget(self.certificate_button)
        button_row.addStretch(1)
        card_column.addLayout(button_row)
        card_column.addWidget(self.certificate_status)
        column.addWidget(card)

        row = QHBoxLayout()
        self.again_button = _set_role(QPushButton(objectName="quizAgain"), "primary")
        self.again_button.clicked.connect(lambda: self.start(self.session.quiz_set) if self.session else None)
        self.other_button = QPushButton(objectName="quizOther")
        self.other_button.clicked.connect(self.show_chooser)
        row.addWidget(self.again_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.result_page = scroll
        self.pages.addWidget(scroll)

    # --- Screen ------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Quiz")

    def retranslate(self) -> None:
        self.chooser_heading.setText(_("Test yourself"))
        self.chooser_lead.setText(_("Ten short questions at a time. After each answer you see why it is right or wrong."))
        self.types_heading.setText(_("One kind of scam"))
        self.quit_button.setText(_("Stop this quiz"))
        self.quit_button.setAccessibleName(_("Stop this quiz and choose another"))
        self.check_button.setText(_("Check my answer"))
        self.check_button.setAccessibleName(_("Check my answer"))
        self.check_button.setToolTip(_("Keyboard: Enter"))
        self.next_button.setAccessibleName(_("Next question"))
        self.next_button.setToolTip(_("Keyboard: Enter"))
        self.review_heading.setText(_("Worth reading again"))
        self.name_label.setText(_("Name on the certificate (optional):"))
        self.name_field.setAccessibleName(_("Name on the certificate"))
        self.name_field.setPlaceholderText(_("Leave empty for no name"))
        self.certificate_button.setText(_("Save certificate as PDF…"))
        self.certificate_button.setAccessibleName(_("Save certificate as PDF"))
        self.again_button.setText(_("Try this quiz again"))
        self.again_button.setAccessibleName(_("Try this quiz again"))
        self.other_button.setText(_("Choose another quiz"))
        self.other_button.setAccessibleName(_("Choose another quiz"))
        self._set_status("")
        self._fill_chooser()
        if self.pages.currentWidget() is self.question_page and self.session and not self.session.finished:
            self._tapped.clear()  # the pieces of a message differ between languages
            self._show_question()
        elif self.pages.currentWidget() is self.result_page:
            self._show_result()

    def enter(self, params: dict | None) -> None:
        wanted = None
        if isinstance(params, dict):
            for key in ("set", "quiz", "scam_type"):
                if isinstance(params.get(key), str):
                    wanted = find_set(params[key])
                    break
        if wanted is not None:
            self.start(wanted)
        elif self.session is None:
            self.show_chooser()

    def reset(self) -> None:
        self.session = None
        self._recorded = False
        self._chosen.clear()
        self._tapped.clear()
        self._scenario_log.clear()
        self.name_field.clear()
        self._set_status("")
        self.show_chooser()

    # --- the chooser -----------------------------------------------------------------------------

    def show_chooser(self) -> None:
        self.session = None
        self._fill_chooser()
        self.pages.setCurrentWidget(self.chooser)
        first = self.set_buttons.get(QUICK.id)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_chooser(self) -> None:
        try:
            available = {s.id for s in self._available_sets()}
        except Exception:  # a broken bank shows an empty chooser, not a crash
            available = set()
        for set_id, button in self.set_buttons.items():
            quiz_set = find_set(set_id)
            title = _(quiz_set.title)
            best = self.progress.best(set_id) if available else None
            detail = ""
            if best is not None:
                percent = round(100 * best.score / best.total) if best.total else 0
                detail = _("Best so far: {percent}%").format(percent=percent)
            button.set_texts("", f"{title}\n{detail}" if detail else title)
            button.setAccessibleName(f"{title}. {detail}" if detail else title)
            button.setVisible(set_id in available)
        recovered = getattr(self.progress, "recovered_from", None)
        if recovered is not None:
            self.notice.setText(
                _("⚠ Your saved quiz scores could not be read, so they start afresh. The old file was kept as {name}.").format(
                    name=Path(recovered).name
                )
            )
            self.notice.show()
        else:
            self.notice.hide()
        if getattr(self.progress, "remembers", False):
            self.keeping.setText(_("Your scores are kept on this computer only."))
        else:
            self.keeping.setText(_("Scores are not kept on this computer."))

    def _available_sets(self) -> list[QuizSet]:
        sets = [QUICK, JOB_SEEKERS, OLDER_ADULTS] + [type_set(t) for t in SCAM_TYPE_NAMES]
        return [s for s in sets if s.pool(self.bank)]

    # --- a session --------------------------------------------------------------------------------

    def start(self, quiz_set: QuizSet, questions: list[Question] | None = None) -> None:
        """Start a set; ``questions`` asks exactly those, in that order, instead of a draw."""
        avoid = self.progress.seen()
        self.session = Session(quiz_set, self.bank, self.rng_factory(), avoid=avoid)
        if questions is not None:
            self.session.questions = list(questions)
        self._recorded = False
        self._set_status("")
        if not self.session.questions:
            self.show_chooser()
            return
        self._new_question()
        self.pages.setCurrentWidget(self.question_page)

    def _new_question(self) -> None:
        self._chosen.clear()
        self._tapped.clear()
        self._scenario_log.clear()
        self._show_question()

    def _show_question(self) -> None:
        session = self.session
        q = session.current
        _clear(self.before)
        _clear(self.body)
        _clear(self.after)
        self._hotkeys = []
        self.counter.setText(_("Question {n} of {total}").format(n=session.index + 1, total=len(session.questions)))
        self.type_label.setText(_(SCAM_TYPE_NAMES.get(q.scam_type, q.scam_type)))
        self.prompt.setText(_c(q.prompt))
        answered = session.answered
        getattr(self, f"_show_{q.format}")(q, answered)
        count = len(self._hotkeys)
        hint = _(FORMAT_HINTS[q.format]).format(button=self.check_button.text())
        if self.keyboard:
            hint = _sentences(hint, _(KEY_HINTS[q.format]).format(n=max(count, 1)))
        self.hint.setText(hint)
        self.hint.setVisible(not answered)
        needs_check = q.format in ("multiple", "red_flags")
        self.check_button.setVisible(needs_check and not answered)
        self.next_button.setVisible(answered)
        last = session.index + 1 >= len(session.questions)
        self.next_button.setText(_("See my result") if last else _("Next question"))
        self.next_button.setAccessibleName(_("See my result") if last else _("Next question"))
        if answered:
            self._show_after(session.answers[-1])
        for layout in (self.before, self.body, self.after):
            _show_items(layout)
        if answered:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            first = self._first_answer()
            if first is not None:
                self._quiet.give(first)
        self.question_scroll.verticalScrollBar().setValue(0)

    def _first_answer(self) -> QAbstractButton | None:
        """The first control that answers: an option, a verdict (in its row), a piece of the
        message (in its bubble), a reply (after the chat)."""
        for index in range(self.body.count()):
            widget = self.body.itemAt(index).widget()
            if widget is None:
                continue
            found = [widget] if isinstance(widget, QAbstractButton) else widget.findChildren(QAbstractButton)
            for button in found:
                if button.isEnabled() and button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    return button
        return None

    # single and multiple choice

    def _show_single(self, q: Question, answered: bool) -> None:
        self._show_choices(q, answered, multiple=False)

    def _show_multiple(self, q: Question, answered: bool) -> None:
        self._show_choices(q, answered, multiple=True)

    def _show_choices(self, q: Question, answered: bool, multiple: bool) -> None:
        chosen = set(self.session.answers[-1].detail["chosen"]) if answered else self._chosen
        for shown, index in enumerate(self.session.option_order(q)):
            option = q.options[index]
            button = WrapButton("option")
            button.setObjectName(f"quizOption{shown + 1}")
            button.setCheckable(True)
            button.setChecked(index in chosen)
            button.set_texts(f"{shown + 1}", _c(option.text))
            if answered:
                button.setEnabled(False)
                picked = index in chosen
                if picked:
                    button.set_tag(TICKED, _("Your choice"))
                if option.correct and picked:
                    icon, words, mark = RIGHT, _("Right answer, your choice"), "right"
                elif option.correct and multiple:
                    icon, words, mark = MISSED, _("You missed this"), "missed"
                elif option.correct:
                    icon, words, mark = RIGHT, _("Right answer"), "right"
                elif picked:
                    icon, words, mark = WRONG, _("Your choice. Not right"), "wrong"
                else:
                    icon, words, mark = WRONG, _("Not right"), ""
                button.setProperty("mark", mark)
                self.body.addWidget(button)
                explanation = drop_echo(_c(option.feedback), "right" if option.correct else "wrong")
                said = _("{verdict}: {explanation}").format(verdict=words, explanation=explanation)
                note = QLabel(f"{icon} {said}", wordWrap=True)
                note.setProperty("role", "optionFeedback")
                note.setProperty("mark", "right" if option.correct else "wrong")
                note.setAccessibleName(said)
                button.setAccessibleDescription(note.text())
                self.body.addWidget(note)
                continue
            if multiple:
                button.set_ticks((TICKED, _("Selected")), (UNTICKED, ""))
                button.toggled.connect(lambda on, i=index: self._toggle_option(i, on))
                self._hotkeys.append(button.toggle)
            else:
                button.clicked.connect(lambda _c=False, i=index: self._answer_single(i))
                self._hotkeys.append(lambda i=index: self._answer_single(i))
            self.body.addWidget(button)
        if not answered and multiple:
            self._update_check()

    def _toggle_option(self, index: int, on: bool) -> None:
        (self._chosen.add if on else self._chosen.discard)(index)
        self._update_check()

    def _update_check(self) -> None:
        q = self.session.current if self.session else None
        if q is None:
            return
        if q.format == "multiple":
            self.check_button.setEnabled(bool(self._chosen))
        elif q.format == "red_flags":
            self.check_button.setEnabled(bool(self._tapped))

    def _answer_single(self, index: int) -> None:
        if self.session and not self.session.answered:
            self.session.answer_choice({index})
            self._show_question()

    # scam or genuine?

    def _message_bubble(self, q: Question) -> Bubble:
        bubble = Bubble("phone")
        bubble.setObjectName("quizMessage")
        bubble.channel.setText(_(CHANNEL_NAMES.get(q.message.channel, q.message.channel)))
        bubble.sender.setText(_c(q.message.sender))
        bubble.setAccessibleName(
            _("{channel} from {sender}").format(
                channel=_(CHANNEL_NAMES.get(q.message.channel, q.message.channel)), sender=_c(q.message.sender)
            )
        )
        return bubble

    def _show_scam_or_genuine(self, q: Question, answered: bool) -> None:
        bubble = self._message_bubble(q)
        text = QLabel(_c(q.message.text), wordWrap=True)
        text.setProperty("role", "messageText")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bubble.column.addWidget(text)
        bubble.setAccessibleDescription(_c(q.message.text))
        row = QHBoxLayout()
        row.setSpacing(16)
        verdict = self.session.answers[-1].detail["verdict"] if answered else None
        for number, (value, label) in enumerate((("scam", _("Scam")), ("genuine", _("Genuine"))), start=1):
            button = _set_role(QPushButton(f"{number}  {label}"), "verdict")
            button.setObjectName(f"quizVerdict_{value}")
            button.setAccessibleName(label)
            button.setMinimumHeight(64)
            if answered:
                button.setEnabled(False)
                button.setCheckable(True)
                button.setChecked(value == verdict)
                right, picked = value == q.answer, value == verdict
                button.setProperty("mark", "right" if right else ("wrong" if picked else ""))
                if right:
                    words = _("Right answer, your choice") if picked else _("Right answer")
                else:
                    words = _("Your choice. Not right") if picked else ""
                icon = RIGHT if right else (WRONG if picked else "")
                button.setText(f"{icon} {label} · {words}".strip() if words else label)
                button.setAccessibleName(f"{label}: {words}" if words else label)
            else:
                button.clicked.connect(lambda _c=False, v=value: self._answer_verdict(v))
                self._hotkeys.append(lambda v=value: self._answer_verdict(v))
            row.addWidget(button, 1)
        holder = QWidget()
        holder.setLayout(row)
        self.body.addWidget(bubble)
        self.body.addWidget(holder)

    def _answer_verdict(self, verdict: str) -> None:
        if self.session and not self.session.answered:
            self.session.answer_verdict(verdict)
            self._show_question()

    # spot the red flags

    def _show_red_flags(self, q: Question, answered: bool) -> None:
        bubble = self._message_bubble(q)
        phrases = [_c(f.text) for f in q.flags]
        self._segments = segments(_c(q.message.text), phrases)
        pieces = QWidget(objectName="quizPieces")
        flow = FlowLayout(pieces, spacing=4)
        answer = self.session.answers[-1] if answered else None
        tapped = set(answer.detail.get("tapped", ())) if answer else self._tapped
        found_flags = answer.detail.get("found_flags", frozenset()) if answer else frozenset()
        self._pieces = {}
        marked: set[int] = set()  # flags whose first piece carries the ✔ or ⚑: once per phrase
        for index, seg in enumerate(self._segments):
            if not seg.tappable:
                flow.addWidget(_set_role(QLabel(seg.text), "pieceText"))
                continue
            text = seg.text.strip()
            button = Piece(text)
            button.setObjectName(f"quizPiece{index}")
            button.setChecked(index in tapped)
            if answered:
                button.setEnabled(False)
                if seg.flag is not None:
                    found = seg.flag in found_flags  # one piece tapped finds the whole flag
                    button.setProperty("mark", "found" if found else "missed")
                    button.setText(text if seg.flag in marked else f"{RIGHT if found else MISSED} {text}")
                    marked.add(seg.flag)
                    button.setAccessibleName(f"{text}: " + (_("You found it") if found else _("Missed")))
                elif index in tapped:
                    button.setProperty("mark", "wrong")
                    button.setText(f"{WRONG} {text}")
                    button.setAccessibleName(f"{text}: " + _("Not a warning sign"))
                else:
                    button.setText(text)
                    button.setAccessibleName(text)
            else:
                self._pieces[index] = button
                button.show_tick(index in tapped)
                button.toggled.connect(lambda on, i=index: self._toggle_piece(i, on))
            flow.addWidget(button)
        bubble.column.addWidget(pieces)
        self.body.addWidget(bubble)
        if not answered:
            self.selected_line = _set_role(QLabel(wordWrap=True, objectName="quizSelected"), "muted")
            self.body.addWidget(self.selected_line)
            self._update_selected()
            self._update_check()
            self._hotkeys = []  # pieces are too many for number keys: Tab and Space reach them

    def _update_selected(self) -> None:
        picked = [self._segments[i].text.strip().rstrip("，。！？：；、,.!?:;") for i in sorted(self._tapped)]
        # TRANSLATORS: between the pieces of a message someone has tapped ("快递、您的")
        joined = _(", ").join(picked)
        self.selected_line.setText(_("Selected: {pieces}").format(pieces=joined) if picked else _("Nothing selected yet."))

    def _toggle_piece(self, index: int, on: bool) -> None:
        (self._tapped.add if on else self._tapped.discard)(index)
        self._pieces[index].show_tick(on)
        self._update_selected()
        self._update_check()

    # a scenario

    def _show_scenario(self, q: Question, answered: bool) -> None:
        run = self.session.scenario_run()
        chat = QFrame(objectName="quizChat")
        _set_role(chat, "chat")
        column = QVBoxLayout(chat)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        for step_id, reply_index in run.path:
            step = q.steps[step_id]
            reply = step.replies[reply_index]
            column.addWidget(self._line_bubble(_c(step.speaker), _c(step.line), "them"))
            column.addWidget(self._line_bubble(_("You"), _c(reply.text), "me"))
            note = _set_role(QLabel(f"↳ {_c(reply.feedback)}", wordWrap=True), "muted")
            note.setAlignment(Qt.AlignmentFlag.AlignRight)
            column.addWidget(note)
        step = run.step
        if step is not None:
            column.addWidget(self._line_bubble(_c(step.speaker), _c(step.line), "them"))
        self.body.addWidget(chat)
        if step is not None:
            for shown, index in enumerate(run.reply_order()):
                button = WrapButton("option")
                button.setObjectName(f"quizReply{shown + 1}")
                button.set_texts(f"{shown + 1}", _c(step.replies[index].text))
                button.clicked.connect(lambda _c=False, i=index: self._reply(i))
                self._hotkeys.append(lambda i=index: self._reply(i))
                self.body.addWidget(button)

    def _line_bubble(self, speaker: str, text: str, side: str) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        bubble = Bubble("bubbleMe" if side == "me" else "bubbleThem")
        bubble.channel.hide()
        bubble.sender.setText(speaker)
        label = QLabel(text, wordWrap=True)
        bubble.column.addWidget(label)
        bubble.setAccessibleName(f"{speaker}: {text}")
        bubble.setMaximumWidth(640)
        if side == "me":
            row.addStretch(1)
            row.addWidget(bubble, 4)
        else:
            row.addWidget(bubble, 4)
            row.addStretch(1)
        return holder

    def _reply(self, index: int) -> None:
        if not self.session or self.session.answered:
            return
        run = self.session.scenario_run()
        run.choose(index)
        if run.ending is not None:
            self.session.answer_scenario()
        self._show_question()

    # checking and moving on

    def check(self) -> None:
        """Check a multiple-choice or red-flags answer (the Check button, or Enter)."""
        session = self.session
        if session is None or session.finished or session.answered:
            return
        q = session.current
        if q.format == "multiple" and self._chosen:
            session.answer_choice(set(self._chosen))
        elif q.format == "red_flags" and self._tapped:
            session.answer_flags(self._segments, set(self._tapped))
        else:
            return
        self._show_question()

    def _show_after(self, answer: Answer) -> None:
        q = answer.question
        if answer.score >= 1:
            kind, headline = RIGHT, _("Right!")
        elif answer.score > 0:
            kind, headline = PARTLY, _("Partly right.")
        else:
            kind, headline = WRONG, _("Not right.")
        if q.format == "multiple" and answer.score < 1:
            right, wrong, missed = choice_counts(q.correct_options, answer.detail.get("chosen", frozenset()))
            parts = [text for n, text in (
                (right, _("{n} right").format(n=right)),
                (wrong, _("{n} wrong").format(n=wrong)),
                (missed, _("{n} missed").format(n=missed)),
            ) if n]
            verdict = _("Partly right: {summary}.") if answer.score > 0 else _("Not right: {summary}.")
            headline = verdict.format(summary=_and(parts))
        if q.format == "scam_or_genuine":
            truth = _("It is a scam.") if q.answer == "scam" else _("It is genuine.")
            self.after.addWidget(Feedback(kind, _sentences(headline, truth), drop_echo(_c(q.explanation), q.answer or "")))
        elif q.format == "red_flags":
            found = answer.detail.get("found", 0)
            wrong = self._wrong_marks(answer)  # as many as the pieces marked ✘ above
            summary = _("You found {found} of {total} warning signs.").format(found=found, total=len(q.flags))
            if wrong:
                summary = _sentences(summary, _("Taps that were not on a warning sign: {n}.").format(n=wrong))
            self.after.addWidget(Feedback(kind, _sentences(headline, summary), _c(q.explanation)))
            found_flags = answer.detail.get("found_flags", frozenset())
            for index, flag in enumerate(q.flags):
                status = (RIGHT + " " + _("You found it")) if index in found_flags else ("⚑ " + _("Missed"))
                said = _("{status}: “{phrase}”. {why}").format(status=status, phrase=_c(flag.text), why=_c(flag.why))
                line = _set_role(QLabel(said, wordWrap=True), "flagWhy")
                line.setProperty("mark", "found" if index in found_flags else "missed")
                self.after.addWidget(line)
        elif q.format == "scenario":
            ending = q.endings[answer.detail["ending"]]
            words = _("You stayed safe.") if ending.safe else _("The scam worked.")
            self.after.addWidget(Feedback(RIGHT if ending.safe else WRONG, words, _c(ending.text)))
        else:
            self.before.addWidget(Feedback(kind, headline))
        guide = QPushButton(_("Read the guide on this scam"))
        _set_role(guide, "link")
        guide.setObjectName("quizGuideLink")
        guide.setAccessibleName(_("Read the guide on this scam"))
        guide.clicked.connect(lambda _c=False, g=q.guide: self.navigate.emit("guides", {"guide": g}))
        self.after.addWidget(guide)

    def _wrong_marks(self, answer: Answer) -> int:
        """The tapped pieces that are on no warning sign: each is marked ✘ in the message (the
        score counts a run of them as one mistake; the words count what the person sees)."""
        segs = self._segments
        return sum(1 for i in answer.detail.get("tapped", ()) if 0 <= i < len(segs) and segs[i].tappable and segs[i].flag is None)

    def go_on(self) -> None:
        session = self.session
        if session is None or not session.answered:
            return
        session.next()
        if session.finished:
            self._finish()
        else:
            self._new_question()

    def _finish(self) -> None:
        if not self._recorded:
            self.progress.record(self.session.result())
            self._recorded = True
        self._show_result()
        self.pages.setCurrentWidget(self.result_page)
        self.again_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the result --------------------------------------------------------------------------------

    @staticmethod
    def _score_words(result) -> str:
        """The score said plainly: "2 of 5 right, 1 partly right (47%)"."""
        said = _("{right} of {total} right").format(right=result.right, total=result.total)
        if result.partly:
            said = _and([said, _("{n} partly right").format(n=result.partly)])
        return _("{score} ({percent}%)").format(score=said, percent=result.percent)

    def _show_result(self) -> None:
        if self.session is None:
            return
        result = self.session.result()
        self.result_heading.setText(_("Your result"))
        self.result_set.setText(_(result.quiz_set.title))
        self.result_score.setText(self._score_words(result))
        if result.percent >= 80:
            self.result_words.setText(_("Well done. You know the signs; pass them on to someone who needs them."))
        elif result.percent >= 50:
            self.result_words.setText(_("A good start. Read the guides below, then try again."))
        else:
            self.result_words.setText(_("These scams are built to fool people. The guides below show the signs to look for."))
        if result.passed:
            self.certificate_heading.setText(_("Pass certificate"))
            self.certificate_about.setText(
                _("You passed with {percent}%. The certificate says so, with your name if you give one.").format(percent=result.percent)
            )
        else:
            self.certificate_heading.setText(_("Certificate of taking part"))
            self.certificate_about.setText(
                _("It says that you took part in this quiz. With {mark}% or more, you get a pass certificate.").format(mark=PASS_PERCENT)
            )
        _clear(self.review_list)
        review = result.types_to_review()
        self.review_heading.setVisible(bool(review))
        for scam_type, guide in review:
            link = _set_role(QPushButton("→ " + _(SCAM_TYPE_NAMES.get(scam_type, scam_type))), "link")
            link.setObjectName(f"quizReview_{scam_type}")
            link.setAccessibleName(_("Read the guide: {name}").format(name=_(SCAM_TYPE_NAMES.get(scam_type, scam_type))))
            link.clicked.connect(lambda _c=False, g=guide: self.navigate.emit("guides", {"guide": g}))
            self.review_list.addWidget(link)
        _show_items(self.review_list)

    def certificate_html(self, name: str) -> str:
        result = self.session.result()
        who = html.escape(name.strip())
        when = time.strftime("%Y-%m-%d")
        title = _("Pass certificate") if result.passed else _("Certificate of taking part")
        heading, subtitle = html.escape(title), html.escape(_("ScamSense quiz"))
        lines = [
            f"<h1 style='text-align:center'>{heading}</h1>",
            f"<p style='text-align:center; font-size:16pt'>{subtitle}</p>",
        ]
        if who:
            lines.append(f"<h2 style='text-align:center'>{who}</h2>")
        quiz = _(result.quiz_set.title)
        if result.passed:
            lines += [
                "<p style='text-align:center; font-size:14pt'>" + html.escape(_("passed the quiz “{quiz}”").format(quiz=quiz)) + "</p>",
                "<p style='text-align:center; font-size:14pt'>" + html.escape(self._score_words(result)) + "</p>",
            ]
        else:
            lines.append(
                "<p style='text-align:center; font-size:14pt'>" + html.escape(_("took part in the quiz “{quiz}”").format(quiz=quiz)) + "</p>"
            )
        lines += [
            f"<p style='text-align:center'>{html.escape(when)}</p>",
            "<p style='text-align:center'>"
            + html.escape(_("Stop. Check. Ask someone you trust before you pay."))
            + "</p>",
        ]
        return "\n".join(lines)

    def _set_status(self, text: str) -> None:
        self.certificate_status.setText(text)
        self.certificate_status.setVisible(bool(text))

    def save_certificate(self, path: str) -> bool:
        """Write the certificate as a PDF (Qt print support). Returns whether it worked."""
        from PySide6.QtPrintSupport import QPrinter

        if self.session is None or not self.session.finished:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(20, 20, 20, 20)))
        document = QTextDocument()
        font = QApplication.font()
        font.setPointSize(14)
        document.setDefaultFont(font)
        document.setHtml(self.certificate_html(self.name_field.text()))
        document.print_(printer)
        ok = Path(path).is_file() and Path(path).stat().st_size > 0
        if ok:
            self._set_status(_("Saved: {path}").format(path=path))
        else:
            self._set_status(_("The certificate could not be saved there."))
        return ok

    def _ask_certificate_path(self) -> None:
        suggested = str(Path(self.documents_dir()) / (_("certificate") + ".pdf"))
        path, _filter = QFileDialog.getSaveFileName(self, _("Save certificate as PDF"), suggested, _("PDF files") + " (*.pdf)")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_certificate(path)

    # --- keys --------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages.currentWidget() is self.question_page and self.session and not self.session.finished:
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self.session.answered:
                index = key - Qt.Key.Key_1
                if index < len(self._hotkeys):
                    self._hotkeys[index]()
                    event.accept()
                    return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.session.answered:
                    self.go_on()
                else:
                    self.check()
                event.accept()
                return
        super().keyPressEvent(event)
