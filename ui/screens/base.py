"""What every screen has in common.

A screen lays out widgets for the domain objects it is given in its constructor
(never the whole app). The main window wires it:

* ``navigate`` asks the window to go somewhere: ``self.navigate.emit("guides", {"guide": "romance"})``;
* ``retranslate()`` sets every visible string; it runs once at construction and again on each
  live language switch, so nothing is translated at import time;
* ``enter(params)`` runs each time the screen is shown, ``leave()`` when it is left;
* ``reset()`` forgets everything a visitor did (the kiosk calls it on idle).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    navigate = Signal(str, object)  # screen key, params (dict or None)

    #: the key the main window knows this screen by
    key = ""

    def title(self) -> str:
        """The translated title shown in the top bar."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible string in the current language."""

    def enter(self, params: dict | None) -> None:
        """Called each time the screen is shown."""

    def leave(self) -> None:
        """Called when the person leaves the screen."""

    def reset(self) -> None:
        """Forget every trace of the current visitor."""
