"""Lists on scrolling pages: as tall as their rows, so the page scrolls and the list does not.

A list with its own scroll bar inside a page that scrolls too shows two or three rows at 200%
text, and a wheel turn scrolls one or the other depending on where the pointer is. Here the list
takes the height of all its rows (``fit_to_rows``), the page scrolls, and the row the keyboard
moves to is scrolled into view on the page.

``WrappedTextDelegate`` measures a row's wrapped text at the width the style really gives the
text (after the check box, padding and margins), so no row is cut short with "…".
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_TALL = 100_000


class WrappedTextDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the view's width."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        view = option.widget
        style = view.style() if view is not None else QApplication.style()
        spacing = view.spacing() if view is not None and hasattr(view, "spacing") else 0
        width = (view.viewport().width() if view is not None else 600) - 2 * spacing
        option.rect = QRect(0, 0, max(80, width), _TALL)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        text_width = max(40, text_rect.width() - 2 * margin)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bound = QFontMetrics(option.font).boundingRect(QRect(0, 0, text_width, _TALL), flags, option.text or "")
        around = max(0, _TALL - text_rect.height())  # padding above and below, as the style sets it
        check = 0
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            check = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view).height()
        lines = max(1, bound.height() // max(1, QFontMetrics(option.font).lineSpacing()))
        height = max(bound.height() + lines * 2, check) + around + 4
        return QSize(max(80, width), height)


class _Fitter(QObject):
    def __init__(self, view: QAbstractItemView, least: int):
        super().__init__(view)
        self.view = view
        self.least = least
        self._width = -1
        self._busy = False
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged, model.layoutChanged):
            signal.connect(self.fit)
        view.selectionModel().currentChanged.connect(self._show_current)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched.width() != self._width:
            self._width = watched.width()
            self.fit()
        return False

    def fit(self, *_args) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            view = self.view
            if not shiboken6.isValid(view) or view.model() is None:
                return  # the list is being destroyed: its model empties itself on the way out
            spacing = view.spacing() if hasattr(view, "spacing") else 0
            rows = view.model().rowCount()
            height = sum(view.sizeHintForRow(row) + 2 * spacing for row in range(rows))
            view.setFixedHeight(max(self.least, height + 2 * view.frameWidth() + 2))
            view.scheduleDelayedItemsLayout()
        finally:
            self._busy = False

    def _show_current(self, current, previous) -> None:
        """Keep the row the keyboard moved to in view on the page (not the first row a list
        makes current when it gets focus: entering a screen does not scroll its page)."""
        if not current.isValid() or not previous.isValid() or not self.view.hasFocus():
            return
        page = _page_of(self.view)
        if page is None:
            return
        rect = self.view.visualRect(current)
        top_left = self.view.viewport().mapTo(page.widget(), rect.topLeft())
        page.ensureVisible(top_left.x(), top_left.y() + rect.height() // 2, 0, rect.height() // 2 + 8)


def _page_of(widget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def fit_to_rows(view: QAbstractItemView, least: int = 56) -> None:
    """Make ``view`` as tall as all its rows (at least ``least``), with no scroll bar of its own."""
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setProperty("fitsRows", True)
    _Fitter(view, least).fit()
