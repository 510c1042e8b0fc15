"""reverse(), remembered: the URLs of tags, authors, categories and the site's fixed pages never change while the
process runs, and an uncached article page asked Django's resolver for about ten of them at ~30 µs each."""

import functools

from django.core.signals import setting_changed
from django.urls import get_script_prefix, reverse


def cached_reverse(name: str, *args, **kwargs) -> str:
    """reverse(name, args=args, kwargs=kwargs), worked out once per script prefix."""
    return _reverse(name, args, tuple(kwargs.items()), get_script_prefix())


@functools.lru_cache(maxsize=4096)  # tags, authors and categories fit; article URLs come and go
def _reverse(name: str, args: tuple, kwargs: tuple, prefix: str) -> str:
    return reverse(name, args=args or None, kwargs=dict(kwargs) or None)


def _urls_changed(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:  # tests change them
        _reverse.cache_clear()


setting_changed.connect(_urls_changed)
