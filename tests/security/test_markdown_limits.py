"""Article bodies that would take Python-Markdown long to convert are refused when saved (finding 5 of issue 14).

Before, "[a](" * 12000 (48 KB) kept a worker busy past gunicorn's 30 s timeout. The worst body still accepted is
measured by `python -m tests.security.markdown_worst_case`, not here."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.markdown_limits import MAX_BODY_CHARS, check_body
from articles.models import Article
from tests.articles.admin_posts import article_post
from tests.factories import make_category

# Each takes seconds to minutes to convert, or overflows the stack, and stays under the length limit.
PATHOLOGICAL = {
    "unclosed links": "[a](" * 12000,
    "unclosed brackets": "[" * 20000,
    "unclosed images": "![a](" * 10000,
    "brackets after emphasis": "*[" * 10000,
    "unclosed tags": "<a " * 20000,
    "unclosed autolinks": "<http://" * 10000,
    "unclosed links before a long paragraph": "[a](" * 300 + "lorem ipsum dolor sit amet " * 3000,
    # 4,000 deep converted in just under the 1 s limit on a faster machine (2026-12-03), so it was accepted there.
    "nested brackets": "[" * 12000 + "a" + "]" * 12000 + "(x)",
    "deep bullet list on one line": "- " * 30000 + "a",
    "deep numbered list on one line": "1. " * 25000 + "a",
    "deep definition lists": "a\n: b\n" * 15000,
    "underlined headings": "a\n=\n" * 20000,
    "abbreviations": "".join(f"*[AB{n}]: x\n" for n in range(3000)) + "\n" + "lorem ipsum " * 3000,
}

ORDINARY = (
    "## A heading\n\nThe council voted **31 to 12** on Tuesday, [the minutes](https://example.org/minutes) say. "
    "Work starts in the spring, and *the first trams* run in 2029.\n\n- One point\n- Another point\n\n"
    "> A quote from someone who was there.\n\n"
)


@pytest.mark.parametrize("body", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_a_body_that_takes_long_to_convert_is_refused(body):
    assert len(body) <= MAX_BODY_CHARS
    with pytest.raises(ValidationError, match="too complex to format") as refused:
        check_body(body)
    assert refused.value.code == "too_complex"


@pytest.mark.parametrize(
    "body",
    [
        ORDINARY * (MAX_BODY_CHARS // len(ORDINARY)),
        "[a link](https://example.org/a) and some words. " * 2000,
        "Prices rose 3 < 4 percent [in brackets] and (in parentheses).\n\n" * 1500,
    ],
    ids=["a long story", "2,000 links", "plain brackets in 1,500 paragraphs"],
)
def test_long_ordinary_bodies_are_accepted(body):
    check_body(body)


def test_a_body_over_the_length_limit_is_refused():
    with pytest.raises(ValidationError, match="under 100,000 characters") as refused:
        check_body("a" * (MAX_BODY_CHARS + 1))
    assert refused.value.code == "too_long"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [("[a](" * 12000, "too complex to format"), ("word " * 20001, "under 100,000 characters")],
    ids=["unclosed links", "too long"],
)
def test_the_admin_refuses_the_body_with_a_message_and_keeps_the_text(author_client, body, message):
    response = author_client.post(
        reverse("admin:articles_article_add"), article_post(category=make_category(), body=body)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert body.strip() in html, "the body is shown back as typed"
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_admin_saves_an_ordinary_body(author_client):
    data = article_post(category=make_category(), body=ORDINARY * 20)
    response = author_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    assert "<h2>A heading</h2>" in Article.objects.get().body_html
