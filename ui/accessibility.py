"""Following the system's accessibility requests where Qt exposes them.

* Large text: the system's default font, as Qt reports it before ScamSense sets its own, is
  compared with that platform's usual size (Windows 9 pt, macOS 13 pt, Linux desktops 10 pt).
  "Make text bigger" on Windows, GNOME's large-text switch and KDE's font size all show there.
* High contrast: ``QStyleHints.accessibility().contrastPreference()`` (Qt 6.10 and later).

Both only choose the starting values on a first run; what the person picks in Settings wins.
"""

from __future__ import annotations

import sys

from core.settings import TEXT_SCALES

USUAL_POINT_SIZE = {"win32": 9.0, "darwin": 13.0}
LINUX_POINT_SIZE = 10.0


def text_scale_for(point_size: float, platform: str = sys.platform) -> int:
    """The largest text size step not above what the system's font size asks for."""
    usual = USUAL_POINT_SIZE.get(platform, LINUX_POINT_SIZE)
    if point_size <= 0:
        return TEXT_SCALES[0]
    wanted = point_size / usual * 100
    return max([s for s in TEXT_SCALES if s <= wanted + 1] or [TEXT_SCALES[0]])


def system_text_scale() -> int:
    """The text size the system's font asks for. Call before the app sets its own font."""
    from PySide6.QtGui import QGuiApplication

    return text_scale_for(QGuiApplication.font().pointSizeF())


def system_high_contrast() -> bool:
    """True when the system asks for high contrast (Qt 6.10+; False where Qt cannot tell).

    Not on the start-up path: the first use of the ``Qt`` enums costs about 13 ms."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    accessibility = getattr(QGuiApplication.styleHints(), "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
