"""Settings: language, region, text size and contrast. Every change applies at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from core import i18n
from core.i18n import _, content_gettext
from core.regions import RegionFacts
from core.settings import TEXT_SCALES
from ui.screens.base import Screen
from ui.widgets import FlowLayout, scrolling_page


def _section(parent_layout: QVBoxLayout) -> tuple[QLabel, QLabel, QVBoxLayout]:
    card = QFrame()
    card.setProperty("role", "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 14, 20, 14)
    heading = QLabel(wordWrap=True)
    heading.setProperty("role", "h2")
    hint = QLabel(wordWrap=True)
    hint.setProperty("role", "muted")
    layout.addWidget(heading)
    layout.addWidget(hint)
    parent_layout.addWidget(card)
    return heading, hint, layout


class SettingsScreen(Screen):
    def __init__(self, state, regions: RegionFacts, locales: list[str], on_change: Callable[[], None], kiosk: bool = False):
        """``kiosk``: nothing is stored (no settings file, no quiz scores), and the privacy note says so."""
        super().__init__()
        self.state = state
        self.kiosk = kiosk
        self.regions = regions
        self.on_change = on_change

        column = scrolling_page(self)

        # Language: each named in its own script, so anyone can find theirs.
        self.language_heading, self.language_hint, layout = _section(column)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        row = FlowLayout(spacing=12)  # choices wrap onto more rows at large text or in a narrow window
        for locale in locales:
            button = QRadioButton(i18n.display_name(locale), objectName=f"language_{locale}")
            button.toggled.connect(lambda on, code=locale: on and self._set_language(code))
            self.language_group.addButton(button)
            self.language_buttons[locale] = button
            row.addWidget(button)
        layout.addLayout(row)

        self.region_heading, self.region_hint, layout = _section(column)
        self.region_group = QButtonGroup(self)
        self.region_buttons: dict[str, QRadioButton] = {}
        grid = FlowLayout(spacing=12)
        for code in regions.regions:
            button = QRadioButton(objectName=f"region_{code}")
            button.toggled.connect(lambda on, c=code: on and self._set_region(c))
            self.region_group.addButton(button)
            self.region_buttons[code] = button
            grid.addWidget(button)
        layout.addLayout(grid)

        self.size_heading, self.size_hint, layout = _section(column)
        self.size_buttons: dict[int, QPushButton] = {}
        size_group = QButtonGroup(self)
        row = FlowLayout(spacing=8)
        for percent in TEXT_SCALES:
            button = QPushButton(f"{percent}%", checkable=True, objectName=f"textSize_{percent}")
            button.setProperty("role", "chip")
            button.clicked.connect(lambda _checked=False, p=percent: self._set_scale(p))
            size_group.addButton(button)
            self.size_buttons[percent] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.contrast = QCheckBox(objectName="highContrast")
        self.contrast.toggled.connect(self._set_contrast)
        layout.addWidget(self.contrast)

        self.privacy_heading, self.privacy_text, _layout = _section(column)
        column.addStretch(1)

        state.regionChanged.connect(lambda _c: self._sync())
        state.textScaleChanged.connect(lambda _p: self._sync())

    def title(self) -> str:
        return _("Settings")

    def retranslate(self) -> None:
        self.language_heading.setText(_("Language"))
        self.language_hint.setText(_("The app changes language at once. Nothing is lost."))
        self.region_heading.setText(_("Region"))
        self.region_hint.setText(_("The region decides which hotlines and official channels you are shown."))
        for code, button in self.region_buttons.items():
            button.setText(content_gettext(self.regions.regions[code].name))
        self.size_heading.setText(_("Text size"))
        self.size_hint.setText(_("Make all text larger. Every screen adjusts."))
        for percent, button in self.size_buttons.items():
            button.setAccessibleName(_("Text size {percent}%").format(percent=percent))
        self.contrast.setText(_("High contrast (light text on black)"))
        self.privacy_heading.setText(_("Your privacy"))
        if self.kiosk:
            privacy = _(
                "ScamSense works without the internet. Messages you check are never saved or sent anywhere. "
                "Nothing you do here is saved: the next visitor starts afresh."
            )
        else:
            privacy = _(
                "ScamSense works without the internet. Messages you check are never saved or sent anywhere. "
                "Your settings and quiz scores are stored on this computer."
            )
        self.privacy_text.setText(privacy)
        self._sync()

    def _sync(self) -> None:
        for code, button in self.language_buttons.items():
            button.blockSignals(True)
            button.setChecked(code == self.state.locale)
            button.blockSignals(False)
        for code, button in self.region_buttons.items():
            button.blockSignals(True)
            button.setChecked(code == self.state.region)
            button.blockSignals(False)
        for percent, button in self.size_buttons.items():
            button.setChecked(percent == self.state.text_scale)
        self.contrast.blockSignals(True)
        self.contrast.setChecked(self.state.high_contrast)
        self.contrast.blockSignals(False)

    def _set_language(self, locale: str) -> None:
        self.state.set_locale(locale)
        self.on_change()

    def _set_region(self, code: str) -> None:
        self.state.set_region(code)
        self.on_change()

    def _set_scale(self, percent: int) -> None:
        self.state.set_text_scale(percent)
        self.on_change()

    def _set_contrast(self, on: bool) -> None:
        self.state.set_high_contrast(on)
        self.on_change()
