"""Create the Editors and Authors groups with their permissions (see articles/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles import roles


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are normally created after all migrations have run; create them now so the groups get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    roles.sync_roles(
        group_model=apps.get_model("auth", "Group"), permission_model=apps.get_model("auth", "Permission"), using=using
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name__in=[roles.EDITORS, roles.AUTHORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
