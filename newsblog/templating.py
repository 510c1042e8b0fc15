"""The Jinja2 environment of the site's own pages (templates/). The admin keeps Django's template language.

Why Jinja2: an uncached article page spent about 2 ms of its ~5 ms in Django's template engine, resolving ~100
variables, ten {% url %} tags and eight includes node by node. Jinja2 compiles each template to Python once, and the
same page renders in a fraction of that (figures in docs/scaling.md).

For anyone used to Django templates (settings.TEMPLATES puts this engine first):
- Methods are called with (): article.get_absolute_url(), form.non_field_errors(). A missing variable or attribute
  prints nothing, as in Django (ChainableUndefined).
- {{ url("articles:tag", slug) }} and {{ static("css/site.css") }} replace {% url %} and {% static %};
  {{ csrf_input }} replaces {% csrf_token %}. |default("x", true) falls back on any false value, like Django's.
- {% cache seconds, "name", key, ... %}...{% endcache %} is Django's fragment cache tag.
- Autoescaping is on; |safe is for body_html alone (house rule 15).
- The apps' formatting filters are named in settings.TEMPLATES (OPTIONS "filters": a dotted path to a dict), so this
  project module imports no app (house rule 28).
"""

import functools
from datetime import datetime

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.core.signals import setting_changed
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from jinja2 import ChainableUndefined, Environment, nodes, pass_context
from jinja2.ext import Extension
from markupsafe import Markup


def environment(*, filters: str | None = None, **options) -> Environment:
    options["undefined"] = ChainableUndefined
    options.pop("autoescape", None)  # always on, whatever the settings say
    env = Environment(autoescape=True, extensions=[FragmentCacheExtension], **options)
    env.globals.update(url=url, static=static, localtime=_localtime)
    env.filters["pluralize"] = pluralize
    for name, function in (import_string(filters) if filters else {}).items():
        env.filters[name] = _in_local_time(function)
    return env


def url(name: str, *args, **kwargs) -> str:
    """{% url %}: reverse() with the route's arguments given positionally or by name."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


# The current time zone travels in the page's context as local_zone (articles.context_processors.site): looking it
# up is a thread-local read, about 4 µs, and an article page prints half a dozen dates. Without it (a template
# rendered with no request), the lookup is made each time.


def _in_local_time(date_filter):
    """`date_filter` given its datetime in the current time zone, as Django's template engine does for its filters."""

    @pass_context
    @functools.wraps(date_filter)
    def in_local_time(context, value, *args):
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(context.get("local_zone") or timezone.get_current_timezone())
        return date_filter(value, *args)

    return in_local_time


def _localtime(value=None, zone=None):
    """timezone.localtime(value): `value` (default now) in the page's time zone, {{ localtime(none, local_zone) }}."""
    return timezone.localtime(value, zone or None)


@functools.cache
def static(path: str) -> str:
    """The URL of a static file: with the manifest storage, its content-hashed name."""
    return staticfiles_storage.url(path)


def _storage_changed(*, setting, **kwargs):
    if setting in {"STORAGES", "STATIC_URL", "STATIC_ROOT"}:  # tests change them; the hashed names change too
        static.cache_clear()


setting_changed.connect(_storage_changed)


class FragmentCacheExtension(Extension):
    """{% cache seconds, "name", key, ... %}...{% endcache %}: the body is rendered once per key and kept for
    `seconds` in the cache Django's own {% cache %} tag uses, under the same kind of key."""

    tags = {"cache"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        arguments = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            arguments.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render", [nodes.List(arguments)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    @staticmethod
    def _render(arguments, caller) -> Markup:
        seconds, name, *vary_on = arguments
        try:
            cache = caches["template_fragments"]
        except InvalidCacheBackendError:
            cache = caches["default"]
        key = make_template_fragment_key(name, vary_on)
        html = cache.get(key)
        if html is None:
            html = str(caller())
            cache.set(key, html, seconds)
        return Markup(html)  # noqa: S704  our own template's output, escaped as it was rendered
