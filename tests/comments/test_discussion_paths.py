"""A reader who is not logged in, on an article with no more than a page of comments, gets the discussion from one
query, without the seek (comments/discussion.py load_page). It must draw exactly what the paged path draws:
placeholders for removed comments with shown replies, nothing for threads with nothing shown, replies past the
deepest level beside their parent."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from comments import discussion
from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_article():
    """Every kind of entry: approved threads, a removed root with an approved reply, a spam thread with nothing shown,
    another reader's pending reply, a removed reply in the middle of a chain, and replies deeper than shown."""
    article = make_article()
    first = make_comment(article=article, body="First thread.")
    reply = make_comment(article=article, parent=first, body="A reply.")
    deeper = make_comment(article=article, parent=reply, body="Deeper.")
    make_comment(article=article, parent=deeper, body="Deeper than replies are drawn.")
    removed_root = make_comment(article=article, status=Comment.Status.REMOVED, body="Removed root.")
    make_comment(article=article, parent=removed_root, body="Answer to a removed comment.")
    make_comment(article=article, status=Comment.Status.SPAM, body="Spam with no replies.")
    make_comment(article=article, parent=first, status=Comment.Status.PENDING, body="Someone else's, held.")
    removed_middle = make_comment(article=article, parent=first, status=Comment.Status.REMOVED, body="Removed reply.")
    make_comment(article=article, parent=removed_middle, body="Reply under a removed reply.")
    return article


def shape(entries):
    return [
        (entry.comment.pk, entry.depth, entry.placeholder, entry.replying_to, entry.reply_url, shape(entry.replies))
        for entry in entries
    ]


def test_one_query_page_draws_what_the_paged_path_draws(busy_article, django_assert_num_queries):
    anonymous = AnonymousUser()
    visible = Comment.objects.visible().filter(article=busy_article).count()
    with django_assert_num_queries(2):
        paged, _ = discussion.load_page(article=busy_article, viewer=anonymous, number=None)
    with django_assert_num_queries(1):
        one_query, entries = discussion.load_page(
            article=busy_article, viewer=anonymous, number=None, visible_count=visible
        )
    assert shape(one_query.threads) == shape(paged.threads)
    assert (one_query.number, one_query.num_pages) == (paged.number, paged.num_pages) == (1, 1)
    drawn = [entry.comment.body for entry in entries.values() if not entry.placeholder]
    assert "Spam with no replies." not in drawn and "Someone else's, held." not in drawn


def test_no_comments_costs_an_anonymous_reader_no_query(django_assert_num_queries):
    article = make_article()
    make_comment(article=article, status=Comment.Status.PENDING)  # someone's, held: nothing to show yet
    with django_assert_num_queries(0):
        page, entries = discussion.load_page(article=article, viewer=AnonymousUser(), number=None, visible_count=0)
    assert (page.threads, entries) == ([], {})


def test_more_than_a_page_of_comments_takes_the_paged_path(settings, busy_article):
    settings.COMMENTS_PER_PAGE = 1  # two threads are shown: two pages
    visible = Comment.objects.visible().filter(article=busy_article).count()
    page, _ = discussion.load_page(article=busy_article, viewer=AnonymousUser(), number="2", visible_count=visible)
    assert (page.number, page.num_pages) == (2, 2)


def test_the_page_a_reader_sees_is_the_same_either_way(client, busy_article, monkeypatch):
    """The whole discussion section as an anonymous reader gets it, with and without the one-query path."""

    def section(html):
        return re.search(r'<section[^>]*id="comments".*?</section>', html, re.S).group(0)

    fast = section(client.get(busy_article.get_absolute_url()).content.decode())
    load_page = discussion.load_page
    monkeypatch.setattr(discussion, "load_page", lambda **kwargs: load_page(**{**kwargs, "visible_count": None}))
    paged = section(client.get(busy_article.get_absolute_url()).content.decode())
    assert fast == paged
    assert "Reply under a removed reply." in fast and "Removed reply." not in fast
