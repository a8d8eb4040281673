"""The controller's toolbox: the domain objects screens are given, created once, lazily.

Screens never receive this object; the factories in ui/wiring.py pick out what
each screen needs. Heavy parts (the content library, Jinja, the checker, the
quiz bank) load on first use, so the home screen shows before they do.
"""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import QObject, Signal

from core import i18n
from core.cli import Roots
from core.regions import RegionFacts, load_regions
from core.settings import Settings, SettingsStore


class AppState(QObject):
    """What the person chose that many screens follow: language and region."""

    languageChanged = Signal(str)
    regionChanged = Signal(str)
    textScaleChanged = Signal(int)
    contrastChanged = Signal(bool)

    def __init__(self, region: str, text_scale: int = 100, high_contrast: bool = False):
        super().__init__()
        self._region = region
        self._text_scale = text_scale
        self._high_contrast = high_contrast
        i18n.add_listener(self._on_language)

    def _on_language(self, locale: str) -> None:
        self.languageChanged.emit(locale)

    @property
    def locale(self) -> str:
        return i18n.current_locale()

    def set_locale(self, locale: str) -> None:
        i18n.set_locale(locale)  # notifies _on_language, which emits languageChanged

    @property
    def region(self) -> str:
        return self._region

    def set_region(self, code: str) -> None:
        if code != self._region:
            self._region = code
            self.regionChanged.emit(code)

    @property
    def text_scale(self) -> int:
        return self._text_scale

    def set_text_scale(self, percent: int) -> None:
        if percent != self._text_scale:
            self._text_scale = percent
            self.textScaleChanged.emit(percent)

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self.contrastChanged.emit(on)

    def close(self) -> None:
        i18n.remove_listener(self._on_language)


class Services:
    def __init__(self, roots: Roots, store: SettingsStore, settings: Settings, state: AppState, regions: RegionFacts):
        self.roots = roots
        self.content_dir = roots.content_dir
        self.locale_dir = roots.locale_dir
        self.store = store
        self.settings = settings
        self.state = state
        self.regions = regions
        self.kiosk = False  # a public touch screen (ui.app sets it from the kiosk configuration)
        self.offered_locales: list[str] | None = None  # the languages to offer; None: every catalog's
        self._loaded_checker = None
        self._checker_loading = None  # the thread loading it ahead of the first check, if any

    @classmethod
    def create(cls, roots: Roots, store: SettingsStore, settings: Settings, region: str) -> "Services":
        from core.settings import cache_dir

        regions = load_regions(roots.content_dir, cache_dir=cache_dir())
        state = AppState(region, settings.text_scale, settings.high_contrast)
        return cls(roots, store, settings, state, regions)

    def region(self):
        """The current region's facts."""
        return self.regions.get(self.state.region)

    def save_settings(self) -> None:
        self.settings.language = self.state.locale
        self.settings.region = self.state.region
        self.settings.text_scale = self.state.text_scale
        self.settings.high_contrast = self.state.high_contrast
        try:
            self.store.save(self.settings)
        except OSError:
            pass  # a read-only profile must not stop the app; the choice holds for this run

    # --- lazily built domain objects -----------------------------------------------------------

    def library(self):
        """Every content file, loaded and checked (once)."""
        return self._library

    def renderer(self):
        """The one Jinja environment (once)."""
        return self._renderer

    @cached_property
    def _library(self):
        from core.content import ContentLibrary

        # each kind is read when a screen asks for it, without the line numbers only the linter needs
        return ContentLibrary.lazy(self.content_dir, lines=False)

    @cached_property
    def _renderer(self):
        from core.render import Renderer

        return Renderer(self.content_dir)

    def checker(self):
        """The self-check's compiled rules (once). Waits for a load ``prepare_checker`` started;
        when that failed, loads here, where what went wrong is raised to the caller."""
        loading = self._checker_loading
        if loading is not None:
            loading.join()
        if self._loaded_checker is None:
            self._loaded_checker = self._load_checker()
        return self._loaded_checker

    def _load_checker(self):
        from core.selfcheck import load_checker

        return load_checker(self.content_dir, self.locale_dir)

    def prepare_checker(self) -> None:
        """Start loading the checker on a background thread (once), so that the first Check
        does not wait about a second for it. Called when someone starts typing or pasting: a
        visit to the screen alone does not load it (it costs about 20 MiB). The thread sees no
        text, only the content files."""
        if self._loaded_checker is not None or self._checker_loading is not None:
            return
        import threading

        def load() -> None:
            try:
                self._loaded_checker = self._load_checker()
            except Exception:  # noqa: BLE001 - checker() loads again on the first check and raises there
                pass

        self._checker_loading = threading.Thread(target=load, name="scamsense-checker-load", daemon=True)
        self._checker_loading.start()
