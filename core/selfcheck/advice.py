"""What to do now: the advice keys a result carries, and their words (ui domain).

The engine returns keys, not sentences, so the CLI and the screen can word them
in the current language. Strings are marked with ``N_`` and translated when shown.
"""

from __future__ import annotations

from core.i18n import N_

ADVICE = {
    "stop_paying": N_("Do not send any money, and do not send more. Stop any transfer you have started."),
    "hang_up": N_("Hang up or stop replying. Then call the organisation yourself on a number you already know, not one from the message."),
    "never_share_code": N_("Never tell anyone a verification code, PIN or password, whoever they say they are."),
    "no_screen_share": N_("Do not install an app or share your screen because someone asked you to. If you already did, turn the phone off the internet and ask for help."),
    "do_not_click": N_("Do not open the link. If you already entered details, change the password and call your bank."),
    "check_with_family": N_("Talk to someone you trust before you do anything. A real official never tells you to keep it secret."),
    "verify_person": N_("Call the person on the number you have always used, or ask something only they would know."),
    "call_helpline": N_("Not sure? Call the anti-fraud helpline for your region."),
    "no_sign_not_proof": N_("No known warning sign was found. That is not proof the message is safe: if it asks for money, a code or a download, check first."),
}

ADVICE_KEYS = tuple(ADVICE)
