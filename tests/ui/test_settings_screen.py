"""Settings: the privacy note says what is really kept, at home and on a kiosk."""

import pytest
from PySide6.QtWidgets import QApplication

from core import i18n
from core.kiosk import load_config, set_pin
from core.regions import REGION_CODES


@pytest.fixture
def kiosk_window(qtbot, roots, tmp_path):
    made = []

    def make():
        path = tmp_path / "kiosk.yaml"
        set_pin(path, "482916")
        config = load_config(path, regions=set(REGION_CODES), locales=i18n.setup(roots.locale_dir).locales())
        from ui.app import build_window

        window = build_window(roots, kiosk=config)
        qtbot.addWidget(window)
        window.kiosk.start()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.kiosk.unlocked = True
        QApplication.instance().removeEventFilter(window.kiosk)
        window.services.state.close()
    i18n.setup(roots.locale_dir, "en")


def test_at_home_the_note_names_the_settings_and_the_quiz_scores_it_keeps(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = make_window("en")
    window.navigate("settings", None)
    note = window.screens["settings"].privacy_text.text()
    assert "settings and quiz scores are stored on this computer" in note
    window.navigate("quiz", None)
    quiz = window.screens["quiz"]
    assert quiz.progress.remembers  # the quiz does keep scores here, as the note says


def test_on_a_kiosk_the_note_says_nothing_is_saved_and_quiz_hints_name_no_keys(kiosk_window, qtbot):
    window = kiosk_window()
    window.services.state.set_locale("en")  # a kiosk starts in its first language
    window.navigate("settings", None)
    note = window.screens["settings"].privacy_text.text()
    assert "Nothing you do here is saved" in note
    assert "stored" not in note
    window.navigate("quiz", None)
    quiz = window.screens["quiz"]
    assert not quiz.progress.remembers
    quiz.start(next(iter(quiz._available_sets())))
    assert quiz.hint.text() and "Keyboard" not in quiz.hint.text() and "Enter" not in quiz.hint.text()
