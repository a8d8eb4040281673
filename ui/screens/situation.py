""""Is this happening to me now?": four plain questions, then a firm answer.

For someone on the phone with a "police officer", or halfway through a transfer.
One question at a time, big Yes and No buttons, and a way back after a mis-tap.
A "yes" to being asked for money alone says "check before you pay"; a "yes" to secrecy,
an app or screen share, or a code ends in a stop message. Either way the headline comes
first, then the region's numbers to call, the largest text on the screen (rendered from
the region facts, never typed here), then the reasons, written for a person who does not
want to believe it, from the questions they answered "yes". Nothing is saved.

The answer stays while a guide opened from it is shown ("I already paid: what now?"), so
Back returns to it; Home, "Start again" and the kiosk's idle reset forget it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core import i18n
from core.i18n import N_, _
from core.regions import only_phones
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

MONEY, SECRET, SCREEN, CODE = range(len(QUESTIONS))

# what to do now, for each question answered "yes" (the stop message's first paragraph)
ACTIONS = (
    N_("Do not move, pay or send any money, whatever they say will happen if you do not."),
    N_("If they are on the phone, hang up now, and tell someone in your family what happened."),
    N_("Install nothing they name, and stop any screen sharing now. If they already saw your screen, call your bank."),
    N_("Do not read out or type any code. If you already gave one, call your bank now."),
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
        self._keep = False  # leaving through one of its own buttons: the answer stays for Back

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
        self.paid_button.clicked.connect(lambda: self._open_guide("already_paid"))
        self.helping_button = QPushButton(objectName="situationHelping")
        self.helping_button.clicked.connect(lambda: self._open_guide("helping_someone"))
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
        """Back to the answer from a guide it opened: as it was. Any other way in: Question 1."""
        if not (params or {}).get("back"):
            self.reset()
        (self.headline if self.finished else self.question).setFocus()

    def leave(self) -> None:
        if not self._keep:  # left for another screen (Home, the top bar's Back): forget it
            self.reset()
        self._keep = False

    def _open_guide(self, guide: str) -> None:
        self._keep = True
        self.navigate.emit("guides", {"guide": guide})

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
        """A stop: secrecy, an app or screen share, or a code (with or without money)."""
        return any(self.answers[MONEY + 1 :])

    @property
    def check_first(self) -> bool:
        """Asked for money, and nothing else: check before you pay (not "this is a scam")."""
        return bool(self.answers) and self.answers[MONEY] and not self.stop

    def _yes(self) -> list[int]:
        return [i for i, yes in enumerate(self.answers) if yes]

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
        # a stop is red, "check first" amber; "no sign" is a plain card, not the green of "safe"
        level = "high" if self.stop else "medium" if self.check_first else None
        self.verdict_box.setProperty("verdict", level)
        self.verdict_box.setProperty("role", None if level else "card")
        for widget in [self.verdict_box, self.headline]:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        phones = only_phones(self.region().call_now)
        if self.stop:
            self.headline.setText(_("✖ Stop. This is a scam. Do not pay, do not send anything more."))
            self.call_title.setText(
                _("Call now, before you do anything else:") if phones else _("Call or report now, before you do anything else:")
            )
            self.body.setText(self._stop_body())
        elif self.check_first:
            self.headline.setText(_("⚠ Check before you pay. Do not move any money until you have checked."))
            self.call_title.setText(_("Before you pay, call and check:") if phones else _("Before you pay, call and check, or report:"))
            self.body.setText(
                _join(
                    _("Moving your money is what scammers are after, and nothing else you told us shows that this request is real."),
                    _("Check it yourself first: call the person, bank or company back on a number you find yourself, on your card, a bill or their official website, never the one they gave you."),
                    _("Anyone genuine will wait while you check. Someone who pushes you not to check is a scammer."),
                )
            )
        if self.stop or self.check_first:
            reasons = [_(QUESTIONS[i][1]) for i in self._yes()]
            self.reasons.setText("\n".join(f"• {r}" for r in reasons))
            self.reasons.show()
            self.closing.setText(
                _("If you have already paid or shared a code, call now too, and call your bank: the sooner you act, the better the chance of stopping the money.")
            )
            self.closing.show()
        else:
            self.headline.setText(_("ℹ No sign right now that someone is pushing you to move money."))
            self.call_title.setText(_("If anything feels wrong, call:") if phones else _("If anything feels wrong, call or report:"))
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

    def _stop_body(self) -> str:
        """Why to believe it, then what to do, from the questions answered "yes" only (nobody is
        told to hang up who never said anyone called)."""
        return _join(
            _("We know it feels real: they seem official, they may know your name, and they say it is urgent."),
            _("That is exactly how this scam works: these people do it all day, from a script."),
            *(_(ACTIONS[i]) for i in self._yes()),
            _("You lose nothing by checking: a genuine officer or bank will still be there after you contact them on a number you find yourself."),
        )


def _join(*sentences: str) -> str:
    """Sentences as one paragraph: with spaces in English, none between Chinese sentences."""
    return ("" if i18n.current_locale().startswith("zh") else " ").join(s for s in sentences if s)
