"""Library photos inside an article body: a `[photo N]` line becomes the same figure as the lead photo, written at
save (articles/markdown.py, templates/includes/body_figure.html); unknown numbers are refused at save."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles import services
from articles.markdown import photo_ids
from tests.articles.admin_posts import article_post, inline_management
from tests.articles.test_images import jpeg, upload
from tests.articles.test_query_counts import ARTICLE_PAGE_QUERIES, NO_CORRECTIONS
from tests.factories import make_article, make_author, make_category

pytestmark = pytest.mark.django_db


def library_photo(**words):
    stored = services.store_photo_upload(upload=upload(jpeg((1000, 600))))
    return services.create_photo(stored=stored, **{"alt": "A photo", "caption": "", "credit": ""} | words)


def figure_of(html: str) -> str:
    start = html.index('<figure class="figure figure--body">')
    return html[start : html.index("</figure>", start) + len("</figure>")]


def test_a_photo_line_becomes_a_figure_with_picture_alt_and_a_caption_ending_in_the_credit():
    photo = library_photo(alt="Cranes over the quay", caption="The port at dawn.", credit="AA Photo")
    article = make_article(body=f"The strike ended.\n\n[photo {photo.pk}]\n\nShips left at noon.")
    figure = figure_of(article.body_html)
    assert figure.index('<source type="image/webp"') < figure.index("<img")
    assert "-480w.webp 480w" in figure and "-1000w.jpeg 1000w" in figure
    assert 'alt="Cranes over the quay"' in figure and 'width="1000" height="600"' in figure
    assert '<figcaption class="figure__caption">The port at dawn. (AA Photo)</figcaption>' in figure
    assert article.body_html.index("The strike ended.") < article.body_html.index("<figure")
    assert "[photo" not in article.body_html


def test_a_photo_line_inside_code_or_a_sentence_stays_text():
    photo = library_photo()
    body = f"Write [photo {photo.pk}] to place it.\n\n```\n\n[photo {photo.pk}]\n\n```"
    article = make_article(body=body)
    assert "<figure" not in article.body_html
    assert photo_ids(body) == []


def test_an_author_cannot_write_the_figure_markup_by_hand():
    article = make_article(body='<figure class="figure"><img src="x" onerror="alert(1)"><figcaption>Hi</figcaption>')
    assert "<img" not in article.body_html and "onerror" not in article.body_html


def test_an_unknown_photo_number_is_reported_at_save_and_nothing_is_saved(editor_client):
    photo = library_photo()
    article = make_article(body="Old body.")
    body = f"New body.\n\n[photo {photo.pk}]\n\n[photo 999999]"
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_post(article=article, body=body)
    )
    assert response.status_code == 200
    assertContains(response, "No photo in the library has the number in [photo 999999].")
    assertContains(response, "[photo 999999]")  # what the editor typed is kept
    article.refresh_from_db()
    assert article.body == "Old body."


def test_the_body_help_text_documents_the_photo_line(editor_client):
    assertContains(editor_client.get(reverse("admin:articles_article_add")), "write [photo 123] on a line of its own")


def test_an_editor_places_a_library_photo_in_the_body(editor_client, client):
    photo = library_photo(caption="The port at dawn.", credit="AA Photo")
    data = article_post(
        category=make_category(),
        body=f"Intro.\n\n[photo {photo.pk}]",
        status="published",
        **inline_management("article_authors", total=1),
        **{"article_authors-0-author": str(make_author().pk), "article_authors-0-position": "0"},
    )
    assert editor_client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = photo.body_uses.get().article
    assertContains(client.get(article.get_absolute_url()), "The port at dawn. (AA Photo)")


def test_a_new_caption_on_the_library_photo_shows_in_the_body_at_once(client):
    photo = library_photo(caption="The port at dawn.", credit="AA Photo")
    article = make_article(body=f"[photo {photo.pk}]")
    assertContains(client.get(article.get_absolute_url()), "The port at dawn. (AA Photo)")
    photo.caption = "The port at noon."
    photo.save()
    assertContains(client.get(article.get_absolute_url()), "The port at noon. (AA Photo)")


def test_a_photo_in_a_body_cannot_be_deleted_and_its_page_says_where(editor_client):
    photo = library_photo()
    article = make_article(body=f"[photo {photo.pk}]", headline="Port strike ends")
    with pytest.raises(ProtectedError):
        photo.delete()
    assertContains(editor_client.get(reverse("admin:articles_photo_change", args=[photo.pk])), "Port strike ends")
    # Taken out of the body, it is free again.
    article.body = "No photo now."
    article.save()
    photo.delete()


def test_body_photos_cost_the_article_page_no_query(client, django_assert_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering the page, not of the page cache
    photos = [library_photo(caption=f"Photo {n}") for n in range(3)]
    article = make_article(body="\n\n".join(f"[photo {photo.pk}]" for photo in photos), photo=photos[0])
    client.get(article.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - NO_CORRECTIONS):
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="figure figure--body"') == 3
