"""What a person can read on a screen: every visible label, button, field and title."""

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTextBrowser, QTextEdit, QWidget


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if not widget.isVisibleTo(root.window()) and widget is not root:
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            texts.append(widget.accessibleName())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, (QTextBrowser, QTextEdit, QPlainTextEdit)):
            texts.append(widget.toPlainText() if widget.isReadOnly() else widget.placeholderText())
    return [t for t in texts if t and t.strip()]


_TAGS = re.compile(r"<[^>]+>")


def english_words(text: str, allowed: set[str]) -> list[str]:
    """Latin-script words of 3+ letters left once allowed names and numbers are removed."""
    text = _TAGS.sub(" ", text)
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, " ")
    text = re.sub(r"\S+\.(?:example|invalid|test)\b\S*", " ", text)  # fictional addresses in examples
    return re.findall(r"[A-Za-z]{3,}", text)
