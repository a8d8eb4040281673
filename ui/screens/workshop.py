"""Workshop mode: the facilitator's panel.

Pick who the session is for, the guides to present and the questions the room answers by
raising hands; save the plan as a file to open again or give to a colleague; print the
chosen guides' one-page handouts together as one PDF; present the guides as slides or run
the group quiz (ui/presenter.py); afterwards export the room's tallies (counts only) as CSV.

The screen is given the guide book, a way to get the question bank, the renderer (for the
handouts), the app state and the current region.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QStandardPaths, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core import i18n, workshop
from core.guides import GuideBook
from core.i18n import _, content_gettext, ngettext
from core.quiz.session import SCAM_TYPE_NAMES
from core.selfcheck.present import quote
from core.settings import atomic_write_text
from core.workshop import Plan, PlanError, Tally
from ui.screens.base import Screen
from ui.lists import WrappedTextDelegate, fit_to_rows
from ui.widgets import FlowLayout

ID_ROLE = Qt.ItemDataRole.UserRole

# "Suggest" picks guides written for the audience until their slides would pass this many:
# two guides (12 to 14 slides each), which with the group quiz and the room's own questions
# make one session. A choice for a sensible first plan, not a measured figure; the
# facilitator ticks more guides for a longer session (three gave 39 slides).
SLIDE_BUDGET = 30


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _short(text: str, most: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def save_handouts_pdf(pages: list[tuple[str, str]], path: Path) -> int:
    """Print several guides' one-page handouts (title, html) into one A4 PDF, one guide per
    page, each laid out by ui/handout.py exactly as the guides screen prints it alone.
    Returns the number of pages written."""
    from ui import handout

    printer = handout.new_printer(Path(path))
    printer.setDocName(", ".join(title for title, _html in pages))
    painter = QPainter()
    written = 0
    for title, html in pages:
        layout = handout.lay_out(html, printer)
        document = layout.document
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = page.width() / document.pageSize().width()
        page_height = document.pageSize().height()
        for number in range(max(1, layout.pages)):
            if written == 0:
                if not painter.begin(printer):
                    raise OSError(f"cannot write {path}")
            else:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -number * page_height)
            document.drawContents(painter, QRectF(0, number * page_height, document.pageSize().width(), page_height))
            painter.restore()
            written += 1
    if written:
        painter.end()
    return written


class WorkshopScreen(Screen):
    key = "workshop"

    def __init__(self, book: GuideBook, bank: Callable, renderer, state, region: Callable[[], object]):
        super().__init__()
        self.book = book
        self._bank_source = bank
        self._bank = None
        self.renderer = renderer
        self.state = state
        self.region = region
        self.plan = Plan()
        self.plan_path: Path | None = None
        self.presenter = None
        self.tally: Tally | None = None
        self._folder = _documents()
        self._suggestion_shown = False  # the notice says what Suggest made: gone once the plan changes

        scroll = self.page = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(objectName="scrollBody")
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(12)

        self.heading = QLabel(wordWrap=True, objectName="workshopHeading")
        self.heading.setProperty("role", "h1")
        self.lead = QLabel(wordWrap=True, objectName="workshopLead")
        layout.addWidget(self.heading)
        top = FlowLayout(spacing=12)  # wraps at large text sizes instead of cutting buttons
        self.new_button = QPushButton(objectName="workshopNew")
        self.open_button = QPushButton(objectName="workshopOpen")
        self.save_button = QPushButton(objectName="workshopSave")
        self.new_button.clicked.connect(self.new_plan)
        self.open_button.clicked.connect(self._ask_open)
        self.save_button.clicked.connect(self._ask_save)
        for button in (self.new_button, self.open_button, self.save_button):
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.lead)

        self.message = QLabel(wordWrap=True, objectName="workshopMessage")
        self.message.setProperty("role", "notice")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        # each label above its field, so a field keeps the page's whole width at 200% text
        self.title_label = QLabel(objectName="workshopTitleLabel")
        self.title_edit = QLineEdit(objectName="workshopTitle")
        self.title_label.setBuddy(self.title_edit)
        self.title_edit.textEdited.connect(self._title_edited)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title_edit)
        self.audience_label = QLabel(objectName="workshopAudienceLabel")
        chips = FlowLayout(spacing=10)
        self.audience_group = QButtonGroup(self)
        self.audience_buttons: dict[str, QPushButton] = {}
        for code in workshop.AUDIENCES:
            button = QPushButton(objectName=f"workshopAudience_{code}", checkable=True)
            button.setProperty("role", "chip")
            self.audience_group.addButton(button)
            self.audience_buttons[code] = button
            button.toggled.connect(lambda on, c=code: on and self._audience_chosen(c))
            chips.addWidget(button)
        self.audience_label.setBuddy(self.audience_buttons[workshop.AUDIENCES[0]])
        layout.addWidget(self.audience_label)
        layout.addLayout(chips)
        # its own row: beside the audiences it looked like a fourth audience
        self.suggest_button = QPushButton(objectName="workshopSuggest")
        self.suggest_button.clicked.connect(self.suggest)
        suggest_row = FlowLayout()
        suggest_row.addWidget(self.suggest_button)
        layout.addLayout(suggest_row)

        # guides and questions side by side, or one above the other when the text is large or
        # the window narrow (stack_columns); both lists are as tall as their rows: the page scrolls
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(20)
        left = QVBoxLayout()
        self.guides_label = QLabel(wordWrap=True, objectName="workshopGuidesLabel")
        self.guides_label.setProperty("role", "h2")
        self.guide_list = QListWidget(objectName="workshopGuides")
        self._checklist(self.guide_list)
        self.guide_list.itemChanged.connect(self._guide_toggled)
        self.guides_label.setBuddy(self.guide_list)
        # what ★ means, right under the heading of the list it marks (it was below both lists)
        self.legend = QLabel(wordWrap=True, objectName="workshopLegend")
        self.legend.setProperty("role", "muted")
        left.addWidget(self.guides_label)
        left.addWidget(self.legend)
        left.addWidget(self.guide_list)
        left.addStretch(1)
        right = QVBoxLayout()
        self.questions_label = QLabel(wordWrap=True, objectName="workshopQuestionsLabel")
        self.questions_label.setProperty("role", "h2")
        self.only_chosen = QCheckBox(objectName="workshopOnlyChosen")
        self.only_chosen.setChecked(True)
        self.only_chosen.toggled.connect(lambda _on: self._fill_questions())
        self.question_list = QListWidget(objectName="workshopQuestions")
        self._checklist(self.question_list)
        self.question_list.itemChanged.connect(self._question_toggled)
        self.questions_label.setBuddy(self.question_list)
        self.no_questions = QLabel(wordWrap=True, objectName="workshopNoQuestions")
        self.no_questions.setProperty("role", "muted")
        self.questions_note = QLabel(wordWrap=True, objectName="workshopQuestionsNote")
        self.questions_note.setProperty("role", "muted")
        right.addWidget(self.questions_label)
        right.addWidget(self.questions_note)
        right.addWidget(self.only_chosen)
        right.addWidget(self.question_list)
        right.addWidget(self.no_questions)
        right.addStretch(1)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        layout.addLayout(self.columns)

        # Always in view under the scrolling part: what the plan holds and what to do with it
        bar = QFrame(objectName="workshopBar")
        outer.addWidget(bar)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(32, 10, 32, 10)
        self.summary = QLabel(wordWrap=True, objectName="workshopSummary")
        self.summary.setProperty("role", "muted")
        bar_layout.addWidget(self.summary)
        self.next_step = QLabel(wordWrap=True, objectName="workshopNextStep")  # why a button is off
        bar_layout.addWidget(self.next_step)
        actions = FlowLayout(spacing=10)
        self.present_button = QPushButton(objectName="workshopPresent")
        self.quiz_button = QPushButton(objectName="workshopQuiz")
        self.handouts_button = QPushButton(objectName="workshopHandouts")
        for button in (self.present_button, self.quiz_button):
            button.setProperty("role", "primary")
        self.present_button.clicked.connect(self.present_guides)
        self.quiz_button.clicked.connect(self.run_quiz)
        self.handouts_button.clicked.connect(self._ask_handouts)
        actions.addWidget(self.present_button)
        actions.addWidget(self.quiz_button)
        actions.addWidget(self.handouts_button)
        self.export_button = QPushButton(objectName="workshopExport")
        self.export_button.clicked.connect(self._ask_export)
        actions.addWidget(self.export_button)
        bar_layout.addLayout(actions)
        self.results_label = QLabel(wordWrap=True, objectName="workshopResults")
        bar_layout.addWidget(self.results_label)

        self.audience_buttons[self.plan.audience].setChecked(True)
        state.languageChanged.connect(lambda _code: self._retranslate_presenter())

    @staticmethod
    def _checklist(view: QListWidget) -> None:
        view.setProperty("role", "checklist")
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setResizeMode(QListWidget.ResizeMode.Adjust)
        view.setUniformItemSizes(False)
        view.setItemDelegate(WrappedTextDelegate(view))
        fit_to_rows(view)

    # --- data ------------------------------------------------------------------------------------

    def bank(self):
        if self._bank is None:
            self._bank = self._bank_source()
        return self._bank

    def room_questions(self) -> list:
        return [q for q in self.bank().questions if workshop.can_ask_room(q)]

    def chosen_questions(self) -> list:
        by_id = {q.id: q for q in self.room_questions()}
        return [by_id[i] for i in self.plan.questions if i in by_id]

    # --- Screen ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Workshop")

    def retranslate(self) -> None:
        self.heading.setText(_("Run a workshop"))
        self.lead.setText(_("For a facilitator with a projector and a room without phones. Choose guides to present and questions the room answers by raising hands. Save the plan to use it again or share it."))
        self.new_button.setText(_("New plan"))
        self.open_button.setText(_("Open plan…"))
        self.save_button.setText(_("Save plan…"))
        self.title_label.setText(_("Session title"))
        self.title_edit.setPlaceholderText(_("For example: Wednesday afternoon at the community centre"))
        self.audience_label.setText(_("Audience"))
        for code, button in self.audience_buttons.items():
            button.setText(_(workshop.AUDIENCE_NAMES[code]))
            button.setAccessibleName(_("Plan for: {audience}").format(audience=_(workshop.AUDIENCE_NAMES[code])))
        self.suggest_button.setText(_("Suggest guides and questions"))
        self.suggest_button.setToolTip(
            _("Choose guides written for this audience, up to {n} slides in all, with up to three questions each").format(n=SLIDE_BUDGET)
        )
        self.guides_label.setText(_("Guides to present"))
        self.questions_label.setText(_("Questions for the room"))
        self.only_chosen.setText(_("Only questions on the chosen guides"))
        self.legend.setText(_("★ Written for this audience."))
        self.questions_note.setText(_("Questions that need a phone screen (spotting warning signs, conversations) are left out: the room answers by raising hands."))
        self.present_button.setText(_("Present the guides"))
        self.quiz_button.setText(_("Run the group quiz"))
        self.handouts_button.setText(_("Handouts as one PDF…"))
        self.export_button.setText(_("Export results (CSV)…"))
        self.export_button.setToolTip(_("Counts of hands only: no names"))
        self._fill_guides()
        self._fill_questions()
        self._update()

    def enter(self, params: dict | None) -> None:
        self.guide_list.setFocus()
        self._stack_columns()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._stack_columns()

    def _stack_columns(self) -> None:
        """Guides beside questions only when each column gets about 24 characters' width."""
        pixels = self.font().pixelSize()
        if pixels <= 0:
            pixels = round(self.font().pointSizeF() * 96 / 72)
        wide_enough = self.page.viewport().width() - 64 >= 2 * 24 * pixels + 20
        direction = QBoxLayout.Direction.LeftToRight if wide_enough else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._stack_columns()

    def reset(self) -> None:
        if self.presenter is not None:
            self.presenter.stop()
        self.new_plan()

    # --- lists -----------------------------------------------------------------------------------

    def _fill_guides(self) -> None:
        self.guide_list.blockSignals(True)
        self.guide_list.clear()
        audience = self.plan.audience
        chosen = set(self.plan.guides)
        ordered = sorted(self.book.guides, key=lambda g: (g.id not in chosen, audience not in g.audiences))
        for guide in ordered:
            text = content_gettext(guide.title)
            if audience in guide.audiences:
                text += "  ★"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, guide.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if guide.id in chosen else Qt.CheckState.Unchecked)
            item.setToolTip(content_gettext(guide.rule))
            self.guide_list.addItem(item)
        self.guide_list.blockSignals(False)

    def _fill_questions(self) -> None:
        self.question_list.blockSignals(True)
        self.question_list.clear()
        chosen = set(self.plan.questions)
        guides = set(self.plan.guides)
        audience = self.plan.audience
        pool = self.room_questions()
        if self.only_chosen.isChecked():
            pool = [q for q in pool if q.guide in guides or q.id in chosen]
        pool.sort(key=lambda q: (q.id not in chosen, self.plan.questions.index(q.id) if q.id in chosen else 0, audience not in q.audiences))
        for question in pool:
            kind = _(SCAM_TYPE_NAMES.get(question.scam_type, question.scam_type))
            # TRANSLATORS: a scam type, then a quiz question; Chinese uses a full-width colon
            text = _("{kind}: {question}").format(kind=kind, question=content_gettext(question.prompt))
            if question.message is not None:  # in the language's quotation marks (zh_TW: 「…」)
                text += "\n" + quote(_short(content_gettext(question.message.text)))
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.id in chosen else Qt.CheckState.Unchecked)
            self.question_list.addItem(item)
        self.question_list.blockSignals(False)
        self.question_list.setVisible(bool(pool))
        if not guides and self.only_chosen.isChecked():
            self.no_questions.setText(_("Choose the guides to present first: their questions appear here."))
        else:
            self.no_questions.setText(_("No questions for the room on the chosen guides."))
        self.no_questions.setVisible(not pool)

    def _guide_toggled(self, item: QListWidgetItem) -> None:
        self._forget_suggestion()
        guide_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked and guide_id not in self.plan.guides:
            self.plan.guides.append(guide_id)
        elif item.checkState() != Qt.CheckState.Checked and guide_id in self.plan.guides:
            self.plan.guides.remove(guide_id)
        self._fill_questions()
        self._update()

    def _question_toggled(self, item: QListWidgetItem) -> None:
        self._forget_suggestion()
        question_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked and question_id not in self.plan.questions:
            self.plan.questions.append(question_id)
        elif item.checkState() != Qt.CheckState.Checked and question_id in self.plan.questions:
            self.plan.questions.remove(question_id)
        self._update()

    def _audience_chosen(self, code: str) -> None:
        if self.plan.audience != code:
            self._forget_suggestion()
            self.plan.audience = code
            self._fill_guides()
            self._fill_questions()

    def _title_edited(self, text: str) -> None:
        self.plan.title = text

    def _update(self) -> None:
        guides, questions = len(self.plan.guides), len(self.chosen_questions())
        slides = len(self._slides()) if guides else 0
        self.summary.setText(
            ngettext("{n} guide", "{n} guides", guides).format(n=guides)
            + " · " + ngettext("{n} slide", "{n} slides", slides).format(n=slides)
            + " · " + ngettext("{n} question", "{n} questions", questions).format(n=questions)
        )
        self.present_button.setEnabled(guides > 0)
        self.handouts_button.setEnabled(guides > 0)
        self.quiz_button.setEnabled(questions > 0)
        if not guides:
            self.next_step.setText(_("Choose guides in the list first: then you can present them and print their handouts."))
        elif not questions:
            self.next_step.setText(_("Tick questions for the room to run the group quiz."))
        self.next_step.setVisible(not guides or not questions)
        self._show_results()

    def _show_results(self) -> None:
        chart = workshop.chart_data(self.tally) if self.tally else None
        counted = [b for b in chart.by_question if not b.skipped] if chart else []
        self.export_button.setEnabled(bool(chart and chart.by_question))
        self.export_button.setVisible(bool(chart and chart.by_question))
        self.results_label.setVisible(bool(counted))
        if not counted:
            return
        right, total = sum(b.right for b in counted), sum(b.total for b in counted)
        self.results_label.setText(
            _("Last group quiz: {questions} questions counted, {right} of {total} hands on a right answer ({percent}%).").format(
                questions=len(counted), right=right, total=total, percent=round(100 * right / total) if total else 0
            )
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._suggestion_shown = False

    def _forget_suggestion(self) -> None:
        """Ticking a guide or question, or another audience, makes the suggestion's figures old."""
        if self._suggestion_shown:
            self._say("")

    # --- plans -----------------------------------------------------------------------------------

    def set_plan(self, plan: Plan, path: Path | None = None) -> None:
        self.plan = plan
        self.plan_path = path
        self.title_edit.setText(plan.title)
        self.audience_buttons[plan.audience].blockSignals(True)
        self.audience_buttons[plan.audience].setChecked(True)
        self.audience_buttons[plan.audience].blockSignals(False)
        self._fill_guides()
        self._fill_questions()
        self._update()

    def new_plan(self) -> None:
        self._say("")
        self.tally = None
        self.set_plan(Plan(audience=self.plan.audience))

    def suggest(self) -> None:
        """Guides written for the audience, in the book's order, up to SLIDE_BUDGET slides (at
        least one guide), with up to three questions each; then say what that makes."""
        audience = self.plan.audience
        picked, slides = [], 0
        for guide in self.book.guides:
            if audience not in guide.audiences or not guide.scam_type:
                continue
            count = len(workshop.guide_slides(guide, self.region(), _, content_gettext))
            if picked and slides + count > SLIDE_BUDGET:
                break
            picked.append(guide)
            slides += count
        guides, questions = workshop.suggest(audience, picked, self.room_questions(), most_guides=len(picked))
        self.plan.guides, self.plan.questions = guides, questions
        self._fill_guides()
        self._fill_questions()
        self._update()
        slides = len(self._slides()) if guides else 0
        self._say(
            _("Suggested: {guides}, {slides} in all, with their questions for the room. For a longer session, tick more guides marked ★.").format(
                guides=ngettext("{n} guide written for this audience", "{n} guides written for this audience", len(guides)).format(n=len(guides)),
                slides=ngettext("{n} slide", "{n} slides", slides).format(n=slides),
            )
        )
        self._suggestion_shown = True

    def open_plan(self, path: Path) -> bool:
        """Open a plan file. If it cannot be read, say where and why and keep the open plan."""
        try:
            plan, problems = workshop.load_plan(
                path, [g.id for g in self.book.guides], [q.id for q in self.room_questions()]
            )
        except PlanError as error:
            self._say(_("This plan could not be opened; your current plan is unchanged.") + "\n" + "\n".join(str(p) for p in error.problems))
            return False
        self.tally = None
        self.set_plan(plan, Path(path))
        if problems:
            self._say(_("The plan was opened; these parts were left out:") + "\n" + "\n".join(str(p) for p in problems))
        else:
            self._say("")
        return True

    def save_plan(self, path: Path) -> None:
        try:
            workshop.save_plan(self.plan, Path(path))
        except OSError as exc:
            self._say(_("The plan could not be saved: {reason}").format(reason=exc.strerror or str(exc)))
            return
        self.plan_path = Path(path)
        self._say(_("Plan saved: {path}").format(path=str(path)))

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Open a workshop plan"), str(self._folder), _("Workshop plans (*.yaml *.yml)"))
        if path:
            self._folder = Path(path).parent
            self.open_plan(Path(path))

    def _ask_save(self) -> None:
        suggested = self.plan_path or self._folder / "workshop-plan.yaml"
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the workshop plan"), str(suggested), _("Workshop plans (*.yaml *.yml)"))
        if path:
            if not path.lower().endswith((".yaml", ".yml")):
                path += ".yaml"
            self._folder = Path(path).parent
            self.save_plan(Path(path))

    # --- handouts --------------------------------------------------------------------------------

    def save_handouts(self, path: Path) -> int:
        from core import guides as guide_data

        pages = []
        for guide_id in self.plan.guides:
            guide = self.book.get(guide_id)
            if guide is None:
                continue
            html = guide_data.render(self.renderer, i18n.current_locale(), guide, self.book, self.region(), handout=True, colors=guide_data.COLORS)
            pages.append((content_gettext(guide.title), html))
        return save_handouts_pdf(pages, Path(path))

    def _ask_handouts(self) -> None:
        suggested = self._folder / f"handouts-{i18n.current_locale()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the handouts as one PDF"), str(suggested), _("PDF files (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self._folder = Path(path).parent
            try:
                pages = self.save_handouts(Path(path))
            except OSError as exc:
                self._say(_("The handouts could not be saved: {reason}").format(reason=str(exc)))
                return
            self._say(ngettext("{n} page saved: {path}", "{n} pages saved: {path}", pages).format(n=pages, path=path))

    # --- presenting -------------------------------------------------------------------------------

    def _slides(self):
        guides = [g for g in (self.book.get(i) for i in self.plan.guides) if g is not None]
        return workshop.deck(guides, self.region(), _, content_gettext)

    def present_guides(self, projector=True):
        from ui.presenter import Presenter

        return self._start(Presenter(slides=self._slides, high_contrast=self.state.high_contrast, projector=projector))

    def run_quiz(self, projector=True):
        from ui.presenter import Presenter

        self.tally = Tally(self.chosen_questions())
        return self._start(Presenter(tally=self.tally, high_contrast=self.state.high_contrast, projector=projector))

    def _start(self, presenter):
        self.presenter = presenter
        presenter.finished.connect(self._presenter_finished)
        presenter.start()
        return presenter

    def _presenter_finished(self) -> None:
        self._update()
        window = self.window()
        if window is not None:
            window.activateWindow()
        self.setFocus()

    def _retranslate_presenter(self) -> None:
        if self.presenter is not None and self.presenter.running:
            self.presenter.retranslate()

    # --- results -------------------------------------------------------------------------------------

    def results_csv(self) -> str:
        return workshop.tally_csv(self.tally, _, content_gettext, audience=self.plan.audience, date=datetime.date.today().isoformat())

    def _ask_export(self) -> None:
        if self.tally is None:
            return
        suggested = self._folder / f"workshop-results-{datetime.date.today().isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(self, _("Export the room's results"), str(suggested), _("CSV files (*.csv)"))
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self._folder = Path(path).parent
            try:
                atomic_write_text(Path(path), "\ufeff" + self.results_csv())  # the mark lets spreadsheets read Chinese
            except OSError as exc:
                self._say(_("The results could not be saved: {reason}").format(reason=exc.strerror or str(exc)))
                return
            self._say(_("Results saved: {path}").format(path=path))
