""""Is this happening to me now?": four plain questions, then a firm answer.

For someone on the phone with a "police officer", or halfway through a transfer.
One question at a time, big Yes and No buttons, and a way back after a mis-tap. Any
"yes" ends in a stop message: the headline, then the region's numbers to call, the
largest text on the screen (rendered from the region facts, never typed here), then
the reasons, written for a person who does not want to believe it. Nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core.i18n import N_, _
from ui.screens.base import Screen
from ui.screens.selfcheck import CallList, channel_line
from ui.widgets import FlowLayout, scrolling_page

# (question, what a "yes" means: shown in the stop message)
QUESTIONS = (
    (
        N_("Is someone asking you to move, transfer or pay money, or to buy gift cards or crypto?"),
        N_("They want your money moved. Police, banks and real companies never ask you to move money to keep it safe, to clear your name or to release a prize, loan or job."),
    ),
    (
        N_("Have they told you to keep it secret, or not to hang up, or not to tell your family or bank?"),
        N_("They want you alone. Secrecy is how a scam survives: a real officer never forbids you to talk to your family or your bank."),
    ),
    (
        N_("Have they asked you to install an app, join a meeting app or share your screen?"),
        N_("They want to see and control your phone. With screen sharing they read your codes and empty your account."),
    ),
    (
        N_("Have they asked you to read out, send or type in a code from a text message?"),
        N_("They want your verification code. That code is the key to your account; nobody genuine ever needs it."),
    ),
)


class BigButton(QPushButton):
    """A Yes/No button wide enough to hit with a shaking hand."""

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(180, 64))


class SituationScreen(Screen):
    key = "situation"

    def __init__(self, state, region: Callable):
        super().__init__()
        self.state = state
        self.region = region
        self.answers: list[bool] = []

        layout = scrolling_page(self)

        # --- the questions ---
        self.ask_box = QWidget(objectName="situationAsk")
        ask = QVBoxLayout(self.ask_box)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.setSpacing(18)
        self.progress = QLabel(objectName="situationProgress")
        self.progress.setProperty("role", "muted")
        self.question = QLabel(wordWrap=True, objectName="situationQuestion")
        self.question.setProperty("role", "h1")
        self.question.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout()
        row.setSpacing(18)
        self.yes = BigButton(objectName="situationYes")
        self.yes.setProperty("role", "primary")
        self.no = BigButton(objectName="situationNo")
        for button in (self.yes, self.no):
            row.addWidget(button)
        row.addStretch(1)
        self.yes.clicked.connect(lambda: self.answer(True))
        self.no.clicked.connect(lambda: self.answer(False))
        self.hint = QLabel(wordWrap=True, objectName="situationHint")
        self.hint.setProperty("role", "muted")
        self.back_button = QPushButton(objectName="situationBack")
        self.back_button.clicked.connect(self.back)
        ask.addWidget(self.progress)
        ask.addWidget(self.question)
        ask.addLayout(row)
        ask.addWidget(self.hint)
        ask.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.ask_box)

        # --- the answer: the verdict, the numbers, then why, then what next ---
        self.answer_box = QWidget(objectName="situationAnswer")
        answer = QVBoxLayout(self.answer_box)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.setSpacing(14)
        self.verdict_box = QFrame(objectName="situationVerdict")
        verdict = QVBoxLayout(self.verdict_box)
        verdict.setContentsMargins(22, 14, 22, 14)
        self.headline = QLabel(wordWrap=True, objectName="situationHeadline")
        self.headline.setProperty("role", "h2")  # smaller than the numbers below it
        self.headline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        verdict.addWidget(self.headline)
        answer.addWidget(self.verdict_box)

        self.call_box = QFrame(objectName="situationCall")
        self.call_box.setProperty("role", "card")
        call = QVBoxLayout(self.call_box)
        call.setContentsMargins(22, 14, 22, 14)
        call.setSpacing(8)
        self.call_title = QLabel(wordWrap=True)
        self.call_title.setProperty("role", "h2")
        self.numbers = CallList("situationNumbers")
        call.addWidget(self.call_title)
        call.addWidget(self.numbers)
        answer.addWidget(self.call_box)

        self.body = QLabel(wordWrap=True, objectName="situationBody")
        self.body.setProperty("role", "lead")
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons = QLabel(wordWrap=True, objectName="situationReasons")
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.closing = QLabel(wordWrap=True, objectName="situationClosing")
        self.closing.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.body, self.reasons, self.closing):
            answer.addWidget(widget)

        buttons = FlowLayout(spacing=14)  # wraps at large text sizes
        self.paid_button = BigButton(objectName="situationAlreadyPaid")
        self.paid_button.setProperty("role", "primary")
        self.paid_button.clicked.connect(lambda: self.navigate.emit("guides", {"guide": "already_paid"}))
        self.helping_button = QPushButton(objectName="situationHelping")
        self.helping_button.clicked.connect(lambda: self.navigate.emit("guides", {"guide": "helping_someone"}))
        self.answer_back_button = QPushButton(objectName="situationAnswerBack")
        self.answer_back_button.clicked.connect(self.back)
        self.again_button = QPushButton(objectName="situationAgain")
        self.again_button.clicked.connect(self.reset)
        for button in (self.paid_button, self.helping_button, self.answer_back_button, self.again_button):
            buttons.addWidget(button)
        answer.addLayout(buttons)
        layout.addWidget(self.answer_box)
        layout.addStretch(1)

        state.regionChanged.connect(lambda _code: self._refresh())
        self.reset()

    # --- Screen ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Is this happening to me now?")

    def retranslate(self) -> None:
        self.yes.setText(_("Yes"))
        self.no.setText(_("No"))
        self.yes.setAccessibleName(_("Yes"))
        self.no.setAccessibleName(_("No"))
        self.hint.setText(_("Answer for what is happening right now, or in the last hour. If you are not sure, answer Yes."))
        self.paid_button.setText(_("I already paid: what now?"))
        self.paid_button.setAccessibleName(_("I already paid: what now?"))
        self.helping_button.setText(_("It is my family or a friend being scammed"))
        self.helping_button.setAccessibleName(_("It is my family or a friend being scammed"))
        for button in (self.back_button, self.answer_back_button):
            button.setText(_("‹ Back one question"))
            button.setAccessibleName(_("Back one question"))
        self.again_button.setText(_("Start again"))
        self.again_button.setAccessibleName(_("Start the questions again"))
        self._refresh()

    def enter(self, params: dict | None) -> None:
        self.reset()
        self.question.setFocus()

    def leave(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.answers = []
        self._refresh()

    # --- flow -----------------------------------------------------------------------------------

    def answer(self, yes: bool) -> None:
        if len(self.answers) < len(QUESTIONS):
            self.answers.append(yes)
        self._refresh()
        (self.headline if self.finished else self.question).setFocus()

    def back(self) -> None:
        """Undo the last answer (a mis-tap) and ask that question again."""
        if self.answers:
            self.answers.pop()
        self._refresh()
        self.question.setFocus()

    @property
    def finished(self) -> bool:
        return len(self.answers) >= len(QUESTIONS)

    @property
    def stop(self) -> bool:
        return any(self.answers)

    def _refresh(self) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None:  # each question and the answer start at the top of the page
            scroll.verticalScrollBar().setValue(0)
        if not self.finished:
            self.ask_box.show()
            self.answer_box.hide()
            n = len(self.answers)
            self.progress.setText(_("Question {n} of {total}").format(n=n + 1, total=len(QUESTIONS)))
            self.question.setText(_(QUESTIONS[n][0]))
            self.question.setAccessibleName(_(QUESTIONS[n][0]))
            self.back_button.setVisible(n > 0)
            return
        self.ask_box.hide()
        self.answer_box.show()
        # a stop is red; "no sign" is a plain card, not the green of "safe"
        self.verdict_box.setProperty("verdict", "high" if self.stop else None)
        self.verdict_box.setProperty("role", None if self.stop else "card")
        for widget in [self.verdict_box, self.headline]:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if self.stop:
            self.headline.setText(_("✖ Stop. This is a scam. Do not pay, do not send anything more."))
            self.call_title.setText(_("Call now, before you do anything else:"))
            self.body.setText(
                _(
                    "We know it feels real. The voice sounded official, they knew your name, and it seems urgent. "
                    "That is exactly how this scam works: these people do it all day, from a script. "
                    "Hang up now, or stop replying. You lose nothing by checking: a genuine officer or bank "
                    "will still be there after you call them back on a number you find yourself."
                )
            )
            reasons = [_(QUESTIONS[i][1]) for i, yes in enumerate(self.answers) if yes]
            self.reasons.setText("\n".join(f"• {r}" for r in reasons))
            self.reasons.show()
            self.closing.setText(
                _("If you have already paid or shared a code, call now too, and call your bank: the sooner you act, the better the chance of stopping the money.")
            )
            self.closing.show()
        else:
            self.headline.setText(_("ℹ No sign right now that someone is pushing you to move money."))
            self.call_title.setText(_("If anything feels wrong, call:"))
            self.body.setText(
                _("Keep these rules: never move money because someone on the phone tells you to, never keep it secret, never share a screen or a code. If any of that starts, stop and call.")
            )
            self.reasons.hide()
            self.closing.hide()
        region = self.region()
        self.numbers.set_channels(region.call_now)
        self.headline.setAccessibleName(self.headline.text())
        spoken = self.call_title.text() + " " + "; ".join(channel_line(c) for c in region.call_now)
        self.call_box.setAccessibleName(spoken)
        self.numbers.setAccessibleName(spoken)
