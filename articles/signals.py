"""Cleanup that must happen however a row changes or goes away (admin, shell, a command, a service): files, and the
cached pages that show the row (articles/caching.py). Bulk QuerySet.update() sends no signal: its callers invalidate
(articles/admin.py)."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from articles import cache_tags, caching, images
from articles.models import Article, ArticleAuthor, ArticleRevision, Author, Category, Correction, Photo

PUBLISHED = Article.Status.PUBLISHED


@receiver(pre_save, sender=Article)
def article_leaving(instance, **kwargs):
    """A published (or scheduled) article is about to change: the pages it is on now, by its stored section,
    bylines and tags, must go. Its new ones go after the save."""
    if instance._state.adding:
        return
    if Article.objects.filter(pk=instance.pk, status=PUBLISHED).exists():
        caching.invalidate(*cache_tags.listed_article(instance.pk), schedule=True)


@receiver(post_save, sender=Article)
def article_saved(instance, **kwargs):
    if instance.status == PUBLISHED:
        caching.invalidate(*cache_tags.listed_article(instance.pk), schedule=True)


@receiver(pre_delete, sender=Article)
def article_deleting(instance, **kwargs):
    # Before the delete cascades to its bylines and tags, which say which lists it was on.
    if instance.status == PUBLISHED:
        caching.invalidate(*cache_tags.listed_article(instance.pk), schedule=True)


def _published(article_id) -> bool:
    """Published now or scheduled: bylines and tags of drafts show nowhere."""
    return Article.objects.filter(pk=article_id, status=PUBLISHED).exists()


@receiver(post_save, sender=ArticleAuthor)
@receiver(post_delete, sender=ArticleAuthor)
def byline_changed(instance, **kwargs):
    if _published(instance.article_id):
        caching.invalidate(f"article:{instance.article_id}", f"author:{instance.author_id}", schedule=True)


@receiver(post_save, sender=TaggedItem)
@receiver(post_delete, sender=TaggedItem)
def tagging_changed(instance, **kwargs):
    if instance.content_type_id == ContentType.objects.get_for_model(Article).pk and _published(instance.object_id):
        caching.invalidate(f"article:{instance.object_id}", f"tag:{instance.tag_id}", schedule=True)


@receiver(post_save, sender=Tag)
def tag_renamed(instance, created=False, **kwargs):
    if not created:
        tagged = TaggedItem.objects.filter(tag=instance, content_type=ContentType.objects.get_for_model(Article))
        pages = cache_tags.article_pages(tagged.values_list("object_id", flat=True))
        caching.invalidate(f"tag:{instance.pk}", *pages)


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
def author_changed(instance, **kwargs):
    """The author's page and feed, and the bylines on their articles."""
    pages = cache_tags.article_pages(
        ArticleAuthor.objects.filter(author_id=instance.pk).values_list("article_id", flat=True)
    )
    caching.invalidate(f"author:{instance.pk}", *pages)


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def category_changed(**kwargs):
    # The nav is on every page, and every page's cached data carries the nav's tag too.
    caching.invalidate("nav", schedule=True)


@receiver(post_save, sender=FlatPage)
@receiver(post_delete, sender=FlatPage)
@receiver(m2m_changed, sender=FlatPage.sites.through)
def site_page_changed(**kwargs):
    """About, Contact, Privacy, Corrections: edited in the admin, shown at once."""
    caching.invalidate("pages")


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def correction_changed(instance, **kwargs):
    # A correction moves the article's revised_at (Correction.save): its lastmod in the sitemap too.
    caching.invalidate(f"article:{instance.article_id}", "feeds", "sitemap")


@receiver(post_save, sender=ArticleRevision)
def revision_changed(instance, created=False, **kwargs):
    """A revision withheld from readers or shown again: the article's "What changed" page is tagged as the article."""
    if not created:
        caching.invalidate(f"article:{instance.article_id}")


@receiver(post_save, sender=Photo)
def photo_changed(instance, created=False, **kwargs):
    """New words or crops for a library photo: the pages and lists of the published stories that show it."""
    if not created:
        used_by = Article.objects.filter(status=PUBLISHED, photo=instance)
        caching.invalidate(*cache_tags.listed_articles(used_by), schedule=True)
        # Bodies that show it carry its words and file names in their stored HTML: render them again (each save
        # invalidates that article's pages).
        for article in Article.objects.filter(body_photo_links__photo=instance).distinct():
            article.save(update_fields=["body_html"])


@receiver(post_delete, sender=Photo)
def photo_deleted(instance, **kwargs):
    """However a photo leaves the library, its file and renditions go once the delete commits (but a file that
    another photo still shows: migrated articles could share one)."""
    names = [*images.rendition_files(instance.renditions), *images.crop_files(instance.crops)]
    if not Photo.objects.filter(file=instance.file.name).exists():
        names.append(instance.file.name)
    transaction.on_commit(partial(images.delete_files, names))


@receiver(post_delete, sender=Author)
def author_deleted(instance, **kwargs):
    if instance.portrait:
        transaction.on_commit(partial(images.delete_files, [instance.portrait.name]))
