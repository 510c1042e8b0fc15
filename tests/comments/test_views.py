"""How the discussion shows on the article page, in lists and on #TrendingNews."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles import reads
from articles.models import Article
from comments.models import Comment
from tests.factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db


def comments_section(response):
    html = response.content.decode()
    return html[html.index('<section id="comments"') :]


def position(section, text):
    return section.index(text)


class TestEscaping:
    PAYLOADS = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        '<a href="javascript:alert(1)">click</a>',
        '"><script>alert(2)</script>',
    ]

    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_hostile_markup_is_saved_as_typed_and_shown_escaped(self, regular_client, article, payload):
        regular_client.post(reverse("comments:post", args=[article.slug]), {"body": f"Look: {payload}"})
        assert Comment.objects.get(body__startswith="Look:").body == f"Look: {payload}"
        section = comments_section(Client().get(article.get_absolute_url()))
        assert payload not in section
        assert f"Look: {escape(payload)}" in section

    def test_template_syntax_is_shown_literally(self, article):
        make_comment(article=article, body="{{ 7*7 }} and {% debug %}")
        section = comments_section(Client().get(article.get_absolute_url()))
        assert "{{ 7*7 }} and {% debug %}" in section

    def test_a_javascript_address_is_never_a_link(self, article):
        make_comment(article=article, body="javascript:alert(document.cookie)")
        section = comments_section(Client().get(article.get_absolute_url()))
        assert 'href="javascript' not in section
        assert "javascript:alert(document.cookie)" in section

    def test_bare_addresses_become_nofollow_ugc_links_and_paragraphs_are_kept(self, article):
        make_comment(article=article, body="See https://example.com/report?a=1&b=2.\n\nAnd www.example.org\nthanks")
        section = comments_section(Client().get(article.get_absolute_url()))
        assert (
            '<p>See <a href="https://example.com/report?a=1&amp;b=2" rel="nofollow ugc noopener">'
            "https://example.com/report?a=1&amp;b=2</a>.</p>"
        ) in section
        assert '<a href="http://www.example.org" rel="nofollow ugc noopener">www.example.org</a><br>thanks' in section

    def test_email_addresses_are_not_linked(self, article):
        make_comment(article=article, body="Write to me at someone@example.com")
        assert "mailto:" not in comments_section(Client().get(article.get_absolute_url()))


class TestThreads:
    def test_replies_nest_under_their_parent_two_levels_deep(self, client, article):
        top = make_comment(article=article, body="Top-level comment.")
        reply = make_comment(article=article, parent=top, body="A reply.")
        make_comment(article=article, parent=reply, body="A reply to the reply.")
        section = comments_section(client.get(article.get_absolute_url()))
        top_li = section[section.index(f'id="comment-{top.pk}"') :]
        assert top_li.index("A reply.") < top_li.index("A reply to the reply.")
        assert section.count('class="comment-list comment-list--replies"') == 2

    def test_every_reply_sits_in_its_parents_list_item(self, client, article):
        """The list is drawn in one loop that opens and closes reply lists; the nesting a reader (and a screen reader)
        gets must be exactly the thread's."""
        first = make_comment(article=article, body="First thread.")
        second = make_comment(article=article, body="Second thread.")
        reply = make_comment(article=article, parent=first, body="Reply.")
        deep = make_comment(article=article, parent=reply, body="Deep reply.")
        sibling = make_comment(article=article, parent=first, body="Sibling reply.")
        parents = nesting(comments_section(client.get(article.get_absolute_url())))
        assert parents == {first.pk: None, reply.pk: first.pk, deep.pk: reply.pk, sibling.pk: first.pk, second.pk: None}

    def test_deeper_replies_attach_to_the_deepest_shown_level_saying_whom_they_answer(self, client, article):
        top = make_comment(article=article, body="Level zero.")
        one = make_comment(article=article, parent=top, body="Level one.")
        two = make_comment(article=article, parent=one, body="Level two.", user=make_user(username="deep"))
        make_comment(article=article, parent=two, body="Level three.")
        section = comments_section(client.get(article.get_absolute_url()))
        assert section.count('class="comment-list comment-list--replies"') == 2  # never a third nested list
        assert "in reply to deep" in section
        assert position(section, "Level two.") < position(section, "Level three.")

    def test_newest_threads_come_first_and_replies_oldest_first(self, client, article, time_machine):
        time_machine.move_to(timezone.now(), tick=False)
        older = make_comment(article=article, body="Older thread.")
        time_machine.shift(timedelta(minutes=1))
        make_comment(article=article, body="Newer thread.")
        time_machine.shift(timedelta(minutes=1))
        make_comment(article=article, parent=older, body="First reply.")
        time_machine.shift(timedelta(minutes=1))
        make_comment(article=article, parent=older, body="Second reply.")
        section = comments_section(client.get(article.get_absolute_url()))
        assert position(section, "Newer thread.") < position(section, "Older thread.")
        assert position(section, "First reply.") < position(section, "Second reply.")

    def test_reply_links_work_without_javascript(self, regular_client, article):
        parent = make_comment(article=article, body="Answer me.", user=make_user(username="asker"))
        section = comments_section(regular_client.get(article.get_absolute_url()))
        link = f"{article.get_absolute_url()}?reply={parent.pk}#comment-form"
        assert f'href="{link}"' in section
        replying = comments_section(regular_client.get(f"{article.get_absolute_url()}?reply={parent.pk}"))
        assert "Replying to <strong>asker</strong>" in replying
        assert f'name="parent" value="{parent.pk}"' in replying

    @pytest.mark.parametrize("reply", ["abc", "-1", "999999", ""])
    def test_a_bad_reply_parameter_is_ignored(self, regular_client, article, reply):
        response = regular_client.get(article.get_absolute_url(), {"reply": reply})
        assert response.status_code == 200
        assert "Replying to" not in comments_section(response)

    def test_a_pending_comment_cannot_be_replied_to_from_its_link(self, regular_client, regular, article):
        mine = make_comment(article=article, user=regular, status=Comment.Status.PENDING, body="Mine, waiting.")
        section = comments_section(regular_client.get(article.get_absolute_url(), {"reply": mine.pk}))
        assert "Replying to" not in section
        assert f"?reply={mine.pk}" not in section


