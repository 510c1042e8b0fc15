"""The newsroom's two roles, as Django groups holding model permissions.

Editors hold everything about content: every article and publishing, categories and the nav order, authors,
corrections, the photo library, tags and comment moderation. Authors write: they create articles, edit their own and
submit them for review, and use the photo library. The per-article half of the rules (whose article, which status)
is enforced in articles/admin.py.

The groups are created by a data migration, and sync_roles() runs again after every `migrate`, so an app whose models
arrive later (comments) has its permissions granted by app label without a migration of its own here.
"""

from django.apps import apps as global_apps
from django.db.models import Q

EDITORS = "Editors"
AUTHORS = "Authors"
ALL = "__all__"  # every permission of the app, including those of models added later

ROLE_PERMISSIONS = {
    EDITORS: {"articles": ALL, "taggit": ALL, "comments": ALL},
    AUTHORS: {
        "articles": {
            "add_article",
            "change_article",
            "view_article",
            "add_articleauthor",
            "change_articleauthor",
            "delete_articleauthor",
            "view_articleauthor",
            "view_author",  # to pick bylines in the author autocomplete
            "view_category",  # to pick a category in its autocomplete
            "view_correction",  # to read corrections editors add to their articles
            # The photo library: upload, search and pick; change only their own uploads (articles/admin.py).
            # Deleting is for editors.
            "add_photo",
            "change_photo",
            "view_photo",
        },
        "taggit": {"view_tag"},
    },
}


def sync_roles(*, group_model, permission_model, using: str) -> None:
    """Create the groups and grant each of them whatever of its permissions exist. Idempotent; revokes nothing."""
    for name, grants in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        wanted = Q()
        for app_label, codenames in grants.items():
            if codenames == ALL:
                wanted |= Q(content_type__app_label=app_label)
            else:
                wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
        group.permissions.add(*permission_model.objects.using(using).filter(wanted))


def sync_roles_after_migrate(sender, *, using, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver: runs after each app's permissions were created by django.contrib.auth."""
    if sender.label not in {app for grants in ROLE_PERMISSIONS.values() for app in grants}:
        return
    try:
        group_model, permission_model = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    except LookupError:
        return
    sync_roles(group_model=group_model, permission_model=permission_model, using=using)
