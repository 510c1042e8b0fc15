"""Editors and Authors (articles/roles.py, articles/admin.py): what each may see and do, including forged requests.

An author's browser only offers what they may do; these tests post what a browser would not (rows 50-52 of the
hostile-inputs list) and check that nothing changes.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from articles.models import Article, ArticleAuthor, Author, Category
from tests.articles.admin_posts import article_post
from tests.articles.test_images import jpeg, upload
from tests.factories import make_article, make_author, make_category, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def own_draft(staff_author, **overrides):
    fields = {"status": Article.Status.DRAFT, "published_at": None, "authors": [staff_author.author_profile]}
    return make_article(**fields | overrides)


def snapshot(article):
    article = Article.objects.get(pk=article.pk)
    return (article.headline, article.status, article.published_at, article.featured, article.comments_open)


# --- the groups ---


def permissions_of(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list("content_type__app_label", "codename").distinct()
    )


def test_the_migration_creates_editors_with_every_content_permission():
    editors = permissions_of("Editors")
    for codename in ("publish_article", "change_any_article", "change_category", "change_author", "add_correction"):
        assert ("articles", codename) in editors
    assert ("taggit", "change_tag") in editors
    assert {("comments", "change_comment"), ("comments", "delete_comment")} <= editors, "editors moderate comments"
    assert not any(app == "auth" for app, _ in editors), "editors do not manage logins"


def test_the_migration_creates_authors_who_write_but_never_publish():
    authors = permissions_of("Authors")
    assert {("articles", "add_article"), ("articles", "change_article"), ("articles", "view_category")} <= authors
    forbidden = {"publish_article", "change_any_article", "delete_article", "change_category", "add_category"}
    assert not forbidden & {codename for _, codename in authors}
    assert not any(app in {"auth", "comments"} for app, _ in authors)


# --- what an author sees ---


def test_author_lists_only_their_own_articles(author_client, staff_author):
    mine = own_draft(staff_author, headline="Mine by byline")
    created = make_article(headline="Mine by creation", created_by=staff_author, authors=[])
    make_article(headline="Someone else's")
    response = author_client.get(CHANGELIST)
    assert {a.headline for a in response.context["cl"].result_list} == {mine.headline, created.headline}


def test_author_writes_a_draft_and_submits_it_for_review(author_client, staff_author):
    category = make_category()
    response = author_client.post(ADD, article_post(category=category, status=Article.Status.REVIEW))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert article.created_by == staff_author
    assert article.bylines == [staff_author.author_profile], "their own byline is added for them"


def test_author_is_offered_draft_and_review_only(author_client, staff_author):
    response = author_client.get(change_url(own_draft(staff_author)))
    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == ["draft", "review"]
    for field in ("published_at", "featured", "comments_open"):
        assert field not in response.context["adminform"].form.fields


def test_author_previews_their_own_draft_from_the_admin(author_client, staff_author):
    article = own_draft(staff_author)
    assertContains(author_client.get(change_url(article)), f'href="{article.get_absolute_url()}"')
    assert author_client.get(article.get_absolute_url()).status_code == 200


# --- forged requests (row 51) ---


def test_author_forging_a_publish_on_a_new_article_is_refused(author_client):
    data = article_post(category=make_category(), status="published", featured="on")
    response = author_client.post(ADD, data)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_author_forging_a_publish_of_their_own_draft_is_refused(author_client, staff_author):
    article = own_draft(staff_author)
    before = snapshot(article)
    now = timezone.localtime()
    data = article_post(
        article=article,
        status="published",
        published_at_0=now.strftime("%Y-%m-%d"),
        published_at_1=now.strftime("%H:%M:%S"),
        featured="on",
    )
    response = author_client.post(change_url(article), data)
    assert response.status_code == 200
    assert snapshot(article) == before
    assert not Article.objects.published().exists()


def test_author_forging_featured_schedule_or_closed_comments_changes_none_of_them(author_client, staff_author):
    article = own_draft(staff_author, headline="Before")
    data = article_post(article=article, headline="After", featured="on", published_at_0="2030-01-01")
    data.pop("comments_open")
    assert author_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.featured, article.published_at, article.comments_open) == (
        "After",
        False,
        None,
        True,
    )


def test_author_cannot_open_or_post_to_another_authors_article(author_client):
    other = make_article(status=Article.Status.DRAFT, published_at=None, headline="Not yours")
    before = snapshot(other)
    for response in (
        author_client.get(change_url(other)),
        author_client.post(change_url(other), article_post(article=other, headline="Hijacked")),
        author_client.post(reverse("admin:articles_article_delete", args=[other.pk]), {"post": "yes"}),
        author_client.get(reverse("admin:articles_article_history", args=[other.pk])),
    ):
        # Django's admin answers an object outside get_queryset() with a redirect and "doesn't exist".
        assert response.status_code in {302, 403, 404}
        assert response.status_code != 302 or response.url == reverse("admin:index")
    assert snapshot(other) == before
    assert author_client.get(other.get_absolute_url()).status_code == 404, "no preview of other people's drafts"


def test_author_changes_to_her_published_article_wait_for_an_editor(author_client, staff_author):
    article = make_article(authors=[staff_author.author_profile])
    before = snapshot(article)
    response = author_client.post(change_url(article), article_post(article=article, headline="Rewritten"))
    assert response.status_code == 302
    assert snapshot(article) == before, "staged: readers keep the live version (tests/articles/test_staging.py)"


def test_author_cannot_run_bulk_actions(author_client, staff_author):
    article = own_draft(staff_author)
    response = author_client.get(CHANGELIST)
    assert response.context["action_form"] is None, "no bulk action is offered to an author"
    author_client.post(CHANGELIST, {"action": "publish_now", "_selected_action": [str(article.pk)]})
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_author_cannot_touch_categories_authors_or_users(author_client, staff_author):
    category = make_category(name="Sports")
    other_author = make_author(name="Someone")
    forged = [
        (reverse("admin:articles_category_add"), {"name": "Mine", "slug": "mine", "nav_position": "1"}),
        (reverse("admin:articles_category_change", args=[category.pk]), {"name": "X", "slug": "x", "nav_position": 1}),
        (reverse("admin:articles_author_change", args=[other_author.pk]), {"name": "X", "slug": "x"}),
        (reverse("admin:auth_user_change", args=[staff_author.pk]), {"username": "x", "is_superuser": "on"}),
    ]
    for url, data in forged:
        assert author_client.post(url, data).status_code == 403
    assert author_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert author_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert list(Category.objects.values_list("name", flat=True)) == ["Sports"]
    assert Author.objects.get(pk=other_author.pk).name == "Someone"
    staff_author.refresh_from_db()
    assert not staff_author.is_superuser


def test_author_cannot_move_a_byline_row_from_another_article(author_client, staff_author):
    article = own_draft(staff_author)
    other = make_article()
    foreign = ArticleAuthor.objects.get(article=other)
    data = article_post(
        article=article,
        **{
            "article_authors-TOTAL_FORMS": "1",
            "article_authors-INITIAL_FORMS": "1",
            "article_authors-0-id": str(foreign.pk),
            "article_authors-0-article": str(article.pk),
            "article_authors-0-author": str(staff_author.author_profile.pk),
            "article_authors-0-position": "0",
        },
    )
    author_client.post(change_url(article), data)
    assert ArticleAuthor.objects.get(pk=foreign.pk).article == other


def test_admin_posts_without_a_csrf_token_are_refused(staff_author):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_author)
    response = client.post(ADD, article_post(category=make_category()))
    assert response.status_code == 403
    assert not Article.objects.exists()
    assert client.get(ADD)["X-Frame-Options"] == "DENY"


# --- editors ---


def test_editor_sees_and_publishes_anyones_article(editor_client):
    article = make_article(status=Article.Status.REVIEW, published_at=None)
    assert article in editor_client.get(CHANGELIST).context["cl"].result_list
    response = editor_client.post(change_url(article), article_post(article=article, status="published"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_public


# --- stored XSS (row 50) ---

PAYLOAD = "<img src=x onerror=alert(1)>"


def test_text_an_author_types_is_escaped_on_every_admin_page_and_the_article(author_client, staff_author):
    category = make_category(name=f"Cat {PAYLOAD}", slug="cat")
    data = article_post(
        category=category,
        headline=f"Headline {PAYLOAD}",
        standfirst=f"Standfirst {PAYLOAD}",
        body=f"Body {PAYLOAD}",
        new_tags=f'"tag {PAYLOAD}"',
        photo_alt_override=f"Alt {PAYLOAD}",
        photo_caption_override=f"Caption {PAYLOAD}",
        new_photo_credit=f"Credit {PAYLOAD}",
    )
    data["new_photo"] = upload(jpeg((600, 400)))
    assert author_client.post(ADD, data).status_code == 302
    article = Article.objects.get()
    assert article.photo_caption == f"Caption {PAYLOAD}"
    tag = article.tags.get()

    superuser = make_user(is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(superuser)
    pages = [
        CHANGELIST,
        f"{CHANGELIST}?q=Headline",
        f"{CHANGELIST}?tags__id__exact={tag.pk}",
        f"{CHANGELIST}?category__id__exact={category.pk}",
        change_url(article),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_delete", args=[article.pk]),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:articles_category_changelist"),
        reverse("admin:articles_photo_changelist"),
        reverse("admin:articles_photo_change", args=[article.photo_id]),
        reverse("admin:articles_photo_delete", args=[article.photo_id]),
        article.get_absolute_url(),
    ]
    for url in pages:
        response = admin.get(url)
        assert response.status_code == 200, url
        assert PAYLOAD.encode() not in response.content, url
    assertContains(admin.get(CHANGELIST), "Headline &lt;img src=x onerror=alert(1)&gt;")
    # The tag autocomplete answers JSON, which the admin's select2 inserts as text, never as HTML.
    params = {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "tag"}
    assert admin.get(reverse("admin:autocomplete"), params)["Content-Type"] == "application/json"
