"""The main window: a top bar (Back, Home, title, language) above the current screen.

Screens are built on first visit by the factories in ui/wiring.py. The window keeps
the history for Back, tells screens when they are entered and left, and
retranslates everything built so far when the language changes, live.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import _
from ui.screens.base import Screen
from ui.services import Services
from ui.wiring import SCREENS


# Start-up note: nothing on the way to the home screen touches the ``Qt`` namespace; its first
# use builds several hundred Python enums (about 13 ms). Screens built later may use it freely.
# Likewise the keyboard shortcuts and the language menu's entries are made after the first
# paint (``_after_first_paint``): the first use of QKeySequence and QAction costs milliseconds.


class BarTitle(QLabel):
    """The screen's title in the top bar, always on one line.

    A title too long for the room beside Back, Home and the language menu (at 200% text,
    "Is this happening to me now?") is set smaller, down to the body text size, and only then
    elided; the whole title stays the label's text, its accessible name and, when cut, its
    tooltip. A wrapped title had made the bar three lines tall and, after a language switch,
    cut it at the top and bottom.
    """

    SMALLEST = 1 / 1.35  # the body text size, from the title's (ui/theme.py: h2 is 1.35 x base)

    def _fitted(self, width: int):
        """The font and the text to draw in ``width`` pixels."""
        from PySide6.QtGui import QFontMetrics

        font = self.font()
        text = self.text()
        largest = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 96 / 72)
        smallest = max(1, round(largest * self.SMALLEST))
        for pixels in range(largest, smallest - 1, -1):
            font.setPixelSize(pixels)
            if QFontMetrics(font).horizontalAdvance(text) <= width:
                return font, text
        from PySide6.QtCore import Qt

        return font, QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + margins.left() + margins.right(),
                     metrics.height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        # it gives way to Back, Home and the language menu, never they to it
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("…") * 4), hint.height())

    def paintEvent(self, event) -> None:
        rect = self.contentsRect()
        font, text = self._fitted(rect.width())
        self.setToolTip("" if text == self.text() else self.text())
        if text == self.text() and font.pixelSize() == self.font().pixelSize():
            # it fits as it is (the home screen's title always does): QLabel draws it. Drawing
            # it here builds the Qt enum namespace (QPainter.setPen), 13 ms of the first paint
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        # AlignLeft | AlignVCenter, as a number: the home screen's first paint builds no Qt enums
        painter.drawText(rect, 0x0001 | 0x0080, text)

    def shown_text(self) -> tuple[int, str]:
        """The pixel size and the text the title is drawn with now (for tests)."""
        font, text = self._fitted(self.contentsRect().width())
        return font.pixelSize(), text


class MainWindow(QMainWindow):
    #: emitted once, after the window first painted: work that can wait for it waits for it
    firstPainted = Signal()

    def __init__(self, services: Services, warnings: list[str] | None = None):
        super().__init__()
        self._painted = False
        self.services = services
        self.screens: dict[str, Screen] = {}
        self.history: list[tuple[str, dict | None]] = []
        self.current: str | None = None
        self._warnings = list(warnings or [])

        central = QWidget(objectName="centralArea")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_top_bar())
        self.banner = self._build_banner()
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(objectName="screenStack")
        layout.addWidget(self.stack, 1)
        self._central_layout = layout
        self.setCentralWidget(central)

        self.firstPainted.connect(self._after_first_paint)
        services.state.languageChanged.connect(self.retranslate)
        self.retranslate()
        self.show_screen("home", None, remember=False)

    def _after_first_paint(self) -> None:
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence("Alt+Left"), self, activated=self.go_back)  # as in every browser
        QShortcut(QKeySequence("Alt+Home"), self, activated=self.go_home)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.language_button.showMenu)
        self._fill_language_menu()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    # --- building ------------------------------------------------------------------------------

    def _build_top_bar(self) -> QFrame:
        bar = self.top_bar = QFrame(objectName="topBar")
        # the bar keeps its height whatever a screen asks for: Back and Home are never squeezed,
        # and the title is one line (BarTitle)
        bar.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum))
        row = self._bar_row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        self.back_button = QToolButton(objectName="backButton")
        self.back_button.clicked.connect(self.go_back)
        self.home_button = QToolButton(objectName="homeButton")
        self.home_button.clicked.connect(self.go_home)
        # a long title is set smaller, then elided, rather than squeezing Back and Home (200% text)
        self.title_label = BarTitle(objectName="screenTitle")
        self.language_button = QToolButton(objectName="languageButton")
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # the menu and its entries are made after the first paint (QMenu's first use costs about
        # a millisecond), or at once when a kiosk narrows the languages
        self.language_menu = None
        self._language_group = None
        self._offered: list[str] | None = None
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addWidget(self.title_label, 1)
        row.addWidget(self.language_button)
        return bar

    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setProperty("role", "banner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 10, 16, 10)
        self.banner_text = QLabel(wordWrap=True, objectName="bannerText")
        self.banner_close = QToolButton(objectName="bannerClose")
        self.banner_close.clicked.connect(lambda: (self._warnings.clear(), banner.hide()))
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_close)
        banner.setVisible(bool(self._warnings))
        return banner

    def add_warning(self, text: str) -> None:
        """Show a problem the person should know about (a damaged settings file, say)."""
        self._warnings.append(text)
        self.banner_text.setText("\n".join(self._warnings))
        self.banner.show()

    # --- hooks for kiosk mode and read aloud (ui/kiosk.py) ----------------------------------------

    def add_bar_button(self, button: QToolButton) -> None:
        """A button in the top bar, before the language menu."""
        self._bar_row.insertWidget(self._bar_row.indexOf(self.language_button), button)

    def add_panel(self, widget: QWidget) -> None:
        """A panel under the screens (the on-screen keyboard)."""
        self._central_layout.addWidget(widget)

    def reserve_corner(self, width: int) -> None:
        """Keep the top bar's right end empty (the kiosk's hidden admin corner)."""
        margins = self._bar_row.contentsMargins()
        self._bar_row.setContentsMargins(margins.left(), margins.top(), width, margins.bottom())

    def offer_languages(self, locales: list[str]) -> None:
        """Only these languages in the language menu."""
        self._offered = list(locales)
        self._fill_language_menu()  # a kiosk narrows the menu before it shows: make it now
        self._mark_languages()

    def _fill_language_menu(self) -> None:
        if self._language_group is not None:
            return
        from PySide6.QtGui import QAction, QActionGroup
        from PySide6.QtWidgets import QMenu

        self.language_menu = QMenu(self.language_button)
        self.language_button.setMenu(self.language_menu)
        self._language_group = QActionGroup(self)
        for locale in i18n.catalogs().locales():
            action = QAction(i18n.display_name(locale), self, checkable=True)
            action.setData(locale)
            action.triggered.connect(lambda _checked=False, code=locale: self.services.state.set_locale(code))
            self._language_group.addAction(action)
            self.language_menu.addAction(action)
        self._mark_languages()

    def _mark_languages(self) -> None:
        """Tick the current language; show only the offered ones."""
        if self._language_group is None:
            return
        current = i18n.current_locale()
        for action in self._language_group.actions():
            action.setChecked(action.data() == current)
            action.setVisible(self._offered is None or action.data() in self._offered)

    def reset_all(self, start: str = "home") -> None:
        """Forget the visitor: every built screen's reset(), the history, then ``start``."""
        if self.current is not None:
            self.screens[self.current].leave()
        for screen in self.screens.values():
            screen.reset()
        self.history.clear()
        self.current = None
        self.show_screen(start, None, remember=False)

    # --- navigation ----------------------------------------------------------------------------

    def screen(self, key: str) -> Screen:
        """The screen for ``key``, built on first use."""
        if key not in self.screens:
            screen = SCREENS[key](self.services)
            screen.key = key
            screen.navigate.connect(self.navigate)
            screen.retranslate()
            self.screens[key] = screen
            self.stack.addWidget(screen)
        return self.screens[key]

    def navigate(self, key: str, params: object = None) -> None:
        if key == "back":
            self.go_back()
        elif key in SCREENS:
            self.show_screen(key, params if isinstance(params, dict) else None)

    def show_screen(self, key: str, params: dict | None, remember: bool = True) -> None:
        if remember and self.current is not None:
            self.history.append((self.current, None))
        if self.current is not None and self.current != key:
            self.screens[self.current].leave()
        target = self.screen(key)
        self.current = key
        self.stack.setCurrentWidget(target)
        target.enter(params)
        self._update_bar()
        target.setFocus()

    def go_back(self) -> None:
        if not self.history:
            return
        key, params = self.history.pop()
        # "back": the screen is returned to, not started afresh (the situation check keeps its answer)
        self.show_screen(key, {**(params or {}), "back": True}, remember=False)

    def go_home(self) -> None:
        if self.current != "home":
            self.history.clear()
            self.show_screen("home", None, remember=False)

    def _update_bar(self) -> None:
        at_home = self.current == "home"
        self.back_button.setEnabled(bool(self.history))
        # on Home a "Home" button beside the "Home" title only says where you are: hidden there
        self.home_button.setEnabled(not at_home)
        self.home_button.setVisible(not at_home)
        if self.current:
            self.title_label.setText(self.screens[self.current].title())
            self.setWindowTitle(_("ScamSense") + " · " + self.screens[self.current].title())

    # --- language ------------------------------------------------------------------------------

    def retranslate(self, _locale: str | None = None) -> None:
        self.back_button.setText("‹ " + _("Back"))
        self.back_button.setAccessibleName(_("Back"))
        self.back_button.setToolTip(_("Back to the previous screen (Alt+Left)"))
        self.home_button.setText(_("Home"))
        self.home_button.setAccessibleName(_("Home"))
        self.home_button.setToolTip(_("Back to the start (Alt+Home)"))
        current = i18n.current_locale()
        self.language_button.setText(i18n.display_name(current) + " ▾")
        self.language_button.setAccessibleName(_("Language"))
        self.language_button.setToolTip(_("Change the language (Ctrl+L)"))
        self._mark_languages()
        self.banner_close.setText(_("Close"))
        self.banner_close.setAccessibleName(_("Close this message"))
        for screen in self.screens.values():
            screen.retranslate()
        self._update_bar()
        if self._warnings:
            self.banner_text.setText("\n".join(self._warnings))
