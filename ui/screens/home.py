"""The home screen: the region's numbers for anyone in trouble now, right under the lead, then
the big choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.i18n import N_, _, content_gettext
from core.regions import name_on_its_own, only_phones
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

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        changed = self.hidden_on_purpose == visible  # hidden and now shown, or the other way
        self.hidden_on_purpose = not visible
        super().setVisible(visible)
        if changed and self.on_visibility is not None:  # not on every show of the window
            self.on_visibility()

    hidden_on_purpose = False  # hide() called on it (the kiosk's hidden workshop tile)
    on_visibility = None  # set by the home screen: a hidden tile leaves no hole


class NameLabel(QLabel):
    """A channel's name under its number: on one line when it fits ("anti-fraud warning line"
    wrapped to the width of "96110" before), wrapping only when the page is too narrow."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        width = min(metrics.horizontalAdvance(self.text()) + 2, 28 * metrics.averageCharWidth())
        return QSize(max(hint.width(), width), self.heightForWidth(width) if width > hint.width() else hint.height())


# What a kiosk says instead (a kiosk has no clipboard to paste from: the visitor types).
KIOSK_TILES = {"selfcheck": N_("Type a message you are unsure about. Nothing leaves this computer.")}


class HomeScreen(Screen):
    def __init__(self, state, region: Callable, available: Callable[[], Iterable[str]], kiosk: bool = False):
        super().__init__()
        self.kiosk = kiosk
        self.state = state
        self.region = region
        outer = scrolling_page(self)

        self.heading = QLabel(wordWrap=True, objectName="homeHeading")
        self.heading.setProperty("role", "h1")
        self.lead = QLabel(wordWrap=True, objectName="homeLead")
        self.lead.setProperty("role", "lead")
        outer.addWidget(self.heading)
        outer.addWidget(self.lead)

        # Someone in trouble sees the numbers without scrolling: right under the lead sentence.
        self.help_box = QFrame(objectName="helpNow")
        self.help_box.setProperty("role", "card")
        help_layout = QVBoxLayout(self.help_box)
        help_layout.setContentsMargins(20, 14, 20, 14)
        self.help_title = QLabel(wordWrap=True)
        self.help_title.setProperty("role", "h2")
        help_layout.addWidget(self.help_title)
        self.help_row = QGridLayout()  # the numbers side by side, as many to a row as fit
        self.help_row.setHorizontalSpacing(28)
        self.help_row.setVerticalSpacing(8)
        self.help_row.setContentsMargins(0, 0, 0, 0)
        self.help_blocks: list[QWidget] = []
        self._help_columns = 0
        help_layout.addLayout(self.help_row)
        self.help_region = QLabel(wordWrap=True)
        self.help_region.setProperty("role", "muted")
        help_layout.addWidget(self.help_region)
        outer.addWidget(self.help_box)

        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        keys = set(available())
        self.tiles: dict[str, Tile] = {}
        for key, _title, _description in TILES:
            if key not in keys:
                continue
            tile = Tile(key)
            tile.clicked.connect(lambda _checked=False, k=key: self.navigate.emit(k, None))
            self.tiles[key] = tile
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self._tile_places: tuple = ()
        self._place_tiles()
        for tile in self.tiles.values():
            tile.on_visibility = self._place_tiles

        self._tab_order()
        state.regionChanged.connect(lambda _code: self._fill_help())
        if hasattr(state, "textScaleChanged"):  # new text size: new widths, so maybe fewer columns
            state.textScaleChanged.connect(lambda _scale: self._relayout())

    def _columns(self, widgets: list[QWidget], most: int, spacing: int) -> int:
        """How many of ``widgets`` fit side by side in the page's width (at least 1, at most ``most``)."""
        width = self.width() - 64  # the page's margins
        widest = max((w.minimumSizeHint().width() for w in widgets), default=0)
        columns = most
        while columns > 1 and columns * widest + (columns - 1) * spacing > width:
            columns -= 1
        return columns

    def _place_tiles(self) -> None:
        """Lay out the tiles that are shown, two to a row (one when they do not fit): a tile the
        kiosk hides leaves no hole in the grid."""
        shown = [tile for tile in self.tiles.values() if not tile.hidden_on_purpose]
        columns = self._columns(shown, 2, 16) if self.width() > 100 else 2
        places = tuple((id(tile), index // columns, index % columns) for index, tile in enumerate(shown))
        if places == self._tile_places:
            return
        self._tile_places = places
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for index, tile in enumerate(shown):
            self.grid.addWidget(tile, index // columns, index % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def _place_help(self, force: bool = False) -> None:
        columns = self._columns(self.help_blocks, max(1, len(self.help_blocks)), 28) if self.width() > 100 else len(self.help_blocks)
        if columns == self._help_columns and not force:
            return
        self._help_columns = columns
        for block in self.help_blocks:
            self.help_row.removeWidget(block)
        for index, block in enumerate(self.help_blocks):
            self.help_row.addWidget(block, index // max(1, columns), index % max(1, columns))
            block.show()  # now, not when the event loop comes round (the layout's own deferred show)
        for column in range(self.help_row.columnCount()):
            self.help_row.setColumnStretch(column, 0)
        self.help_row.setColumnStretch(max(1, columns), 1)  # blocks to the left, the rest empty

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        self._place_tiles()
        self._place_help()

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
                self.tiles[key].set_texts(_(title), _(KIOSK_TILES.get(key, description) if self.kiosk else description))
        self._fill_help()

    def _fill_help(self) -> None:
        region = self.region()
        # a list that holds a website says "call or report" (the US and Australia): phones come first
        if only_phones(region.call_now):
            self.help_title.setText(_("Someone asking you for money right now? Stop and call:"))
        else:
            self.help_title.setText(_("Someone asking you for money right now? Stop. Call or report:"))
        for block in self.help_blocks:
            # hidden and unparented at once: deleteLater alone left the old numbers painted
            # under the new ones until the event loop came round
            self.help_row.removeWidget(block)
            block.hide()
            block.setParent(None)
            block.deleteLater()
        self.help_blocks = []
        for channel in region.call_now:
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            full_name = content_gettext(channel.name)
            value = QLabel(channel.value or full_name, wordWrap=True)  # a name may be long
            value.setProperty("role", "value")
            name = NameLabel(name_on_its_own(channel.value, full_name) or full_name, wordWrap=True)
            column.addWidget(value)
            column.addWidget(name)
            block.setAccessibleName(f"{channel.value or ''} {name.text()}".strip())
            self.help_blocks.append(block)
        self._place_help(force=True)
        self.help_region.setText(
            _("Where to get help in {region}. You can change the region in Settings.").format(region=content_gettext(region.in_text))
        )

    def enter(self, params: dict | None) -> None:
        first = next(iter(self.tiles.values()), None)
        if first is not None:
            first.setFocus()
