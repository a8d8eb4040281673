"""The home screen: four big choices, and the region's numbers for anyone in trouble now."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.i18n import N_, _, content_gettext
from ui.screens.base import Screen
from ui.widgets import scrolling_page

# (screen key, title, description): shown when that screen is part of this build
TILES = (
    ("guides", N_("Learn the scams"), N_("How each scam starts, the warning signs, and what to do.")),
    ("selfcheck", N_("Check a message"), N_("Paste a message you are unsure about. Nothing leaves this computer.")),
    ("situation", N_("Is this happening to me now?"), N_("On the phone with the \"police\", or about to pay? Answer four questions.")),
    ("quiz", N_("Test yourself"), N_("Short quizzes that explain every answer.")),
    ("workshop", N_("Run a workshop"), N_("Slides and a group quiz for a room, on a projector.")),
    ("settings", N_("Settings"), N_("Language, region and text size.")),
)


class Tile(QPushButton):
    """A large button with a bold title and a plain description under it."""

    def __init__(self, key: str):
        super().__init__(objectName=f"tile_{key}")
        self.setProperty("role", "tile")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # a button's height is fixed by default: at 200% its text was cut
        self.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        # plain labels ignore clicks, so they reach the button (no Qt enum on the start-up path);
        # their look is in theme.qss by name: a stylesheet of their own would cost start-up time
        self.heading = QLabel(wordWrap=True, objectName="tileHeading")
        self.heading.setProperty("role", "h2")
        self.description = QLabel(wordWrap=True, objectName="tileDescription")
        layout.addWidget(self.heading)
        layout.addWidget(self.description)

    def set_texts(self, title: str, description: str) -> None:
        self.heading.setText(title)
        self.description.setText(description)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint().expandedTo(QSize(240, 96))

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(96, self.layout().totalHeightForWidth(width))


class HomeScreen(Screen):
    def __init__(self, state, region: Callable, available: Callable[[], Iterable[str]]):
        super().__init__()
        self.state = state
        self.region = region
        outer = scrolling_page(self)

        self.heading = QLabel(wordWrap=True, objectName="homeHeading")
        self.heading.setProperty("role", "h1")
        self.lead = QLabel(wordWrap=True, objectName="homeLead")
        self.lead.setProperty("role", "lead")
        outer.addWidget(self.heading)
        outer.addWidget(self.lead)

        grid = QGridLayout()
        grid.setSpacing(16)
        keys = set(available())
        self.tiles: dict[str, Tile] = {}
        shown = [t for t in TILES if t[0] in keys]
        for index, (key, _title, _description) in enumerate(shown):
            tile = Tile(key)
            tile.clicked.connect(lambda _checked=False, k=key: self.navigate.emit(k, None))
            self.tiles[key] = tile
            grid.addWidget(tile, index // 2, index % 2)
        outer.addLayout(grid)
        outer.addStretch(1)

        self.help_box = QFrame(objectName="helpNow")
        self.help_box.setProperty("role", "card")
        help_layout = QVBoxLayout(self.help_box)
        help_layout.setContentsMargins(20, 14, 20, 14)
        self.help_title = QLabel(wordWrap=True)
        self.help_title.setProperty("role", "h2")
        help_layout.addWidget(self.help_title)
        self.help_row = QHBoxLayout()
        self.help_row.setSpacing(28)
        help_layout.addLayout(self.help_row)
        self.help_region = QLabel(wordWrap=True)
        self.help_region.setProperty("role", "muted")
        help_layout.addWidget(self.help_region)
        outer.addWidget(self.help_box)

        self._tab_order()
        state.regionChanged.connect(lambda _code: self._fill_help())

    def _tab_order(self) -> None:
        tiles = list(self.tiles.values())
        for first, second in zip(tiles, tiles[1:]):
            QWidget.setTabOrder(first, second)

    def title(self) -> str:
        return _("Home")

    def retranslate(self) -> None:
        self.heading.setText(_("ScamSense: see through scams before you pay"))
        self.lead.setText(
            _("Scammers follow scripts. Learn them, and you will recognise one the day it reaches you.")
        )
        for key, title, description in TILES:
            if key in self.tiles:
                self.tiles[key].set_texts(_(title), _(description))
        self._fill_help()

    def _fill_help(self) -> None:
        region = self.region()
        self.help_title.setText(_("Someone asking you for money right now? Stop and call:"))
        while self.help_row.count():
            item = self.help_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for channel in region.call_now:
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            value = QLabel(channel.value or content_gettext(channel.name), wordWrap=True)  # a name may be long
            value.setProperty("role", "value")
            name = QLabel(content_gettext(channel.name), wordWrap=True)
            column.addWidget(value)
            column.addWidget(name)
            block.setAccessibleName(f"{channel.value or ''} {content_gettext(channel.name)}".strip())
            self.help_row.addWidget(block)
        self.help_row.addStretch(1)
        self.help_region.setText(
            _("Numbers for {region}. You can change the region in Settings.").format(region=content_gettext(region.name))
        )

    def enter(self, params: dict | None) -> None:
        first = next(iter(self.tiles.values()), None)
        if first is not None:
            first.setFocus()