class TestCounts:
    def test_article_page_counts_approved_comments_only(self, client, article):
        make_comment(article=article)
        make_comment(article=article)
        make_comment(article=article, status=Comment.Status.PENDING)
        make_comment(article=article, status=Comment.Status.SPAM)
        assert '<h3 class="comments__count">2 comments</h3>' in comments_section(client.get(article.get_absolute_url()))

    def test_cards_in_lists_show_approved_comment_counts(self, client, category):
        busy, quiet = make_article(category=category), make_article(category=category)
        for _ in range(3):
            make_comment(article=busy)
        make_comment(article=quiet, status=Comment.Status.PENDING)
        html = client.get(category.get_absolute_url()).content.decode()
        assert '<span class="card__comments">3 comments</span>' in html
        assert html.count('class="card__comments"') == 1

    def test_an_article_with_no_comments_says_so(self, client, article):
        assert "No comments yet." in comments_section(client.get(article.get_absolute_url()))


class TestClosedAndPreview:
    def test_closed_article_shows_why_and_no_form_but_keeps_its_comments(self, client, regular_client, article):
        make_comment(article=article, body="Said before closing.")
        article.comments_open = False
        article.save()
        for viewer in (Client(), regular_client):
            section = comments_section(viewer.get(article.get_absolute_url()))
            assert "Comments are closed on this article." in section
            assert "<textarea" not in section
            assert "You need to login" not in section
            assert "Said before closing." in section
            assert "?reply=" not in section


class TestPagination:
    @pytest.fixture
    def many(self, article, settings):
        settings.COMMENTS_PER_PAGE = 10
        user = make_user()
        now = timezone.now()
        Comment.objects.bulk_create(
            Comment(
                article=article,
                user=user,
                body=f"Thread {n}.",
                body_html=f"<p>Thread {n}.</p>",
                status=Comment.Status.APPROVED,
                created_at=now - timedelta(minutes=1000 - n),
            )
            for n in range(1000)
        )
        return article

    @pytest.mark.parametrize(
        ("page", "shown"), [("-1", 100), ("0", 100), ("abc", 1), ("1e9", 1), ("99999", 100), ("2", 2), ("", 1)]
    )
    def test_odd_page_numbers_are_clamped_never_an_error(self, client, many, settings, page, shown):
        settings.PAGE_CACHE_SECONDS = 0
        response = client.get(many.get_absolute_url(), {"page": page})
        assert response.status_code == 200
        assert response.context["comment_page"].number == shown

    @pytest.fixture
    def reads_held(self, settings):
        """Reads are written every few seconds, not during the measured request; nothing counted here leaks."""
        settings.READS_FLUSH_SECONDS = 3600
        yield
        reads.flush()

    @pytest.mark.parametrize("page", [1, 2, 50, 100])
    def test_every_page_costs_the_same_queries_and_seeks_to_its_threads(
        self, client, many, settings, reads_held, django_assert_num_queries, page
    ):
        """Page 100 seeks to its first thread instead of loading the 990 before it: the same queries as page 1."""
        settings.PAGE_CACHE_SECONDS = 0
        client.get(many.get_absolute_url())
        with django_assert_num_queries(5):  # article, bylines, tags, page starts, the page's threads (no corrections)
            response = client.get(many.get_absolute_url(), {"page": page})
        threads = [entry.comment.body for entry in response.context["comment_page"].threads]
        assert threads == [f"Thread {n}." for n in range(1000 - 10 * (page - 1) - 1, 1000 - 10 * page - 1, -1)]
        assert response.context["comment_page"].num_pages == 100

    def test_a_deep_page_shows_its_threads_replies_at_every_depth(self, client, many, settings):
        settings.PAGE_CACHE_SECONDS = 0
        oldest = Comment.objects.get(body="Thread 0.")
        first = make_comment(article=many, parent=oldest, body="First reply.")
        second = make_comment(article=many, parent=first, body="Second reply.")
        third = make_comment(article=many, parent=second, body="Third reply.")
        html = comments_section(client.get(many.get_absolute_url(), {"page": 100}))
        assert nesting(html)[first.pk] == oldest.pk
        assert nesting(html)[second.pk] == first.pk
        assert nesting(html)[third.pk] == first.pk  # as deep as replies go: shown beside its parent
        assert "First reply." not in comments_section(client.get(many.get_absolute_url(), {"page": 99}))

    def test_reply_links_stay_on_their_page_and_a_target_elsewhere_is_still_found(self, regular_client, many):
        oldest = Comment.objects.get(body="Thread 0.")
        section = comments_section(regular_client.get(many.get_absolute_url(), {"page": 100}))
        assert f"?page=100&amp;reply={oldest.pk}#comment-form" in section
        # A draft's parent, or a hand-made link, may point at a thread of another page.
        section = comments_section(regular_client.get(many.get_absolute_url(), {"reply": oldest.pk}))
        assert "Replying to" in section
        assert f'name="parent" value="{oldest.pk}"' in section

    def test_a_reply_on_an_older_thread_returns_to_that_threads_page(self, regular_client, many):
        oldest = Comment.objects.get(body="Thread 0.")
        response = regular_client.post(
            reverse("comments:post", args=[many.slug]), {"body": "Late reply.", "parent": oldest.pk}
        )
        reply = Comment.objects.get(body="Late reply.")
        assert response["Location"] == f"{many.get_absolute_url()}?page=100#comment-{reply.pk}"
        assert f'id="comment-{reply.pk}"' in regular_client.get(response["Location"]).content.decode()


