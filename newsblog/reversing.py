"""reverse(), remembered: the site's URLs are worked out once per process instead of on every page.

An uncached article page asked Django's resolver for about ten URLs at ~25 µs each. Fixed URLs (the home page, the
feeds, log-in) are remembered as they are. A URL with one slug in it (an article, its comment form, a tag, an author)
is remembered as the text around the slug: there are too many articles to remember each one's URL, and putting a slug
between two strings is all reverse() would do with it.
"""

import functools
import re

from django.core.signals import setting_changed
from django.urls import NoReverseMatch, get_script_prefix, reverse

# What a slug may hold to be put in a URL as it is: what reverse() would neither quote nor refuse for a <slug:> or
# <str:> parameter. Anything else goes through reverse().
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
# Two stand-ins, to find where the slug goes and check that the route puts it there unchanged.
MARKS = ("slug-mark-a1", "slug-mark-b2")


def cached_reverse(name: str, *args, **kwargs) -> str:
    """reverse(name, args=args, kwargs=kwargs), worked out once per script prefix."""
    prefix = get_script_prefix()
    if len(args) + len(kwargs) == 1:
        [(key, slug)] = kwargs.items() if kwargs else [(None, args[0])]
        if isinstance(slug, str) and PLAIN_SLUG.fullmatch(slug):
            around = _around_slug(name, key, prefix)
            if around is not None:
                return f"{around[0]}{slug}{around[1]}"
    return _reverse(name, args, tuple(kwargs.items()), prefix)


@functools.lru_cache(maxsize=1024)
def _reverse(name: str, args: tuple, kwargs: tuple, prefix: str) -> str:
    return reverse(name, args=args or None, kwargs=dict(kwargs) or None)


@functools.cache
def _around_slug(name: str, key: str | None, prefix: str) -> tuple[str, str] | None:
    """The URL of `name` before and after its one slug (passed as `key`, or positionally), or None if the route
    takes no slug there or changes it on the way into the URL."""

    def url(mark):
        return reverse(name, kwargs={key: mark}) if key else reverse(name, args=[mark])

    try:
        first, second = url(MARKS[0]), url(MARKS[1])
    except NoReverseMatch:
        return None
    head, found, tail = first.partition(MARKS[0])
    return (head, tail) if found and second == f"{head}{MARKS[1]}{tail}" else None


def _urls_changed(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:  # tests change them
        _reverse.cache_clear()
        _around_slug.cache_clear()


setting_changed.connect(_urls_changed)
