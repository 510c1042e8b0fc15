"""Finding 9 of #14: a tag that only drafts or scheduled stories carry is as unknown as a tag that does not exist."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def tag_page(client, slug, **params):
    return client.get(reverse("articles:tag", args=[slug]), params)


def test_a_tag_found_only_on_a_draft_is_404_without_its_name(client):
    make_article(tags=["merger-talks-secret"], status=Article.Status.DRAFT)
    response = tag_page(client, "merger-talks-secret")
    unknown = tag_page(client, "no-such-tag-at-all")
    assert response.status_code == unknown.status_code == 404
    # The page tells nothing an unknown tag's page does not (the address itself is echoed in links on both).
    same = unknown.content.decode().replace("no-such-tag-at-all", "merger-talks-secret")
    assert response.content.decode() == same


def test_a_tag_found_only_on_a_scheduled_story_is_404_until_it_is_published(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    make_article(tags=["embargoed"], published_at=timezone.now() + timedelta(hours=1))
    assert tag_page(client, "embargoed").status_code == 404
    time_machine.shift(timedelta(hours=1, seconds=1))
    assert tag_page(client, "embargoed").status_code == 200


def test_a_tag_on_a_published_story_is_listed_on_every_existing_page(client, settings):
    make_article(tags=["open-tag"], headline="The public story")
    response = tag_page(client, "open-tag")
    assert response.status_code == 200
    assert "The public story" in response.content.decode()
    assert tag_page(client, "open-tag", page=2).status_code == 404  # past the end, as for any list
