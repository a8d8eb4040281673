"""What a person pastes into the self-check stays in memory, and only while they are there."""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTextBrowser

MARKER = "PRIVATE-MARKER-7f3a 请把钱转到安全账户 account ending 0000"


def all_files_under(folder):
    for base, _dirs, files in os.walk(folder):
        for name in files:
            yield os.path.join(base, name)


def test_pasted_text_is_never_written_to_disk_and_gone_after_leaving(make_window, qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("SCAMSENSE_HOME", str(home))
    window = make_window("en")
    window.navigate("selfcheck", None)
    screen = window.screens["selfcheck"]
    screen.input.setPlainText(MARKER)
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    assert screen.result_box.isVisible()

    # switching language and settings writes settings; none of it may carry the text
    window.services.state.set_locale("zh_CN")
    window.services.save_settings()
    window.go_home()

    widgets = [w for kind in (QPlainTextEdit, QTextBrowser, QLabel) for w in screen.findChildren(kind)]
    assert widgets
    for widget in widgets:
        text = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        assert "PRIVATE-MARKER" not in text, f"{widget.objectName() or type(widget).__name__} still holds it"
    assert "PRIVATE-MARKER" not in (QApplication.clipboard().text() or "")

    window.close()
    for path in all_files_under(tmp_path):
        with open(path, "rb") as handle:
            data = handle.read()
        assert b"PRIVATE-MARKER" not in data, f"the pasted text reached {path}"
