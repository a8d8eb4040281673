"""One-page A4 handouts: a guide's handout HTML laid out by QTextDocument and printed by QPrinter.

The same template renders the reading view and the handout (``handout=True``). The text
starts at a comfortable size and steps down only as far as it must to fit one page; below
``MIN_POINT_SIZE`` it stops and reports the page count, so a too-long guide is caught by
the tests rather than printed on two sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from ui.theme import FONT_FAMILY, FONT_FILE

START_POINT_SIZE = 11.0
MIN_POINT_SIZE = 8.0
STEP = 0.5
MARGIN_MM = 12.0

_font_family: str | None = None


def _family() -> str:
    """The shipped CJK font, registered once (PDFs embed it, so Chinese never prints as boxes)."""
    global _font_family
    if _font_family is None:
        families = QFontDatabase.families()
        if FONT_FAMILY not in families:
            font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _font_family = loaded[0] if loaded else ""
        else:
            _font_family = FONT_FAMILY
    return _font_family


def _families() -> list[str]:
    """As on screen: Chinese in the shipped font, other languages in the system's UI font
    with the shipped font behind it (ui.theme.font_families)."""
    from core import i18n
    from ui import theme

    # empty until the app registered its font (a handout made without the app's window)
    return theme.font_families(i18n.current_locale()) or [_family()]


@dataclass
class Layout:
    document: QTextDocument
    point_size: float

    @property
    def pages(self) -> int:
        return self.document.pageCount()


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def lay_out(html: str, printer: QPrinter) -> Layout:
    """Lay ``html`` out on the printer's page at the largest size that fits one page."""
    # QTextDocument lays out in pixels at the screen's logical DPI and print_() scales the
    # page to the printer; so a page of that many pixels makes a point print as a point.
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchX() if screen is not None else 96.0
    points = printer.pageLayout().paintRectPoints().size()
    page = QSizeF(points.width() * dpi / 72.0, points.height() * dpi / 72.0)
    size = START_POINT_SIZE
    while True:
        document = QTextDocument()
        document.setDocumentMargin(0)
        font = QFont()
        font.setFamilies(_families())
        font.setPointSizeF(size)
        document.setDefaultFont(font)
        document.setPageSize(QSizeF(page.width(), page.height()))
        document.setHtml(html)
        if document.pageCount() <= 1 or size - STEP < MIN_POINT_SIZE:
            return Layout(document, size)
        size -= STEP


def new_printer(pdf_path: Path | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    return printer


def save_pdf(html: str, path: Path, title: str = "") -> Layout:
    """Write the handout to ``path`` as an A4 PDF. Returns the layout (pages, text size)."""
    printer = new_printer(Path(path))
    if title:
        printer.setDocName(title)
    layout = lay_out(html, printer)
    layout.document.print_(printer)
    return layout


def print_on(html: str, printer: QPrinter) -> Layout:
    """Print the handout on a printer the person chose (its page size and margins win)."""
    layout = lay_out(html, printer)
    layout.document.print_(printer)
    return layout
