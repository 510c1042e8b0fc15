import pytest

from articles.markdown import render_markdown
from tests.factories import make_article


def test_markdown_becomes_html():
    html = render_markdown("## Background\n\nSome **bold** text and a [link](https://example.org/a).")
    assert "<h2>Background</h2>" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org/a"' in html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">click</a>', "javascript:"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<svg onload="alert(1)"></svg>', "onload"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<p style="position:fixed">x</p>', "style="),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_links_get_a_safe_rel():
    assert 'rel="noopener noreferrer nofollow"' in render_markdown("[a](https://example.org)")


@pytest.mark.django_db
def test_body_html_is_rendered_when_the_article_is_saved():
    article = make_article(body="Hello <script>alert(1)</script> **world**")
    article.refresh_from_db()
    assert "<strong>world</strong>" in article.body_html
    assert "<script" not in article.body_html


@pytest.mark.django_db
def test_saving_only_the_body_still_refreshes_the_html():
    article = make_article(body="old")
    article.body = "**new**"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert "<strong>new</strong>" in article.body_html
