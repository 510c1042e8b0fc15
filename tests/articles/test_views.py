import re
from datetime import timedelta
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ArticleDailyReads
from tests.factories import as_reader, make_article, make_author, make_category

pytestmark = pytest.mark.django_db

NAV = [
    "#TrendingNews", "Blog", "Business", "Entertainment", "Environment", "Health", "Lifestyle",
    "News Analysis", "Opinion", "Science", "Sports", "Technology", "World News",
]  # fmt: skip


def nav_labels(html):
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'class="site-nav__link[^"]*"[^>]*>([^<]+)</a>', nav)


def test_nav_lists_trending_then_categories_in_nav_order(client):
    # Created out of order on purpose: the nav follows nav_position, not creation or name.
    for position, name in reversed(list(enumerate(NAV[1:]))):
        make_category(name=name, slug=name.lower().replace(" ", "-"), nav_position=position)
    response = client.get(reverse("articles:home"))
    assert nav_labels(response.content.decode()) == NAV


def test_current_category_is_marked_in_the_nav(client, article):
    response = client.get(article.category.get_absolute_url())
    assertContains(response, f'href="{article.category.get_absolute_url()}" aria-current="page"')


def test_home_leads_with_the_latest_featured_story(client):
    make_article(headline="Latest plain story")
    make_article(headline="Older featured story", featured=True, published_at=timezone.now() - timedelta(days=3))
    html = client.get(reverse("articles:home")).content.decode()
    lead = re.search(r'<section class="lead-story".*?</section>', html, re.S).group(0)
    assert "Older featured story" in lead
    assert "Latest plain story" in html


def test_home_with_no_articles_is_friendly(client):
    assertContains(client.get(reverse("articles:home")), "No stories have been published yet.")


class TestArticlePage:
    def test_shows_the_anatomy_in_order(self, client, article):
        html = client.get(article.get_absolute_url()).content.decode()
        positions = [
            html.index('class="article__headline"'),
            html.index('class="byline"'),
            html.index("<figure"),
            html.index('class="article__body"'),
            html.index('class="tags"'),
            html.index("Share This Post On"),
            html.index("Leave a comment"),
        ]
        assert positions == sorted(positions)

    def test_figcaption_ends_with_the_credit_in_parentheses(self, client, article):
        html = client.get(article.get_absolute_url()).content.decode()
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", html, re.S).group(1)
        assert caption.strip() == "Delegates meet in Ankara, May 10, 2026. (AA Photo)"
        assertContains(client.get(article.get_absolute_url()), 'alt="Delegates shake hands"')

    def test_byline_links_authors_and_shows_dates_and_reading_time(self, client, article, author):
        response = client.get(article.get_absolute_url())
        assertContains(response, f'<a href="{author.get_absolute_url()}" rel="author">Ayla Demir</a>')
        assertContains(response, f'datetime="{article.published_at.replace(microsecond=0).isoformat()}"')
        assertContains(response, "1 min read")

    def test_byline_keeps_author_order(self, client):
        first, second = make_author(name="Zeynep Zorlu"), make_author(name="Ali Arslan")
        article = make_article(authors=[first, second])
        assertContains(client.get(article.get_absolute_url()), "Zeynep Zorlu</a> and <a")

    def test_tags_link_to_tag_pages(self, client, article):
        response = client.get(article.get_absolute_url())
        assertContains(response, f'href="{reverse("articles:tag", args=["diplomacy"])}" rel="tag">diplomacy</a>')

    def test_share_links_carry_the_encoded_article_url_and_headline(self, client, settings):
        settings.SITE_URL = "https://news.example"
        article = make_article(headline='Rates & "risks" rise', slug="rates-rise")
        html = client.get(article.get_absolute_url()).content.decode()
        share = re.search(r'<section class="share".*?</section>', html, re.S).group(0)
        hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', share)]
        networks = {urlsplit(h).netloc or urlsplit(h).scheme for h in hrefs}
        assert networks == {
            "www.facebook.com", "x.com", "www.linkedin.com", "wa.me", "t.me", "www.reddit.com", "mailto",
        }  # fmt: skip
        url = "https://news.example/articles/rates-rise/"
        facebook = next(h for h in hrefs if "facebook" in h)
        assert f"u={quote(url, safe='')}" in facebook
        reddit = parse_qs(urlsplit(next(h for h in hrefs if "reddit" in h)).query)
        assert reddit == {"url": [url], "title": ['Rates & "risks" rise']}
        assert share.count('rel="noopener noreferrer"') == 7
        assert share.count("aria-label=") == 7

    def test_anonymous_reader_sees_the_login_gate_with_next_back_to_the_comments(self, client, article):
        response = client.get(article.get_absolute_url())
        next_url = quote(f"{article.get_absolute_url()}#comments", safe="/")
        assertContains(response, "You need to login to leave a comment.")
        assertContains(response, f'<a href="{reverse("login")}?next={next_url}">Log-in</a>')

    def test_has_canonical_open_graph_and_news_article_json_ld(self, client, article, settings):
        settings.SITE_URL = "https://news.example"
        response = client.get(article.get_absolute_url())
        canonical = f"https://news.example{article.get_absolute_url()}"
        assertContains(response, f'<link rel="canonical" href="{canonical}">')
        assertContains(response, '<meta property="og:image" content="https://news.example/media/photos/')
        assertContains(response, '<meta name="description" content="The standfirst')
        data = response.context["structured_data"]
        assert data["@type"] == "NewsArticle"
        assert data["image"]["creditText"] == "AA Photo"
        assertContains(response, '<script type="application/ld+json">{"@context": "https://schema.org"')

    def test_json_ld_cannot_be_broken_out_of(self, client):
        article = make_article(headline="</script><script>alert(1)</script>")
        html = client.get(article.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        assert "<" not in block

    def test_body_script_never_reaches_the_page(self, client):
        article = make_article(body='Hi <script>alert("x")</script> <img src=x onerror=alert(1)>')
        response = client.get(article.get_absolute_url())
        assertNotContains(response, 'alert("x")')
        assertNotContains(response, "onerror")

    @pytest.mark.parametrize(
        "overrides",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"published_at": timezone.now() + timedelta(days=1)},
        ],
    )
    def test_unpublished_articles_are_404_for_readers(self, client, overrides):
        article = make_article(**overrides)
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_each_readers_view_counts_one_read(self, client, article):
        client.get(article.get_absolute_url(), **as_reader(1))
        client.get(article.get_absolute_url(), **as_reader(2))
        assert ArticleDailyReads.objects.get(article=article).reads == 2

    def test_a_closed_discussion_is_headed_comments_not_leave_a_comment(self, client):
        article = make_article(comments_open=False)
        html = client.get(article.get_absolute_url()).content.decode()
        assert '<h2 id="comments-heading" class="section-heading">Comments</h2>' in html
        assert "Leave a comment" not in html

    def test_related_stories_come_from_the_same_category(self, client, article):
        sibling = make_article(headline="A sibling story", category=article.category)
        make_article(headline="Elsewhere entirely")
        html = client.get(article.get_absolute_url()).content.decode()
        # After the comments: "Share This Post On" and "Leave a comment" stay together, as on the reference page.
        assert html.index('id="comments"') < html.index('id="related-heading"')
        related = html[html.index('id="related-heading"') : html.index("</main>")]
        assert sibling.headline in related
        assert "Elsewhere entirely" not in related
        assert article.headline not in related

    def test_corrections_show_newest_first_and_move_the_updated_date(self, client, article):
        article.corrections.create(text="An earlier figure was wrong.", created_at=timezone.now() - timedelta(hours=1))
        article.corrections.create(text="The minister's title was wrong.")
        html = client.get(article.get_absolute_url()).content.decode()
        assert '<h2 id="corrections-heading">Correction</h2>' in html
        assert html.index("minister") < html.index("earlier figure")
        assert "Updated <time" in html


