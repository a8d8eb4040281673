"""Workshop mode in a real window: the facilitator's panel, presenter keys, the room's hands, the chart."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core import workshop
from core.i18n import _, content_gettext
from core.workshop import Plan
from tests.ui.visible import english_words, visible_texts


@pytest.fixture
def panel(make_window):
    def make(lang="en"):
        window = make_window(lang=lang)
        window.navigate("workshop")
        screen = window.screens["workshop"]
        assert window.stack.currentWidget() is screen
        return window, screen

    return make


def _plan(screen, guides=2, questions=3) -> Plan:
    book_ids = [g.id for g in screen.book.guides if g.scam_type][:guides]
    room = [q for q in screen.room_questions() if q.guide in book_ids]
    kinds = {}
    for q in room:  # one of each format first, so the test meets them all
        kinds.setdefault(q.format, q)
    chosen = list(kinds.values()) + [q for q in room if q not in kinds.values()]
    plan = Plan(title="Test session", audience="students", guides=book_ids, questions=[q.id for q in chosen[:questions]])
    screen.set_plan(plan)
    return plan


def test_the_home_screen_offers_the_workshop(make_window, qtbot):
    window = make_window()
    home = window.screens["home"]
    tile = home.tiles["workshop"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current == "workshop"


def test_presenter_keys_move_through_the_slides(panel, qtbot):
    _window, screen = panel()
    _plan(screen)
    presenter = screen.present_guides(projector=None)
    console = presenter.console
    qtbot.waitExposed(console)
    slides = screen._slides()
    assert len(presenter.steps) == len(slides)

    def shown() -> str:
        return console.stage.accessibleName()

    assert slides[0].heading in shown()
    expected = 0
    for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Right, 1), (Qt.Key.Key_Down, 1), (Qt.Key.Key_Space, 1),
                      (Qt.Key.Key_PageUp, -1), (Qt.Key.Key_Left, -1), (Qt.Key.Key_Up, -1)):
        qtbot.keyClick(console, key)
        expected += step
        assert presenter.at == expected
        assert slides[expected].heading in shown()
        assert console.position.text() == _("Slide {n} of {total}").format(n=expected + 1, total=len(slides))
        assert console.notes.text() == "\n\n".join(slides[expected].notes)
    qtbot.keyClick(console, Qt.Key.Key_PageUp)  # at the first slide: stays
    assert presenter.at == 0
    qtbot.keyClick(console, Qt.Key.Key_N)
    assert not console.panel_scroll.isVisible()  # one screen: the notes can be hidden from the room
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert not presenter.running and not console.isVisible()


def test_with_a_projector_the_room_sees_the_slide_and_the_laptop_the_notes(panel, qtbot):
    from PySide6.QtGui import QGuiApplication

    _window, screen = panel()
    _plan(screen, guides=1)
    # the offscreen platform has one screen: hand it over as the projector to take the two-screen path
    presenter = screen.present_guides(projector=QGuiApplication.primaryScreen())
    audience = presenter.audience
    assert audience is not None and audience.isVisible()
    slides = screen._slides()
    assert audience.stage.accessibleName() == presenter.console.stage.accessibleName()
    assert slides[0].notes[0] in presenter.console.notes.text()
    assert not [w for w in audience.findChildren(QLabel) if w.text()]  # no notes on the room's screen
    qtbot.keyClick(audience.stage, Qt.Key.Key_PageDown)  # a clicker aimed at the projector window
    assert presenter.at == 1
    assert slides[1].heading in audience.stage.accessibleName()
    screen.reset()  # the kiosk's idle reset ends a presentation too
    assert not presenter.running and not audience.isVisible()


def test_the_room_sees_big_type(panel, qtbot):
    _window, screen = panel()
    _plan(screen, guides=1)
    presenter = screen.present_guides(projector=None)
    from ui.presenter import StageView

    stage = StageView()
    stage.resize(1280, 720)
    for step in range(len(presenter.steps)):
        stage.set_view(presenter.console.stage.view)
        stage.grab()
        assert stage.last_base >= 720 // 24, (step, stage.view.blocks[0].text)  # a line is at least 1/24 of the screen
        presenter.next()
    presenter.stop()


def test_entering_hands_reveals_the_answer_and_feeds_the_chart(panel, qtbot):
    _window, screen = panel()
    _plan(screen, questions=3)
    presenter = screen.run_quiz(projector=None)
    console = presenter.console
    qtbot.waitExposed(console)
    questions = presenter.tally.questions
    assert len(questions) == 3

    # question 1: type counts; arrows while typing belong to the number box
    boxes = console.hands.boxes
    assert len(boxes) == len(workshop.room_options(questions[0]))
    typed = [4 + 3 * i for i in range(len(boxes))]
    for box, value in zip(boxes, typed):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(value - 1))
        qtbot.keyClick(box, Qt.Key.Key_Up)
    assert presenter.at == 0
    assert console.hands.counts() == typed
    qtbot.keyClick(boxes[-1], Qt.Key.Key_PageDown)  # the clicker still moves on
    assert presenter.step.kind == "reveal"
    assert presenter.tally.get(questions[0].id).counts == tuple(typed)
    for value in typed:
        assert _("{n} hands").format(n=value) in console.stage.accessibleName()
    for line in workshop.explanation(questions[0]):
        assert content_gettext(line) in console.stage.accessibleName()

    # question 2: skipped with the button
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert presenter.step.kind == "ask" and presenter.step.index == 1
    qtbot.mouseClick(console.skip_button, Qt.MouseButton.LeftButton)
    assert presenter.tally.get(questions[1].id).skipped
    assert presenter.step.kind == "reveal"

    # question 3: one hand on each option, typed and confirmed with Enter
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    for box in console.hands.boxes:
        box.setValue(1)
    qtbot.keyClick(console.hands.boxes[0], Qt.Key.Key_Return)
    assert presenter.step.kind == "reveal" and presenter.step.index == 2

    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert presenter.step.kind == "chart_question"
    rows = presenter.console.stage.view.chart
    chart = workshop.chart_data(presenter.tally)
    right = sum(c for c, o in zip(typed, workshop.room_options(questions[0])) if o.correct)
    assert rows[0][1] == _("{right} of {total} hands right · {percent}%").format(right=right, total=sum(typed), percent=round(100 * right / sum(typed)))
    assert rows[1][1] == _("skipped") and rows[1][3]
    assert len(rows) == len(chart.by_question) == 3

    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert presenter.step.kind == "chart_type"
    labels = [row[0] for row in presenter.console.stage.view.chart]
    from core.quiz.session import SCAM_TYPE_NAMES

    assert labels == [_(SCAM_TYPE_NAMES[bar.key]) for bar in chart.by_type]
    assert all(row[1] in presenter.console.stage.accessibleName() for row in presenter.console.stage.view.chart)

    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # the end: back to the panel, results ready
    assert not presenter.running
    assert screen.export_button.isEnabled()
    assert "Test session" not in screen.results_csv()


def test_a_corrupt_plan_is_refused_and_the_open_plan_kept(panel, tmp_path):
    _window, screen = panel()
    plan = _plan(screen)
    before = (plan.title, list(plan.guides), list(plan.questions))
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ntitle: 'unclosed\nguides: []\n", encoding="utf-8")
    assert not screen.open_plan(bad)
    assert screen.message.isVisible()
    assert f"{bad}:2:" in screen.message.text()
    assert (screen.plan.title, screen.plan.guides, screen.plan.questions) == before
    checked = [screen.guide_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(screen.guide_list.count())
               if screen.guide_list.item(i).checkState() == Qt.CheckState.Checked]
    assert sorted(checked) == sorted(before[1])


def test_a_plan_saved_from_the_panel_opens_again(panel, tmp_path):
    _window, screen = panel()
    plan = _plan(screen)
    path = tmp_path / "plan.yaml"
    screen.save_plan(path)
    screen.new_plan()
    assert screen.plan.guides == []
    assert screen.open_plan(path)
    assert (screen.plan.title, screen.plan.audience, screen.plan.guides, screen.plan.questions) == (plan.title, plan.audience, plan.guides, plan.questions)
    assert screen.title_edit.text() == plan.title
    assert screen.audience_buttons[plan.audience].isChecked()


def test_handouts_print_into_one_pdf(panel, tmp_path):
    _window, screen = panel()
    _plan(screen, guides=3)
    path = tmp_path / "handouts.pdf"
    pages = screen.save_handouts(path)
    assert pages == 3
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)\b", data)) == 3  # one page per guide


# Latin words Chinese text uses as they are (in the guides' and questions' own translations)
LATIN = {"PDF", "CSV", "App", "APP", "Esc", "Page", "Down", "Up", "Space"}


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_the_workshop_speaks_chinese(panel, lang, qtbot):
    window, screen = panel(lang)
    _plan(screen, guides=1, questions=2)
    leftover = [w for text in visible_texts(screen) for w in english_words(text, LATIN)]
    assert leftover == []
    presenter = screen.present_guides(projector=None)
    for _step in presenter.steps:
        assert english_words(presenter.console.stage.accessibleName() + " " + presenter.console.notes.text(), LATIN) == []
        presenter.next()
    quiz = screen.run_quiz(projector=None)
    for _step in quiz.steps:
        texts = quiz.console.stage.accessibleName() + " " + " ".join(visible_texts(quiz.console))
        assert english_words(texts, LATIN) == []
        quiz.next()


def test_the_language_can_change_mid_presentation(panel):
    window, screen = panel("en")
    _plan(screen, guides=1)
    presenter = screen.present_guides(projector=None)
    presenter.next()
    english = presenter.console.stage.accessibleName()
    window.services.state.set_locale("zh_CN")
    assert presenter.at == 1  # the same slide, now in Chinese
    chinese = presenter.console.stage.accessibleName()
    assert chinese != english
    assert english_words(chinese, LATIN) == []
    presenter.stop()


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_the_question_list_joins_scam_type_and_question_with_a_full_width_colon_in_chinese(panel, lang):
    """"虚假投资理财诈骗: 聊天群里…" had a half-width colon and a space between Chinese words."""
    _window, screen = panel(lang)
    screen.suggest()
    rows = [screen.question_list.item(i).text().split("\n")[0] for i in range(screen.question_list.count())]
    assert rows
    for row in rows:
        assert ": " not in row and "：" in row, row


@pytest.mark.parametrize("audience", workshop.AUDIENCES)
def test_suggest_plans_a_talk_of_sensible_length_and_says_how_long(panel, audience):
    """It ticked the first three starred guides, 39 slides, and said nothing about it."""
    from ui.screens.workshop import SLIDE_BUDGET

    _window, screen = panel()
    screen.audience_buttons[audience].click()
    screen.suggest()
    starred = [g for g in screen.book.guides if audience in g.audiences and g.scam_type]
    chosen = [screen.book.get(i) for i in screen.plan.guides]
    assert chosen and all(g in starred for g in chosen)
    slides = len(screen._slides())
    assert slides <= SLIDE_BUDGET or len(chosen) == 1
    following = starred[len(chosen)] if len(chosen) < len(starred) else None
    if following is not None:  # one more starred guide would have passed the budget
        assert slides + len(workshop.guide_slides(following, screen.region())) > SLIDE_BUDGET
    said = screen.message.text()
    assert screen.message.isVisibleTo(screen) and f"{slides} slides" in said and f"{len(chosen)} guides" in said, said
    assert f"{slides} slides" in screen.summary.text()
    assert screen.plan.questions and all(q.guide in screen.plan.guides for q in screen.chosen_questions())


def test_the_star_is_explained_above_the_guide_list(panel):
    _window, screen = panel()
    legend, guides = screen.legend, screen.guide_list
    assert "★" in legend.text() and legend.isVisibleTo(screen)
    top_left = legend.mapTo(screen, legend.rect().bottomLeft())
    list_top = guides.mapTo(screen, guides.rect().topLeft())
    assert top_left.y() <= list_top.y() and abs(top_left.x() - list_top.x()) < 40
    note = screen.questions_note
    note_bottom = note.mapTo(screen, note.rect().bottomLeft()).y()
    assert note.isVisibleTo(screen) and note_bottom <= screen.only_chosen.mapTo(screen, screen.only_chosen.rect().topLeft()).y()


def test_a_plain_button_in_the_bar_looks_off_when_it_is_off(panel, qtbot):
    """"Handouts as one PDF…" off looked like it was on: the same face and edge as when on."""
    _window, screen = panel()
    handouts, present = screen.handouts_button, screen.present_button
    assert not handouts.isEnabled() and not present.isEnabled()  # no guides yet

    def face(button):  # the colour just inside the edge, at mid height: no text there
        image = button.grab().toImage()
        return image.pixelColor(6, image.height() // 2).name()

    off = face(handouts)
    assert off == face(present), "off like the bar's other buttons that are off"
    _plan(screen, guides=1)
    assert handouts.isEnabled()
    qtbot.waitUntil(lambda: face(handouts) != off)


@pytest.mark.parametrize("lang, marks", [("zh_TW", "「」"), ("zh_CN", "“”"), ("en", "“”")])
def test_a_quoted_message_in_the_question_list_uses_the_language_s_quotation_marks(panel, lang, marks):
    _window, screen = panel(lang)
    screen.only_chosen.setChecked(False)
    quoted = [screen.question_list.item(i).text().split("\n", 1)[1] for i in range(screen.question_list.count()) if "\n" in screen.question_list.item(i).text()]
    assert quoted
    for text in quoted:
        assert text[0] == marks[0] and text[-1] == marks[1], text
        if lang == "zh_TW":
            assert "“" not in text and "”" not in text, text


def test_the_suggestion_s_figures_go_once_the_plan_is_changed(panel):
    _window, screen = panel()
    screen.suggest()
    assert "slides" in screen.message.text()
    item = next(screen.guide_list.item(i) for i in range(screen.guide_list.count()) if screen.guide_list.item(i).checkState() != Qt.CheckState.Checked)
    item.setCheckState(Qt.CheckState.Checked)
    assert not screen.message.isVisibleTo(screen) and "slides" not in screen.message.text()
