"""The baseline every benchmark compares against: a bare PySide6 window (QApplication, one label, shown).

    python bench/bare_window.py            show it until closed
    python bench/bare_window.py --exit     exit as soon as it is shown (start-up timing)
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.resize(1100, 800)
    label.show()
    if "--exit" in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
