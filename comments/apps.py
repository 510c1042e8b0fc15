from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"

    def ready(self):
        from articles import page_parts
        from comments import discussion, signals  # noqa: F401  (signals connects its receivers on import)

        # The article page, its lists and the admin get the discussion through this one entry point.
        page_parts.register_discussion(discussion)
