"""Which screens exist and what each is given. Controllers wire; views lay out.

Each factory receives the Services and passes a screen only the domain objects it
needs. Screens are built on first visit, so their imports stay off the start-up path.
To add a screen: write a factory here and add it to SCREENS.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.screens.base import Screen
from ui.services import Services


def _home(services: Services) -> Screen:
    from ui.screens.home import HomeScreen

    return HomeScreen(services.state, services.region, available=lambda: SCREENS.keys(), kiosk=services.kiosk)


def _settings(services: Services) -> Screen:
    from ui.screens.settings import SettingsScreen

    from core import i18n

    return SettingsScreen(services.state, services.regions, i18n.catalogs().locales(), on_change=services.save_settings, kiosk=services.kiosk)


def _guides(services: Services) -> Screen:
    from core.guides import GuideBook, load_guides
    from ui.screens.guides import GuidesScreen

    return GuidesScreen(GuideBook(load_guides(services.library())), services.renderer(), services.state, services.region)


def _quiz(services: Services) -> Screen:
    from core.quiz.bank import load_bank
    from core.quiz.progress import open_progress
    from core.settings import data_dir
    from ui.screens.quiz import QuizScreen

    return QuizScreen(lambda: load_bank(services.library()), open_progress(data_dir(), services.kiosk), keyboard=not services.kiosk)


def _selfcheck(services: Services) -> Screen:
    from functools import lru_cache

    from core.selfcheck.cli import type_names
    from ui.screens.selfcheck import SelfCheckScreen
    from ui.theme import PALETTES

    def highlight_colors() -> tuple[str, str, str, str]:
        if services.state.high_contrast:
            p = PALETTES["high_contrast"]
            return p["pressed"], p["text"], p["primary"], p["on_primary"]
        p = PALETTES["normal"]
        return p["medium_bg"], p["text"], p["focus"], p["text"]

    names = lru_cache(maxsize=1)(lambda: type_names(services.content_dir))
    return SelfCheckScreen(
        services.checker,
        services.state,
        services.region,
        names,
        highlight_colors,
        kiosk=services.kiosk,
        prepare=services.prepare_checker,
    )


def _situation(services: Services) -> Screen:
    from ui.screens.situation import SituationScreen

    return SituationScreen(services.state, services.region)


def _workshop(services: Services) -> Screen:
    from core.guides import GuideBook, load_guides
    from core.quiz.bank import load_bank
    from ui.screens.workshop import WorkshopScreen

    book = GuideBook(load_guides(services.library()))
    return WorkshopScreen(book, lambda: load_bank(services.library()), services.renderer(), services.state, services.region)


def _attract(services: Services) -> Screen:
    from functools import lru_cache

    from core import i18n
    from core.guides import load_guides
    from ui.screens.attract import AttractScreen

    rules = lru_cache(maxsize=1)(lambda: tuple(guide.rule for guide in load_guides(services.library())))
    locales = lambda: services.offered_locales or i18n.catalogs().locales()  # noqa: E731
    return AttractScreen(rules, locales, services.state, services.region)


SCREENS: dict[str, Callable[[Services], Screen]] = {
    "home": _home,
    "settings": _settings,
    "guides": _guides,
    "quiz": _quiz,
    "selfcheck": _selfcheck,
    "situation": _situation,
    "workshop": _workshop,
    "attract": _attract,
}
