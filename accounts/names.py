"""Rules for the names readers choose (username, display name), so that none passes for the newsroom or another reader.

Django's UnicodeUsernameValidator still decides which characters a username may hold; these checks come on top:
- a word mixing lookalike letters of two alphabets ("victim" written with a Cyrillic i) is refused, using Unicode's
  confusables data through confusable_homoglyphs. Words each in one alphabet (a Latin and a Han word, a Cyrillic
  name) are fine;
- a name with a newsroom word in it ("editor", "The Newsblog Editors (staff)") is refused, also when its letters are
  lookalikes (a Cyrillic S in "Staff") or fullwidth forms. Staff comments carry their own mark instead.
"""

import re
import unicodedata

from confusable_homoglyphs import confusables
from django.core.exceptions import ValidationError

RESERVED_WORDS = frozenset(
    {
        "admin", "admins", "administrator", "administrators", "editor", "editors", "moderator", "moderators",
        "newsblog", "newsroom", "official", "staff", "superuser", "webmaster",
    }
)  # fmt: skip

MIXED_ALPHABETS = "Use letters from one alphabet in each word: “%(word)s” mixes lookalike letters of two alphabets."
RESERVED = "Names with “%(word)s” in them are kept for the newsroom; choose another name."


def validate_name(value: str) -> None:
    """Refuse a username or display name that could pass for someone else; raises ValidationError."""
    text = unicodedata.normalize("NFKC", value)
    for word in re.findall(r"[^\W_]+", text):
        if confusables.is_dangerous(word):
            raise ValidationError(MIXED_ALPHABETS, code="confusable", params={"word": word})
    skeleton = "".join(_latin_lookalike(char) for char in text).casefold()
    words = re.findall(r"[^\W\d_]+", skeleton)
    for word in [*words, "".join(words)]:  # "The Editors", and also "e.d.i.t.o.r"
        if word in RESERVED_WORDS:
            raise ValidationError(RESERVED, code="reserved", params={"word": word})


def _latin_lookalike(char: str) -> str:
    """The Latin letter a non-ASCII character passes for (Cyrillic "\u0435" → "e"), or the character itself. ASCII
    is kept as typed, so that "admin1" stays a different word from "adminl"."""
    if char.isascii():
        return char
    for found in confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []:
        for homoglyph in found["homoglyphs"]:
            if homoglyph["c"].isascii() and homoglyph["c"].isalpha():
                return homoglyph["c"]
    return char
