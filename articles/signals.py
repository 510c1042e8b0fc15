"""Cache cleanup that must happen however a row changes or goes away (admin, shell, a command, a service)."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles import caching, images
from articles.models import Article, Author

USER_MODEL = settings.AUTH_USER_MODEL.lower()
# Every model whose rows show on a public page. Read counters are left out on purpose: they change on every read.
PUBLIC_CONTENT_MODELS = frozenset(
    {
        "articles.article",
        "articles.articleauthor",
        "articles.author",
        "articles.category",  # the nav is cached under the content token too
        "articles.correction",
        "articles.articlerevision",  # the public "What changed" page
        "taggit.tag",
        "taggit.taggeditem",
        "comments.comment",
        USER_MODEL,  # commenters' names
    }
)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def public_content_changed(sender, update_fields=None, created=False, **kwargs):
    label = sender._meta.label_lower
    if label not in PUBLIC_CONTENT_MODELS:
        return
    if label == USER_MODEL and (created or (update_fields is not None and set(update_fields) <= {"last_login"})):
        return  # a new account or a login changes nothing a reader sees
    caching.content_changed()


@receiver(post_delete, sender=Article)
def article_deleted(instance, **kwargs):
    """However an article goes away (admin, shell, a cascade), its photo and renditions go once the delete commits."""
    if instance.photo:
        names = [instance.photo.name, *images.rendition_files(instance.photo_renditions)]
        transaction.on_commit(partial(images.delete_files, names))


@receiver(post_delete, sender=Author)
def author_deleted(instance, **kwargs):
    if instance.portrait:
        transaction.on_commit(partial(images.delete_files, [instance.portrait.name]))
