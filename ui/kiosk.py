"""Kiosk mode: the app runs unattended on a public touch screen.

The controller wires a ready main window for a police-station hall:

* fullscreen, no window frame, on top;
* an application event filter that swallows what could close, minimise or escape the app:
  Escape, Alt+F4, Ctrl+W/Q, Alt+Tab, Alt+Space, the Windows/menu keys, F11, right-click context
  menus, drag and drop, and any file dialog (which would show the computer's folders); the
  window refuses to close until the admin has unlocked it;
* an idle timer (``idle_timeout``, default 90 s): then "Still there?" counts down
  (``countdown`` s) and the kiosk resets for the next visitor: every built screen's ``reset()``,
  the history, text fields and their undo, scroll positions, open menus and dialogs, the
  clipboard, the language, region, text size and contrast, back to the attract screen;
* the hidden admin gesture: **five taps within 3 seconds in the top-right corner** of the
  screen (a 64 px square, kept empty in the top bar; on the attract screen, which hides the top
  bar, the taps are caught before the screen sees them), then a PIN pad. Wrong PINs slow down (core.kiosk.PinThrottle).
  The right PIN opens the admin panel: the configuration's warnings, "Leave kiosk mode" and
  "Back to the kiosk";
* an on-screen keyboard (ui/keyboard.py) that appears when a text field takes the focus. It
  types Chinese by pinyin or English, following the app's language; the reset drops any
  half-typed pinyin and switches it back to the default language.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QScroller,
    QApplication,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import _, ngettext
from core.kiosk import KioskConfig, PinThrottle
from ui import ime
from ui.keyboard import OnScreenKeyboard, is_text_input

CORNER_PX = 64  # the admin corner: a square at the top right of the screen
# Parts of other screens that lead to the computer's folders (saving files) or are no use to a
# visitor: hidden in kiosk mode. Any file dialog that still opens is refused by the event filter.
FILE_WIDGETS = frozenset({"tile_workshop", "certificateCard"})
PRINT_WIDGETS = frozenset({"handoutButton"})  # hidden unless the configuration says printing: true
TAPS = 5
TAP_SECONDS = 3.0

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel}
_KEYS = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease}
_DRAG = {QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
_ALWAYS_SWALLOWED_KEYS = {
    Qt.Key.Key_Escape, Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Menu,
    Qt.Key.Key_F11, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R, Qt.Key.Key_Close, Qt.Key.Key_PowerOff,
    Qt.Key.Key_Sleep, Qt.Key.Key_Suspend, Qt.Key.Key_Hibernate, Qt.Key.Key_LaunchMedia, Qt.Key.Key_Explorer,
}


def forbidden_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Keys that close, minimise, switch away from or otherwise escape a kiosk."""
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    meta = bool(modifiers & Qt.KeyboardModifier.MetaModifier)
    if key in _ALWAYS_SWALLOWED_KEYS or meta:
        return True
    if key == Qt.Key.Key_F4 and (alt or ctrl):
        return True
    if alt and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Space, Qt.Key.Key_Escape):
        return True
    if ctrl and key in (Qt.Key.Key_W, Qt.Key.Key_Q, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return True
    return False


class StillThere(QDialog):
    """"Still there?" with a countdown and one big button. The seconds left are one large number
    (``count``) over the sentence that says what happens then: someone who cannot read the small
    text still sees the number fall."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, objectName="stillThere")
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setModal(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(18)
        self.heading = QLabel(wordWrap=True, objectName="stillThereHeading")
        self.heading.setProperty("role", "h1")
        self.count = QLabel(objectName="stillThereCount", alignment=Qt.AlignmentFlag.AlignCenter)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QLabel(wordWrap=True, objectName="stillThereText")
        self.text.setProperty("role", "lead")
        self.here_button = QPushButton(objectName="stillHere")
        self.here_button.setProperty("role", "primary")
        column.addWidget(self.heading)
        column.addWidget(self.count)
        column.addWidget(self.text)
        column.addWidget(self.here_button)
        self.seconds = 0

    def set_seconds(self, seconds: int) -> None:
        self.seconds = seconds
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Still there?"))
        self.count.setText(str(self.seconds))
        self.count.setAccessibleName(
            ngettext("{n} second left", "{n} seconds left", self.seconds).format(n=self.seconds)
        )
        self.text.setText(
            ngettext(
                "In {n} second the screen starts over for the next person, and everything you entered is cleared.",
                "In {n} seconds the screen starts over for the next person, and everything you entered is cleared.",
                self.seconds,
            ).format(n=self.seconds)
        )
        self.here_button.setText(_("I am still here"))
        self.here_button.setAccessibleName(_("I am still here"))
        self.setAccessibleName(_("Still there?"))


class AdminPad(QDialog):
    """The PIN pad, then the admin panel."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, objectName="adminPad")
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setModal(True)
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 24)
        outer.addWidget(self.pages)

        pin_page = QWidget()
        column = QVBoxLayout(pin_page)
        self.pin_heading = QLabel(wordWrap=True, objectName="adminPinHeading")
        self.pin_heading.setProperty("role", "h2")
        self.pin_field = QLineEdit(objectName="adminPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setMaxLength(12)
        self.pin_message = QLabel(wordWrap=True, objectName="adminPinMessage")
        column.addWidget(self.pin_heading)
        column.addWidget(self.pin_field)
        column.addWidget(self.pin_message)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), index // 3, index % 3)
        self.delete_button = QPushButton(objectName="adminDelete")
        self.delete_button.clicked.connect(self.pin_field.backspace)
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        self.ok_button = QPushButton(objectName="adminOk")
        self.ok_button.setProperty("role", "primary")
        grid.addWidget(self.ok_button, 3, 2)
        column.addLayout(grid)
        self.cancel_button = QPushButton(objectName="adminCancel")
        column.addWidget(self.cancel_button)
        self.pages.addWidget(pin_page)

        panel = QWidget()
        column = QVBoxLayout(panel)
        self.panel_heading = QLabel(wordWrap=True, objectName="adminPanelHeading")
        self.panel_heading.setProperty("role", "h2")
        self.panel_warnings = QLabel(wordWrap=True, objectName="adminWarnings")
        self.panel_warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exit_button = QPushButton(objectName="adminExit")
        self.back_button = QPushButton(objectName="adminBack")
        self.back_button.setProperty("role", "primary")
        column.addWidget(self.panel_heading)
        column.addWidget(self.panel_warnings)
        row = QHBoxLayout()
        row.addWidget(self.exit_button)
        row.addWidget(self.back_button)
        column.addLayout(row)
        self.pages.addWidget(panel)
        self.warnings: list[str] = []

    def _digit(self, digit: str) -> QPushButton:
        button = QPushButton(digit, objectName=f"adminDigit_{digit}")
        button.setAccessibleName(digit)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False, d=digit: self.pin_field.insert(d))
        self.digit_buttons[digit] = button
        return button

    def retranslate(self) -> None:
        self.pin_heading.setText(_("Admin: enter the PIN"))
        self.pin_field.setAccessibleName(_("Admin PIN"))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the last digit"))
        self.ok_button.setText(_("OK"))
        self.ok_button.setAccessibleName(_("Check the PIN"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.panel_heading.setText(_("Kiosk admin"))
        self.exit_button.setText(_("Leave kiosk mode"))
        self.exit_button.setAccessibleName(_("Leave kiosk mode and close ScamSense"))
        self.back_button.setText(_("Back to the kiosk"))
        self.back_button.setAccessibleName(_("Back to the kiosk"))
        self.show_warnings(self.warnings)

    def show_warnings(self, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        if warnings:
            self.panel_warnings.setText(_("Problems in the kiosk configuration:") + "\n" + "\n".join(warnings))
        else:
            self.panel_warnings.setText(_("The kiosk configuration has no problems."))

    def set_locked(self, seconds: float) -> None:
        locked = seconds > 0
        for button in [*self.digit_buttons.values(), self.ok_button, self.delete_button]:
            button.setEnabled(not locked)
        self.pin_field.setEnabled(not locked)


class KioskController(QObject):
    def __init__(
        self,
        window,
        config: KioskConfig,
        defaults: dict,
        reader=None,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``defaults``: what a new visitor starts with: locale, region, text_scale, high_contrast."""
        super().__init__(window)
        self.window = window
        self.state = window.services.state
        self.config = config
        self.defaults = dict(defaults)
        self.reader = reader
        self.clock = clock
        self.unlocked = False
        self.throttle = PinThrottle(clock=clock)
        self._taps: list[float] = []
        self.resets = 0

        self.idle = QTimer(self, singleShot=True, interval=config.idle_timeout * 1000)
        self.idle.timeout.connect(self._idle_expired)
        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self._tick)
        self.lock_tick = QTimer(self, interval=1000)
        self.lock_tick.timeout.connect(self._lock_tick)

        self.still_there = StillThere(window)
        self.still_there.here_button.clicked.connect(self.activity)
        self.admin = AdminPad(window)
        self.admin.show_warnings(config.warnings())
        self.admin.ok_button.clicked.connect(self.submit_pin)
        self.admin.pin_field.returnPressed.connect(self.submit_pin)
        self.admin.cancel_button.clicked.connect(self.close_admin)
        self.admin.back_button.clicked.connect(self.close_admin)
        self.admin.exit_button.clicked.connect(self.exit_kiosk)

        self.keyboard = OnScreenKeyboard()
        chinese = [ime.script_for(locale) for locale in config.languages if ime.script_for(locale)]
        if chinese:  # from English, the language key switches to the kiosk's own Chinese
            self.keyboard.chinese_script = chinese[0]
        self.keyboard.hideRequested.connect(self.keyboard.hide)
        self.keyboard.hide()
        window.add_panel(self.keyboard)

        self.hidden_names = FILE_WIDGETS | (frozenset() if config.printing else PRINT_WIDGETS)
        window.setProperty("kiosk", True)  # theme.qss: wider scroll bars for fingers
        window.stack.currentChanged.connect(lambda _index: self._adapt(window.stack.currentWidget()))
        window.reserve_corner(CORNER_PX)
        window.offer_languages(list(config.languages) or i18n.catalogs().locales())  # none listed: all
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        app = QApplication.instance()
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)  # so a file dialog is ours to refuse
        app.installEventFilter(self)
        app.focusChanged.connect(self._focus_changed)
        self.state.languageChanged.connect(self.retranslate)
        self.retranslate()
        for warning in config.warnings():
            print(f"kiosk: {warning}", file=sys.stderr)

    def retranslate(self, *_args) -> None:
        self.still_there.retranslate()
        self.admin.retranslate()
        self.keyboard.set_language(i18n.current_locale())  # also retranslates it

    def start(self) -> None:
        """Show fullscreen on the attract screen and start watching for idleness."""
        self.window.show()  # a first show straight to fullscreen can be lost (offscreen, some X11 WMs)
        self.window.showFullScreen()
        self.reset_visitor()

    # --- the event filter ----------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: C901 - one switch over event types
        kind = event.type()
        if kind in _INPUT:
            self.activity()
        if kind in _KEYS and not self.unlocked:
            if forbidden_key(event.key(), event.modifiers()):
                event.accept()
                return True
        elif kind == QEvent.Type.ContextMenu and not self.unlocked:
            return True
        elif kind in _DRAG and not self.unlocked:
            event.ignore()
            return True
        elif kind == QEvent.Type.Close and obj is self.window and not self.unlocked:
            event.ignore()
            return True
        elif kind == QEvent.Type.MouseButtonPress and obj is self.window.windowHandle():
            if self._in_corner(event.position()):
                self._corner_tap()
                return True
        elif kind == QEvent.Type.WindowStateChange and obj is self.window and not self.unlocked:
            if not self.window.isFullScreen():
                QTimer.singleShot(0, self.window.showFullScreen)
        elif kind == QEvent.Type.Show and not self.unlocked:
            if isinstance(obj, QFileDialog):
                QTimer.singleShot(0, obj.reject)  # a file dialog would open the computer's folders
            elif obj.objectName() in self.hidden_names:
                QTimer.singleShot(0, obj.hide)
        return False

    def _adapt(self, screen: QWidget | None) -> None:
        """A screen as the kiosk shows it: no way to the files, scrolling by swiping; the attract
        screen without the top bar (its own big buttons start the visit and choose the language;
        Back, Home and a language menu there only repeated them). The admin corner does not need
        the bar: taps are caught on the window, wherever they land (``_in_corner``)."""
        if screen is None:
            return
        self.window.top_bar.setVisible(getattr(screen, "key", None) != "attract")
        for name in self.hidden_names:
            for widget in screen.findChildren(QWidget, name):
                widget.hide()
        save_action = getattr(screen, "save_action", None)  # the guides' "Save as PDF"
        if save_action is not None:
            save_action.setVisible(False)
        for area in screen.findChildren(QAbstractScrollArea):
            if not area.property("kioskSwipe"):
                QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
                area.setProperty("kioskSwipe", True)

    def _in_corner(self, pos) -> bool:
        return pos.x() >= self.window.width() - CORNER_PX and pos.y() < CORNER_PX

    def _corner_tap(self) -> None:
        now = self.clock()
        self._taps = [t for t in self._taps if now - t <= TAP_SECONDS] + [now]
        if len(self._taps) >= TAPS:
            self._taps.clear()
            self.open_admin()

    # --- idle ------------------------------------------------------------------------------------

    def activity(self) -> None:
        """Someone touched or typed: the visitor is here."""
        if self.still_there.isVisible():
            self.tick.stop()
            self.still_there.hide()
        if not self.unlocked:
            self.idle.start()

    def _idle_expired(self) -> None:
        if self.window.current == "attract" and not self.window.history:
            self.idle.start()  # nobody is here; nothing to clear
            return
        self.still_there.set_seconds(self.config.countdown)
        self.still_there.open()
        self.tick.start()

    def _tick(self) -> None:
        seconds = self.still_there.seconds - 1
        if seconds <= 0:
            self.reset_visitor()
        else:
            self.still_there.set_seconds(seconds)

    def reset_visitor(self) -> None:
        """Forget the last visitor completely and show the attract screen."""
        self.tick.stop()
        self.still_there.hide()
        self.admin.hide()
        self.unlocked = False
        self._close_visitor_windows()
        if self.reader is not None:
            self.reader.stop()
        self.keyboard.hide()
        self.keyboard.reset()
        self.state.set_region(self.defaults["region"])
        self.state.set_text_scale(self.defaults.get("text_scale", 100))
        self.state.set_high_contrast(self.defaults.get("high_contrast", False))
        self.state.set_locale(self.defaults["locale"])
        self.window.reset_all("attract")
        self._sweep()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self._taps.clear()
        self.resets += 1
        self.idle.start()

    def _close_visitor_windows(self) -> None:
        QToolTip.hideText()
        for _ in range(20):  # nested menus close one level at a time
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget not in (self.still_there, self.admin) and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()

    def _sweep(self) -> None:
        """Belt and braces after the screens' own reset(): no typed text, undo or scroll survives."""
        for screen in self.window.screens.values():
            for field in screen.findChildren(QLineEdit):
                if not field.isReadOnly():
                    field.setText("")  # setText, unlike clear(), also empties the undo history
            for edit in screen.findChildren(QPlainTextEdit) + screen.findChildren(QTextEdit):
                if not edit.isReadOnly():
                    edit.clear()
                    edit.document().clearUndoRedoStacks()
            for area in screen.findChildren(QAbstractScrollArea):
                area.verticalScrollBar().setValue(0)
                area.horizontalScrollBar().setValue(0)

    # --- keyboard --------------------------------------------------------------------------------

    def _focus_changed(self, _old, new) -> None:
        if is_text_input(new) and new.window() is self.window:
            self.keyboard.show()
        elif new is not None and new.window() is self.window and not self.keyboard.isAncestorOf(new):
            self.keyboard.hide()

    # --- admin -----------------------------------------------------------------------------------

    def open_admin(self) -> None:
        self.admin.pages.setCurrentIndex(0)
        self.admin.pin_field.setText("")
        if not self.config.has_pin:
            self.admin.pin_message.setText(
                _("No admin PIN is set, so the kiosk cannot be left from the screen. Set one with: {command}").format(
                    command="python main.py kiosk set-pin"
                )
            )
            self.admin.set_locked(1)
        else:
            wait = self.throttle.remaining()
            self.admin.set_locked(wait)
            self.admin.pin_message.setText(self._wait_text(wait) if wait else "")
            if wait:
                self.lock_tick.start()
        self.admin.open()

    def submit_pin(self) -> None:
        if not self.config.has_pin:
            return
        pin = self.admin.pin_field.text()
        self.admin.pin_field.setText("")
        accepted, wait = self.throttle.attempt(pin, self.config.admin_pin_hash)
        if accepted:
            self.unlocked = True
            self.idle.stop()
            self.admin.pin_message.setText("")
            self.admin.show_warnings(self.config.warnings())
            self.admin.pages.setCurrentIndex(1)
            return
        self.admin.set_locked(wait)
        self.admin.pin_message.setText(self._wait_text(wait) if wait else _("Wrong PIN."))
        if wait:
            self.lock_tick.start()

    def _wait_text(self, wait: float) -> str:
        seconds = max(1, round(wait))
        return ngettext("Wrong PIN. Try again in {n} second.", "Wrong PIN. Try again in {n} seconds.", seconds).format(n=seconds)

    def _lock_tick(self) -> None:
        wait = self.throttle.remaining()
        self.admin.set_locked(wait)
        if wait:
            self.admin.pin_message.setText(self._wait_text(wait))
        else:
            self.lock_tick.stop()
            self.admin.pin_message.setText("")

    def close_admin(self) -> None:
        self.unlocked = False
        self.lock_tick.stop()
        self.admin.pin_field.setText("")
        self.admin.hide()
        self.idle.start()

    def exit_kiosk(self) -> None:
        """Leave kiosk mode: only reachable after the right PIN."""
        if not self.unlocked:
            return
        self.idle.stop()
        self.tick.stop()
        self.admin.hide()
        QApplication.instance().removeEventFilter(self)
        self.window.close()
