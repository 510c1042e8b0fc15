"""newsblog.reversing.cached_reverse() gives what reverse() gives, for every kind of route the site has."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from newsblog.reversing import cached_reverse

CASES = [
    ("articles:home", (), {}),
    ("login", (), {}),
    ("articles:detail", (), {"slug": "rain-at-last-in-the-valley"}),
    ("articles:detail", (), {"slug": "a_b-9"}),
    ("comments:post", ("rain-at-last-in-the-valley",), {}),
    ("articles:category", (), {"slug": "world-news"}),
    ("articles:category_atom", (), {"slug": "world-news"}),
    ("articles:tag", (), {"slug": "trade"}),
    ("articles:tag", (), {"slug": "économie"}),  # a <str:> tag slug that reverse() quotes
    ("articles:tag", (), {"slug": "a b&c"}),
    ("comments:edit", (7,), {}),
    ("comments:edit", ("7",), {}),  # an <int:> route given text: not a slug route
]


@pytest.fixture(params=["/", "/news/"], ids=["at the root", "under a script prefix"])
def script_prefix(request):
    set_script_prefix(request.param)
    yield request.param
    set_script_prefix("/")


@pytest.mark.parametrize(("name", "args", "kwargs"), CASES)
def test_the_same_url_as_reverse(script_prefix, name, args, kwargs):
    expected = reverse(name, args=args or None, kwargs=kwargs or None)
    assert expected.startswith(script_prefix)
    assert cached_reverse(name, *args, **kwargs) == expected
    assert cached_reverse(name, *args, **kwargs) == expected  # and again, remembered


@pytest.mark.parametrize(
    ("name", "args", "kwargs"),
    [
        ("articles:detail", (), {"slug": "not/a/slug"}),
        ("articles:detail", (), {"slug": "ünïcode"}),
        ("comments:edit", ("seven",), {}),
        ("articles:detail", ("a-slug", "another"), {}),
    ],
)
def test_what_reverse_refuses_is_refused(name, args, kwargs):
    with pytest.raises(NoReverseMatch):
        reverse(name, args=args or None, kwargs=kwargs or None)
    with pytest.raises(NoReverseMatch):
        cached_reverse(name, *args, **kwargs)
