"""A message as a person sees it on a phone: a guide's first message, a quiz question's message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    channel: str  # sms | chat | call | email | ad | social
    sender: str
    text: str
