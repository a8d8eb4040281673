"""The self-check screen: paste a message, get an explained verdict.

The pasted text lives only in the widgets of this screen: it is never written to
disk, logs or settings, and it is cleared when the person leaves the screen
(``leave()``) and when the kiosk resets (``reset()``).

Layout, top to bottom: a paste box with Check and Clear; a verdict banner told by
words, an icon and colour together; the message with every signal's words
highlighted (click them to see why); the list of signals (choose one to see its
words and a link to its guide); what to do now; the region's helplines.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import N_, _, content_gettext
from core.selfcheck import MAX_INPUT_BYTES, InputRejected, InputTooLarge
from core.selfcheck.advice import ADVICE
from ui.screens.base import Screen
from ui.widgets import scrolling_page

VERDICT_WORDS = {
    "high": (N_("This looks like a scam"), N_("Do not pay, do not share any code, and do not install anything.")),
    "medium": (N_("Be careful: warning signs found"), N_("Check with the organisation yourself, on a number you already know, before you do anything.")),
    "low": (N_("No known warning signs found"), N_("That is not proof that it is safe. If it asks for money, a code or a download, check first.")),
}
# Icons are shapes as well as colours: a person who cannot tell red from green still sees them.
VERDICT_ICONS = {"high": "✖", "medium": "⚠", "low": "ℹ"}


def channel_line(channel) -> str:
    """'110: Police'; just the name when the name already says the number."""
    name = content_gettext(channel.name)
    if channel.value and channel.value not in name:
        return f"{channel.value}: {name}"
    return name


class SelfCheckScreen(Screen):
    key = "selfcheck"

    def __init__(
        self,
        checker: Callable,
        state,
        region: Callable,
        type_names: Callable[[], dict[str, str]],
        highlight_colors: Callable[[], tuple[str, str, str, str]],
    ):
        """``checker()`` returns the core.selfcheck Checker (built lazily); ``region()`` the current
        region's facts; ``type_names()`` scam type id -> English name; ``highlight_colors()``
        (background, text, selected background, selected text) colours from the theme."""
        super().__init__()
        self._checker = checker
        self.type_names = type_names
        self.state = state
        self.region = region
        self.highlight_colors = highlight_colors
        self._result = None
        self._text = ""
        self._selected: int | None = None

        layout = scrolling_page(self, margins=(32, 20, 32, 24), spacing=14)

        self.heading = QLabel(wordWrap=True)
        self.heading.setProperty("role", "h1")
        self.privacy = QLabel(wordWrap=True, objectName="selfcheckPrivacy")
        self.privacy.setProperty("role", "muted")
        layout.addWidget(self.heading)
        layout.addWidget(self.privacy)

        self.input = QPlainTextEdit(objectName="selfcheckInput")
        self.input.setMinimumHeight(140)
        self.input.setTabChangesFocus(True)
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
        self.signal_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.signal_list.currentRowChanged.connect(self._select_signal)
        result.addWidget(self.signal_list)

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
        self.help_numbers = QLabel(wordWrap=True, objectName="selfcheckHelpNumbers")
        self.help_numbers.setProperty("role", "value")
        self.help_numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_names = QLabel(wordWrap=True)
        help_layout.addWidget(self.help_title)
        help_layout.addWidget(self.help_numbers)
        help_layout.addWidget(self.help_names)
        layout.addWidget(self.help_box)
        layout.addStretch(1)

        self.result_box.hide()
        state.regionChanged.connect(lambda _code: self._fill_help())

    # --- Screen ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Check a message")

    def retranslate(self) -> None:
        self.heading.setText(_("Paste the message you are unsure about"))
        self.privacy.setText(_("The check runs on this computer only. Nothing you paste is sent anywhere or saved, and it is cleared when you leave this screen."))
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
        self.input.setFocus()

    def leave(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the pasted text and the result."""
        self.input.clear()
        self.message.clear()
        self.signal_list.clear()
        self._result = None
        self._text = ""
        self._selected = None
        self.notice.hide()
        self.result_box.hide()

    # --- checking -------------------------------------------------------------------------------

    _notice_key = ""

    def _too_large_text(self) -> str:
        return _("This text is too long to check: the limit is {kb} KB. Paste only the message itself.").format(kb=MAX_INPUT_BYTES // 1024)

    def run_check(self) -> None:
        text = self.input.toPlainText()
        self.notice.hide()
        if not text.strip():
            self._notice_key = "empty"
            self.notice.setText(_("Paste a message first, then press Check."))
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
        self._selected = None
        self._show_result()
        self.banner.setFocus()

    def _show_result(self) -> None:
        result = self._result
        title, detail = VERDICT_WORDS[result.verdict]
        self.banner.setProperty("verdict", result.verdict)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        for label in (self.banner_icon, self.banner_title, self.banner_detail, self.banner_types):
            label.style().unpolish(label)
            label.style().polish(label)
        self.banner_icon.setText(VERDICT_ICONS[result.verdict])
        self.banner_title.setText(_(title))
        self.banner_detail.setText(_(detail))
        if result.scam_types:
            names = self.type_names()
            separator = "、" if i18n.current_locale().startswith("zh") else ", "
            shown = separator.join(content_gettext(names.get(t, t)) for t in result.scam_types[:2])
            self.banner_types.setText(_("Looks like: {types}").format(types=shown))
            self.banner_types.show()
        else:
            self.banner_types.hide()
        self.banner.setAccessibleName(f"{_(title)}. {_(detail)}")

        self.signal_list.blockSignals(True)
        self.signal_list.clear()
        for index, signal in enumerate(result.signals):
            words = self._words(signal)
            prefix = "✚ " if signal.weight < 0 else "! "
            kind = _("Sign of a genuine message") if signal.weight < 0 else _("Warning sign")
            item = QListWidgetItem(f"{prefix}{kind}: “{words}”\n{content_gettext(signal.explanation)}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{kind}: {words}. {content_gettext(signal.explanation)}")
            self.signal_list.addItem(item)
        self.signal_list.blockSignals(False)
        has_signals = bool(result.signals)
        has_warnings = any(s.weight > 0 for s in result.signals)
        self.signals_label.setVisible(has_signals)
        self.signal_list.setVisible(has_signals)
        self.message_label.setVisible(has_warnings)
        self.message.setVisible(has_warnings)
        self._fit_list()
        self.detail.hide()
        if self._selected is not None and self._selected < len(result.signals):
            self.signal_list.setCurrentRow(self._selected)
        self._render_message()
        self.advice.setText("\n".join(f"• {_(ADVICE[key])}" for key in result.advice if key in ADVICE))
        self.result_box.show()

    def _words(self, signal) -> str:
        return " … ".join(self._text[a:b] for a, b in signal.spans[:3])

    def _render_message(self) -> None:
        """The message as HTML, each signal's words a link ``sig:N`` (the strongest signal there)."""
        result = self._result
        normal, normal_text, selected, selected_text = self.highlight_colors()
        owner: dict[int, int] = {}  # character index -> signal index (first = strongest)
        for index, signal in enumerate(result.signals):
            if signal.weight <= 0:
                continue
            for a, b in signal.spans:
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
        rows = sum(self.signal_list.sizeHintForRow(i) for i in range(self.signal_list.count()))
        height = rows + 2 * self.signal_list.frameWidth() + 8
        self.signal_list.setFixedHeight(max(60, min(height, 520)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._result is not None:
            self._fit_message()
            self._fit_list()

    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("sig:"):
            try:
                index = int(target[4:])
            except ValueError:
                return
            self.signal_list.setCurrentRow(index)

    def _select_signal(self, row: int) -> None:
        if self._result is None or not 0 <= row < len(self._result.signals):
            self.detail.hide()
            return
        self._selected = row
        signal = self._result.signals[row]
        self.detail_words.setText(f"“{self._words(signal)}”")
        self.detail_why.setText(content_gettext(signal.explanation))
        self.guide_button.setProperty("guide", signal.guide)
        self.detail.show()
        self._render_message()

    def _open_guide(self) -> None:
        guide = self.guide_button.property("guide")
        if guide:
            self.navigate.emit("guides", {"guide": guide})

    def _fill_help(self) -> None:
        region = self.region()
        self.help_title.setText(_("Still not sure? Call:"))
        values = [c.value for c in region.call_now if c.value]
        self.help_numbers.setText("    ".join(values))
        self.help_names.setText("\n".join(channel_line(c) for c in region.call_now))
        self.help_box.setAccessibleName(
            _("Still not sure? Call:") + " " + "; ".join(f"{c.value or ''} {content_gettext(c.name)}".strip() for c in region.call_now)
        )
