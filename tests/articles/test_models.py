from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_image_file, make_photo

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_reviews_and_future_articles():
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.REVIEW)
    make_article(published_at=timezone.now() + timedelta(minutes=5))
    assert list(Article.objects.published()) == [visible]


def test_scheduled_article_becomes_public_at_its_time(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    time_machine.shift(timedelta(hours=1, seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_publishing_without_a_date_stamps_now():
    article = make_article(published_at=None)
    assert article.published_at is not None
    assert article.published_at <= timezone.now()


def test_reading_time_is_computed_from_the_body():
    article = make_article(body="word " * 1000)
    assert article.reading_time == 5


def test_photo_requires_alt_text():
    article = make_article(photo=make_image_file(), photo_alt="")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "photo_alt_override" in error.value.message_dict


def test_a_library_photo_with_alt_text_needs_none_from_the_story():
    article = make_article(photo=make_photo(alt="Delegates shake hands"))
    article.full_clean()
    assert article.photo_alt == "Delegates shake hands"


def test_caption_and_credit_are_printed_together():
    article = make_article(
        photo=make_image_file(), photo_caption="Delegates in Ankara, May 10, 2022.", photo_credit="AA Photo"
    )
    assert article.photo_credit_line == "Delegates in Ankara, May 10, 2022. (AA Photo)"


def test_credit_line_without_a_credit_has_no_empty_parentheses():
    article = make_article(photo=make_image_file(), photo_caption="A quiet street.", photo_credit="")
    assert article.photo_credit_line == "A quiet street."


def test_a_story_may_print_its_own_alt_and_caption_but_never_its_own_credit():
    photo = make_photo(alt="A harbour", caption="The harbour at dawn.", credit="AA Photo")
    plain = make_article(photo=photo)
    own = make_article(photo=photo, photo_alt="Fishing boats at the quay", photo_caption="Boats back before the storm.")
    assert (plain.photo_alt, plain.photo_credit_line) == ("A harbour", "The harbour at dawn. (AA Photo)")
    assert (own.photo_alt, own.photo_credit_line) == (
        "Fishing boats at the quay",
        "Boats back before the storm. (AA Photo)",
    )
    photo.refresh_from_db()
    assert (photo.alt, photo.caption) == ("A harbour", "The harbour at dawn.")


def test_an_article_without_a_photo_has_no_photo_words():
    article = make_article()
    assert (article.photo_alt, article.photo_credit_line, article.photo_renditions) == ("", "", {})
