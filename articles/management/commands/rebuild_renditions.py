"""Make the resized copies of every article photo again, e.g. after settings.RENDITION_WIDTHS changed.

Each photo is rebuilt in a transaction of its own: the article points at its new renditions and the old files are
deleted once that commits, so pages keep working while the command runs, and a failure leaves that article as it was.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import images, services
from articles.models import Article


class Command(BaseCommand):
    help = "Regenerate the WebP and JPEG renditions of article photos (all of them, or the given slugs)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only the articles with these slugs.")

    def handle(self, *args, slugs=(), **options):
        articles = Article.objects.exclude(photo="").order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
        rebuilt, failed = 0, []
        for article in articles.iterator(chunk_size=100):
            try:
                with transaction.atomic():
                    services.rebuild_article_renditions(article=article)
            except (OSError, ValidationError, images.PhotoStorageError) as error:
                failed.append(article.slug)
                self.stderr.write(f"  {article.slug}: {error}")
                continue
            rebuilt += 1
            if options["verbosity"] >= 2:
                widths = ", ".join(str(entry["width"]) for entry in article.photo_renditions.get("jpeg", []))
                self.stdout.write(f"  {article.slug}: {widths} px")
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the renditions of {rebuilt} photo(s)."))
        if failed:
            raise CommandError(f"{len(failed)} photo(s) could not be rebuilt: {', '.join(failed)}")
