"""The attract screen: what a kiosk shows between visitors.

It cycles the guides' key rules ("Real police never ask you to transfer money...") in every
offered language, each with the region's numbers to call, under a large "Touch to start" and one
large button per language. The rules come from the guides' content (translated through the
content catalog), the numbers from the region facts: nothing here is typed in.

Touching anywhere starts; a language button starts in that language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from core import i18n
from core.i18n import N_, _
from ui.screens.base import Screen
from ui.widgets import scrolling_page

TOUCH_TO_START = N_("Touch to start")
CALL_LINE = N_("Someone asking you for money right now? Stop and call:")
NAME = N_("ScamSense")
RULE_SECONDS = 7


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
        self.numbers_label = QLabel(objectName="attractNumbers", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.numbers_label.setProperty("role", "value")
        for label in (self.rule_label, self.call_label, self.numbers_label):
            card_layout.addWidget(label)
        outer.addWidget(self.card)
        outer.addStretch(1)

        self.start_button = QPushButton(objectName="attractStart")
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(lambda: self._start(None))
        outer.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.language_row = QHBoxLayout()
        self.language_row.setSpacing(20)
        self.language_buttons: dict[str, QPushButton] = {}
        outer.addLayout(self.language_row)
        self._build_language_buttons()

        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.advance)

    def _build_language_buttons(self) -> None:
        for button in self.language_buttons.values():
            button.deleteLater()
        self.language_buttons.clear()
        while self.language_row.count():
            self.language_row.takeAt(0)
        self.language_row.addStretch(1)
        for locale in self.locales():
            button = QPushButton(i18n.display_name(locale), objectName=f"attractLanguage_{locale}")
            button.setProperty("role", "language")
            button.clicked.connect(lambda _checked=False, code=locale: self._start(code))
            self.language_buttons[locale] = button
            self.language_row.addWidget(button)
        self.language_row.addStretch(1)

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
        self.call_label.setText(ui.gettext(CALL_LINE))
        region = self.region()
        numbers = [channel.value for channel in region.call_now if channel.value]
        self.numbers_label.setText("   ".join(numbers))
        self.numbers_label.setAccessibleName(
            ", ".join(f"{content.gettext(c.name)} {c.value or ''}".strip() for c in region.call_now)
        )
        self.start_button.setText(ui.gettext(TOUCH_TO_START))
        self.start_button.setAccessibleName(ui.gettext(TOUCH_TO_START))
        self.shown_locale = locale
        for widget in (self.rule_label, self.call_label, self.start_button):
            widget.setLocale(_qt_locale(locale))

    def advance(self) -> None:
        self.step += 1
        self.show_slide()

    # --- Screen ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Welcome")

    def retranslate(self) -> None:
        self.name_label.setText(_(NAME))
        for locale, button in self.language_buttons.items():
            button.setAccessibleName(_("Start in {language}").format(language=i18n.display_name(locale)))
        self.step = 0
        self.show_slide()

    def enter(self, params: dict | None) -> None:
        self.step = 0
        self.show_slide()
        self.timer.start()
        self.start_button.setFocus()

    def leave(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        self.timer.stop()
        self.step = 0

    def mousePressEvent(self, event: QMouseEvent) -> None:  # touch anywhere to start
        self._start(None)
        event.accept()

    def _start(self, locale: str | None) -> None:
        if locale and locale != i18n.current_locale():
            self.state.set_locale(locale)
        self.navigate.emit("home", None)


def _qt_locale(locale: str):
    from PySide6.QtCore import QLocale

    return QLocale(locale)
