"""Kiosk soak: many simulated visitors, each followed by the idle reset.

    .venv/bin/python bench/kiosk_soak.py [--sessions 1000] [--warmup 30]

Each visitor touches the attract screen, then does what a visitor does on a few screens (types a
word and leaves some pinyin half-typed on the on-screen keyboard, pastes a message into the
self-check and checks it, searches and opens a guide, starts a quiz and answers, answers the
"happening now" questions, makes the text larger, picks a language, copies text), and walks
away: the idle timer's "Still there?" countdown runs out and the kiosk resets.

After every reset it checks that nothing of that visitor is left (the visitor's own made-up
word anywhere in any built screen, typed text, undo history, half-typed pinyin, clipboard,
history, language, region, text size, contrast, the screen shown). It prints the resident memory after a warm-up
and at the end; the issue asks for no more than 5 MB of growth over 1,000 sessions. A script,
not a timed test: run it by hand or from CI's benchmark step.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["SCAMSENSE_HOME"] = tempfile.mkdtemp(prefix="scamsense-soak-")


def rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=30, help="sessions before the first memory reading")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QTextEdit, QWidget

    from core import i18n
    from core.cli import Roots
    from core.kiosk import load_config, set_pin
    from core.regions import REGION_CODES
    from ui.app import build_window, get_app

    app = get_app()
    roots = Roots(content_dir=ROOT / "content", locale_dir=ROOT / "locales", app_dir=ROOT)
    config_path = Path(os.environ["SCAMSENSE_HOME"]) / "kiosk.yaml"
    set_pin(config_path, "135790")
    config = load_config(config_path, regions=set(REGION_CODES), locales=i18n.setup(roots.locale_dir).locales())
    window = build_window(roots, kiosk=config)
    controller = window.kiosk
    controller.start()
    controller.idle.stop()  # the soak drives the timers itself
    state = window.services.state
    defaults = dict(controller.defaults)

    def pump() -> None:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    def every_string() -> str:
        parts = []
        for widget in window.findChildren(QWidget):
            parts += [widget.accessibleName(), widget.accessibleDescription()]
            if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
                parts.append(widget.text())
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                parts.append(widget.toPlainText())
            elif isinstance(widget, QListWidget):
                parts += [widget.item(i).text() for i in range(widget.count())]
        return "\n".join(parts)

    def visit(n: int) -> str:
        mark = f"zq{n:05d}visitor"  # this visitor's own made-up word
        window.screens["attract"]._start(None)
        step = n % 5
        if step in (0, 3):
            window.navigate("selfcheck")
            screen = window.screens["selfcheck"]
            screen.input.setFocus()
            keyboard = controller.keyboard
            for letter in "pianzi":  # types a word on the on-screen keyboard (Chinese at first) ...
                keyboard.press(letter)
            keyboard.choose(0)
            for letter in "woshi":  # ... and leaves some pinyin half-typed
                keyboard.press(letter)
            screen.input.setPlainText(f"Dear customer, your parcel is held. Pay the fee at http://{mark}.example within 2 hours.")
            screen.check_button.click()
        if step in (1, 3):
            window.navigate("guides")
            screen = window.screens["guides"]
            screen.search.setText(mark)
            screen.search.setText("police" if n % 2 else "job")
            if screen.list.count():
                screen.list.itemActivated.emit(screen.list.item(n % screen.list.count()))
        if step in (2, 4):
            window.navigate("quiz")
            screen = window.screens["quiz"]
            buttons = list(screen.set_buttons.values())
            buttons[n % len(buttons)].click()
            screen.name_field.setText(mark)
        if step == 4:
            window.navigate("situation")
            screen = window.screens["situation"]
            while not screen.finished:
                screen.answer(bool(n % 2))
        if n % 7 == 0:
            window.navigate("settings")
            state.set_text_scale(150)
            state.set_high_contrast(True)
            state.set_region("HK")
        state.set_locale(("en", "zh_TW", "zh_CN")[n % 3])
        QGuiApplication.clipboard().setText(mark)
        pump()
        # walks away: the idle timer fires, "Still there?" counts down to zero
        controller._idle_expired()
        for _ in range(controller.config.countdown):
            controller._tick()
        pump()
        return mark

    def leftovers(mark: str) -> list[str]:
        problems = []
        if mark in every_string():
            problems.append("the visitor's word is still on a screen")
        if QGuiApplication.clipboard().text():
            problems.append("clipboard")
        if controller.keyboard.pinyin or controller.keyboard.shown():
            problems.append("half-typed pinyin or candidates on the keyboard")
        if window.history or window.current != "attract":
            problems.append("history or screen")
        if (state.locale, state.region, state.text_scale, state.high_contrast) != (
            defaults["locale"], defaults["region"], defaults["text_scale"], defaults["high_contrast"]):
            problems.append("language, region, text size or contrast")
        for screen in window.screens.values():
            for field in screen.findChildren(QLineEdit):
                if field.text() or field.isUndoAvailable():
                    problems.append(f"text or undo in {field.objectName()}")
            for edit in screen.findChildren(QPlainTextEdit) + screen.findChildren(QTextEdit):
                if not edit.isReadOnly() and (edit.toPlainText() or edit.document().isUndoAvailable()):
                    problems.append(f"text or undo in {edit.objectName()}")
        quiz = window.screens.get("quiz")
        if quiz is not None and quiz.session is not None:
            problems.append("a quiz in progress")
        situation = window.screens.get("situation")
        if situation is not None and situation.answers:
            problems.append("situation answers")
        return problems

    for n in range(args.warmup):
        visit(n)
    gc.collect()
    pump()
    start_mb = rss_mb()
    started = time.perf_counter()
    left_behind: dict[str, int] = {}
    for n in range(args.warmup, args.warmup + args.sessions):
        mark = visit(n)
        for problem in leftovers(mark):
            left_behind[problem] = left_behind.get(problem, 0) + 1
        done = n - args.warmup + 1
        if done % 100 == 0:
            print(f"  {done:5d} sessions: {rss_mb():.1f} MB", flush=True)
    gc.collect()
    pump()
    end_mb = rss_mb()
    seconds = time.perf_counter() - started

    growth = end_mb - start_mb
    print(f"sessions: {args.sessions} (after {args.warmup} warm-up sessions), resets: {controller.resets}")
    print(f"time: {seconds:.1f} s ({seconds / args.sessions * 1000:.0f} ms per visitor, offscreen)")
    print(f"memory (RSS): {start_mb:.1f} MB after warm-up -> {end_mb:.1f} MB; growth {growth:+.2f} MB (limit 5 MB)")
    if left_behind:
        print("state left behind: " + "; ".join(f"{k} ({v}x)" for k, v in sorted(left_behind.items())))
    else:
        print("state left behind: none")
    ok = growth <= 5.0 and not left_behind
    print("OK" if ok else "FAILED")
    controller.unlocked = True
    app.removeEventFilter(controller)
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
