"""Formatting only: no queries, no decisions about what a reader may see."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

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
