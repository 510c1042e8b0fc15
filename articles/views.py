import functools
import hashlib
import itertools
from operator import attrgetter

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.views import flatpage
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag, TaggedItem

from articles import embeds, page_parts, reads, staging, structured_data
from articles.caching import page_tags, site_state, tag_page, version_of
from articles.forms import SearchForm
from articles.models import Article, Author, Category, Correction, PendingChange
from articles.pagination import ArticlePaginator, count_cache_key
from articles.share import share_links

TRENDING_DAYS = 7
TRENDING_PERIOD = timezone.timedelta(days=TRENDING_DAYS)
TRENDING_SIZE = 10
RELATED_SIZE = 4
SECONDARY_SIZE = 4
SECTION_BLOCK_SIZE = 3
LATEST_ELSEWHERE_SIZE = 5
RELATED_CACHE_SECONDS = 60 * 60
LIST_CACHE_SECONDS = 60 * 60
# published().for_listing() for every list, cloned from one built per process: building the comment-count
# annotation anew took longer than the rest of a list page whose rows come from the cache.
LISTING = Article.objects.for_listing()
# The same for the article page (ArticleDetailView.get_queryset): everything it shows.
ARTICLE_PAGE = (
    Article.objects.select_related("category", "photo")
    .defer("body")
    .with_comment_count()
    .with_bylines()
    .prefetch_related("tags")
    # Most articles have no correction: the article's query says whether there is any, and only then are they read.
    .annotate(has_corrections=Exists(Correction.objects.filter(article=OuterRef("pk"))))
)


def get_listed_or_404(request, model, slug, kind: str):
    """The category, author or tag a list page is about (`kind` is its page-cache tag prefix), which the page is
    then tagged with. The row is cached under that tag's version: every reader of every page of that list needs the
    same row until it changes."""
    digest = hashlib.md5(slug.encode(), usedforsecurity=False).hexdigest()
    pk = cache.get(f"articles:slug:{kind}:{digest}")
    key = f"articles:{kind}:{pk}:{version_of(request, f'{kind}:{pk}')}" if pk is not None else None
    found = cache.get(key) if key else None
    if found is None or found.slug != slug:
        found = get_object_or_404(model, slug=slug)
        cache.set(f"articles:slug:{kind}:{digest}", found.pk, LIST_CACHE_SECONDS)
        cache.set(f"articles:{kind}:{found.pk}:{version_of(request, f'{kind}:{found.pk}')}", found, LIST_CACHE_SECONDS)
    tag_page(request, f"{kind}:{found.pk}")
    return found


def stories(ids: list[int]) -> list[Article]:
    """The listed articles with these ids, in that order."""
    found = LISTING.published().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def latest_stories(request) -> list[Article]:
    """The newest few stories, for pages that would otherwise be a dead end (404, a search with no results):
    cached like the front page, whose changes they follow."""
    key = f"articles:latest:{version_of(request, 'home')}"
    latest = cache.get(key)
    if latest is None:
        latest = list(LISTING.published()[:LATEST_ELSEWHERE_SIZE])
        cache.set(key, latest, LIST_CACHE_SECONDS)
    return latest


def page_not_found(request, exception):
    """handler404: a search box and the latest stories, so a wrong or old address is not a dead end."""
    return render(request, "404.html", {"latest": latest_stories(request)}, status=404)


def site_page(request, url):
    """An About, Contact, Privacy or Corrections page (django.contrib.flatpages), tagged for the page cache: saving
    or deleting the page in the admin invalidates it (articles/signals.py)."""
    tag_page(request, "pages")
    return flatpage(request, url)


def section_blocks(sections) -> list[tuple[Category, list[Article]]]:
    """Each section's newest stories, sections in nav order (`sections`: the nav's items): one query for all of them,
    made of one small index scan per section (article_category_pub_idx), so its cost follows the number of sections,
    not of articles. Numbering every published article per section with a window, as this did first, took 0.4 s of
    PostgreSQL at 100,000 articles on every change to the front page.

    One more story per section than a block shows, so a block stays full when the lead or a secondary story above it
    is left out. No comment counts: the blocks do not print them."""
    newest = Article.objects.published().order_by("-published_at", "-id").values("pk")
    kept = SECTION_BLOCK_SIZE + SECONDARY_SIZE + 1
    in_blocks = Q(pk__in=[])
    for section in sections:
        in_blocks |= Q(pk__in=newest.filter(category_id=section["pk"])[:kept])
    rows = (
        Article.objects.filter(in_blocks)
        .select_related("category", "photo")
        .defer("body", "body_html")
        .order_by("category__nav_position", "category__name", "-published_at", "-id")
    )
    return [(category, list(group)) for category, group in itertools.groupby(rows, key=attrgetter("category"))]


