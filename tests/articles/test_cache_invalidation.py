"""A write makes stale exactly the cached pages that show what it changed (articles/caching.py), and nothing else."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_comment, make_user

pytestmark = pytest.mark.django_db


def status(url: str) -> str:
    """Whether an anonymous reader gets `url` from the page cache: "hit" or "miss"."""
    response = Client().get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]


def warm(*urls: str) -> None:
    for url in urls:
        status(url)
        assert status(url) == "hit", url


def html(url: str) -> str:
    return Client().get(url).content.decode()


@pytest.fixture
def site(category, author):
    """Two stories in two sections, each with its own byline and tag, and every page about them cached."""
    economy = make_category(name="Economy", slug="economy")
    other_author = make_author(name="Omar Haddad", slug="omar-haddad")
    story = make_article(headline="Harbour reopens after storm", category=category, authors=[author], tags=["ports"])
    other = make_article(headline="Bakers test a four-day week", category=economy, authors=[other_author])
    pages = {
        "story": story.get_absolute_url(),
        "other": other.get_absolute_url(),
        "home": reverse("articles:home"),
        "section": category.get_absolute_url(),
        "other_section": economy.get_absolute_url(),
        "author": author.get_absolute_url(),
        "other_author": other_author.get_absolute_url(),
        "tag": reverse("articles:tag", args=["ports"]),
        "feed": reverse("articles:feed"),
        "section_feed": reverse("articles:category_feed", args=[category.slug]),
        "sitemap": reverse("sitemap"),
    }
    warm(*pages.values())
    return story, other, pages


def statuses(pages: dict) -> dict:
    return {name: status(url) for name, url in pages.items()}


def missed(pages: dict) -> set:
    return {name for name, state in statuses(pages).items() if state == "miss"}


class TestComments:
    def test_a_pending_comment_invalidates_nothing(self, site):
        story, _, pages = site
        make_comment(article=story, status="pending", body="Waiting for a moderator.")
        assert missed(pages) == set()

    def test_a_comment_shown_at_once_invalidates_its_article_page_only(self, site):
        story, _, pages = site
        make_comment(article=story, body="The ferry was back by noon.")
        assert missed(pages) == {"story"}
        assert "The ferry was back by noon." in html(pages["story"])

    def test_approving_editing_and_removing_a_comment_invalidate_its_article_page_only(self, site):
        story, _, pages = site
        comment = make_comment(article=story, status="pending", body="First version.")
        for change in ({"status": "approved"}, {"body": "Second version."}, {"status": "removed"}):
            for field, value in change.items():
                setattr(comment, field, value)
            comment.save()
            assert missed(pages) == {"story"}, change
        assert "Second version." not in html(pages["story"])

    def test_rejecting_a_pending_comment_as_spam_invalidates_nothing(self, site):
        story, _, pages = site
        comment = make_comment(article=story, status="pending")
        comment.status = "spam"
        comment.save()
        assert missed(pages) == set()

    def test_deleting_a_shown_comment_invalidates_its_article_page(self, site):
        story, _, pages = site
        comment = make_comment(article=story, body="Soon gone.")
        status(pages["story"])
        comment.delete()
        assert missed(pages) == {"story"}
        assert "Soon gone." not in html(pages["story"])


class TestDisplayNames:
    def test_a_name_change_invalidates_the_pages_showing_that_name(self, site):
        story, _, pages = site
        reader = make_user(username="harbourwatcher")
        make_comment(article=story, user=reader)
        status(pages["story"])
        Profile.objects.create(user=reader, display_name="Harbour Watcher")
        assert missed(pages) == {"story"}
        assert "Harbour Watcher" in html(pages["story"])

    def test_a_username_change_invalidates_the_pages_showing_it(self, site):
        story, _, pages = site
        reader = make_user(username="oldname")
        make_comment(article=story, user=reader)
        status(pages["story"])
        reader.username = "newname"
        reader.save()
        assert missed(pages) == {"story"}
        assert "newname" in html(pages["story"])

    def test_a_login_invalidates_nothing(self, site):
        story, _, pages = site
        reader = make_user(username="regular")
        make_comment(article=story, user=reader)
        status(pages["story"])
        response = Client().post(reverse("login"), {"username": "regular", "password": "a-long-test-password"})
        assert response.status_code == 302
        assert missed(pages) == set()

    def test_saving_the_profile_unchanged_invalidates_nothing(self, site):
        story, _, pages = site
        reader = make_user(username="steady")
        Profile.objects.create(user=reader, display_name="Steady Reader")
        make_comment(article=story, user=reader)
        status(pages["story"])
        browser = Client()
        browser.force_login(reader)
        for _ in range(3):
            assert browser.post(reverse("profile"), {"display_name": "Steady Reader"}).status_code == 302
        assert missed(pages) == set()


class TestArticles:
    def test_editing_an_article_invalidates_its_page_and_every_list_it_is_on(self, site):
        story, _, pages = site
        story.headline = "Harbour reopens a day early"
        story.save()
        assert missed(pages) == {"story", "home", "section", "author", "tag", "feed", "section_feed", "sitemap"}
        assert "a day early" in html(pages["section"])

    def test_moving_an_article_invalidates_the_section_it_left(self, site, category):
        story, other, pages = site
        story.category = other.category
        story.save()
        assert {"section", "other_section"} <= missed(pages)
        assert "Harbour reopens" not in html(pages["section"])
        assert "Harbour reopens" in html(pages["other_section"])

    def test_unpublishing_and_deleting_take_it_off_every_list(self, site):
        story, _, pages = site
        story.status = Article.Status.DRAFT
        story.save()
        assert Client().get(pages["story"]).status_code == 404
        assert Client().get(pages["tag"]).status_code == 404  # no published story carries the tag any more
        lists = {name: url for name, url in pages.items() if name not in ("story", "tag")}
        assert missed(lists) == {"home", "section", "author", "feed", "section_feed", "sitemap"}
        assert "Harbour reopens" not in html(pages["home"])
        story.status = Article.Status.PUBLISHED
        story.save()
        warm(*lists.values())
        story.delete()
        assert missed(lists) == {"home", "section", "author", "feed", "section_feed", "sitemap"}

    def test_a_draft_saved_in_the_newsroom_invalidates_nothing(self, site, category):
        _, _, pages = site
        draft = make_article(category=category, status=Article.Status.DRAFT)
        draft.headline = "Still being written"
        draft.save()
        assert missed(pages) == set()

    def test_a_correction_invalidates_its_article_and_the_feeds(self, site):
        story, _, pages = site
        story.corrections.create(text="The harbour reopened on Friday, not Thursday.")
        assert missed(pages) == {"story", "feed", "section_feed", "sitemap"}  # the story's lastmod moves (#13)

    def test_a_byline_name_change_invalidates_the_author_and_their_articles(self, site, author):
        _, _, pages = site
        author.name = "Ayla Demir-Kaya"
        author.save()
        assert missed(pages) == {"story", "author"}
        assert "Ayla Demir-Kaya" in html(pages["story"])

    def test_renaming_a_tag_invalidates_its_page_and_the_articles_carrying_it(self, site):
        story, _, pages = site
        tag = story.tags.get()
        tag.name = "Harbours"
        tag.save()
        assert missed(pages) == {"story", "tag"}
        assert "Harbours" in html(pages["story"])

    def test_a_category_change_invalidates_every_page(self, site, category):
        _, _, pages = site
        category.name = "The World"
        category.save()
        assert missed(pages) == set(pages)


class TestScheduledArticles:
    def test_a_scheduled_article_appears_on_its_lists_on_time_with_no_write(self, site, category, author, time_machine):
        _, _, pages = site
        time_machine.move_to(timezone.now(), tick=False)
        make_article(
            headline="Embargoed: the new port budget",
            category=category,
            authors=[author],
            tags=["ports"],
            published_at=timezone.now() + timedelta(minutes=5),
        )
        warm(*pages.values())
        time_machine.shift(timedelta(minutes=5, seconds=1))  # well within PAGE_CACHE_SECONDS
        assert missed(pages) == {"home", "section", "author", "tag", "feed", "section_feed", "sitemap", "story"}
        for name in ("home", "section", "author", "tag"):
            assert "Embargoed: the new port budget" in html(pages[name]), name


class TestBulkAdminActions:
    """QuerySet.update() sends no signal: the actions invalidate what they change themselves."""

    def test_unpublishing_in_bulk_takes_the_story_off_every_list(self, site, editor_client):
        story, _, pages = site
        changelist = reverse("admin:articles_article_changelist")
        response = editor_client.post(changelist, {"action": "unpublish", "_selected_action": [story.pk]})
        assert response.status_code == 302
        assert Client().get(pages["story"]).status_code == 404
        assert "Harbour reopens" not in html(pages["home"])
        assert "Harbour reopens" not in html(pages["section"])
        assert status(pages["other"]) == "hit"

    def test_approving_comments_in_bulk_shows_them_on_their_article(self, site, editor_client):
        story, _, pages = site
        comment = make_comment(article=story, status="pending", body="Held, then approved in bulk.")
        changelist = reverse("admin:comments_comment_changelist")
        editor_client.post(changelist, {"action": "approve", "_selected_action": [comment.pk]})
        assert missed(pages) == {"story"}
        assert "approved in bulk" in html(pages["story"])


class TestNothingElseInvalidates:
    """Only real writes invalidate; anyone's POSTs to the admin or a refused form do not (issue 14, finding 1)."""

    def test_anonymous_and_failed_admin_posts_invalidate_nothing(self, site):
        _, _, pages = site
        attacker = Client()
        for _ in range(5):
            attacker.post(reverse("admin:logout"))
            attacker.post(reverse("admin:login"), {"username": "admin", "password": "guess"})
        assert missed(pages) == set()

    def test_a_refused_admin_form_invalidates_nothing(self, site, editor_client):
        story, _, pages = site
        response = editor_client.post(reverse("admin:articles_article_change", args=[story.pk]), {"headline": ""})
        assert response.status_code == 200
        assert missed(pages) == set()


class TestSitePages:
    """About, Contact, Privacy, Corrections (django.contrib.flatpages): cached, and fresh as soon as an editor saves."""

    @pytest.fixture
    def about(self, django_capture_on_commit_callbacks):
        from django.contrib.flatpages.models import FlatPage
        from django.contrib.sites.models import Site

        with django_capture_on_commit_callbacks(execute=True):
            page = FlatPage.objects.create(url="/about/", title="About us", content="<p>Who we are.</p>")
            page.sites.add(Site.objects.get_current())
        return page

    def test_an_edit_shows_at_once_and_leaves_other_pages_cached(self, about, django_capture_on_commit_callbacks):
        url, home = reverse("articles:about"), reverse("articles:home")
        warm(url, home)
        with django_capture_on_commit_callbacks(execute=True):
            about.content = "<p>Who we are, and how to reach us.</p>"
            about.save()
        assert "how to reach us" in html(url)
        assert status(home) == "hit"

    def test_a_deleted_page_is_gone_at_once(self, about, django_capture_on_commit_callbacks):
        url = reverse("articles:about")
        warm(url)
        with django_capture_on_commit_callbacks(execute=True):
            about.delete()
        assert Client().get(url).status_code == 404
