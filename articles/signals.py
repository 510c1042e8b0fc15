"""Cache cleanup that must happen however a category changes (admin, shell, a command)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.context_processors import forget_nav
from articles.models import Category


@receiver([post_save, post_delete], sender=Category)
def category_changed(**kwargs):
    forget_nav()