def test_trending_lists_the_most_commented_stories_of_the_week(client, category):
    busy, quiet, old = (make_article(category=category, headline=h) for h in ("Busy story", "Quiet story", "Old"))
    for _ in range(3):
        make_comment(article=busy)
    make_comment(article=quiet)
    make_comment(article=old, created_at=timezone.now() - timedelta(days=8))
    make_comment(article=quiet, status=Comment.Status.PENDING)
    make_comment(article=quiet, status=Comment.Status.PENDING)
    html = client.get(reverse("articles:trending")).content.decode()
    section = html[html.index("Most commented") :]
    assert section.index("Busy story") < section.index("Quiet story")
    assert ">Old<" not in section


def test_trending_says_so_when_nobody_has_commented(client, article):
    assert "Nobody has commented this week yet." in client.get(reverse("articles:trending")).content.decode()


def test_a_drafts_comment_box_is_not_shown_in_staff_preview(editor_client):
    draft = make_article(status=Article.Status.DRAFT)
    response = editor_client.get(draft.get_absolute_url())
    if response.status_code == 200:  # staff preview (issue 4)
        section = comments_section(response)
        assert "<textarea" not in section
        assert "Comments open once this is published." in section


def test_posting_shows_on_the_next_anonymous_request(regular_client, article):
    anonymous = Client()
    anonymous.get(article.get_absolute_url())
    assert anonymous.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    regular_client.post(reverse("comments:post", args=[article.slug]), {"body": "Fresh off the press."})
    assert "Fresh off the press." in anonymous.get(article.get_absolute_url()).content.decode()


def test_removing_in_bulk_shows_on_the_next_anonymous_request(admin_client, article):
    comment = make_comment(article=article, body="About to be removed.")
    anonymous = Client()
    assert "About to be removed." in anonymous.get(article.get_absolute_url()).content.decode()
    admin_client.post(
        reverse("admin:comments_comment_changelist"), {"action": "remove", "_selected_action": [comment.pk]}
    )
    assert "About to be removed." not in anonymous.get(article.get_absolute_url()).content.decode()


def test_dates_and_names_are_shown_but_never_ip_addresses(client, article):
    make_comment(article=article, ip_address="198.51.100.7", user=make_user(username="namedreader"))
    section = comments_section(client.get(article.get_absolute_url()))
    assert "namedreader" in section
    assert "198.51.100.7" not in section
    assert re.search(r'<time datetime="[^"]+">', section)


def nesting(html: str) -> dict[int, int | None]:
    """{comment id: id of the comment whose <li> it is inside}, from the markup, checking every tag is closed."""
    from html.parser import HTMLParser

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.parents = [], {}

        def handle_starttag(self, tag, attrs):
            if tag in ("li", "ol"):
                ident = dict(attrs).get("id", "")
                pk = int(ident.removeprefix("comment-")) if ident.startswith("comment-") else None
                if pk is not None:
                    self.parents[pk] = next((p for p in reversed(self.open) if isinstance(p, int)), None)
                self.open.append(pk if pk is not None else tag)

        def handle_endtag(self, tag):
            if tag in ("li", "ol"):
                self.open.pop()

    parser = Parser()
    parser.feed(html)
    assert parser.open == [], "unclosed lists or items"
    return parser.parents
