"""Small widgets more than one screen uses."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget


class FlowLayout(QLayout):
    """Lays its items out in rows, wrapping to a new row when the next one does not fit
    (chips and word pieces at 200% text, or in a narrow window)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        from PySide6.QtCore import Qt  # not at import: the home screen's start-up avoids the Qt namespace

        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items row by row, each centred in its row's height (a label beside taller
        buttons sits level with their text, not at their top). Returns the height used."""
        rows: list[list] = [[]]
        x = rect.x()
        for item in self._items:
            if item.isEmpty():
                continue  # a hidden widget takes no place (nor a gap)
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and rows[-1]:
                rows.append([])
                x = rect.x()
            rows[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = rect.y()
        for row in rows:
            if not row:
                continue
            row_height = max(hint.height() for _item, hint in row)
            if move:
                x = rect.x()
                for item, hint in row:
                    item.setGeometry(QRect(QPoint(x, y + (row_height - hint.height()) // 2), hint))
                    x += hint.width() + self._spacing
            y += row_height + self._spacing
        return max(0, y - self._spacing - rect.y())


def scrolling_page(screen: QWidget, margins: tuple[int, int, int, int] = (32, 24, 32, 24), spacing: int = 18) -> QVBoxLayout:
    """Make ``screen`` one scrolling page and return the column to fill.

    At 200% text a screen grows taller than the window; scrolling keeps everything reachable
    instead of squeezing or cutting it. The page shares the window's background (theme.qss).
    """
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    body = QWidget(objectName="scrollBody")
    scroll.setWidget(body)
    page = QVBoxLayout(screen)
    page.setContentsMargins(0, 0, 0, 0)
    page.addWidget(scroll)
    column = QVBoxLayout(body)
    column.setContentsMargins(*margins)
    column.setSpacing(spacing)
    return column
