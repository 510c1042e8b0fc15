from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"

    def ready(self):
        from comments import signals  # noqa: F401  (signals connects its receivers on import)
