from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import revisions, roles, signals  # noqa: F401  (signals connects its receivers on import)

        revisions.register_models()

        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="articles.roles.sync_roles_after_migrate")
