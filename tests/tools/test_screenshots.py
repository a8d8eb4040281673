"""tools/screenshots.py: pictures of settled screens, taken without the user's own folders."""

from __future__ import annotations

import importlib.util
import os

from core import i18n
from tests.conftest import ROOT


def _tool():
    spec = importlib.util.spec_from_file_location("screenshots_tool", ROOT / "tools" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_screenshots_use_a_folder_of_their_own_not_the_users(qapp, roots, tmp_path, monkeypatch):
    """The quiz screen showed the real user's "Best so far" scores in the pictures."""
    from core import settings
    from ui import app as ui_app

    user = {name: tmp_path / "user" / name for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "SCAMSENSE_HOME")}
    for name, folder in user.items():
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    seen = []
    real_build = ui_app.build_window

    def build_window(*args, **kwargs):
        seen.append((settings.data_dir(), settings.config_dir()))
        return real_build(*args, **kwargs)

    monkeypatch.setattr(ui_app, "build_window", build_window)
    out = tmp_path / "out"
    try:
        assert _tool().main(["--out", str(out), "--locales", "en", "--screens", "quiz"]) == 0
    finally:
        i18n.setup(roots.locale_dir, "en")
    assert (out / "quiz_en.png").stat().st_size > 0
    assert seen, "no window was built"
    for folder in (folder for pair in seen for folder in pair):
        assert not any(str(folder).startswith(str(root)) for root in user.values()), folder
    assert not [p for root in user.values() for p in root.rglob("*")], "the run wrote into the user's folders"


def test_settle_waits_for_layouts_that_change_after_the_first_events(qapp):
    """A layout finished by a zero-delay timer (as screens do after a language switch) is
    in place before the grab; one processEvents() caught it half done."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("first"))
    window.resize(400, 300)
    window.show()
    added = []

    def add_later(depth: int) -> None:  # each step posts the next, as chained deferred layouts do
        label = QLabel(f"line {depth}")
        layout.addWidget(label)
        added.append(label)
        if depth < 4:
            QTimer.singleShot(0, lambda: add_later(depth + 1))

    QTimer.singleShot(0, lambda: add_later(1))
    _tool().settle(qapp, window)
    assert len(added) == 4
    assert all(label.isVisible() and label.height() > 0 and label.y() > 0 for label in added)
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    window.close()
