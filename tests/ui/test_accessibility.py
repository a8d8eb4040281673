"""Accessibility on every screen: 200% text with nothing clipped, every control reached by Tab,
named for screen readers, and big enough to touch; the system's large-font request; read aloud."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QTextEdit,
    QWidget,
)

from ui.wiring import SCREENS

WIDTH, HEIGHT = 1280, 900  # a common kiosk and laptop screen
# the window sizes and text sizes every screen must fit: the app's default window (1100x800) at
# 100% and 200% text, and a common kiosk and laptop screen at 200%
LAYOUTS = [((1280, 900), 200), ((1100, 800), 200), ((1100, 800), 100)]
TOUCH = 48
# Scroll bars are left out: screen readers know them by their role, and on a touch screen the
# kiosk scrolls by swiping (and widens them); every other control is checked.
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QSlider, QAbstractItemView, QPlainTextEdit, QTextEdit)
TOUCHED = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QSlider)


from core.quiz.schema import FORMATS as QUIZ_FORMATS  # noqa: E402

# --- each screen, in the states a visitor sees ---------------------------------------------------


def _guide_open(window):
    screen = window.screens["guides"]
    screen.list.itemActivated.emit(screen.list.item(0))


def _quiz_question(window, fmt: str | None = None):
    """A quiz question; with ``fmt``, the first question of that format in the bank (not a random draw)."""
    screen = window.screens["quiz"]
    if fmt is None:
        next(iter(screen.set_buttons.values())).click()
        return
    from core.quiz.session import QUICK

    question = next(q for q in screen.bank.questions if q.format == fmt)
    screen.start(QUICK, [question])


def _selfcheck_result(window):
    screen = window.screens["selfcheck"]
    screen.input.setPlainText("Your parcel is held at customs. Pay the fee at http://parcel.example within 2 hours.")
    screen.check_button.click()


def _situation_end(window):
    screen = window.screens["situation"]
    while not screen.finished:
        screen.answer(True)


STATES = {
    "guides:reading": ("guides", _guide_open),
    **{f"quiz:{fmt}": ("quiz", lambda window, fmt=fmt: _quiz_question(window, fmt)) for fmt in QUIZ_FORMATS},
    "selfcheck:result": ("selfcheck", _selfcheck_result),
    "situation:end": ("situation", _situation_end),
}
CASES = sorted(SCREENS) + sorted(STATES)


def open_case(make_window, qtbot, case, scale=200, lang="en", size=(WIDTH, HEIGHT)):
    window = make_window(lang)
    window.resize(*size)
    window.services.state.set_text_scale(scale)
    key, action = STATES.get(case, (case, None))
    window.navigate(key, None)
    if action:
        action(window)
    qtbot.wait(30)
    return window


def shown(window, kinds=(QWidget,)):
    """Widgets a person can see: visible up to the window and not zero-sized."""
    return [
        w for w in window.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(window) and w.width() > 0 and w.height() > 0 and w.window() is window
    ]


def name_of(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def describe(widget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}#{widget.objectName()} {text[:40]!r}"


def clipped(widget) -> str | None:
    """Why the widget's text does not fit, or None."""
    if isinstance(widget, QLabel):
        if not widget.text():
            return None
        if hasattr(widget, "shown_text"):
            return None  # the top bar's title is set smaller, then cut with "…", by design (tests/ui/test_top_bar.py)
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 2:
                return f"height {widget.height()} < {need} needed at width {widget.width()}"
            if widget.minimumSizeHint().width() > widget.width() + 2:
                return f"width {widget.width()} < longest word {widget.minimumSizeHint().width()}"
            return None
        hint = widget.sizeHint()
    elif isinstance(widget, QAbstractButton):
        if widget.layout() is not None or not widget.text():
            return None  # a button laid out with labels inside: the labels are checked
        hint = widget.sizeHint()
    else:
        return None
    if widget.width() + 2 < hint.width() or widget.height() + 2 < hint.height():
        return f"{widget.width()}x{widget.height()} < {hint.width()}x{hint.height()}"
    return None


def cut_off(widget, window) -> str | None:
    """Whether part of the widget lies outside an ancestor that does not scroll."""
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            return None  # inside a scrolling page: reachable by scrolling
        if not parent.rect().adjusted(-2, -2, 2, 2).contains(rect):
            return f"outside {type(parent).__name__}#{parent.objectName()} ({rect.getRect()} in {parent.rect().getRect()})"
        if parent is window:
            return None
        parent = parent.parentWidget()
    return None


