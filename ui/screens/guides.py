"""The guides: a list with icons, search and an audience filter, and a reading view.

The screen is given the guide book, the renderer, the app state (language, region,
text size, contrast) and a way to get the current region's facts. Guides are rendered by
content/templates/guide.html.j2; the handout is the same template with ``handout=True``,
laid out on one A4 page by ui/handout.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import guides as guide_data
from core import i18n
from core.guides import Guide, GuideBook
from core.i18n import N_, _, content_gettext, ngettext
from ui.screens.base import Screen
from ui.lists import fit_to_rows
from ui.widgets import FlowLayout, scrolling_page

ICON_DIR = Path(__file__).resolve().parent.parent / "icons" / "guides"

AUDIENCE_LABELS = (
    ("", N_("Everyone")),
    ("older_adults", N_("Older adults")),
    ("job_seekers", N_("Job seekers")),
    ("students", N_("Students")),
    ("parents", N_("Parents")),
    ("shop_owners", N_("Shop owners")),
)

READING_SCALE = 1.25  # the reading view's text, relative to the app's base size
NUMBER_SCALE = 1.75  # the numbers to call: the home card's size (the h1 size of ui/theme.py)
RULE_ROLE = Qt.ItemDataRole.UserRole + 1


class GuideItemDelegate(QStyledItemDelegate):
    """A list row: the icon, the guide's title in bold, its one-line rule under it, both wrapped."""

    PAD = 12
    GAP = 16

    def _fonts(self, option) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        title.setPixelSize(round(max(option.font.pixelSize(), 12) * 1.15))
        return title, QFont(option.font)

    def _text_width(self, option, view_width: int) -> int:
        icon = option.decorationSize.width()
        return max(120, view_width - icon - self.GAP - 3 * self.PAD)

    def sizeHint(self, option, index) -> QSize:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        view = option.widget
        width = view.viewport().width() if view is not None else 600
        title_font, rule_font = self._fonts(option)
        text_width = self._text_width(option, width)
        flags = int(Qt.TextFlag.TextWordWrap)
        title = QFontMetrics(title_font).boundingRect(QRect(0, 0, text_width, 10000), flags, index.data(Qt.ItemDataRole.DisplayRole) or "")
        rule = QFontMetrics(rule_font).boundingRect(QRect(0, 0, text_width, 10000), flags, index.data(RULE_ROLE) or "")
        height = max(option.decorationSize.height(), title.height() + 4 + rule.height()) + 2 * self.PAD
        return QSize(width - 4, height)

    def paint(self, painter, option, index) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        text_role = QPalette.ColorRole.Text
        if option.state & QStyle.StateFlag.State_Selected:
            text_role = QPalette.ColorRole.HighlightedText
        painter.save()
        option_text, option.text = option.text, ""
        option.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        size = option.decorationSize
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(rect.left(), rect.top(), size.width(), size.height()))
        left = rect.left() + size.width() + self.GAP
        text_width = rect.right() - left
        title_font, rule_font = self._fonts(option)
        painter.setPen(option.palette.color(text_role))
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(title_font)
        title_rect = painter.boundingRect(QRect(left, rect.top(), text_width, 10000), flags, option_text)
        painter.drawText(title_rect, flags, option_text)
        painter.setFont(rule_font)
        painter.drawText(QRect(left, title_rect.bottom() + 4, text_width, rect.bottom() - title_rect.bottom()), flags, index.data(RULE_ROLE) or "")
        painter.restore()


