"""Media URLs (newsblog/storage.py) are exactly what Django's FileSystemStorage would print, only cheaper."""

import pytest
from django.core.files.storage import FileSystemStorage

from newsblog.storage import MediaStorage

NAMES = [
    "renditions/2026/11/harbour-480.webp",
    "photos/a photo with spaces.jpg",
    "photos/çay-ve-simit.jpg",
    "photos/what?#now.jpg",
    "photos/c:drive.jpg",
    "photos/100%.jpg",
    "/absolute.jpg",
    "./here.jpg",
    "a/../b.jpg",
    "a//b.jpg",
    "",
]


@pytest.mark.parametrize("base_url", ["/media/", "https://cdn.example/media/", "/media"])
@pytest.mark.parametrize("name", NAMES)
def test_urls_match_djangos_file_system_storage(tmp_path, base_url, name):
    ours = MediaStorage(location=tmp_path, base_url=base_url)
    django = FileSystemStorage(location=tmp_path, base_url=base_url)
    assert ours.url(name) == django.url(name)
