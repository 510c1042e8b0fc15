"""Formatting only: no queries, no decisions about what a reader may see."""

import json

from django import template
from django.core.files.storage import default_storage
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from articles.images import pick_rendition

register = template.Library()


@register.filter
def json_ld(data):
    """Serialize structured data for a <script type="application/ld+json"> block.

    The same escaping as Django's json_script: <, > and & become \\uXXXX, so no string can close the script element.
    """
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_json_script_escapes))  # noqa: S308


@register.filter
def reading_time(minutes):
    return f"{minutes} min read"


@register.filter
def srcset(renditions, kind):
    """`url 480w, url 800w, ...` for one kind of rendition ("webp" or "jpeg") from Article.photo_renditions."""
    entries = (renditions or {}).get(kind, [])
    return ", ".join(f"{default_storage.url(entry['name'])} {entry['width']}w" for entry in entries)


@register.filter
def rendition_url(renditions, width):
    """The URL of the narrowest JPEG rendition at least `width` pixels wide (or the widest there is); "" if none."""
    entry = pick_rendition(renditions, int(width))
    return default_storage.url(entry["name"]) if entry else ""