class TestListPages:
    def test_category_lists_only_its_published_articles_newest_first(self, client, category):
        old = make_article(category=category, published_at=timezone.now() - timedelta(days=2))
        new = make_article(category=category, published_at=timezone.now() - timedelta(days=1))
        make_article(category=category, status=Article.Status.DRAFT)
        make_article()
        response = client.get(category.get_absolute_url())
        assert list(response.context["articles"]) == [new, old]

    def test_category_paginates_by_twelve(self, client, category):
        for _ in range(13):
            make_article(category=category)
        assert len(client.get(category.get_absolute_url()).context["articles"]) == 12
        page_two = client.get(category.get_absolute_url(), {"page": 2})
        assert len(page_two.context["articles"]) == 1
        assertContains(page_two, "Page 2 of 2")

    @pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1e9", "2.5"])
    def test_bad_page_numbers_are_404_not_500(self, client, category, page):
        make_article(category=category)
        response = client.get(category.get_absolute_url(), {"page": page})
        assert response.status_code == 404

    def test_last_page_keyword_works(self, client, category):
        for _ in range(13):
            make_article(category=category)
        assert client.get(category.get_absolute_url(), {"page": "last"}).context["page_obj"].number == 2

    def test_unknown_category_is_404(self, client):
        assert client.get(reverse("articles:category", args=["nope"])).status_code == 404

    def test_author_page_shows_bio_and_their_articles(self, client, article, author):
        make_article()
        response = client.get(author.get_absolute_url())
        assertContains(response, "Writes about things.")
        assert list(response.context["articles"]) == [article]

    def test_author_page_never_shows_a_login_name(self, client, author, reader):
        author.user = reader
        author.save()
        assertNotContains(client.get(author.get_absolute_url()), reader.username)

    def test_tag_page_lists_tagged_published_articles(self, client, article):
        make_article(tags=["diplomacy"], status=Article.Status.DRAFT)
        response = client.get(reverse("articles:tag", args=["diplomacy"]))
        assert list(response.context["articles"]) == [article]

    def test_unknown_tag_is_404(self, client):
        assert client.get(reverse("articles:tag", args=["no-such-tag"])).status_code == 404


