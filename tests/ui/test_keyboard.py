"""The on-screen keyboard, tapped as a visitor taps it: Chinese by pinyin, English, switching."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ui import ime
from ui.keyboard import OnScreenKeyboard


@pytest.fixture
def board(qtbot, english):
    """A window with a text field and the keyboard under it; the field has the focus."""
    window = QWidget()
    column = QVBoxLayout(window)
    field = QPlainTextEdit()
    line = QLineEdit()
    keyboard = OnScreenKeyboard()
    for widget in (field, line, keyboard):
        column.addWidget(widget)
    keyboard.retranslate()
    qtbot.addWidget(window)
    window.resize(1280, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    yield keyboard, field, line
    window.close()


def tap(qtbot, keyboard, *names):
    for name in names:
        qtbot.mouseClick(keyboard.keys[name], Qt.MouseButton.LeftButton)


def spell(qtbot, keyboard, letters):
    tap(qtbot, keyboard, *letters)


def pick(qtbot, keyboard, word):
    """Page through the candidate bar until the word shows, then tap it."""
    while word not in keyboard.shown():
        assert keyboard.next_page.isEnabled(), f"{word} is not offered: {keyboard.candidates()[:20]}"
        qtbot.mouseClick(keyboard.next_page, Qt.MouseButton.LeftButton)
    button = next(b for b in keyboard.candidate_buttons if b.isVisible() and b.text() == word)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_typing_pinyin_and_tapping_a_word_puts_chinese_into_the_field(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "pianzi")
    assert field.toPlainText() == ""  # the pinyin waits on the keyboard, not in the field
    assert keyboard.composing.text() == "pianzi"
    assert "骗子" in keyboard.candidates()
    pick(qtbot, keyboard, "骗子")
    assert field.toPlainText() == "骗子"
    assert keyboard.pinyin == "" and keyboard.shown() == []
    assert QApplication.focusWidget() is field  # tapping the keyboard never takes the focus


def test_a_sentence_word_by_word_with_paging_and_punctuation(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "woshi")
    pick(qtbot, keyboard, "我")
    assert keyboard.composing.text() == "shi"  # 我 used up "wo"; the rest goes on
    pick(qtbot, keyboard, "是")
    spell(qtbot, keyboard, "jingcha")
    pick(qtbot, keyboard, "警察")
    tap(qtbot, keyboard, ",")
    assert field.toPlainText() == "我是警察，"  # full-width punctuation in Chinese
    spell(qtbot, keyboard, "zhuanzhang")
    first = keyboard.candidates()[0]
    tap(qtbot, keyboard, ".")  # punctuation puts the first word in before itself
    assert field.toPlainText() == "我是警察，" + first + "。"


def test_paging_shows_further_words_and_comes_back(board, qtbot):
    keyboard, _field, _line = board
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "shi")
    first_page = keyboard.shown()
    assert len(first_page) == len(keyboard.candidate_buttons) and not keyboard.previous_page.isEnabled()
    qtbot.mouseClick(keyboard.next_page, Qt.MouseButton.LeftButton)
    second_page = keyboard.shown()
    assert second_page and not set(second_page) & set(first_page)
    qtbot.mouseClick(keyboard.previous_page, Qt.MouseButton.LeftButton)
    assert keyboard.shown() == first_page


def test_space_delete_and_new_line_while_composing(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "pianzix")
    tap(qtbot, keyboard, "backspace")
    assert keyboard.composing.text() == "pianzi" and field.toPlainText() == ""
    first = keyboard.candidates()[0]
    tap(qtbot, keyboard, "space")
    assert field.toPlainText() == first
    spell(qtbot, keyboard, "abc")
    tap(qtbot, keyboard, "enter")  # the letters as typed
    assert field.toPlainText() == first + "abc"
    tap(qtbot, keyboard, "backspace")  # nothing composing: the field's last character goes
    assert field.toPlainText() == first + "ab"


def test_taiwan_types_zhuyin_into_traditional_chinese(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_TW")
    assert keyboard.keys["ㄆ"].isVisible() and not keyboard.keys["q"].isVisible()
    spell(qtbot, keyboard, "ㄐㄧㄥㄔㄚ")
    assert keyboard.composing.text() == "ㄐㄧㄥㄔㄚ"
    pick(qtbot, keyboard, "警察")
    spell(qtbot, keyboard, "ㄆㄧㄢㄗ")
    assert "騙子" in keyboard.candidates() and "骗子" not in keyboard.candidates()
    pick(qtbot, keyboard, "騙子")
    assert field.toPlainText() == "警察騙子"


def test_the_language_key_steps_through_zhuyin_pinyin_and_english(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_TW")
    spell(qtbot, keyboard, "ㄋㄧ")
    tap(qtbot, keyboard, "lang")  # 注音 -> 拼音
    assert keyboard.shown() == [] and keyboard.composing.text() != "ㄋㄧ"  # the half-typed zhuyin is dropped
    assert keyboard.keys["q"].isVisible() and not keyboard.keys["ㄆ"].isVisible()
    spell(qtbot, keyboard, "pianzi")
    pick(qtbot, keyboard, "騙子")  # pinyin, still into Traditional
    tap(qtbot, keyboard, "lang")  # 拼音 -> English
    assert not keyboard.composing.isVisible()
    spell(qtbot, keyboard, "hi")
    assert field.toPlainText() == "騙子hi"
    tap(qtbot, keyboard, "lang")  # English -> 注音
    assert keyboard.keys["ㄆ"].isVisible()
    keyboard.set_language("zh_CN")
    labels = []
    for _ in range(3):
        labels.append(keyboard.keys["lang"].text())
        tap(qtbot, keyboard, "lang")
    assert labels[0] == labels[2] != labels[1]  # Simplified: 拼音 <-> English only
    assert not keyboard.keys["ㄆ"].isVisible()


def test_english_typing_and_a_capital_in_chinese_mode(board, qtbot):
    keyboard, field, line = board
    keyboard.set_language("en")
    assert not keyboard.composing.isVisible()
    tap(qtbot, keyboard, "h", "i", ",", "shift", "a")
    assert field.toPlainText() == "hi,A"
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "pianzi")
    first = keyboard.candidates()[0]
    tap(qtbot, keyboard, "shift", "q")  # a capital is a Latin letter: the words so far go in first
    assert line.text() == first + "Q"


def test_the_table_is_read_only_when_chinese_is_first_typed(board, qtbot, monkeypatch):
    keyboard, _field, _line = board
    monkeypatch.setattr(ime, "_tables", {})
    keyboard.set_language("zh_TW")
    assert ime.loaded() == set()
    spell(qtbot, keyboard, "ㄆ")
    assert ime.loaded() == {ime.ZHUYIN}


def test_hiding_or_resetting_drops_the_pinyin(board, qtbot):
    keyboard, field, _line = board
    keyboard.set_language("zh_CN")
    spell(qtbot, keyboard, "pianzi")
    keyboard.set_shift(True)
    keyboard.reset()
    assert keyboard.pinyin == "" and keyboard.shown() == [] and "pianzi" not in keyboard.composing.text()
    assert not keyboard.shifted and keyboard.script == "zh_Hans"
    spell(qtbot, keyboard, "pianzi")
    tap(qtbot, keyboard, "hide")
    assert keyboard.pinyin == "" and keyboard.shown() == []
    assert field.toPlainText() == ""


def test_nothing_typed_is_written_to_disk(board, qtbot, tmp_path, monkeypatch):
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var))
    keyboard, field, _line = board
    keyboard.set_language("zh_CN")
    for _ in range(3):
        spell(qtbot, keyboard, "pianzi")
        pick(qtbot, keyboard, "骗子")
    assert field.toPlainText() == "骗子" * 3
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []  # no learnt words, no history
