from django.urls import path

from articles import beacon, feeds, views, what_changed

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("articles/<int:pk>/read.gif", beacon.read_beacon, name="read"),
    path("articles/<slug:slug>/changes/", what_changed.ArticleChangesView.as_view(), name="changes"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category_atom"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("tag/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("trending/", views.TrendingView.as_view(), name="trending"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    # The site's own pages (django.contrib.flatpages, edited in the admin), linked from the footer.
    path("about/", views.site_page, {"url": "/about/"}, name="about"),
    path("contact/", views.site_page, {"url": "/contact/"}, name="contact"),
    path("privacy/", views.site_page, {"url": "/privacy/"}, name="privacy"),
    path("corrections/", views.site_page, {"url": "/corrections/"}, name="corrections"),
]
