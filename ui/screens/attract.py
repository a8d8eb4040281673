"""The attract screen: what a kiosk shows between visitors.

It cycles the guides' key rules ("Real police never ask you to transfer money...") in every
offered language, each with the region's numbers to call (the largest text on the screen, each
with its name), above a large "Touch to start" and one large button per language. The language
buttons wrap onto a second row on a narrow screen: nothing scrolls sideways. The rules come from the guides' content (translated through the
content catalog), the numbers from the region facts: nothing here is typed in.

Touching anywhere starts; a language button starts in that language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core import i18n
from core.i18n import N_, _
from core.regions import name_on_its_own, only_phones
from ui.screens.base import Screen
from ui.widgets import FlowLayout, scrolling_page

TOUCH_TO_START = N_("Touch to start")
CALL_LINE = N_("Someone asking you for money right now? Stop and call:")
CALL_OR_REPORT_LINE = N_("Someone asking you for money right now? Stop. Call or report:")  # a website too
NAME = N_("ScamSense")
RULE_SECONDS = 7
SHOW_NAME_FROM_PX = 700  # the screen's height from which the app's name is shown above the rule


class CentredFlow(FlowLayout):
    """A FlowLayout whose rows are centred, and whose items never grow wider than the row
    (a long channel name wraps inside its block instead of pushing the page sideways)."""

    def _arrange(self, rect: QRect, move: bool) -> int:
        rows: list[list] = [[]]
        widths: list[int] = [0]
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), max(1, rect.width()))
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            needed = width + (self._spacing if rows[-1] else 0)
            if rows[-1] and widths[-1] + needed > rect.width():
                rows.append([])
                widths.append(0)
                needed = width
            rows[-1].append((item, QSize(width, height)))
            widths[-1] += needed
        y = rect.y()
        for row, used in zip(rows, widths):
            if not row:
                continue
            row_height = max(size.height() for _item, size in row)
            if move:
                x = rect.x() + max(0, (rect.width() - used) // 2)
                for item, size in row:
                    item.setGeometry(QRect(QPoint(x, y + (row_height - size.height()) // 2), size))
                    x += size.width() + self._spacing
            y += row_height + self._spacing
        return max(0, y - self._spacing - rect.y())

    def minimumSize(self) -> QSize:
        # as narrow as need be (rows wrap, a block's own text wraps), as tall as its tallest item
        height = max((item.minimumSize().height() for item in self._items if not item.isEmpty()), default=0)
        return QSize(0, height)


class AttractScreen(Screen):
    def __init__(
        self,
        rules: Callable[[], Sequence[str]],
        locales: Callable[[], Sequence[str]],
        state,
        region: Callable,
        interval_ms: int = RULE_SECONDS * 1000,
    ):
        super().__init__()
        self.rules = rules  # English sources, translated with the content domain
        self.locales = locales
        self.state = state
        self.region = region
        self.step = 0
        self._start_locale = i18n.current_locale()

        outer = scrolling_page(self, margins=(48, 24, 48, 24), spacing=20)  # scrolls only at large text sizes
        self.name_label = QLabel(objectName="attractName", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.name_label.setProperty("role", "h1")
        outer.addWidget(self.name_label)
        outer.addStretch(1)

        self.card = QFrame(objectName="attractCard")
        self.card.setProperty("role", "card")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(36, 28, 36, 28)
        card_layout.setSpacing(16)
        self.rule_label = QLabel(objectName="attractRule", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.call_label = QLabel(objectName="attractCall", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        # the numbers to call: each large, its name under it; blocks side by side, wrapping
        self.numbers_box = QWidget(objectName="attractNumbers")
        self.numbers_flow = CentredFlow(self.numbers_box, spacing=24)
        self.numbers_box.installEventFilter(self)  # its width decides whether a number must shrink
        self.number_labels: list[QLabel] = []
        self.name_labels: list[QLabel] = []
        for label in (self.rule_label, self.call_label):
            card_layout.addWidget(label)
        card_layout.addWidget(self.numbers_box)
        outer.addWidget(self.card)
        outer.addStretch(1)

        self.start_button = QPushButton(objectName="attractStart")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(lambda: self._start(None))
        outer.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.language_box = QWidget(objectName="attractLanguages")
        self.language_row = CentredFlow(self.language_box, spacing=20)  # wraps on a narrow screen
        self.language_buttons: dict[str, QPushButton] = {}
        outer.addWidget(self.language_box)
        self._build_language_buttons()
        scroll = self.findChild(QScrollArea)
        if scroll is not None:  # the page narrows with the window; only tall text scrolls, downwards
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.advance)
        self._sized_for: tuple[int, int] | None = None
        scaled = getattr(state, "textScaleChanged", None)
        if scaled is not None:
            scaled.connect(lambda _scale: self._fit_to_screen())

    def _build_language_buttons(self) -> None:
        for button in self.language_buttons.values():
            button.deleteLater()
        self.language_buttons.clear()
        while self.language_row.count():
            self.language_row.takeAt(0)
        for locale in self.locales():
            button = QPushButton(i18n.display_name(locale), objectName=f"attractLanguage_{locale}", checkable=True)
            button.setProperty("role", "language")
            button.clicked.connect(lambda _checked=False, code=locale: self._start(code))
            self.language_buttons[locale] = button
            self.language_row.addWidget(button)
        self._mark_language()

    def _mark_language(self) -> None:
        """The current language's button is checked (theme.qss: a thick edge, bold) and ticked:
        a visitor sees which language the app will start in, not by colour alone."""
        current = i18n.current_locale()
        for locale, button in self.language_buttons.items():
            button.setChecked(locale == current)
            button.setText(("✓ " if locale == current else "") + i18n.display_name(locale))

    # --- what is shown --------------------------------------------------------------------------

    def slides(self) -> list[tuple[str, str]]:
        """(rule source, locale) in showing order: each rule in every offered language in turn,
        starting from the current language."""
        locales = list(self.locales())
        current = i18n.current_locale()
        if current in locales:
            at = locales.index(current)
            locales = locales[at:] + locales[:at]
        return [(rule, locale) for rule in self.rules() for locale in locales]

    def show_slide(self) -> None:
        slides = self.slides()
        if not slides:
            self.rule_label.setText("")
            return
        rule, locale = slides[self.step % len(slides)]
        ui = i18n.translator(locale, "ui")
        content = i18n.translator(locale, "content")
        self.rule_label.setText(content.gettext(rule))
        channels = self.region().call_now  # phones first (core.regions.phones_first)
        self.call_label.setText(ui.gettext(CALL_LINE if only_phones(channels) else CALL_OR_REPORT_LINE))
        self._show_numbers(channels, content.gettext, locale)
        self.start_button.setText(ui.gettext(TOUCH_TO_START))
        self.start_button.setAccessibleName(ui.gettext(TOUCH_TO_START))
        self.shown_locale = locale
        for widget in (self.rule_label, self.call_label, self.start_button):
            widget.setLocale(_qt_locale(locale))

    def _show_numbers(self, channels, gettext, locale: str) -> None:
        """Each channel to call as a block: its number, large, over its name in the slide's language."""
        parts = [_number_and_name(channel.value, gettext(channel.name)) for channel in channels]
        while len(self.number_labels) < len(parts):
            block = QWidget(objectName="attractChannel")
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            # wraps only when it must (a web address at 200% text on an 800 px screen): at its
            # spaces, or after a dot (_breakable); cut off, it would be no use to anyone
            number = QLabel(objectName="attractNumber", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
            number.setTextFormat(Qt.TextFormat.PlainText)
            name = QLabel(objectName="attractNumberName", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
            name.setTextFormat(Qt.TextFormat.PlainText)
            column.addWidget(number)
            column.addWidget(name)
            self.numbers_flow.addWidget(block)
            self.number_labels.append(number)
            self.name_labels.append(name)
        for index, (number, name) in enumerate(zip(self.number_labels, self.name_labels)):
            block = number.parentWidget()
            if index < len(parts):
                value, text = parts[index]
                number.setText(_breakable(value))
                number.setAccessibleName(value)
                number.setVisible(bool(value))
                name.setText(text)
                name.setVisible(bool(text))
                name.setLocale(_qt_locale(locale))
                block.setAccessibleName(f"{value} {text}".strip())
                block.show()
            else:
                block.hide()
        self.numbers_box.setAccessibleName(", ".join(f"{v} {t}".strip() for v, t in parts))
        self.numbers_flow.invalidate()
        self._fit_numbers()

    def _fit_numbers(self) -> None:
        """A number whose longest piece is wider than the card (a web address at 200% text on an
        800 px screen) is shown a size or two smaller (theme.qss: fit="small", "smaller") rather
        than cut off."""
        width = self.numbers_box.width()
        for label in self.number_labels:
            for fit in ("", "small", "smaller"):
                if label.property("fit") != fit:
                    label.setProperty("fit", fit)
                    label.style().unpolish(label)
                    label.style().polish(label)
                if label.minimumSizeHint().width() <= width:
                    break
        for name in self.name_labels:  # a name wraps only when it must, not to its number's width
            name.setWordWrap(name.fontMetrics().horizontalAdvance(name.text()) > width)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.numbers_box and event.type() == QEvent.Type.Resize:
            self._fit_numbers()
        return False

    def advance(self) -> None:
        self.step += 1
        self.show_slide()

    # --- Screen ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Welcome")

    def retranslate(self) -> None:
        self.name_label.setText(_(NAME))
        self._mark_language()
        for locale, button in self.language_buttons.items():
            button.setAccessibleName(_("Start in {language}").format(language=i18n.display_name(locale)))
        self.step = 0
        self.show_slide()

    def enter(self, params: dict | None) -> None:
        self._mark_language()
        self.step = 0
        self.show_slide()
        self.timer.start()
        self.start_button.setFocus()

    def leave(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        self.timer.stop()
        self.step = 0

    def resizeEvent(self, event) -> None:
        # on a low screen (800x600) the app's name gives its room to the rule, the numbers and
        # the buttons, so that all of them show without scrolling
        super().resizeEvent(event)
        self.name_label.setVisible(event.size().height() >= SHOW_NAME_FROM_PX)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Text sizes grown with the screen's height (ui/theme.py attract_sheet): at 1920x1080 the
        rule, the numbers and the buttons had filled less than a third of the screen."""
        from ui import theme

        scale = getattr(self.state, "text_scale", 100)
        key = (scale, self.height())
        if key != self._sized_for:
            self._sized_for = key
            self.setStyleSheet(theme.attract_sheet(scale, self.height()))
            # the gap between two numbers grows with them: "110   96110", never "110 96110"
            self.numbers_flow._spacing = max(24, round(self.number_labels[0].font().pixelSize() * 0.8)) if self.number_labels else 24
            self.numbers_flow.invalidate()
            self._fit_numbers()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # touch anywhere to start
        self._start(None)
        event.accept()

    def _start(self, locale: str | None) -> None:
        if locale and locale != i18n.current_locale():
            self.state.set_locale(locale)
        self._mark_language()  # a tap on a checkable button toggled it
        self.navigate.emit("home", None)


def _number_and_name(value: str | None, name: str) -> tuple[str, str]:
    """The number to show large and the name under it, without repeating the number when the
    (translated) name holds it: ("96110", "anti-fraud warning line")."""
    return value or "", name_on_its_own(value, name)


def _breakable(value: str) -> str:
    """``value`` as shown: a web address may break after a dot when it must (a zero-width space)."""
    return value.replace(".", ".\u200b")


def _qt_locale(locale: str):
    from PySide6.QtCore import QLocale

    return QLocale(locale)
