"""The kiosk's on-screen keyboard: Chinese by pinyin or zhuyin, and English letters, digits, punctuation.

Every key is an ordinary button of at least 48 px that never takes the focus; typing sends real
key events to whichever text field has the focus, so any screen's field works without knowing
about it.

**Chinese.** The letter keys spell pinyin (``pianzi``), or, in zhuyin mode, the bopomofo keys in
the standard Taiwan layout spell zhuyin (ㄆㄧㄢㄗ, no tones needed), on a composing line above
the keys; a bar of candidate words (骗子, 片子, ... each a 48 px button, a page at a time) offers
the Chinese to put into the field. A candidate that stands for only the first syllables (我 for
``woshi``) leaves the rest to go on with. Space takes the first candidate, Delete removes the
last letter, "New line" puts the letters in as they are, and punctuation is full-width
(，。？！：). The keyboard follows the app's language: zh_CN types pinyin into Simplified; zh_TW
(and zh_HK) types zhuyin into Traditional; English types letters. Its language key steps through
注音 -> 拼音 -> English (Traditional) or 拼音 <-> English (Simplified). The candidates come from
ui/ime.py, whose tables (ui/pinyin/, built by tools/build_pinyin_table.py from jieba's word list
and pypinyin, Traditional by OpenCC) are read the first time someone types Chinese, never at
start-up. Nothing typed is learnt, saved or logged, and ``reset()`` (the kiosk's idle reset)
drops any half-typed spelling and its candidates.

**Why not Qt Virtual Keyboard.** It was tried (PySide6-Addons 6.11.2, ``QT_IM_MODULE=
qtvirtualkeyboard``, its Pinyin and TCIme engines) and set aside: it needs Qt Quick and QML,
which the app does not otherwise load (the libraries it loaded, QtMultimedia for its key
clicks among them, add up to about 25 MiB that the bundle now leaves out); its Pinyin engine learns the words a visitor picks into a user dictionary
under the home folder's ``.config/qtvirtualkeyboard`` and Qt Quick caches compiled QML under
``.cache``; it started in the system's language (British English here), not the app's; it
printed Qt warnings of its own at load (which our tests treat as failures); and it could only
be tested in a separate process (the variable must be set before the one QApplication), where,
offscreen, its window took the focus from the fullscreen kiosk window and no key reached the
field. Pasting is not offered: the kiosk wipes the clipboard between visitors.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.i18n import N_, _
from ui import ime

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# Zhuyin (bopomofo) in the standard Taiwan layout, column by column. The tone keys' places
# (" ") stay empty: the words are found without tones, and the shipped font has no tone marks.
ZHUYIN_COLUMNS = ("ㄅㄆㄇㄈ", "ㄉㄊㄋㄌ", " ㄍㄎㄏ", " ㄐㄑㄒ", "ㄓㄔㄕㄖ", " ㄗㄘㄙ", " ㄧㄨㄩ", "ㄚㄛㄜㄝ", "ㄞㄟㄠㄡ", "ㄢㄣㄤㄥ", "ㄦ")
ZHUYIN_KEYS = frozenset("".join(ZHUYIN_COLUMNS).replace(" ", ""))
PUNCTUATION = ",.?!@-:/"
FULL_WIDTH = {",": "，", ".": "。", "?": "？", "!": "！", ":": "："}  # Chinese mode's punctuation
PAGE = 6  # candidates shown at once
MAX_PINYIN = 40  # letters on the composing line, at most
SPECIAL = {  # accessible names, and the keys' labels unless SHORT_LABELS has one
    "shift": N_("Shift"),
    "backspace": N_("Delete"),
    "space": N_("Space"),
    "enter": N_("New line"),
    "hide": N_("Hide keyboard"),
}
# Shorter labels, so the bottom row fits a 1280 px screen at 200% text in English too. The
# space bar, the long key, shows only ␣.
SHORT_LABELS = {"hide": N_("Hide")}
# The language key names the way of typing in its own script, so anyone can find theirs.
MODE_NAMES = {None: "English", "zh_Hans": "拼音", "zh_Hant": "拼音", ime.ZHUYIN: "注音"}
# What the language key steps through, by the Chinese in use: Taiwan types zhuyin first.
CYCLES = {"zh_Hans": ("zh_Hans", None), "zh_Hant": (ime.ZHUYIN, "zh_Hant", None)}


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
        self.script: str | None = None  # the table typed with (ime.TABLES); None: English letters
        self.chinese_script = "zh_Hans"  # the Chinese the language key offers: zh_Hans or zh_Hant
        self.locale = "en"
        self.pinyin = ""
        self.found: list[ime.Candidate] = []
        self.page = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)

        self.composer = QWidget(objectName="keyboardComposer")
        bar = QHBoxLayout(self.composer)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.composing = QLabel(objectName="keyboardComposing")
        self.composing.setMinimumWidth(96)
        bar.addWidget(self.composing)
        self.candidate_buttons: list[QPushButton] = []
        for index in range(PAGE):
            button = self._button(f"candidate_{index}", "", "candidate")
            button.clicked.connect(lambda _checked=False, i=index: self.choose_shown(i))
            self.candidate_buttons.append(button)
            bar.addWidget(button)
        bar.addStretch(1)
        self.previous_page = self._button("candidatePrevious", "‹", "candidate")
        self.previous_page.clicked.connect(lambda: self.turn_page(-1))
        bar.addWidget(self.previous_page)
        self.next_page = self._button("candidateNext", "›", "candidate")
        self.next_page.clicked.connect(lambda: self.turn_page(1))
        bar.addWidget(self.next_page)
        column.addWidget(self.composer)

        self.latin_grid = QGridLayout()
        self.latin_grid.setSpacing(6)
        for row_index, row in enumerate(ROWS):
            for col, char in enumerate(row):
                self.latin_grid.addWidget(self._key(char, char), row_index, col + (row_index > 1))
        self._key("lang", "")  # placed by _show_mode: left of z, or under ㄦ
        column.addLayout(self.latin_grid)
        self.zhuyin = QWidget(objectName="keyboardZhuyin")
        self.zhuyin_grid = QGridLayout(self.zhuyin)
        self.zhuyin_grid.setContentsMargins(0, 0, 0, 0)
        self.zhuyin_grid.setSpacing(6)
        for col, symbols in enumerate(ZHUYIN_COLUMNS):
            for row_index, symbol in enumerate(symbols):
                if symbol != " ":
                    self.zhuyin_grid.addWidget(self._key(symbol, symbol), row_index, col)
        column.addWidget(self.zhuyin)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        for name in ("shift", *PUNCTUATION[:4], "space", *PUNCTUATION[4:], "backspace", "enter", "hide"):
            bottom.addWidget(self._key(name, name if name in PUNCTUATION else ""), 1 if name == "space" else 0)
        column.addLayout(bottom)
        self._show_mode()

    def _button(self, name: str, text: str, role: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _key(self, name: str, char: str) -> QPushButton:
        button = self._button(f"key_{name}", char, "key")
        button.setAutoRepeat(name == "backspace")  # a held letter key must not type it twenty times
        button.clicked.connect(lambda _checked=False, n=name: self.press(n))
        self.keys[name] = button
        return button

    # --- language ----------------------------------------------------------------------------

    def set_language(self, locale: str) -> None:
        """Follow the app's language: zh_CN pinyin (Simplified), zh_TW/zh_HK zhuyin (Traditional,
        with pinyin one tap away), English letters otherwise."""
        self.locale = locale
        script = ime.script_for(locale)
        if script is not None:
            self.chinese_script = script
        self.set_script(CYCLES[script][0] if script else None)

    def set_script(self, script: str | None) -> None:
        self._clear_pinyin()
        self.script = script
        self._show_mode()
        self.retranslate()

    def toggle_language(self) -> None:
        """The next way of typing: 注音 -> 拼音 -> English -> 注音 for Traditional, 拼音 <-> English."""
        cycle = CYCLES[self.chinese_script]
        index = cycle.index(self.script) if self.script in cycle else -1
        self.set_script(cycle[(index + 1) % len(cycle)])

    def _show_mode(self) -> None:
        self.composer.setVisible(self.script is not None)
        chinese = self.script is not None
        zhuyin = self.script == ime.ZHUYIN
        for row in ROWS[1:]:
            for char in row:
                self.keys[char].setVisible(not zhuyin)
        self.zhuyin.setVisible(zhuyin)
        if zhuyin:
            self.zhuyin_grid.addWidget(self.keys["lang"], 3, len(ZHUYIN_COLUMNS) - 1)  # under ㄦ
        else:
            self.latin_grid.addWidget(self.keys["lang"], 3, 0)  # left of z
        self.keys["lang"].show()
        for char in PUNCTUATION:
            self.keys[char].setText(FULL_WIDTH.get(char, char) if chinese else char)
        self.keys["lang"].setText(MODE_NAMES[self.script])
        self._show_candidates()

    def retranslate(self) -> None:
        for name, label in SPECIAL.items():
            self.keys[name].setText("␣" if name == "space" else _(SHORT_LABELS.get(name, label)))
            self.keys[name].setAccessibleName(_(label))
        if self.script == ime.ZHUYIN:
            self.keys["lang"].setAccessibleName(_("Typing Chinese by zhuyin. Tap to switch."))
        elif self.script:
            self.keys["lang"].setAccessibleName(_("Typing Chinese by pinyin. Tap to switch."))
        else:
            self.keys["lang"].setAccessibleName(_("Typing in English. Tap to switch."))
        self.previous_page.setAccessibleName(_("Previous words"))
        self.next_page.setAccessibleName(_("More words"))
        self.composing.setAccessibleName(_("Typed so far"))
        for name, button in self.keys.items():
            if name not in SPECIAL and name != "lang":
                button.setAccessibleName(button.text())
        self._show_candidates()

    # --- typing ------------------------------------------------------------------------------

    def press(self, name: str) -> None:
        """Type one key into the focused field."""
        if name == "hide":
            self._clear_pinyin()
            self.hideRequested.emit()
            return
        if name == "shift":
            self.set_shift(not self.shifted)
            return
        if name == "lang":
            self.toggle_language()
            return
        target = QApplication.focusWidget()
        if not is_text_input(target):
            return
        if self.script is not None and self._compose(name, target):
            return
        if name == "backspace":
            key, text = Qt.Key.Key_Backspace, ""
        elif name == "enter":
            key, text = Qt.Key.Key_Return, "\r"
        elif name == "space":
            key, text = Qt.Key.Key_Space, " "
        else:
            text = name.upper() if self.shifted else name
            if self.script is not None:
                text = FULL_WIDTH.get(text, text)
            key = Qt.Key(ord(text.upper())) if text.isalnum() and text.isascii() else Qt.Key.Key_unknown
        self._send(target, key, text)
        if self.shifted:
            self.set_shift(False)

    def _compose(self, name: str, target: QWidget) -> bool:
        """A key in Chinese mode. True if it was used on the pinyin or zhuyin (nothing else to type)."""
        spelling = name in ZHUYIN_KEYS if self.script == ime.ZHUYIN else len(name) == 1 and "a" <= name <= "z"
        if spelling and not self.shifted:
            if len(self.pinyin) < MAX_PINYIN:
                self.pinyin += name
                self._lookup()
            return True
        if not self.pinyin:
            return False
        if name == "backspace":
            self.pinyin = self.pinyin[:-1]
            self._lookup()
            return True
        if name == "space":
            self.choose(0)
            return True
        if name == "enter":  # the letters as typed
            self._send(target, Qt.Key.Key_unknown, self.pinyin)
            self._clear_pinyin()
            return True
        self.commit_all()  # punctuation, a digit or a capital: the words so far go in first
        return False

    def _send(self, target: QWidget, key: Qt.Key, text: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def set_shift(self, on: bool) -> None:
        self.shifted = on
        for name, button in self.keys.items():
            if len(name) == 1 and name.isascii() and name.isalpha():
                button.setText(name.upper() if on else name)
        self.keys["shift"].setProperty("active", on)
        self.keys["shift"].style().polish(self.keys["shift"])

    # --- candidates --------------------------------------------------------------------------

    def _lookup(self) -> None:
        self.found = ime.table(self.script).candidates(self.pinyin) if self.pinyin and self.script else []
        self.page = 0
        self._show_candidates()

    def candidates(self) -> list[str]:
        """The words offered for the pinyin typed so far, all pages."""
        return [candidate.text for candidate in self.found]

    def shown(self) -> list[str]:
        """The words on the candidate bar now."""
        return [button.text() for button in self.candidate_buttons if button.isVisibleTo(self)]

    def turn_page(self, step: int) -> None:
        last = max(0, (len(self.found) - 1) // PAGE)
        self.page = min(last, max(0, self.page + step))
        self._show_candidates()

    def choose_shown(self, index: int) -> None:
        self.choose(self.page * PAGE + index)

    def choose(self, index: int) -> None:
        """Put candidate ``index`` into the field; the pinyin it stood for is used up."""
        target = QApplication.focusWidget()
        if not (0 <= index < len(self.found)) or not is_text_input(target):
            return
        candidate = self.found[index]
        self._send(target, Qt.Key.Key_unknown, candidate.text)
        self.pinyin = self.pinyin[candidate.length :]
        self._lookup()

    def commit_all(self) -> None:
        """The first candidate, again and again, until no pinyin is left (or none matches)."""
        target = QApplication.focusWidget()
        while self.pinyin and self.found:
            self.choose(0)
        if self.pinyin and is_text_input(target):
            self._send(target, Qt.Key.Key_unknown, self.pinyin)
        self._clear_pinyin()

    def _clear_pinyin(self) -> None:
        self.pinyin = ""
        self.found = []
        self.page = 0
        self._show_candidates()

    def _show_candidates(self) -> None:
        if not hasattr(self, "candidate_buttons"):
            return
        words = self.found[self.page * PAGE : (self.page + 1) * PAGE]
        for index, button in enumerate(self.candidate_buttons):
            text = words[index].text if index < len(words) else ""
            button.setText(text)
            button.setAccessibleName(text)
            button.setVisible(bool(text))
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled((self.page + 1) * PAGE < len(self.found))
        if self.pinyin:
            self.composing.setText(self.pinyin)
        elif self.script == ime.ZHUYIN:
            self.composing.setText(_("Type zhuyin, then tap a word"))
        elif self.script:
            self.composing.setText(_("Type pinyin, then tap a word"))
        else:
            self.composing.setText("")

    def reset(self) -> None:
        """For the next visitor: no pinyin, no candidates, no Shift, the app's language."""
        self.set_shift(False)
        self.set_language(self.locale)

    def hideEvent(self, event) -> None:
        self._clear_pinyin()  # half-typed pinyin does not wait for the next field or visitor
        super().hideEvent(event)
