"""The self-check screen: paste a message, get an explained verdict.

The pasted text lives only in the widgets of this screen: it is never written to
disk, logs or settings. It is cleared when the person leaves the screen (``leave()``),
except for a guide opened from the result ("Read the guide about this"): then the text and
the result stay in memory while the guides screen is shown, so that Back brings them back,
and are cleared as soon as any other screen is shown (Home, say). The kiosk's idle reset
clears them too (``reset()``).

In kiosk mode (``kiosk=True``) the screen says "type", not "paste" (a kiosk has no
clipboard to paste from), and while the person types, the box and the Check button are kept
in view above the on-screen keyboard, the box made shorter if the space left needs it.

Layout, top to bottom: a paste box with Check and Clear; a verdict banner told by
words, an icon and colour together; the message with every signal's words
highlighted (click them to see why); what we found, strongest first (choose one to see
its words and a link to its guide), with the statistical wording comparison as a footnote;
what to do now; the region's helplines. What is shown is worked out by
core.selfcheck.present from the engine's result, which it leaves unchanged.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import N_, _, content_gettext
from core.quiz.session import SCAM_TYPE_NAMES
from core.regions import name_on_its_own
from core.selfcheck import MAX_INPUT_BYTES, InputRejected, InputTooLarge
from core.selfcheck import present as presenting
from ui.screens.base import Screen
from ui.lists import WrappedTextDelegate
from ui.widgets import scrolling_page

VERDICT_WORDS = {
    "high": (N_("This looks like a scam"), N_("Do not pay, do not share any code, and do not install anything.")),
    "medium": (N_("Be careful: warning signs found"), N_("Check with the organisation yourself, on a number you already know, before you do anything.")),
    "low": (N_("No known warning signs found"), N_("That is not proof that it is safe. If it asks for money, a code or a download, check first.")),
}
# Icons are shapes as well as colours: a person who cannot tell red from green still sees them.
VERDICT_ICONS = {"high": "✖", "medium": "⚠", "low": "ℹ"}

INPUT_HEIGHT = 140  # the message box's usual least height
SPACING = 14  # between the parts of the page


def _labelled(kind: str, words: str) -> str:
    """'Warning sign: “…”', with the language's colon (Chinese: full width)."""
    # Translators: a kind of sign, then the words from the message in quotation marks; keep the names.
    return _("{kind}: {words}").format(kind=kind, words=presenting.quote(words))


def channel_line(channel) -> str:
    """'110 Police'; '96110 anti-fraud warning line' (the number is not repeated when the name holds it)."""
    return presenting.channel_line(channel.value, content_gettext(channel.name))


def channel_parts(channel) -> tuple[str, str]:
    """(number, name without the number) of a channel, for a number shown large beside its name."""
    return channel.value or "", name_on_its_own(channel.value, content_gettext(channel.name))


