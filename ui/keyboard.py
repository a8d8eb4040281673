"""A plain on-screen keyboard for kiosk touch screens (letters, digits, common punctuation).

Why not Qt Virtual Keyboard: it ships in PySide6-Addons (about 440 MB installed, most of it
QtWebEngine) and runs on Qt Quick, which a widgets app would load only for this. This keyboard
is ordinary widgets: every key is a button of at least 48 px that never takes the focus, and
typing sends real key events to whichever text field has the focus, so any screen's field works
without knowing about it. Chinese input is not offered (a visitor who needs it asks at the
counter); pasting is not offered either, since the kiosk wipes the clipboard between visitors.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget

from core.i18n import N_, _

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
PUNCTUATION = ",.?!@-:/"
SPECIAL = {
    "shift": N_("Shift"),
    "backspace": N_("Delete"),
    "space": N_("Space"),
    "enter": N_("New line"),
    "hide": N_("Hide keyboard"),
}


def is_text_input(widget: QWidget | None) -> bool:
    """A field a visitor types into (not a read-only text view)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return False


class OnScreenKeyboard(QFrame):
    hideRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="onScreenKeyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shifted = False
        self.keys: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        grid = QGridLayout()
        grid.setSpacing(6)
        for row_index, row in enumerate(ROWS):
            for col, char in enumerate(row):
                grid.addWidget(self._key(char, char), row_index, col + (row_index > 1))
        column.addLayout(grid)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        for name in ("shift", *PUNCTUATION[:4], "space", *PUNCTUATION[4:], "backspace", "enter", "hide"):
            bottom.addWidget(self._key(name, name if name in PUNCTUATION else ""), 1 if name == "space" else 0)
        column.addLayout(bottom)

    def _key(self, name: str, char: str) -> QPushButton:
        button = QPushButton(char, objectName=f"key_{name}")
        button.setProperty("role", "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(name == "backspace")  # a held letter key must not type it twenty times
        button.clicked.connect(lambda _checked=False, n=name: self.press(n))
        self.keys[name] = button
        return button

    def retranslate(self) -> None:
        for name, label in SPECIAL.items():
            self.keys[name].setText(_(label) if name != "space" else "␣ " + _(label))
            self.keys[name].setAccessibleName(_(label))
        for name, button in self.keys.items():
            if name not in SPECIAL:
                button.setAccessibleName(button.text())

    def press(self, name: str) -> None:
        """Type one key into the focused field."""
        if name == "hide":
            self.hideRequested.emit()
            return
        if name == "shift":
            self.set_shift(not self.shifted)
            return
        target = QApplication.focusWidget()
        if not is_text_input(target):
            return
        if name == "backspace":
            key, text = Qt.Key.Key_Backspace, ""
        elif name == "enter":
            key, text = Qt.Key.Key_Return, "\r"
        elif name == "space":
            key, text = Qt.Key.Key_Space, " "
        else:
            text = name.upper() if self.shifted else name
            key = Qt.Key(ord(text.upper())) if text.isalnum() and text.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
        if self.shifted and name not in ("shift",):
            self.set_shift(False)

    def set_shift(self, on: bool) -> None:
        self.shifted = on
        for name, button in self.keys.items():
            if len(name) == 1 and name.isalpha():
                button.setText(name.upper() if on else name)
        self.keys["shift"].setProperty("active", on)
        self.keys["shift"].style().polish(self.keys["shift"])
