"""The page cache: anonymous readers share cached pages, and every change shows on the very next request."""

from datetime import timedelta

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from articles import caching
from articles.models import Article, ArticleDailyReads, Category
from tests.factories import as_reader, make_article, make_category, make_comment

pytestmark = pytest.mark.django_db


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode()


def test_second_anonymous_request_is_served_from_the_cache(client, article):
    first, _ = fetch(client, article.get_absolute_url())
    second, html = fetch(client, article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert article.headline in html
    assert second["ETag"] == first["ETag"]


def test_a_cached_copy_carries_the_headers_the_whole_stack_adds(client, article):
    first, _ = fetch(client, article.get_absolute_url())
    second, _ = fetch(client, article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert second[header] == first[header]


def test_a_copy_made_for_https_is_never_served_over_http(client, settings, article):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(article.get_absolute_url(), secure=True).status_code == 200
    assert client.get(article.get_absolute_url(), secure=True)["X-Page-Cache"] == "hit"
    assert client.get(article.get_absolute_url()).status_code == 301


def test_cached_pages_must_be_revalidated_by_browsers_and_may_be_kept_briefly_by_shared_caches(client, article):
    response, _ = fetch(client, article.get_absolute_url())
    assert set(response["Cache-Control"].split(", ")) == {
        "public",
        "max-age=0",
        "s-maxage=3",
        "stale-while-revalidate=30",
    }
    assert "Cookie" in response["Vary"]


def test_conditional_get_answers_304_from_the_cache_and_from_a_fresh_render(client, article):
    url = article.get_absolute_url()
    fresh, _ = fetch(client, url)
    assert client.get(url, headers={"if-none-match": fresh["ETag"]}).status_code == 304
    article.headline = "A new headline"
    article.save()
    changed = client.get(url, headers={"if-none-match": fresh["ETag"]})
    assert changed.status_code == 200
    assert client.get(url, headers={"if-none-match": changed["ETag"]}).status_code == 304


def test_editing_an_article_shows_on_the_next_request(client, article):
    fetch(client, article.get_absolute_url())
    fetch(client, article.category.get_absolute_url())
    article.headline = "Ministers sign the energy accord"
    article.save()
    for url in (article.get_absolute_url(), article.category.get_absolute_url(), reverse("articles:home")):
        response, html = fetch(client, url)
        assert response["X-Page-Cache"] == "miss"
        assert "Ministers sign the energy accord" in html


def test_publishing_unpublishing_and_deleting_show_on_the_next_request(client, category):
    draft = make_article(headline="A story still in draft", category=category, status=Article.Status.DRAFT)
    home = reverse("articles:home")
    assert "A story still in draft" not in fetch(client, home)[1]
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "A story still in draft" in fetch(client, home)[1]
    assert client.get(draft.get_absolute_url()).status_code == 200
    draft.status = Article.Status.DRAFT
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "A story still in draft" not in fetch(client, home)[1]
    draft.status = Article.Status.PUBLISHED
    draft.save()
    fetch(client, draft.get_absolute_url())
    draft.delete()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_approving_or_removing_a_comment_shows_on_its_article_page_at_once(client, article):
    comment = make_comment(article=article, status="pending", body="A reader's considered view.")
    fetch(client, article.get_absolute_url())
    comment.status = "approved"
    comment.save()
    assert "considered view" in fetch(client, article.get_absolute_url())[1]
    comment.status = "removed"
    comment.save()
    assert "considered view" not in fetch(client, article.get_absolute_url())[1]


def test_a_correction_shows_on_the_next_request(client, article):
    fetch(client, article.get_absolute_url())
    article.corrections.create(text="The treaty was signed on Tuesday, not Monday.")
    assert "not Monday" in fetch(client, article.get_absolute_url())[1]


def test_tag_changes_show_on_the_next_request(client, article):
    fetch(client, article.get_absolute_url())
    article.tags.add("energy-accord")
    assert "energy-accord" in fetch(client, article.get_absolute_url())[1]


def test_renaming_or_reordering_categories_shows_in_the_nav_at_once(client, article):
    other = make_category(name="Economy", slug="economy", nav_position=500)
    fetch(client, article.get_absolute_url())
    other.nav_position = 0
    other.save()
    html = fetch(client, article.get_absolute_url())[1]
    assert html.index(">Economy<") < html.index(f">{article.category.name}<")
    Category.objects.filter(pk=other.pk).update(name="The Economy")  # no signal: must wait for a real change
    article.category.name = "Global"
    article.category.save()
    html = fetch(client, reverse("articles:home"))[1]
    assert ">The Economy<" in html
    assert ">Global<" in html


def test_scheduled_article_appears_at_its_time_without_any_save(client, category, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    scheduled = make_article(
        headline="The embargoed budget story", category=category, published_at=timezone.now() + timedelta(hours=1)
    )
    make_article(category=category)
    assert "embargoed budget" not in fetch(client, reverse("articles:home"))[1]
    assert fetch(client, reverse("articles:home"))[0]["X-Page-Cache"] == "hit"
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    time_machine.shift(timedelta(hours=1, seconds=1))
    response, html = fetch(client, reverse("articles:home"))
    assert response["X-Page-Cache"] == "miss"
    assert "embargoed budget" in html
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_an_article_page_outlives_the_lists_timer_and_still_shows_a_comment_at_once(
    client, settings, article, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    article_url, list_url = article.get_absolute_url(), article.category.get_absolute_url()
    assert [fetch(client, url)[0]["X-Page-Cache"] for url in (article_url, list_url)] == ["miss", "miss"]
    time_machine.shift(timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1))
    # The list shows every story's comment count, which no comment invalidates: its copy is made again on the timer.
    assert fetch(client, list_url)[0]["X-Page-Cache"] == "miss"
    # Everything on the article page is invalidated by the write that changes it: the same copy serves on.
    assert fetch(client, article_url)[0]["X-Page-Cache"] == "hit"
    make_comment(article=article, body="Shown on the next request all the same.")
    response, html = fetch(client, article_url)
    assert response["X-Page-Cache"] == "miss"
    assert "Shown on the next request all the same." in html
    time_machine.shift(timedelta(seconds=settings.EXACT_PAGE_CACHE_SECONDS + 1))
    assert fetch(client, article_url)[0]["X-Page-Cache"] == "miss"  # the safety net's bound


def test_without_redis_a_change_made_in_another_worker_is_seen_on_the_next_request(client, settings, tmp_path, article):
    """Workers of one machine share the token through a file cache; each is a separate process with its own memory."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "worker-one"},
        "page_state": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    settings.PAGE_CACHE_STATE_ALIAS = "page_state"
    fetch(client, article.get_absolute_url())
    assert fetch(client, article.get_absolute_url())[0]["X-Page-Cache"] == "hit"
    Article.objects.filter(pk=article.pk).update(headline="Changed in another worker")
    another_worker = FileBasedCache(str(tmp_path), {})
    generation = another_worker.incr(caching.GENERATION_KEY)
    another_worker.set(f"{caching.TAG_KEY_PREFIX}article:{article.pk}", generation, None)
    response, html = fetch(client, article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Changed in another worker" in html
    assert fetch(client, article.get_absolute_url())[0]["X-Page-Cache"] == "hit"


def test_reads_are_counted_for_pages_served_from_the_cache(client, article):
    for number in range(1, 4):
        client.get(article.get_absolute_url(), **as_reader(number))
    assert client.get(article.get_absolute_url(), **as_reader(4))["X-Page-Cache"] == "hit"
    assert ArticleDailyReads.objects.get(article=article).reads == 4


def test_logged_in_readers_never_get_or_leave_a_cached_page(client, article, reader):
    fetch(client, article.get_absolute_url())
    client.force_login(reader)
    response, html = fetch(client, article.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert reader.username in html
    assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    response, html = fetch(client, article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert reader.username not in html


def test_a_session_or_messages_cookie_bypasses_the_cache(client, article):
    fetch(client, article.get_absolute_url())
    for cookie in ("sessionid", "messages"):
        client.cookies.clear()
        client.cookies[cookie] = "anything"
        assert "X-Page-Cache" not in fetch(client, article.get_absolute_url())[0]


class TestWhatIsNeverStored:
    """Responses that carry anything personal stay out of the cache, whatever the view does."""

    def store_attempt(self, view, path):
        caching.PageCacheMiddleware(view)(RequestFactory().get(path))
        second = RequestFactory().get(path)
        return caching.PageCacheMiddleware(lambda request: HttpResponse("rendered again"))(second)

    def test_a_plain_public_page_is_stored(self, article):
        def view(request):
            request.resolver_match = resolve(article.get_absolute_url())
            caching.tag_page(request, f"article:{article.pk}")
            return HttpResponse("the article")

        assert self.store_attempt(view, article.get_absolute_url()).content == b"the article"

    def test_a_page_that_does_not_say_what_it_shows(self, article):
        def view(request):
            request.resolver_match = resolve(article.get_absolute_url())
            return HttpResponse("the article")

        assert self.store_attempt(view, article.get_absolute_url()).content == b"rendered again"

    def test_a_response_that_used_a_csrf_token(self, article):
        def view(request):
            request.resolver_match = resolve(article.get_absolute_url())
            return HttpResponse(f"<input value='{get_token(request)}'>")

        assert self.store_attempt(view, article.get_absolute_url()).content == b"rendered again"

    def test_a_response_that_sets_a_cookie(self, article):
        def view(request):
            request.resolver_match = resolve(article.get_absolute_url())
            response = HttpResponse("hello")
            response.set_cookie("seen", "1")
            return response

        assert self.store_attempt(view, article.get_absolute_url()).content == b"rendered again"

    def test_a_never_cache_response(self, article):
        @never_cache
        def view(request):
            request.resolver_match = resolve(article.get_absolute_url())
            return HttpResponse("a staff preview")

        assert self.store_attempt(view, article.get_absolute_url()).content == b"rendered again"

    def test_pages_outside_the_public_views(self, db):
        def view(request):
            request.resolver_match = resolve(reverse("articles:search"))
            return HttpResponse("search results")

        assert self.store_attempt(view, reverse("articles:search")).content == b"rendered again"


@pytest.fixture
def redis_page_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsblog.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "pagecachetest",
        }
    }
    settings.PAGE_CACHE_STATE_ALIAS = "default"
    try:
        caching._page_cache().ping()
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")
    caching._page_cache().clear()  # Redis outlives the test database
    caching._known_pages.clear()
    yield
    caching._known_pages.clear()


def test_with_redis_pages_are_served_from_it_and_changes_show_at_once(client, redis_page_cache, article):
    url = article.get_absolute_url()
    first, _ = fetch(client, url)
    second, html = fetch(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert article.headline in html
    assert client.get(url, headers={"if-none-match": second["ETag"]}).status_code == 304
    article.headline = "Changed while cached in Redis"
    article.save()
    response, html = fetch(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "Changed while cached in Redis" in html


def test_with_redis_a_worker_that_knew_a_page_with_other_tags_still_sees_its_change(client, redis_page_cache, article):
    """A hit reads the tags this worker last saw on the page together with the page; another worker may have stored
    the page since with other tags (here: moved to another section), and their changes must show all the same."""
    url = article.get_absolute_url()
    assert fetch(client, url)[0]["X-Page-Cache"] == "miss"
    key = caching._page_key(RequestFactory().get(url))
    # What a worker that last saw another version of the page remembers:
    caching._known_pages[key] = ("nav",)
    assert fetch(client, url)[0]["X-Page-Cache"] == "hit"
    caching._known_pages[key] = ("nav",)
    make_comment(article=article, body="Shown on the next request.")
    response, html = fetch(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "Shown on the next request." in html


def test_with_redis_each_reader_counts_once_whether_the_page_is_served_or_rendered_again(
    client, redis_page_cache, article
):
    """Whether a reader's view is a hit or a render (the copy turned out stale), it is the same read: counted once."""
    url = article.get_absolute_url()

    def view(number):
        return client.get(url, **as_reader(number))["X-Page-Cache"]

    assert [view(1), view(1), view(2)] == ["miss", "hit", "hit"]
    make_comment(article=article, body="Makes the cached copy stale.")
    assert [view(3), view(3), view(1)] == ["miss", "hit", "hit"]
    assert ArticleDailyReads.objects.get(article=article).reads == 3


def test_a_hit_answers_head_with_the_same_headers(client, article):
    url = article.get_absolute_url()
    fetch(client, url)
    hit = client.head(url)
    assert hit.status_code == 200
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == b""
    assert hit["Content-Security-Policy"] and hit["ETag"]
