"""The cached pages (articles/caching.py) that show a comment, or a commenter's name, go when it changes.

A comment shows on its article's page when approved, and as a "removed" placeholder when removed; a pending or spam
comment shows to no reader, so posting, editing or rejecting one invalidates nothing."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from accounts.models import Profile
from articles import cache_tags, caching
from comments.models import Comment

SHOWN = frozenset({Comment.Status.APPROVED, Comment.Status.REMOVED})


def _article_page(comment) -> None:
    caching.invalidate(f"article:{comment.article_id}")


@receiver(pre_save, sender=Comment)
def comment_changing(instance, **kwargs):
    """A shown comment about to be edited, held again or rejected."""
    if not instance._state.adding and Comment.objects.filter(pk=instance.pk, status__in=SHOWN).exists():
        _article_page(instance)


@receiver(post_save, sender=Comment)
def comment_saved(instance, **kwargs):
    if instance.status in SHOWN:
        _article_page(instance)


@receiver(post_delete, sender=Comment)
def comment_deleted(instance, **kwargs):
    if instance.status in SHOWN:
        _article_page(instance)


def _name_changed(user_id: int) -> None:
    """The article pages where this user's name shows beside a comment."""
    commented = Comment.objects.filter(user_id=user_id, status__in=SHOWN).values_list("article_id", flat=True)
    caching.invalidate(*cache_tags.article_pages(commented.distinct()))


def _shown_name(display_name: str, username: str) -> str:
    return display_name or username


@receiver(pre_save, sender=Profile)
def profile_changing(instance, **kwargs):
    """Only a change of the name readers see invalidates: saving the profile unchanged must not flush anything."""
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is None:
        return
    before = Profile.objects.filter(pk=instance.pk).values_list("display_name", flat=True).first() or ""
    username = user.get_username()
    if _shown_name(before, username) != _shown_name(instance.display_name, username):
        _name_changed(instance.user_id)


@receiver(post_delete, sender=Profile)
def profile_deleted(instance, **kwargs):
    if instance.display_name:
        _name_changed(instance.user_id)


@receiver(pre_save, sender=get_user_model())
def username_changing(instance, update_fields=None, **kwargs):
    if instance._state.adding or (update_fields is not None and "username" not in update_fields):
        return
    field = instance.USERNAME_FIELD
    before = type(instance).objects.filter(pk=instance.pk).values_list(field, flat=True).first()
    if before is not None and before != instance.get_username():
        _name_changed(instance.pk)
