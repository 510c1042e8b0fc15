from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from articles import sitemaps

urlpatterns = [
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

# A body over the size limit is 413 rather than a bare 400, and a database outage 503 rather than 500 (#7).
handler400 = "newsblog.errors.bad_request"
handler500 = "newsblog.errors.server_error"
# A missing page offers search and the latest stories.
handler404 = "articles.views.page_not_found"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
