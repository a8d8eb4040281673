"""The home screen's first paint stays off PySide6's slow paths (start-up time, issue 7).

The first use of the ``Qt`` namespace's enums builds about ninety Python enum classes (some
13 ms); the home screen is written to avoid it until it has painted. A change that touches
them on the way (a QPainter.setPen in a paintEvent did) shows here, not only in a benchmark.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import enum, gc, os, sys
sys.argv = [sys.argv[0], "--lang", LANG]
sys.path.insert(0, ROOT)
import ui
from PySide6.QtWidgets import QApplication

def first_paint_only(self):
    self.processEvents()  # the window shows and paints; nothing else has run
    built = sorted(o.__qualname__ for o in gc.get_objects() if isinstance(o, enum.EnumType) and o.__qualname__.startswith("Qt."))
    print(len(built), built[:5])
    os._exit(0)

QApplication.exec = first_paint_only
import main
main.main()
"""


def _qt_enums_at_first_paint(tmp_path, lang: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCAMSENSE_HOME=str(tmp_path))
    code = PROBE.replace("LANG", repr(lang)).replace("ROOT", repr(str(ROOT)))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, timeout=60).stdout


def test_the_first_paint_builds_no_qt_enums(tmp_path):
    for lang in ("zh_CN", "en"):
        out = _qt_enums_at_first_paint(tmp_path, lang)
        assert out.startswith("0 "), f"{lang}: the Qt namespace was built before the home screen painted: {out}"