def wider_than_page(widget) -> str | None:
    """Whether the widget reaches past the right or left edge of the scrolling page it is on:
    a page scrolls down, never sideways."""
    parent = widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            left = widget.mapTo(parent, QPoint(0, 0)).x()
            if left < -2 or left + widget.width() > parent.width() + 2:
                return f"from x={left} to {left + widget.width()} on a page {parent.width()} px wide"
            return None
        parent = holder
    return None


@pytest.mark.parametrize(
    ("lang", "case", "size", "scale"),
    [(lang, c, size, scale) for size, scale in LAYOUTS for lang in ("en", "zh_CN") for c in CASES],
    ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else str(v),
)
def test_nothing_is_clipped_and_nothing_scrolls_sideways(make_window, qtbot, case, lang, size, scale):
    window = open_case(make_window, qtbot, case, scale=scale, lang=lang, size=size)
    assert window.width() <= size[0] and window.height() <= size[1], f"the screen does not fit {size} at {scale}%"
    problems = []
    for widget in shown(window, (QLabel, QAbstractButton)):
        why = clipped(widget) or cut_off(widget, window) or wider_than_page(widget)
        if why:
            problems.append(f"{describe(widget)}: {why}")
    for area in shown(window, QAbstractScrollArea):
        if area.horizontalScrollBar().isVisibleTo(window):
            problems.append(f"{describe(area)}: a horizontal scroll bar")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES)
def test_every_control_has_a_name_for_screen_readers(make_window, qtbot, case):
    window = open_case(make_window, qtbot, case, scale=100)
    unnamed = [describe(w) for w in shown(window, INTERACTIVE) if w.isEnabled() and not name_of(w)]
    assert not unnamed, unnamed


@pytest.mark.parametrize("case", CASES)
def test_touch_targets_are_at_least_48_px(make_window, qtbot, case):
    window = open_case(make_window, qtbot, case, scale=100)
    small = [f"{describe(w)} {w.width()}x{w.height()}" for w in shown(window, TOUCHED)
             if w.isEnabled() and (w.width() < TOUCH or w.height() < TOUCH)]
    for view in shown(window, QAbstractItemView):
        model = view.model()
        for row in range(model.rowCount() if model else 0):
            rect = view.visualRect(model.index(row, 0))
            if rect.isValid() and rect.height() < TOUCH:
                small.append(f"{describe(view)} row {row}: {rect.height()} px high")
    assert not small, small


@pytest.mark.parametrize("case", CASES)
def test_tab_reaches_every_control(make_window, qtbot, case):
    window = open_case(make_window, qtbot, case, scale=100)
    wanted = {w for w in shown(window, INTERACTIVE) if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus}
    start = window.back_button if window.back_button.isEnabled() else window.home_button
    if not start.isEnabled():
        start = window.language_button
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    for _ in range(4 * len(wanted) + 20):
        focused = window.focusWidget()
        reached.add(focused)
        if wanted <= reached:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    # a scrolling page is no Tab stop of its own: it draws no focus, so Tab seemed to do nothing
    pages = [describe(w) for w in reached if isinstance(w, QScrollArea)]
    assert not pages, f"Tab stopped on a scrolling page: {pages}"
    # In a group of exclusive choices (radio buttons, text-size chips) Tab stops on the chosen one
    # and the arrow keys move between them, as everywhere on the desktop.
    reached_groups = {group_of(w) for w in reached if w is not None and group_of(w) is not None}
    missing = [describe(w) for w in wanted - reached if group_of(w) is None or group_of(w) not in reached_groups]
    assert not missing, missing


@pytest.mark.parametrize("key", ["settings", "home"])
def test_the_first_tab_from_the_top_bar_reaches_a_control_and_page_down_still_scrolls(make_window, qtbot, key):
    window = make_window("en")
    window.resize(1100, 800)
    window.services.state.set_text_scale(200)
    window.navigate(key, None)
    if key == "home":
        window.go_home()
    qtbot.wait(20)
    window.language_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.language_button, Qt.Key.Key_Tab)
    first = window.focusWidget()
    assert first is not None and window.screens[key].isAncestorOf(first)
    assert isinstance(first, INTERACTIVE), f"the first Tab stop is {describe(first)}"
    page = window.screens[key].findChild(QScrollArea)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0, "the page should be taller than the window at 200%"
    bar.setValue(0)
    qtbot.keyClick(first, Qt.Key.Key_PageDown)
    assert bar.value() > 0, "Page Down on a control did not scroll its page"


