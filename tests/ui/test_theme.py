"""The stylesheet as a person sees it: centred button text, disabled buttons that look disabled,
check boxes and padding that grow with the text size."""

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QStyle, QStyleOptionButton

from ui import theme


def _ink_columns(image, ink: QColor, tolerance: int = 60) -> list[int]:
    """The x of every column holding a pixel close to ``ink`` (the text), inside a 6 px inset."""
    columns = []
    for x in range(6, image.width() - 6):
        for y in range(6, image.height() - 6):
            c = image.pixelColor(x, y)
            if abs(c.red() - ink.red()) + abs(c.green() - ink.green()) + abs(c.blue() - ink.blue()) < tolerance:
                columns.append(x)
                break
    return columns


def test_a_primary_buttons_text_is_centred_like_its_neighbours(make_window, qtbot):
    """The situation screen's Yes (primary) and No: both labels sit in the middle of the button."""
    window = make_window("en")
    window.resize(1100, 800)
    window.navigate("situation", None)
    screen = window.screens["situation"]
    window.back_button.setFocus()  # no focus frame on the buttons measured
    qtbot.wait(10)
    ink = QColor(theme.PALETTES["normal"]["on_primary"])
    image = screen.yes.grab().toImage()
    columns = _ink_columns(image, ink)
    assert columns, "no text drawn on the Yes button"
    middle = (columns[0] + columns[-1]) / 2
    assert abs(middle - image.width() / 2) < image.width() * 0.1, (columns[0], columns[-1], image.width())
