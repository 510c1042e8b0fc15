"""Where uploaded files live: Django's FileSystemStorage, with URLs worked out without urljoin().

An article page prints a dozen photo URLs (the srcsets of two formats, the share image); urljoin() was most of what
each cost. For the names a storage hands out (relative, quoted by filepath_to_uri, never with "." or ".." parts),
urljoin(MEDIA_URL, path) is MEDIA_URL + path; anything else still goes through Django's own url().
Shared storage in production (S3 and the like) replaces this class through STORAGES["default"].
"""

from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri


class MediaStorage(FileSystemStorage):
    def url(self, name):
        path = filepath_to_uri(name)
        base = self.base_url
        if path and base and base.endswith("/") and not path.startswith("/"):
            parts = path.split("/")
            if "." not in parts and ".." not in parts and "" not in parts:
                return base + path
        return super().url(name)