def group_of(widget):
    if not isinstance(widget, QAbstractButton):
        return None
    group = widget.group()
    if group is not None and group.exclusive():
        return group
    if widget.autoExclusive():
        return widget.parentWidget()
    return None


def test_arrow_keys_move_between_exclusive_choices(make_window, qtbot):
    window = make_window("en")
    window.navigate("settings", None)
    buttons = list(window.screens["settings"].size_buttons.values())
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(buttons[0], Qt.Key.Key_Right)
    assert window.focusWidget() is buttons[1]


def test_focus_is_drawn_visibly(make_window, qtbot):
    """The focused control looks different: the focus frame in theme.qss is applied."""
    window = make_window("en")
    tile = next(iter(window.screens["home"].tiles.values()))
    window.home_button.setFocus()
    before = tile.grab().toImage()
    tile.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(10)
    after = tile.grab().toImage()
    assert before != after


# --- the system's requests ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("point_size", "platform", "expected"),
    [(9, "win32", 100), (14, "win32", 150), (18, "win32", 200), (30, "win32", 200), (10, "linux", 100),
     (12.5, "linux", 125), (20, "linux", 200), (13, "darwin", 100), (17, "darwin", 125), (0, "linux", 100)],
)
def test_a_larger_system_font_asks_for_larger_text(point_size, platform, expected):
    from ui.accessibility import text_scale_for

    assert text_scale_for(point_size, platform) == expected


def test_a_first_run_follows_the_system_font_size(make_window, monkeypatch):
    from ui import accessibility

    monkeypatch.setattr(accessibility, "system_text_scale", lambda: 150)
    window = make_window("en")
    assert window.services.state.text_scale == 150


def test_a_chosen_text_size_wins_over_the_system(make_window, monkeypatch, tmp_path):
    from core.settings import Settings, SettingsStore
    from ui import accessibility

    store = SettingsStore(tmp_path / "chosen.json")
    store.save(Settings(text_scale=100))
    monkeypatch.setattr(accessibility, "system_text_scale", lambda: 175)
    window = make_window("en", store=store)
    assert window.services.state.text_scale == 100


# --- read aloud -----------------------------------------------------------------------------------


def test_read_aloud_is_not_offered_without_a_real_engine(make_window, qtbot, monkeypatch):
    from ui import speech

    monkeypatch.setattr(speech, "real_engines", lambda: [])
    reader = speech.ReadAloud()
    assert not reader.available
    window = make_window("en")
    assert speech.attach(window, reader) is None
    assert window.findChild(QWidget, "readAloudButton") is None


def test_the_mock_engine_is_never_counted_as_real():
    from ui import speech

    assert "mock" not in speech.real_engines()


def test_read_aloud_speaks_the_open_guide(make_window, qtbot):
    from core.i18n import content_gettext
    from ui import speech

    window = make_window("en")
    window.navigate("guides", None)
    _guide_open(window)
    guide = window.screens["guides"].current
    text = speech.text_of(window.screens["guides"])
    assert content_gettext(guide.rule) in text or content_gettext(guide.title) in text

    reader = speech.ReadAloud(engine="mock")
    button = speech.attach(window, reader)
    assert button is not None
    qtbot.waitUntil(lambda: button.isVisibleTo(window))
    assert button.accessibleName() == "Read aloud"
    with qtbot.waitSignal(reader.speakingChanged, timeout=3000):
        button.click()
    assert reader.speaking
    assert button.text() == "Stop reading"
    button.click()
    qtbot.waitUntil(lambda: not reader.speaking, timeout=3000)


def test_read_aloud_reads_the_quiz_question_and_the_selfcheck_result(make_window, qtbot):
    from ui import speech

    window = make_window("en")
    window.navigate("quiz", None)
    _quiz_question(window)
    quiz = window.screens["quiz"]
    assert quiz.prompt.text() and quiz.prompt.text() in speech.text_of(quiz)
    window.navigate("selfcheck", None)
    _selfcheck_result(window)
    selfcheck = window.screens["selfcheck"]
    qtbot.waitUntil(lambda: selfcheck.result_box.isVisibleTo(selfcheck), timeout=5000)
    assert selfcheck.banner_title.text() in speech.text_of(selfcheck)
