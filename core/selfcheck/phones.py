"""Phone numbers, read without the network.

Two findings:

* ``phone_overseas``: an international number whose country calling code is one
  that scam call centres use (listed in content/selfcheck/links.yaml), or any
  number written with a leading 00 (an international prefix on a call display).
* ``phone_spoofed_official``: an official short number (96110, 12381, ...) with a
  leading + or 00, or glued to extra digits. A genuine 96110 call shows the area
  code and 96110 and nothing else.

The country calling code is read by the pinned ``phonenumbers`` package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

# "+855 12 345 678", "00855-12345678", "+63 (0) 900 000 0000": a prefix, then digits with light separators.
NUMBER_RE = re.compile(r"(?<![\w+])(?P<prefix>\+|00)\s?(?P<digits>\d[\d \-()]{2,20}\d)(?!\d)")
PLAIN_RE = re.compile(r"(?<![\d+])(?P<digits>\d{5,20})(?!\d)")


@dataclass
class PhoneLists:
    overseas_codes: frozenset[int] = frozenset()
    official_numbers: tuple[str, ...] = ()


@dataclass
class Phone:
    start: int  # in the norm view
    end: int
    finding: str


def _country_code(digits: str) -> int | None:
    try:
        return phonenumbers.parse("+" + digits, None).country_code
    except phonenumbers.NumberParseException:
        return None


def find_phones(norm: str, lists: PhoneLists) -> list[Phone]:
    found: list[Phone] = []
    for match in NUMBER_RE.finditer(norm):
        digits = re.sub(r"\D", "", match.group("digits"))
        if len(digits) < 3:
            continue
        official = next((n for n in lists.official_numbers if digits.endswith(n) and len(digits) - len(n) <= 4), None)
        if official is not None:
            found.append(Phone(match.start(), match.end(), "phone_spoofed_official"))
            continue
        if len(digits) < 7:
            continue
        code = _country_code(digits)
        if code is None:
            code = next((c for c in lists.overseas_codes if digits.startswith(str(c))), None)
        if code in lists.overseas_codes or match.group("prefix") == "00":
            found.append(Phone(match.start(), match.end(), "phone_overseas"))
    for match in PLAIN_RE.finditer(norm):
        digits = match.group("digits")
        # 96110 glued to extra digits (96110123) is not 96110; the area code form 025-96110 has a hyphen
        for number in lists.official_numbers:
            if len(number) >= 5 and number in digits and digits != number and not digits.endswith(number):
                found.append(Phone(match.start(), match.end(), "phone_spoofed_official"))
                break
    found.sort(key=lambda phone: phone.start)
    return found
