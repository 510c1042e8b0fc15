"""The front page: the lead, the secondary stories, the latest list, a block per section in nav order, and "More
stories" pages that carry on where page 1 stops."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def headlines(html: str) -> list[str]:
    return re.findall(r'<h[23] class="(?:card|story-row)__headline"><a href="[^"]+">([^<]+)</a>', html)


def front_page(client, **params) -> str:
    response = client.get(reverse("articles:home"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def newsroom():
    """Three sections, created out of nav order, with 30 stories between them, the newest first in number."""
    sections = [
        make_category(name="World News", slug="world-news", nav_position=30),
        make_category(name="Business", slug="business", nav_position=10),
        make_category(name="Sports", slug="sports", nav_position=20),
    ]
    now = timezone.now()
    return [
        make_article(headline=f"Story {n:02}", category=sections[n % 3], published_at=now - timedelta(hours=n))
        for n in range(30)
    ]


def test_page_one_has_the_lead_then_four_secondary_stories_then_the_latest(client, newsroom):
    html = front_page(client)
    lead = re.search(r'<section class="lead-story".*?</section>', html, re.S).group(0)
    top = re.search(r'<section class="top-stories".*?</section>', html, re.S).group(0)
    latest = re.search(r'<section class="latest".*?</section>', html, re.S).group(0)
    assert headlines(lead) == ["Story 00"]
    assert headlines(top) == ["Story 01", "Story 02", "Story 03", "Story 04"]
    assert headlines(latest) == [f"Story {n:02}" for n in range(5, 12)]


def test_a_block_per_section_in_nav_order_each_with_a_more_link(client, newsroom):
    html = front_page(client)
    blocks = re.findall(r'<section class="section-block".*?</section>', html, re.S)
    assert [re.search(r'<h2[^>]*><a href="([^"]+)">', block).group(1) for block in blocks] == [
        "/category/business/",
        "/category/sports/",
        "/category/world-news/",
    ]
    assert '<a href="/category/business/">More in Business</a>' in blocks[0]
    # A block leaves out the stories shown above it and keeps three.
    assert headlines(blocks[0]) == ["Story 07", "Story 10", "Story 13"]
    assert headlines(blocks[1]) == ["Story 05", "Story 08", "Story 11"]
    assert headlines(blocks[2]) == ["Story 06", "Story 09", "Story 12"]


def test_more_stories_pages_carry_on_where_page_one_stops(client, newsroom):
    page_one = front_page(client)
    assert '<a rel="next" href="?page=2">More stories</a>' in page_one
    page_two = front_page(client, page=2)
    assert headlines(page_two) == [f"Story {n:02}" for n in range(12, 24)]
    assert 'class="section-block"' not in page_two
    assert "<title>More stories, page 2 | " in page_two
    assert headlines(front_page(client, page=3)) == [f"Story {n:02}" for n in range(24, 30)]


def test_every_published_story_is_reachable_from_the_front_pages(client, newsroom):
    reached = set()
    for page in (1, 2, 3):
        reached.update(headlines(front_page(client, page=page)))
    assert reached == {article.headline for article in newsroom}


def test_a_page_past_the_end_is_404(client, newsroom):
    assert client.get(reverse("articles:home"), {"page": 9}).status_code == 404