class ArticleListView(ListView):
    """A paginated list of published article cards; subclasses pick the filter and the heading object."""

    paginate_by = settings.ARTICLES_PER_PAGE
    paginator_class = ArticlePaginator
    context_object_name = "articles"

    def get_queryset(self):
        return LISTING.published()

    def get_paginator(self, queryset, per_page, **kwargs):
        key = count_cache_key(version_of(self.request, *page_tags(self.request)), self.request.path, self.request.GET)
        return super().get_paginator(queryset, per_page, count_key=key, **kwargs)


class HomeView(ArticleListView):
    """The front page: the lead, the next stories, a block per section in nav order, and below them the latest list,
    whose further pages ("More stories", /?page=2) carry on where page 1 stops."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        tag_page(self.request, "home")  # before the list: its cache keys follow the page's tags
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1:
            context.update(self.front_page(context["articles"]))
        return context

    def front_page(self, latest) -> dict:
        # The same for every reader until the next change: two queries (the newest featured story, the section
        # blocks) per change. Without a featured story the newest one leads.
        key = f"articles:home:{version_of(self.request, 'home')}"
        front = cache.get(key)
        if front is None:
            sections = section_blocks(site_state(self.request).nav)
            front = {"lead": LISTING.published().filter(featured=True).first(), "sections": sections}
            cache.set(key, front, LIST_CACHE_SECONDS)
        lead = front["lead"] or (latest[0] if latest else None)
        rest = [article for article in latest if article != lead]
        shown = {article.pk for article in [lead, *rest[:SECONDARY_SIZE]] if article}
        sections = [
            (category, [a for a in stories if a.pk not in shown][:SECTION_BLOCK_SIZE])
            for category, stories in front["sections"]
        ]
        return {
            "lead": lead,
            "secondary": rest[:SECONDARY_SIZE],
            "latest": rest[SECONDARY_SIZE:],
            "sections": [(category, stories) for category, stories in sections if stories],
        }


class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_listed_or_404(self.request, Category, self.kwargs["slug"], "section")
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, current_category_slug=self.category.slug, **kwargs)


class AuthorView(ArticleListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_listed_or_404(self.request, Author, self.kwargs["slug"], "author")
        return super().get_queryset().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_listed_or_404(self.request, Tag, self.kwargs["slug"], "tag")
        # EXISTS rather than filter(tags=...): taggit's join casts object_id to bigint, which keeps PostgreSQL off
        # the (content_type, object_id) index; a tag on 30,000 articles took 115 ms, this takes 0.1 ms.
        tagged = TaggedItem.objects.filter(
            tag=self.tag, content_type=ContentType.objects.get_for_model(Article), object_id=OuterRef("pk")
        )
        return super().get_queryset().filter(Exists(tagged))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        # A tag used only on drafts or scheduled stories is not public yet: its name must not show before they do.
        # The list's count is worked out for the pagination anyway, so this costs no query.
        if context["paginator"].count == 0:
            raise Http404("No published story carries this tag.")
        return context


class SearchView(ArticleListView):
    template_name = "articles/search.html"

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET or None)
        response = super().get(request, *args, **kwargs)
        if self.form.is_bound and not self.form.is_valid():
            response.status_code = 400
        return response

    def get_queryset(self):
        tag_page(self.request, "search")  # never stored as a page; its cached counts and fragments follow the tag
        if not self.form.is_valid():
            return Article.objects.none()
        return self.form.search(super().get_queryset())

    def get_context_data(self, **kwargs):
        query = self.form.cleaned_data.get("q", "") if self.form.is_valid() else ""
        context = super().get_context_data(form=self.form, query=query, **kwargs)
        if not context["articles"]:
            context["latest"] = latest_stories(self.request)
        return context


class TrendingView(TemplateView):
    template_name = "articles/trending.html"

    def get_context_data(self, **kwargs):
        tag_page(self.request, "search")  # not a stored page; its cards' fragments follow the tag
        since = timezone.localdate() - timezone.timedelta(days=TRENDING_DAYS - 1)
        most_read = (
            Article.objects.published()
            .for_listing()
            .annotate(recent_reads=Sum("daily_reads__reads", filter=Q(daily_reads__day__gte=since)))
            .filter(recent_reads__gt=0)
            .order_by("-recent_reads", "-published_at")[:TRENDING_SIZE]
        )
        most_commented = (
            Article.objects.published()
            .for_listing()
            .annotate(recent_comments=page_parts.discussion().count_per_article(since=timezone.now() - TRENDING_PERIOD))
            .filter(recent_comments__gt=0)
            .order_by("-recent_comments", "-published_at")[:TRENDING_SIZE]
        )
        return super().get_context_data(
            most_read=most_read, most_commented=most_commented, trending_days=TRENDING_DAYS, **kwargs
        )


def article_page_context(article: Article, *, request) -> dict:
    """What templates/articles/article_detail.html shows about `article`, from the rows the view's queryset brought
    (or, for an article not loaded that way, such as a preview of unsaved changes, with a query per relation)."""
    url = f"{settings.SITE_URL}{article.get_absolute_url()}"
    bylines = [link.author for link in article.article_authors.all()]
    tags = sorted(article.tags.all(), key=attrgetter("name"))
    corrections = list(article.corrections.all()) if getattr(article, "has_corrections", True) else []  # newest first
    # Editorial changes only (Article.revised_at): featuring or photo processing never move it. A draft has no date.
    modified = article.modified_at or article.updated_at
    return {
        "bylines": bylines,
        "canonical_url": url,
        "current_category_slug": article.category.slug,
        "corrections": corrections,
        "embed_origins": embeds.frame_origins(article.body_html),
        "is_preview": not article.is_public,
        "modified_at": modified,
        "share_links": share_links(url=url, title=article.headline),
        "structured_data": structured_data.news_article(
            article, url=url, modified=modified, bylines=bylines, tags=tags
        ),
        "tags": tags,
        # The discussion, from the comments app (articles/page_parts.py).
        **page_parts.discussion().page_context(article=article, request=request),
    }


def allow_frames_from(origins, request, response):
    """Let this one page frame its embeds' players (CSP frame-src), with django-csp's own @csp_update; every other
    page keeps the site's policy, which allows no frames at all."""
    return csp_update({"frame-src": origins})(lambda request: response)(request)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def may_preview(self):
        """Staff who edit articles may see the ones they work on before they are public."""
        user = self.request.user
        return user.is_staff and user.has_perm("articles.change_article")

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        if "changes" in self.request.GET and self.may_preview():
            # Staff preview a live article with its staged changes (articles/staging.py), applied in memory only.
            pending = PendingChange.objects.filter(article=article).first()
            if pending is not None:
                self.previewing_changes = True
                return staging.apply_in_memory(article, pending)
        return article

    def get_queryset(self):
        """Published articles; for staff previews (house rule 10), also the unpublished ones they work on. With
        everything the page shows: category, lead photo and comment count in the article's query, then one query
        each for bylines and tags, and the corrections when there are any."""
        if self.may_preview():
            previewable = Article.objects.published() | Article.objects.editable_by(self.request.user)
            return ARTICLE_PAGE.filter(pk__in=previewable.values("pk"))
        return ARTICLE_PAGE.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if origins := response.context_data["embed_origins"]:
            response = allow_frames_from(origins, request, response)
        if not self.object.is_public or getattr(self, "previewing_changes", False):
            # A preview is never stored by a browser, a proxy or the page cache, and is not a read.
            add_never_cache_headers(response)
            return response
        # Its comments, bylines, tags, related stories and nav are each invalidated by their writes: an exact page.
        tag_page(request, f"article:{self.object.pk}", f"section:{self.object.category_id}", exact=True)
        reads.record_read(self.object.pk, request)
        response.read_article_id = self.object.pk  # the page cache counts a read each time it serves this copy
        return response

    def latest_in_category(self, category_id, section_version: str) -> list[int]:
        """The ids of the category's newest stories, shared by every article page of that category: cached under the
        section's version, so they are exact, and a page costs one query fewer."""
        key = f"articles:latest:{section_version}:{category_id}"
        latest = cache.get(key)
        if latest is None:
            newest = LISTING.published().filter(category_id=category_id).values_list("pk", flat=True)
            latest = list(newest[: RELATED_SIZE + 1])
            cache.set(key, latest, RELATED_CACHE_SECONDS)
        return latest

    def get_context_data(self, **kwargs):
        article = self.object
        section_version = version_of(self.request, f"section:{article.category_id}")
        latest = self.latest_in_category(article.category_id, section_version)
        related = [pk for pk in latest if pk != article.pk][:RELATED_SIZE]
        return super().get_context_data(
            changes_preview=getattr(self, "previewing_changes", False),
            # The related-stories block shows the section's stories (headline and date), so it is cached under the
            # section's version and these ids; the template loads the stories only to render it.
            related=functools.partial(stories, related),
            related_ids="-".join(map(str, related)),
            related_token=section_version,
            **article_page_context(article, request=self.request),
            **kwargs,
        )
