"""Starting the desktop app: Qt application, font, theme, language, region, main window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from core import i18n
from core.cli import Roots
from core.i18n import _
from core.settings import SettingsStore
from ui import theme
from ui.main_window import MainWindow
from ui.services import Services

if TYPE_CHECKING:  # kiosk mode's config and PIN hashing stay off the ordinary start-up
    from core.kiosk import KioskConfig


_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen(mode, context, message) -> None:
    """The offscreen platform warns about a window feature it lacks; nothing is wrong."""
    if message != _OFFSCREEN_NOISE:
        print(message, file=sys.stderr)


def get_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        if app.platformName() == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        app.setApplicationName("ScamSense")
        app.setApplicationDisplayName("ScamSense")
        app.setOrganizationName("ScamSense")
        app.setDesktopFileName("scamsense")
    return app


def set_app_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon  # after the first paint: QIcon's first use costs a few ms

    app.setWindowIcon(QIcon(str(theme.UI_DIR / "icons" / "app.png")))


class _QtTranslations:
    """Qt's own strings (context menus, dialog buttons) follow the app's language.

    Loaded after the first paint: the home screen shows none of them.
    """

    def __init__(self, app: QApplication):
        self.app = app
        self.translator = None
        self._loaded: dict = {}  # locale -> QTranslator or None; one each: a kiosk switches all day

    def load(self, locale: str) -> None:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        if locale == i18n.SOURCE_LOCALE:
            return
        if locale not in self._loaded:
            translator = QTranslator(self.app)
            ok = translator.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            self._loaded[locale] = translator if ok else None
        translator = self._loaded[locale]
        if translator is not None:
            self.app.installTranslator(translator)
            self.translator = translator


def build_window(
    roots: Roots,
    lang: str | None = None,
    region: str | None = None,
    store: SettingsStore | None = None,
    kiosk: KioskConfig | None = None,
) -> MainWindow:
    """Everything up to a ready main window (not shown). Tests and --self-test use it too.

    With ``kiosk`` (a loaded configuration) the window is wired for kiosk mode (ui/kiosk.py):
    nothing is saved, and ``window.kiosk.start()`` shows it fullscreen on the attract screen.
    """
    from ui import accessibility

    app = get_app()
    system_scale = accessibility.system_text_scale()  # before our own font is set
    theme.load_fonts()
    if kiosk is not None:
        store = SettingsStore(persistent=False)  # a kiosk keeps nothing of anyone
    store = store or SettingsStore()
    first_run = store.persistent and not store.path.exists()
    settings = store.load()
    warnings = [store.warning] if store.warning else []
    follow_system = first_run or kiosk is not None  # what the person chose in Settings wins
    if follow_system:
        settings.text_scale = max(settings.text_scale, system_scale)

    from core.settings import cache_dir

    catalogs = i18n.setup(roots.locale_dir, cache_dir=cache_dir() / "catalogs")
    system_names = [QLocale.system().name()] + i18n.system_locale_names()
    if kiosk is not None and kiosk.languages:
        lang = kiosk.languages[0]
    if kiosk is not None and kiosk.region:
        region = kiosk.region
    candidates = [lang] if lang else ([settings.language] if settings.language else []) + system_names
    locale = i18n.choose_locale([c for c in candidates if c], catalogs.locales())
    i18n.set_locale(locale)
    theme.use_font_for(locale)

    services = Services.create(roots, store, settings, region="CN")
    services.kiosk = kiosk is not None
    services.offered_locales = list(kiosk.languages) if kiosk is not None and kiosk.languages else catalogs.locales()
    chosen_region = region or settings.region
    if chosen_region not in services.regions.regions:
        chosen_region = services.regions.default_for(system_names, locale)
    services.state.set_region(chosen_region)

    qt_translations = _QtTranslations(app)
    services.state.languageChanged.connect(theme.use_font_for)

    def restyle(*_args) -> None:
        theme.apply(app, services.state.text_scale, services.state.high_contrast)

    restyle()
    services.state.textScaleChanged.connect(restyle)
    services.state.contrastChanged.connect(restyle)

    for problem in services.regions.problems + catalogs.problems:
        warnings.append(_("A content file has a problem; the rest of the app works: {problem}").format(problem=problem))
    window = MainWindow(services, warnings)
    window._keep = (qt_translations, restyle)  # owned by the window, live as long as it
    window.resize(1100, 800)

    window.read_aloud = None  # made after the first paint (or now, for a kiosk)
    if kiosk is not None:
        from ui import speech
        from ui.kiosk import KioskController

        window.read_aloud = speech.ReadAloud(parent=window)
        defaults = {"locale": locale, "region": chosen_region, "text_scale": settings.text_scale, "high_contrast": settings.high_contrast}
        window.kiosk = KioskController(window, kiosk, defaults, reader=window.read_aloud)

    def after_start() -> None:
        """What the home screen does not need waits for its first paint: Qt's own translations,
        the window icon, the speech engine, the system's contrast request."""
        from ui import speech

        qt_translations.load(i18n.current_locale())
        services.state.languageChanged.connect(qt_translations.load)
        set_app_icon(app)
        if window.read_aloud is None:
            window.read_aloud = speech.ReadAloud(parent=window)
        speech.attach(window, window.read_aloud)
        if follow_system and accessibility.system_high_contrast():
            services.state.set_high_contrast(True)
            if kiosk is not None:
                window.kiosk.defaults["high_contrast"] = True

    window.firstPainted.connect(after_start)  # the home screen shows first
    return window


def run_app(
    roots: Roots,
    lang: str | None = None,
    region: str | None = None,
    kiosk: bool = False,
    kiosk_config=None,
) -> int:
    app = get_app(sys.argv[:1])
    config = None
    if kiosk:
        from core.kiosk import load_config
        from core.regions import REGION_CODES

        config = load_config(kiosk_config, regions=set(REGION_CODES), locales=i18n.setup(roots.locale_dir).locales())
    window = build_window(roots, lang=lang, region=region, kiosk=config)
    if config is not None:
        window.kiosk.start()
    else:
        window.show()
    return app.exec()
