"""The shipped catalogs: the templates match the sources, every locale is complete."""

import pytest

from core import catalogs
from core.i18n import DOMAINS

SHIPPED = ("zh_CN", "zh_TW")


def test_zh_cn_and_zh_tw_are_shipped(roots):
    assert set(SHIPPED) <= set(catalogs.shipped_locales(roots.app_dir))


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalog_template_is_current(roots, domain):
    problems = catalogs.check_template(roots.app_dir, domain)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", SHIPPED)
def test_every_shipped_locale_is_complete_unfuzzy_and_keeps_placeholders(roots, locale, domain):
    problems = catalogs.check_locale(roots.app_dir, locale, domain)
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(map(str, problems[:30]))