class CallList(QWidget):
    """The numbers to call, each large, with its name beside it ("110  Police")."""

    def __init__(self, object_name: str):
        super().__init__(objectName=object_name)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        self.numbers: list[QLabel] = []
        self.names: list[QLabel] = []

    def set_channels(self, channels) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    child = item.layout().takeAt(0)
                    if child.widget() is not None:  # gone at once, not when deleteLater runs
                        child.widget().hide()
                        child.widget().setParent(None)
                        child.widget().deleteLater()
                item.layout().deleteLater()
        self.numbers, self.names = [], []
        for channel in channels:
            value, name = channel_parts(channel)
            row = QHBoxLayout()
            row.setSpacing(18)
            number = QLabel(value, wordWrap=True, objectName="callNumber")
            number.setProperty("role", "value")
            number.setTextFormat(Qt.TextFormat.PlainText)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel(name, wordWrap=True, objectName="callName")
            label.setProperty("role", "lead")
            label.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(number, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(label, 1, Qt.AlignmentFlag.AlignVCenter)
            self._rows.addLayout(row)
            self.numbers.append(number)
            self.names.append(label)
            number.setVisible(bool(value))  # now, not when the event loop comes round
            label.show()

    def text(self) -> str:
        """What the list says, one channel a line ("110 Police")."""
        return "\n".join(f"{n.text()} {m.text()}".strip() for n, m in zip(self.numbers, self.names))


class SelfCheckScreen(Screen):
    key = "selfcheck"

    def __init__(
        self,
        checker: Callable,
        state,
        region: Callable,
        type_names: Callable[[], dict[str, str]],
        highlight_colors: Callable[[], tuple[str, str, str, str]],
        kiosk: bool = False,
        prepare: Callable[[], None] | None = None,
    ):
        """``checker()`` returns the core.selfcheck Checker (built lazily); ``region()`` the current
        region's facts; ``type_names()`` scam type id -> English name; ``highlight_colors()``
        (background, text, selected background, selected text) colours from the theme;
        ``kiosk``: a public touch screen, where a message is typed, not pasted; ``prepare()``
        starts loading the checker ahead of the first check, once something is typed or pasted."""
        super().__init__()
        self.kiosk = kiosk
        self._keep_for: str | None = None  # the screen (key) that may be shown while the text is kept
        self._stack: QStackedWidget | None = None
        self._checker = checker
        self._prepare = prepare
        self.type_names = type_names
        self.state = state
        self.region = region
        self.highlight_colors = highlight_colors
        self._result = None
        self._shown: presenting.Shown | None = None
        self._text = ""
        self._selected: int | None = None  # index into self._shown.all
        self._show_all = False

        layout = scrolling_page(self, margins=(32, 20, 32, 24), spacing=SPACING)
        self._scroll = self.findChild(QScrollArea)

        self.heading = QLabel(wordWrap=True)
        self.heading.setProperty("role", "h1")
        self.privacy = QLabel(wordWrap=True, objectName="selfcheckPrivacy")
        self.privacy.setProperty("role", "muted")
        layout.addWidget(self.heading)
        layout.addWidget(self.privacy)

        self.input = QPlainTextEdit(objectName="selfcheckInput")
        self.input.setMinimumHeight(INPUT_HEIGHT)
        self.input.setTabChangesFocus(True)
        self.input.installEventFilter(self)  # focus in and out: keep it in view while typing
        if prepare is not None:
            self.input.textChanged.connect(self._text_arrived)
        layout.addWidget(self.input)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(objectName="selfcheckCheck")
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self.run_check)
        self.clear_button = QPushButton(objectName="selfcheckClear")
        self.clear_button.clicked.connect(self.reset)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.notice = QLabel(wordWrap=True, objectName="selfcheckNotice")
        self.notice.setProperty("role", "notice")
        self.notice.hide()
        layout.addWidget(self.notice)

        # --- the result -----------------------------------------------------------------------
        self.result_box = QWidget(objectName="selfcheckResult")
        result = QVBoxLayout(self.result_box)
        result.setContentsMargins(0, 0, 0, 0)
        result.setSpacing(12)
        layout.addWidget(self.result_box)

        self.banner = QFrame(objectName="selfcheckBanner")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(18, 14, 18, 14)
        banner_row.setSpacing(16)
        self.banner_icon = QLabel(objectName="selfcheckIcon")
        self.banner_icon.setProperty("role", "icon")
        self.banner_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        banner_text = QVBoxLayout()
        self.banner_title = QLabel(wordWrap=True, objectName="selfcheckVerdict")
        self.banner_title.setProperty("role", "h1")
        self.banner_detail = QLabel(wordWrap=True, objectName="selfcheckVerdictDetail")
        self.banner_detail.setProperty("role", "lead")
        self.banner_types = QLabel(wordWrap=True, objectName="selfcheckTypes")
        for label in (self.banner_title, self.banner_detail, self.banner_types):
            banner_text.addWidget(label)
        banner_row.addWidget(self.banner_icon)
        banner_row.addLayout(banner_text, 1)
        self.banner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by keyboard and screen readers
        result.addWidget(self.banner)

        self.message_label = QLabel(wordWrap=True)
        self.message_label.setProperty("role", "h2")
        result.addWidget(self.message_label)
        self.message = QTextBrowser(objectName="selfcheckMessage")
        self.message.setOpenLinks(False)
        self.message.setOpenExternalLinks(False)
        self.message.anchorClicked.connect(self._anchor_clicked)
        result.addWidget(self.message)

        self.signals_label = QLabel(wordWrap=True)
        self.signals_label.setProperty("role", "h2")
        result.addWidget(self.signals_label)
        self.signal_list = QListWidget(objectName="selfcheckSignals")
        self.signal_list.setWordWrap(True)
        self.signal_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # as tall as its findings, each measured at the text's real width: the page scrolls, the
        # list does not (a second scroll box inside the page cut English findings with "…")
        self.signal_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signal_list.setItemDelegate(WrappedTextDelegate(self.signal_list))
        self.signal_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.signal_list.currentRowChanged.connect(self._select_signal)
        result.addWidget(self.signal_list)
        self.more_button = QPushButton(objectName="selfcheckShowAll")
        self.more_button.clicked.connect(self._toggle_all)
        result.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.detail = QFrame(objectName="selfcheckDetail")
        self.detail.setProperty("role", "card")
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(16, 12, 16, 12)
        self.detail_words = QLabel(wordWrap=True, objectName="selfcheckDetailWords")
        self.detail_words.setProperty("role", "h2")
        self.detail_words.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_why = QLabel(wordWrap=True, objectName="selfcheckDetailWhy")
        self.guide_button = QPushButton(objectName="selfcheckGuide")
        self.guide_button.setProperty("role", "link")
        self.guide_button.clicked.connect(self._open_guide)
        detail_layout.addWidget(self.detail_words)
        detail_layout.addWidget(self.detail_why)
        detail_layout.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignLeft)
        result.addWidget(self.detail)

        self.advice_label = QLabel(wordWrap=True)
        self.advice_label.setProperty("role", "h2")
        self.advice = QLabel(wordWrap=True, objectName="selfcheckAdvice")
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        result.addWidget(self.advice_label)
        result.addWidget(self.advice)

        self.help_box = QFrame(objectName="selfcheckHelp")
        self.help_box.setProperty("role", "card")
        help_layout = QVBoxLayout(self.help_box)
        help_layout.setContentsMargins(16, 12, 16, 12)
        self.help_title = QLabel(wordWrap=True)
        self.help_title.setProperty("role", "h2")
        self.help_numbers = CallList("selfcheckHelpNumbers")
        help_layout.addWidget(self.help_title)
        help_layout.addWidget(self.help_numbers)
        layout.addWidget(self.help_box)
        layout.addStretch(1)

        self.result_box.hide()
        state.regionChanged.connect(lambda _code: self._fill_help())
        if hasattr(state, "contrastChanged"):  # the muted rows take the theme's colour anew
            state.contrastChanged.connect(lambda *_args: self._result is not None and self._show_result())

    # --- Screen ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Check a message")

    def retranslate(self) -> None:
        if self.kiosk:  # a kiosk has no clipboard to paste from: the visitor types
            self.heading.setText(_("Type the message you are unsure about"))
            self.privacy.setText(_("The check runs on this computer only. Nothing you type is sent anywhere or saved. It is kept while you read a guide from the result, and cleared when you go Home or to another screen, or when the screen starts over for the next person."))
            self.input.setPlaceholderText(_("Type the text message, chat or email here"))
        else:
            self.heading.setText(_("Paste the message you are unsure about"))
            self.privacy.setText(_("The check runs on this computer only. Nothing you paste is sent anywhere or saved. It is kept while you read a guide from the result, and cleared when you go Home or to another screen."))
            self.input.setPlaceholderText(_("Paste a text message, chat or email here"))
        self.input.setAccessibleName(_("Message to check"))
        self.check_button.setText(_("Check"))
        self.check_button.setAccessibleName(_("Check the message"))
        self.clear_button.setText(_("Clear"))
        self.clear_button.setAccessibleName(_("Clear the message and the result"))
        self.message_label.setText(_("The message, with the warning signs marked (click marked words to see why)"))
        self.message.setAccessibleName(_("The message with warning signs marked"))
        self.signals_label.setText(_("What we found"))
        self.signal_list.setAccessibleName(_("Signs found in the message"))
        self.more_button.setAccessibleName(_("Show all the signs found"))
        self.guide_button.setAccessibleName(_("Read the guide for this sign"))
        self.guide_button.setText(_("Read the guide about this"))
        self.advice_label.setText(_("What to do now"))
        self.advice.setAccessibleName(_("What to do now"))
        self.banner_icon.setAccessibleName(_("Verdict icon"))
        if self.notice.isVisible() and self._notice_key == "too_large":
            self.notice.setText(self._too_large_text())
        self._fill_help()
        if self._result is not None:
            self._show_result()

    def enter(self, params: dict | None) -> None:
        self._keep_for = None  # back from the guide, or a new visit: leaving clears it again
        self._watch_stack()
        self.input.setFocus()

    def leave(self) -> None:
        if self._keep_for is None:
            self.reset()
        # else: kept for Back from the guide; _screen_shown clears it when another screen shows

    def _watch_stack(self) -> None:
        """Know which screen the window shows: the kept text goes when it is not the guide's."""
        stack = self.parentWidget()
        if self._stack is None and isinstance(stack, QStackedWidget):
            self._stack = stack
            stack.currentChanged.connect(self._screen_shown)

    def _screen_shown(self, index: int) -> None:
        if self._keep_for is None:
            return
        shown = self._stack.widget(index)
        if shown is self or getattr(shown, "key", None) == self._keep_for:
            return
        self.reset()  # Home, or any screen but the guide opened from the result

    def reset(self) -> None:
        """Forget the pasted text and the result."""
        self._keep_for = None
        self.input.clear()
        self.message.clear()
        self.signal_list.clear()
        self._result = None
        self._shown = None
        self._text = ""
        self._selected = None
        self._show_all = False
        self.notice.hide()
        self.result_box.hide()
        self._fill_help()

    # --- checking -------------------------------------------------------------------------------

    _notice_key = ""

    def _too_large_text(self) -> str:
        return _("This text is too long to check: the limit is {kb} KB. Paste only the message itself.").format(kb=MAX_INPUT_BYTES // 1024)

    def _text_arrived(self) -> None:
        """Something was typed or pasted: a check is coming, so start loading the checker."""
        if self._prepare is not None and not self.input.document().isEmpty():
            self.input.textChanged.disconnect(self._text_arrived)
            self._prepare()

    def run_check(self) -> None:
        text = self.input.toPlainText()
        self.notice.hide()
        if not text.strip():
            self._notice_key = "empty"
            self.notice.setText(_("Type a message first, then press Check.") if self.kiosk else _("Paste a message first, then press Check."))
            self.notice.show()
            self.result_box.hide()
            return
        try:
            result = self._checker().check(text)
        except InputTooLarge:
            self._notice_key = "too_large"
            self.notice.setText(self._too_large_text())
            self.notice.show()
            self.result_box.hide()
            self._result = None
            return
        except InputRejected:
            self._notice_key = "rejected"
            self.notice.setText(_("This text cannot be checked."))
            self.notice.show()
            self.result_box.hide()
            return
        self._result = result
        self._text = text
        self._shown = presenting.present(result, text, helplines_shown=bool(self.region().call_now))
        self._selected = None
        self._show_all = False
        self._show_result()
        self.banner.setFocus()

    def _show_result(self) -> None:
        result, shown = self._result, self._shown
        title, detail = VERDICT_WORDS[result.verdict]
        # "No known warning signs" is not "safe": a plain card, not the green of a right answer
        self.banner.setProperty("verdict", result.verdict if result.verdict != "low" else None)
        self.banner.setProperty("role", "card" if result.verdict == "low" else None)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        for label in (self.banner_icon, self.banner_title, self.banner_detail, self.banner_types):
            label.style().unpolish(label)
            label.style().polish(label)
        self.banner_icon.setText(VERDICT_ICONS[result.verdict])
        self.banner_title.setText(_(title))
        self.banner_detail.setText(_(detail))
        if shown.types:
            separator = "、" if i18n.current_locale().startswith("zh") else ", "
            names = separator.join(_(SCAM_TYPE_NAMES[t]) if t in SCAM_TYPE_NAMES else content_gettext(self.type_names().get(t, t)) for t in shown.types)
            self.banner_types.setText(_("Looks like: {types}").format(types=names))
            self.banner_types.show()
        else:
            self.banner_types.hide()
        self.banner.setAccessibleName(f"{_(title)}. {_(detail)}")

        self.signal_list.blockSignals(True)
        self.signal_list.clear()
        for index, finding in enumerate(shown.all):
            explanation = content_gettext(finding.explanation)
            if finding.wording:
                kind = _("Also, by word comparison")
                item = QListWidgetItem("ⓘ " + _labelled(kind, finding.excerpt) + f"\n{explanation}")
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            elif shown.outweighed and not finding.genuine:
                # a low verdict: words often seen in scams, outweighed here; not a "warning sign"
                # after "No known warning signs found", and shown muted, after the genuine signs
                kind = _(presenting.OUTWEIGHED)
                item = QListWidgetItem("○ " + _labelled(kind, finding.excerpt) + f"\n{explanation}")
                item.setForeground(self.privacy.palette().color(self.privacy.foregroundRole()))  # the theme's muted
            else:
                prefix = "✚ " if finding.genuine else "! "
                kind = _("Sign of a genuine message") if finding.genuine else _("Warning sign")
                item = QListWidgetItem(prefix + _labelled(kind, finding.excerpt) + f"\n{explanation}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{kind}: {finding.excerpt}. {explanation}")
            self.signal_list.addItem(item)
        self.signal_list.blockSignals(False)
        has_signals = bool(shown.all)
        # a low verdict marks nothing: no words in the message are called warning signs
        has_warnings = not shown.outweighed and any(f.weight > 0 for f in shown.all)
        self.signals_label.setVisible(has_signals)
        self.signal_list.setVisible(has_signals)
        self.message_label.setVisible(has_warnings)
        self.message.setVisible(has_warnings)
        self._apply_show_all()
        self.detail.hide()
        if self._selected is not None and self._selected < len(shown.all):
            self.signal_list.setCurrentRow(self._selected)
        self._render_message()
        advice = [presenting.advice_text(key) for key in shown.advice]
        self.advice.setText("\n".join(f"• {_(text)}" for text in advice if text))
        self._fill_help()
        self.result_box.show()
        if self._scroll is not None:  # the first result: measured at the width it is shown at now,
            self._scroll.widget().layout().activate()  # not at the width it had while hidden
            self._fit_message()
            self._fit_list()

    def _apply_show_all(self) -> None:
        """The strongest findings and the footnote first; the rest after "Show all"."""
        shown = self._shown
        rules = len(shown.findings)
        for row in range(self.signal_list.count()):
            self.signal_list.setRowHidden(row, not self._show_all and presenting.TOP <= row < rules)
        if shown.more:
            self.more_button.setText(_("Show fewer") if self._show_all else _("Show all {n} signs").format(n=rules))
            self.more_button.setAccessibleName(self.more_button.text())
            self.more_button.show()
        else:
            self.more_button.hide()
        self._fit_list()

    def _toggle_all(self) -> None:
        self._show_all = not self._show_all
        if not self._show_all and self._selected is not None and presenting.TOP <= self._selected < len(self._shown.findings):
            self.signal_list.setCurrentRow(-1)
        self._apply_show_all()

    def _render_message(self) -> None:
        """The message as HTML, each finding's words a link ``sig:N`` (the strongest finding there;
        N indexes the findings as listed, the wording footnote last)."""
        normal, normal_text, selected, selected_text = self.highlight_colors()
        owner: dict[int, int] = {}  # character index -> finding index (first = strongest)
        for index, finding in enumerate(self._shown.all):
            if finding.weight <= 0 or self._shown.outweighed:
                continue
            for a, b in finding.spans:
                for i in range(a, b):
                    owner.setdefault(i, index)
        parts: list[str] = []
        text = self._text
        i = 0
        while i < len(text):
            current = owner.get(i)
            j = i + 1
            while j < len(text) and owner.get(j) == current:
                j += 1
            chunk = html.escape(text[i:j]).replace("\n", "<br>")
            if current is None:
                parts.append(chunk)
            else:
                bg, fg = (selected, selected_text) if current == self._selected else (normal, normal_text)
                parts.append(
                    f'<a href="sig:{current}" style="background-color:{bg}; color:{fg}; '
                    f'text-decoration:underline; font-weight:bold;">{chunk}</a>'
                )
            i = j
        self.message.setHtml(f'<div style="white-space: pre-wrap;">{"".join(parts)}</div>')
        self._fit_message()

    def _fit_message(self) -> None:
        """As tall as the message (within reason), so a short text needs no empty box."""
        document = self.message.document()
        document.setTextWidth(max(200, self.message.viewport().width()))
        height = int(document.size().height()) + 2 * self.message.frameWidth() + 8
        self.message.setFixedHeight(max(60, min(height, 420)))

    def _fit_list(self) -> None:
        rows = sum(self.signal_list.sizeHintForRow(i) for i in range(self.signal_list.count()) if not self.signal_list.isRowHidden(i))
        height = rows + 2 * self.signal_list.frameWidth() + 8
        self.signal_list.setFixedHeight(max(60, height))
        self.signal_list.scheduleDelayedItemsLayout()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._result is not None:
            self._fit_message()
            self._fit_list()
        self._fit_for_typing()  # the kiosk's keyboard came up, went down or changed height

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.input and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._fit_for_typing()
        return False

    # --- typing with the page cut short (the kiosk's on-screen keyboard) -------------------------

    def _fit_for_typing(self) -> None:
        """While the box has the focus: the box and the Check button both in view, the box made
        shorter (never below two lines) when the page is too short for its usual height."""
        if self._scroll is None:
            return
        typing = self.input.hasFocus()
        if typing:
            room = self._scroll.viewport().height() - self.check_button.sizeHint().height() - SPACING - 16
            lines = self.input.fontMetrics().lineSpacing() * 2 + 2 * self.input.frameWidth() + 12
            height = max(lines, room)
            self.input.setMinimumHeight(min(INPUT_HEIGHT, height))
            self.input.setMaximumHeight(height)
        else:
            self.input.setMinimumHeight(INPUT_HEIGHT)
            self.input.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX: as tall as the page gives it
        if typing:
            QTimer.singleShot(0, self._scroll_to_typing)  # once the page is laid out anew

    def _scroll_to_typing(self) -> None:
        if not self.input.hasFocus() or self._scroll is None:
            return
        body = self._scroll.widget()
        body.layout().activate()
        top = self.input.mapTo(body, QPoint(0, 0)).y() - 8
        bottom = self.check_button.mapTo(body, QPoint(0, self.check_button.height())).y() + 8
        bar = self._scroll.verticalScrollBar()
        view = self._scroll.viewport().height()
        value = bar.value()
        if bottom > value + view:  # the button below the fold: up just enough
            value = bottom - view
        if top < value:  # the box's top above it: down, as long as the button stays in view
            value = max(top, bottom - view)
        bar.setValue(value)

    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("sig:"):
            try:
                index = int(target[4:])
            except ValueError:
                return
            if self._shown is None or not 0 <= index < len(self._shown.all):
                return
            if self.signal_list.isRowHidden(index):  # a finding after "Show all": show them all
                self._show_all = True
                self._apply_show_all()
            self.signal_list.setCurrentRow(index)

    def _select_signal(self, row: int) -> None:
        if self._shown is None or not 0 <= row < len(self._shown.all):
            self.detail.hide()
            return
        self._selected = row
        finding = self._shown.all[row]
        self.detail_words.setText(presenting.quote(finding.excerpt))
        self.detail_why.setText(content_gettext(finding.explanation))
        self.guide_button.setProperty("guide", finding.guide)
        self.detail.show()
        self._render_message()

    def _open_guide(self) -> None:
        guide = self.guide_button.property("guide")
        if guide:
            self._keep_for = "guides"  # Back from the guide brings the text and the result back
            self.navigate.emit("guides", {"guide": guide})

    def _fill_help(self) -> None:
        region = self.region()
        title = presenting.call_heading(region.call_now, definite=self._result is not None and self._result.verdict == "high")
        self.help_title.setText(title)
        self.help_numbers.set_channels(region.call_now)
        self.help_box.setAccessibleName(title + " " + "; ".join(channel_line(c) for c in region.call_now))
