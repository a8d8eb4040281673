"""Read aloud: the current screen's text, spoken by the system's speech engine.

QtTextToSpeech comes from PySide6-Addons and is imported only when read aloud is first asked
for, never on the start-up path. The button is offered only when a real engine (anything but
Qt's ``mock`` engine) starts; tests pass ``engine="mock"`` explicitly.

What is read: a screen may define ``speech_text() -> str``; otherwise every visible label and
read-only text view of the screen, in layout order, is read (guides, quiz questions and
self-check results are all made of those).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QTextEdit, QWidget

# engine -> the system library its plug-in needs; a missing one would only log an error
_ENGINE_LIBRARIES = {"speechd": "speechd"}


def _quiet_multimedia() -> None:
    # QtTextToSpeech loads QtMultimedia, which warns when PipeWire is not installed (it then
    # uses PulseAudio or ALSA): harmless, and it must not reach the console of every start.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def _module():
    try:
        _quiet_multimedia()
        from PySide6 import QtTextToSpeech
    except ImportError:  # PySide6-Addons or libpulse0 missing: no read aloud
        return None
    return QtTextToSpeech


def _linux_plugin_could_speak(find_library) -> bool:
    """Is there a speech plug-in other than ``mock`` whose system library is present?"""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "texttospeech"
    for plugin in folder.glob("*qtexttospeech_*"):
        name = plugin.name.split("qtexttospeech_", 1)[1].split(".", 1)[0]
        if name == "mock":
            continue
        library = _ENGINE_LIBRARIES.get(name)
        if library is None or find_library(library):
            return True
    return False


def real_engines() -> list[str]:
    """Speech engines that can actually speak here (never ``mock``)."""
    import ctypes.util  # with subprocess behind it: kept off the start-up path

    if sys.platform.startswith("linux") and not _linux_plugin_could_speak(ctypes.util.find_library):
        return []  # answered without loading QtTextToSpeech and QtMultimedia (about 10 MB)
    module = _module()
    if module is None:
        return []
    engines = []
    for name in module.QTextToSpeech.availableEngines():
        if name == "mock":
            continue
        library = _ENGINE_LIBRARIES.get(name)
        if library and sys.platform.startswith("linux") and not ctypes.util.find_library(library):
            continue
        engines.append(name)
    return engines


def text_of(widget: QWidget) -> str:
    """What a person sees on ``widget``, in reading order, as plain text."""
    speech_text = getattr(widget, "speech_text", None)
    if callable(speech_text):
        return speech_text()
    parts: list[str] = []
    window = widget.window()
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if isinstance(child, QLabel) and child.text().strip():
            parts.append(_plain(child.text()))
        elif isinstance(child, (QTextEdit, QPlainTextEdit)) and child.isReadOnly():
            parts.append(child.toPlainText())
        elif isinstance(child, QAbstractButton) and child.property("role") in ("option", "verdict"):
            parts.append(child.accessibleName() or child.text())
    return "\n".join(p.strip() for p in parts if p.strip())


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


class ReadAloud(QObject):
    """One speech engine for the app. ``available`` is False when there is none."""

    speakingChanged = Signal(bool)

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine_name = engine
        self._tts = None
        self._tried = False

    @property
    def available(self) -> bool:
        return self._engine() is not None

    def _engine(self):
        if not self._tried:
            self._tried = True
            module = _module()
            name = self.engine_name
            if module is not None and name is None:
                engines = real_engines()
                name = engines[0] if engines else None
            if module is not None and name is not None:
                # an engine whose service is not running logs an error while it starts: that is
                # the answer to "is there speech here?", not something to show anyone
                previous = qInstallMessageHandler(lambda *_args: None)
                try:
                    tts = module.QTextToSpeech(name, self)
                finally:
                    qInstallMessageHandler(previous)
                if tts.state() != module.QTextToSpeech.State.Error:
                    tts.stateChanged.connect(lambda state: self.speakingChanged.emit(self.speaking))
                    self._tts = tts
        return self._tts

    @property
    def speaking(self) -> bool:
        tts = self._tts
        return tts is not None and tts.state().name in ("Speaking", "Synthesizing")

    def speak(self, text: str, locale: str) -> bool:
        """Say ``text`` in the voice closest to ``locale``. False when it cannot."""
        tts = self._engine()
        if tts is None or not text.strip():
            return False
        wanted = QLocale(locale)
        for candidate in tts.availableLocales():
            if candidate.language() == wanted.language() and candidate.territory() == wanted.territory():
                tts.setLocale(candidate)
                break
        else:
            for candidate in tts.availableLocales():
                if candidate.language() == wanted.language():
                    tts.setLocale(candidate)
                    break
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()


def attach(window, reader: ReadAloud) -> QAbstractButton | None:
    """Put a "Read aloud" button in the window's top bar when ``reader`` can speak."""
    if not reader.available:
        return None
    from PySide6.QtWidgets import QToolButton

    from core import i18n
    from core.i18n import _

    button = QToolButton(objectName="readAloudButton")

    def retranslate(*_args) -> None:
        label = _("Stop reading") if reader.speaking else _("Read aloud")
        button.setText(label)
        button.setAccessibleName(label)
        button.setAccessibleDescription(_("Reads the text of this screen aloud"))

    def clicked() -> None:
        if reader.speaking:
            reader.stop()
        elif window.current:
            reader.speak(text_of(window.screens[window.current]), i18n.current_locale())

    button.clicked.connect(clicked)
    reader.speakingChanged.connect(retranslate)
    window.services.state.languageChanged.connect(retranslate)
    window.stack.currentChanged.connect(lambda _index: reader.stop())  # a new screen: stop reading the old one
    retranslate()
    window.add_bar_button(button)
    window.read_aloud_button = button
    return button