class GuidesScreen(Screen):
    key = "guides"

    def __init__(self, book: GuideBook, renderer, state, region: Callable[[], object]):
        super().__init__()
        self.book = book
        self.renderer = renderer
        self.state = state
        self.region = region
        self.current: Guide | None = None
        self._last_pdf_dir = Path.home()

        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_reading_page())

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        state.regionChanged.connect(lambda _code: self._rerender())
        if hasattr(state, "textScaleChanged"):
            state.textScaleChanged.connect(lambda _scale: self._rerender())
        if hasattr(state, "contrastChanged"):
            state.contrastChanged.connect(lambda _on: self._rerender())

    # --- building ------------------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        # one scrolling page: the list is as tall as its rows, so the page scrolls, not the list
        # (at 200% a list scrolling inside the page showed two guides)
        page = QWidget(objectName="guideListPage")
        layout = scrolling_page(page, margins=(32, 20, 32, 20), spacing=12)
        self.list_page = page.findChild(QScrollArea)

        self.heading = QLabel(wordWrap=True, objectName="guidesHeading")
        self.heading.setProperty("role", "h1")
        layout.addWidget(self.heading)

        self.search = QLineEdit(objectName="guideSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refresh_list)
        self.search.returnPressed.connect(self._open_first_match)
        layout.addWidget(self.search)

        chips = FlowLayout(spacing=8)
        self.filter_label = QLabel(objectName="guideFilterLabel")
        chips.addWidget(self.filter_label)
        self.audience_group = QButtonGroup(self)
        self.audience_group.setExclusive(True)
        self.audience_buttons: dict[str, QPushButton] = {}
        for code, _label in AUDIENCE_LABELS:
            button = QPushButton(objectName=f"audience_{code or 'all'}", checkable=True)
            button.setProperty("role", "chip")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.audience_group.addButton(button)
            self.audience_buttons[code] = button
            chips.addWidget(button)
            button.toggled.connect(lambda on, _c=code: on and self._refresh_list())
        self.audience_buttons[""].blockSignals(True)
        self.audience_buttons[""].setChecked(True)
        self.audience_buttons[""].blockSignals(False)
        self.filter_label.setBuddy(self.audience_buttons[""])
        layout.addLayout(chips)

        self.count_label = QLabel(objectName="guideCount")
        self.count_label.setProperty("role", "muted")
        layout.addWidget(self.count_label)

        self.list = QListWidget(objectName="guideList")
        self.list.setIconSize(QSize(56, 56))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(2)
        self.list.setItemDelegate(GuideItemDelegate(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        fit_to_rows(self.list)
        layout.addWidget(self.list)

        self.empty_label = QLabel(wordWrap=True, objectName="guideEmpty")
        self.empty_label.setProperty("role", "lead")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        layout.addStretch(1)  # with no match, the heading, count and message stay together at the top

        self._icons = {g.id: QIcon(str(ICON_DIR / f"{g.icon}.svg")) for g in self.book.guides}
        return page

    def _build_reading_page(self) -> QWidget:
        page = QWidget(objectName="guideReadingPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(10)

        bar = FlowLayout(spacing=10)  # wraps at 200% text instead of squeezing the buttons
        self.all_button = QPushButton(objectName="allGuidesButton")
        self.all_button.clicked.connect(self.show_list)
        self.previous_button = QPushButton(objectName="previousGuideButton")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(objectName="nextGuideButton")
        self.next_button.clicked.connect(lambda: self._step(1))
        self.handout_button = QPushButton(objectName="handoutButton")
        self.handout_button.setProperty("role", "primary")
        self.handout_menu = QMenu(self.handout_button)
        self.save_action = self.handout_menu.addAction("")
        self.save_action.triggered.connect(self._ask_save_handout)
        self.print_action = self.handout_menu.addAction("")
        self.print_action.triggered.connect(self._ask_print_handout)
        self.handout_button.setMenu(self.handout_menu)
        for button in (self.all_button, self.previous_button, self.next_button, self.handout_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow_link)
        layout.addWidget(self.browser, 1)
        return page

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_icons()

    def _fit_icons(self) -> None:
        """Icons grow with the text size, so a row stays balanced at 200%."""
        pixels = self.list.font().pixelSize()
        if pixels <= 0:
            pixels = round(self.list.font().pointSizeF() * 96 / 72)
        side = max(48, round(pixels * 3))
        if self.list.iconSize().width() != side:
            self.list.setIconSize(QSize(side, side))

    # --- Screen --------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Scam guides")

    def retranslate(self) -> None:
        self.heading.setText(_("Learn how the scams work"))
        self.search.setPlaceholderText(_("Search the guides, for example: refund, police, part-time job"))
        self.search.setAccessibleName(_("Search the guides"))
        self.filter_label.setText(_("Who is it aimed at?"))
        for code, label in AUDIENCE_LABELS:
            button = self.audience_buttons[code]
            button.setText(_(label))
            button.setAccessibleName(_("Show guides for: {audience}").format(audience=_(label)))
        self.list.setAccessibleName(_("Guides"))
        self.list.setAccessibleDescription(_("Press Enter to read the chosen guide."))
        self.all_button.setText("‹ " + _("All guides"))
        self.all_button.setAccessibleName(_("All guides"))
        self.previous_button.setText("‹ " + _("Previous"))
        self.previous_button.setAccessibleName(_("Previous guide"))
        self.next_button.setText(_("Next") + " ›")
        self.next_button.setAccessibleName(_("Next guide"))
        self.handout_button.setText(_("Print or save handout"))
        self.handout_button.setAccessibleName(_("Print or save this guide as a one-page handout"))
        self.save_action.setText(_("Save as PDF…"))
        self.print_action.setText(_("Print…"))
        self.browser.setAccessibleName(_("Guide text"))
        self._refresh_list()
        self._rerender()

    def enter(self, params: dict | None) -> None:
        guide_id = (params or {}).get("guide")
        if guide_id and self.book.get(guide_id):
            self.open_guide(guide_id)
        else:  # from Home: the list, with the last search and filter kept
            self.show_list()

    def reset(self) -> None:
        self.search.clear()
        self.audience_buttons[""].setChecked(True)
        self.current = None
        self.browser.clear()
        self._refresh_list()
        self.list.scrollToTop()
        self.list_page.verticalScrollBar().setValue(0)
        self.list.setCurrentRow(0 if self.list.count() else -1)
        self.pages.setCurrentIndex(0)

    # --- the list ------------------------------------------------------------------------------

    def audience(self) -> str:
        for code, button in self.audience_buttons.items():
            if button.isChecked():
                return code
        return ""

    def shown_guides(self) -> list[Guide]:
        return self.book.search(self.search.text(), content_gettext, audience=self.audience() or None)

    def _refresh_list(self, *_args) -> None:
        keep = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        shown = self.shown_guides()
        self.list.clear()
        for guide in shown:
            item = QListWidgetItem(self._icons[guide.id], content_gettext(guide.title))
            item.setData(Qt.ItemDataRole.UserRole, guide.id)
            item.setData(RULE_ROLE, content_gettext(guide.rule))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, content_gettext(guide.title))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, content_gettext(guide.rule))
            self.list.addItem(item)
            if guide.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.count_label.setText(ngettext("{n} guide", "{n} guides", len(shown)).format(n=len(shown)))
        if self.audience():
            self.empty_label.setText(_("No guide matches. Try another word, or choose Everyone."))
        else:  # "Everyone" is already chosen: only another word can help
            self.empty_label.setText(_("No guide matches. Try another word."))
        self.empty_label.setVisible(not shown)
        self.list.setVisible(bool(shown))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_guide(item.data(Qt.ItemDataRole.UserRole))

    def _open_first_match(self) -> None:
        if self.list.count():
            self._open_item(self.list.currentItem() or self.list.item(0))

    def _focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- reading -------------------------------------------------------------------------------

    def open_guide(self, guide_id: str) -> None:
        guide = self.book.get(guide_id)
        if guide is None:
            return
        self.current = guide
        self._render()
        self.browser.verticalScrollBar().setValue(0)
        self.pages.setCurrentIndex(1)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _step(self, delta: int) -> None:
        if self.current is None:
            return
        previous, following = self.book.neighbours(self.current.id)
        target = previous if delta < 0 else following
        if target is not None:
            self.open_guide(target.id)

    def _colors(self) -> dict:
        high = bool(getattr(self.state, "high_contrast", False))
        return guide_data.HIGH_CONTRAST if high else guide_data.COLORS

    def page_html(self, handout: bool = False, locale: str | None = None) -> str:
        assert self.current is not None
        return guide_data.render(
            self.renderer,
            locale or i18n.current_locale(),
            self.current,
            self.book,
            self.region(),
            handout=handout,
            colors=guide_data.COLORS if handout else self._colors(),
        )

    def _render(self) -> None:
        if self.current is None:
            return
        base = self.browser.font().pixelSize()
        if base <= 0:
            base = round(self.browser.font().pointSizeF() * 96 / 72)
        self.browser.document().setDefaultStyleSheet(
            f"body {{ font-size: {round(base * READING_SCALE)}px; }}"
            f" .call-number {{ font-size: {round(base * NUMBER_SCALE)}px; }}"
        )
        self.browser.setHtml(self.page_html())
        previous, following = self.book.neighbours(self.current.id)
        self.previous_button.setEnabled(previous is not None)
        self.next_button.setEnabled(following is not None)
        self.previous_button.setToolTip(content_gettext(previous.title) if previous else "")
        self.next_button.setToolTip(content_gettext(following.title) if following else "")

    def _rerender(self) -> None:
        """Re-render the open guide (new language, region, size), keeping the reading place."""
        if self.current is None:
            return
        bar = self.browser.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._render()
        bar.setValue(round(fraction * bar.maximum()))

    def _follow_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "guide" and self.book.get(target):
            self.open_guide(target)
        elif scheme == "quiz":
            self.navigate.emit("quiz", {"scam_type": target})
        elif url.hasFragment() and not scheme:
            self.browser.scrollToAnchor(url.fragment())

    # --- handouts ------------------------------------------------------------------------------

    def save_handout(self, path: Path):
        """Save the open guide as a one-page A4 PDF in the current language and region."""
        from ui import handout

        return handout.save_pdf(self.page_html(handout=True), Path(path), title=content_gettext(self.current.title))

    def _ask_save_handout(self) -> None:
        if self.current is None:
            return
        suggested = self._last_pdf_dir / f"{self.current.id}-{i18n.current_locale()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the handout as PDF"), str(suggested), _("PDF files (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self._last_pdf_dir = Path(path).parent
            self.save_handout(Path(path))

    def _ask_print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from ui import handout

        if self.current is None:
            return
        printer = handout.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the handout"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            handout.print_on(self.page_html(handout=True), printer)
