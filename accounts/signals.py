"""A display name shows on cached article pages (beside the user's comments), so a change to it must reach them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Profile
from articles import caching


@receiver(post_save, sender=Profile)
@receiver(post_delete, sender=Profile)
def profile_changed(**kwargs):
    caching.content_changed()
