"""Make the resized copies of every library photo again, e.g. after settings.RENDITION_WIDTHS changed.

Each photo is rebuilt in a transaction of its own: the photo points at its new renditions and the old files are
deleted once that commits, so pages keep working while the command runs, and a failure leaves that photo as it was.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import images, services
from articles.models import Photo


class Command(BaseCommand):
    help = "Regenerate the WebP and JPEG renditions of library photos (all of them, or those of the given stories)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only the lead photos of the stories with these slugs.")

    def handle(self, *args, slugs=(), **options):
        photos = Photo.objects.order_by("pk")
        if slugs:
            photos = photos.filter(articles__slug__in=slugs).distinct()
        rebuilt, failed = 0, []
        for photo in photos.iterator(chunk_size=100):
            try:
                with transaction.atomic():
                    services.rebuild_photo_renditions(photo=photo)
            except (OSError, ValidationError, images.PhotoStorageError) as error:
                failed.append(f"photo {photo.pk}")
                self.stderr.write(f"  photo {photo.pk} ({photo.file.name}): {error}")
                continue
            rebuilt += 1
            if options["verbosity"] >= 2:
                widths = ", ".join(str(entry["width"]) for entry in photo.renditions.get("jpeg", []))
                self.stdout.write(f"  photo {photo.pk}: {widths} px")
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the renditions of {rebuilt} photo(s)."))
        if failed:
            raise CommandError(f"{len(failed)} photo(s) could not be rebuilt: {', '.join(failed)}")