class TestTrending:
    def test_lists_most_read_of_the_week(self, client, time_machine):
        popular, quiet, stale = make_article(), make_article(), make_article()
        for number in range(1, 4):
            client.get(popular.get_absolute_url(), **as_reader(number))
        client.get(quiet.get_absolute_url(), **as_reader())
        time_machine.move_to(timezone.now() - timedelta(days=10))
        client.get(stale.get_absolute_url(), **as_reader())
        time_machine.move_to(timezone.now() + timedelta(days=10))
        response = client.get(reverse("articles:trending"))
        assert list(response.context["most_read"]) == [popular, quiet]

    def test_entries_are_compact_rows_with_rank_section_and_read_count(self, client):
        article = make_article(headline="Harbour bridge reopens")
        ArticleDailyReads.objects.create(article=article, day=timezone.localdate(), reads=3)
        html = client.get(reverse("articles:trending")).content.decode()
        row = re.search(r'<li class="ranked">.*?</li>', html, re.S).group(0)
        assert '<span class="ranked__rank" aria-hidden="true">1</span>' in row
        assert "Harbour bridge reopens</a>" in row
        assert f'>{article.category.name}</a> <span aria-hidden="true">·</span> 3 reads' in row

    def test_trending_is_first_in_the_nav_and_marked_current(self, client):
        html = client.get(reverse("articles:trending")).content.decode()
        assert nav_labels(html)[0] == "#TrendingNews"
        assert 'href="/trending/" aria-current="page"' in html


class TestSearch:
    def test_finds_published_articles_by_words(self, client):
        hit = make_article(headline="Harbour bridge reopens after repairs")
        make_article(headline="Harbour bridge draft", status=Article.Status.DRAFT)
        make_article(headline="Unrelated story")
        response = client.get(reverse("articles:search"), {"q": "harbour bridge"})
        assert list(response.context["articles"]) == [hit]

    def test_headline_matches_rank_above_body_matches(self, client):
        body_hit = make_article(headline="Council budget", body="The harbour was mentioned once.")
        headline_hit = make_article(headline="Harbour tour", published_at=timezone.now() - timedelta(days=5))
        results = list(client.get(reverse("articles:search"), {"q": "harbour"}).context["articles"])
        assert set(results) == {body_hit, headline_hit}
        from django.db import connection

        if connection.vendor == "postgresql":
            assert results[0] == headline_hit

    def test_empty_query_shows_a_prompt(self, client):
        response = client.get(reverse("articles:search"))
        assert response.status_code == 200
        assertContains(response, "Type a few words")

    def test_overlong_query_is_a_400_with_a_message(self, client):
        response = client.get(reverse("articles:search"), {"q": "x" * 201})
        assert response.status_code == 400
        assertContains(response, "at most 200 characters", status_code=400)

    @pytest.mark.parametrize("q", ["<script>alert(1)</script>", "' OR 1=1--", "%00", "\x00", "& | ! :*"])
    def test_hostile_queries_never_500_and_are_escaped(self, client, q):
        response = client.get(reverse("articles:search"), {"q": q})
        assert response.status_code in (200, 400)
        assertNotContains(response, "<script>alert(1)", status_code=response.status_code)


def test_robots_txt_points_at_the_sitemap(client, settings):
    settings.SITE_URL = "https://news.example"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assertContains(response, "Sitemap: https://news.example/sitemap.xml")


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assertContains(response, "We couldn’t find that page", status_code=404)


class TestDeadEnds:
    def test_a_missing_page_offers_search_and_the_latest_stories(self, client):
        make_article(headline="The newest story")
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert 'id="search-q-page"' in html
        latest = html[html.index('id="latest-elsewhere-heading"') :]
        assert "The newest story" in latest

    def test_a_missing_article_offers_them_too(self, client):
        make_article(headline="The newest story")
        response = client.get(reverse("articles:detail", args=["gone"]))
        assert response.status_code == 404
        assertContains(response, "The newest story", status_code=404)

    def test_a_search_with_no_results_offers_search_and_the_latest_stories(self, client):
        make_article(headline="The newest story")
        html = client.get(reverse("articles:search"), {"q": "zebra crossing"}).content.decode()
        assert "No stories match your search." in html
        assert 'id="search-q-page" type="search" name="q" maxlength="200" value="zebra crossing"' in html
        assert "The newest story" in html[html.index('id="latest-elsewhere-heading"') :]

    def test_a_search_with_results_shows_no_extra_box(self, client):
        make_article(headline="Zebra crossing repainted")
        html = client.get(reverse("articles:search"), {"q": "zebra crossing"}).content.decode()
        assert 'id="search-q-page"' not in html
