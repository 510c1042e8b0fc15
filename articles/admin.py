"""The newsroom: categories, authors and articles in the Django admin, with the editorial workflow and the two roles.

The groups (articles/roles.py) hold the model permissions; the rules about *which* article and *which* status are
enforced here, in the queryset, the permission checks, the form and save_model, never only by hiding a button:
- articles.change_any_article (Editors) sees and edits every article; everyone else only the ones they created or
  are credited on (Article.objects.editable_by), and anything else is "not found";
- only articles.publish_article (Editors) may publish, schedule, feature, close comments or use the bulk actions.
  Others choose draft or in review;
- an edit to a live article is staged (articles/staging.py): readers keep the live version until an editor publishes
  the changes. An author may prepare such changes to her own live story; only an editor publishes them.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminFileWidget, AdminTextareaWidget, AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from taggit.models import Tag
from taggit.utils import parse_tags

from articles import cache_tags, caching, conflicts, images, page_parts, revisions, services
from articles.admin_editing import EditingAdminMixin
from articles.admin_revisions import RevisionsAdminMixin
from articles.admin_staging import NewsroomQueueFilter, StagingAdminMixin
from articles.markdown import photo_ids
from articles.markdown_limits import MAX_BODY_CHARS, check_body
from articles.models import Article, ArticleAuthor, Author, Category, Correction, PendingChange, Photo

PUBLISH = "articles.publish_article"
THUMBNAIL_WIDTH = 80
PREVIEW_WIDTH = 400  # shown at this width; the 800 px rendition keeps it sharp on high-density screens
PORTRAIT_THUMBNAIL_WIDTH = 48
ARTICLE_PHOTO_OVERRIDES = ["photo_alt_override", "photo_caption_override"]
FORM_ONLY_FIELDS = {"new_tags", "new_photo", "new_photo_credit"}


def can_publish(request) -> bool:
    return request.user.has_perm(PUBLISH)


def _image_tag(url: str, width: int, height: int | None, display_width: int):
    display_height = round(height * display_width / width) if height and width else display_width
    return format_html('<img src="{}" alt="" width="{}" height="{}">', url, display_width, display_height)


def _photo_preview(photo: Photo, credit_line: str, *, focal_point: bool = False):
    entry = images.pick_rendition(photo.renditions, PREVIEW_WIDTH * 2)
    url, width, height = (
        (default_storage.url(entry["name"]), entry["width"], entry["height"])
        if entry
        else (photo.url, photo.width, photo.height)
    )
    sizes = ", ".join(str(e["width"]) for e in photo.renditions.get("jpeg", []))
    picture = _image_tag(url, width, height, PREVIEW_WIDTH)
    if focal_point:
        # static/js/focal-point.js sets the focal point fields from a click on the photo, and shows it here.
        picture = format_html(
            '<div class="focal-point" data-focal-point>{}<span class="focal-point__marker" hidden></span></div>'
            '<p class="help">Click the photo on the point that cards and thumbnails must keep in view.</p>',
            picture,
        )
    return format_html(
        '{}<p>{}</p><p class="help">{} by {} pixels; resized copies {} pixels wide.</p>',
        picture,
        credit_line or "No caption or credit yet.",
        photo.width,
        photo.height,
        sizes or "not made yet",
    )


class StoredPhotoForm(forms.ModelForm):
    """A model form whose photo field is stored by articles.services rather than by the model field.

    images.PhotoField has already refused anything that is not a photo we accept. Once the whole form is valid, the
    photo is stored with its renditions, so that a storage failure is an error on this form, with the editor's input
    kept, instead of a server error. `photo_change` then tells save_model what to do: None leaves the photo alone,
    False removes it, a StoredPhoto replaces it.
    """

    photo_field = "photo"  # the form's upload field
    store = staticmethod(services.store_photo_upload)
    model_of_photo = Photo  # where the stored file ends up, and in which field of it
    stored_field = "file"

    def _post_clean(self):
        self.photo_change = None
        upload = None
        if self.photo_field in self.changed_data and self.photo_field in self.cleaned_data:
            value = self.cleaned_data[self.photo_field]
            if value is False:
                self.photo_change = False  # "Clear" ticked: the field is emptied, as Django always does
            elif value:
                upload = value
                self.cleaned_data[self.photo_field] = None  # None: construct_instance leaves the model field alone
        super()._post_clean()
        if upload is None or self.errors:
            return
        try:
            self.photo_change = self.store(upload=upload)
        except images.PhotoStorageError as error:
            self.add_error(self.photo_field, str(error))
            return
        if transaction.get_connection().in_atomic_block:
            # If an inline on the same page is invalid, nothing is saved: the stored files must not stay behind.
            transaction.on_commit(
                partial(
                    services.discard_photo_if_unused,
                    self.photo_change,
                    model=self.model_of_photo,
                    field_name=self.stored_field,
                )
            )


UPLOAD_HELP = (
    "A JPEG, PNG, WebP or GIF photo. Location and camera data are removed, and resized copies for phones "
    "and large screens are made when you save."
)


class ArticleAdminForm(StoredPhotoForm):
    """The story, its lead photo from the library (or a new upload, which joins the library), and publishing."""

    photo_field = "new_photo"
    new_photo = images.PhotoField(
        required=False,
        label="Or upload a new photo",
        widget=forms.FileInput(attrs={"accept": images.ACCEPT}),
        help_text=f"{UPLOAD_HELP} It joins the photo library, with the alt text, caption and credit given here.",
    )
    new_photo_credit = forms.CharField(
        required=False,
        max_length=100,
        label="Credit of the new photo",
        help_text='Shown in parentheses after the caption, e.g. "AA Photo". A library photo keeps its own credit.',
    )
    new_tags = forms.CharField(
        required=False,
        max_length=500,
        help_text="Tags that are not in the list above yet, separated by commas.",
    )
    opened_revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    can_publish = False  # set per request by ArticleAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk is not None and not self.is_bound:
            self.initial[conflicts.FIELD] = revisions.latest_id(self.instance)
        pending = getattr(self.instance, "staged_change", None)
        if pending is not None and "tags" in self.fields and not self.is_bound:
            # The other staged values are on the instance already (ArticleAdmin.get_object).
            self.initial["tags"] = list(Tag.objects.filter(name__in=pending.data["tags"]).values_list("pk", flat=True))

    class Meta:
        model = Article
        # ArticleAdmin narrows this per user (get_readonly_fields); derived fields are not editable at all.
        fields = [
            "headline", "slug", "standfirst", "body", "category", "tags", "photo", "photo_alt_override",
            "photo_caption_override", "status", "published_at", "featured", "comments_open",
        ]  # fmt: skip
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "standfirst": AdminTextareaWidget(attrs={"rows": 3}),
            "photo_alt_override": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "photo_caption_override": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }
        help_texts = {
            "body": (
                f"Markdown, at most {MAX_BODY_CHARS:,} characters. Raw HTML is stripped down to a safe set of tags "
                "when saved. To place a photo from the library with its caption and credit, write [photo 123] on a "
                "line of its own (123: the photo's number in the library). A YouTube, Vimeo, X, Instagram, Bluesky, "
                "Mastodon, Datawrapper or Flourish link on a line of its own becomes an embed."
            )
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        # Saving renders the body in this worker; a body that would take long is refused first (a child process
        # tries it under a CPU limit). An unchanged body was checked when it was saved.
        if "body" in self.changed_data:
            check_body(body)
        wanted = set(photo_ids(body))
        missing = sorted(wanted - set(Photo.objects.filter(pk__in=wanted).values_list("pk", flat=True)))
        if missing:
            numbers = ", ".join(f"[photo {pk}]" for pk in missing)
            raise forms.ValidationError(
                f"No photo in the library has the number in {numbers}. Check the number on the photo's library page."
            )
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Article.Status.PUBLISHED and not self.can_publish:
            self.add_error("status", "Only editors can publish. Choose “In review” to submit the article.")
        # Article.clean() asks for alt text when a library photo has none; a new upload takes it from this form.
        if cleaned.get("new_photo"):
            if cleaned.get("photo"):
                self.add_error("new_photo", "Pick a photo from the library or upload a new one, not both.")
            elif not cleaned.get("photo_alt_override", "").strip():
                self.add_error("photo_alt_override", "Describe the photo for readers who cannot see it.")
        new_tags = parse_tags(cleaned.get("new_tags", ""))
        if new_tags and "tags" in cleaned:
            cleaned["tags"] = [*cleaned["tags"], *new_tags]
        if self.instance.pk is not None:
            self.refuse_a_save_over_a_newer_revision(cleaned)
        return cleaned

    def refuse_a_save_over_a_newer_revision(self, cleaned):
        typed = {name: cleaned[name] for name in revisions.TEXT_FIELDS if name in cleaned}
        self.conflict = conflicts.check(article=self.instance, opened=cleaned.get(conflicts.FIELD) or 0, typed=typed)
        if self.conflict is None:
            return
        # The form comes back with what was typed; saving it again, once merged, is a save over the newest revision.
        self.data = self.data.copy()
        self.data[self.add_prefix(conflicts.FIELD)] = revisions.latest_id(self.instance)
        who = self.conflict.by.get_username() if self.conflict.by else "someone"
        raise forms.ValidationError(
            f"Not saved: {who} saved this article after you opened it. Their changes are shown above and your text "
            "is kept below: merge what you need, then save again.",
            code="conflict",
        )


class AuthorAdminForm(StoredPhotoForm):
    photo_field = "portrait"
    store = staticmethod(services.store_author_portrait)
    model_of_photo = Author
    stored_field = "portrait"
    portrait = images.PhotoField(
        required=False,
        widget=AdminFileWidget(attrs={"accept": images.ACCEPT}),
        help_text="A JPEG, PNG, WebP or GIF photo. Location and camera data are removed.",
    )

    class Meta:
        model = Author
        fields = ["name", "slug", "bio", "portrait", "user"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "nav_position"]
    list_editable = ["nav_position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["nav_position", "name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    form = AuthorAdminForm
    list_display = ["portrait_thumbnail", "name", "slug", "user"]
    list_display_links = ["portrait_thumbnail", "name"]
    list_select_related = ["user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "bio", "portrait_preview", "portrait", "user"]
    readonly_fields = ["portrait_preview"]

    @admin.display(description="")
    def portrait_thumbnail(self, obj):
        if not obj.portrait:
            return ""
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}">',
            obj.portrait.url,
            PORTRAIT_THUMBNAIL_WIDTH,
            PORTRAIT_THUMBNAIL_WIDTH,
        )

    @admin.display(description="Current portrait")
    def portrait_preview(self, obj):
        if not obj.portrait:
            return "No portrait yet."
        return format_html('<img src="{}" alt="" width="160">', obj.portrait.url)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only staff accounts write in the admin; readers' accounts would make this list endless.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if form.photo_change is None:
            super().save_model(request, obj, form, change)
        else:
            services.set_author_portrait(author=obj, photo=form.photo_change or None)


class PhotoAdminForm(StoredPhotoForm):
    photo_field = "file"
    file = images.PhotoField(
        # Required on the add page only (clean() below); not required here so that the stored file, set by
        # save_model, is not checked by the model before it exists.
        required=False,
        label="Photo",
        widget=AdminFileWidget(attrs={"accept": images.ACCEPT}),
        help_text=UPLOAD_HELP,
    )

    class Meta:
        model = Photo
        fields = ["file", "alt", "caption", "credit", "tags", "focal_x", "focal_y"]
        widgets = {
            "alt": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not cleaned.get("file") and "file" not in self.errors:
            self.add_error("file", "Choose the photo to upload.")
        return cleaned


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    """The photo library: Editors and Authors search it, upload to it and pick from it for stories. A photo in use
    cannot be deleted (Article.photo is PROTECT), and the delete page lists the stories that use it."""

    form = PhotoAdminForm
    list_display = ["thumbnail", "__str__", "credit", "uploaded_at", "uploaded_by", "use_count"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["uploaded_at", "tags"]
    list_select_related = ["uploaded_by"]
    search_fields = ["caption", "credit", "alt", "tags__name"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["photo_preview", "where_used", "uploaded"]
    list_per_page = 50

    def get_queryset(self, request):
        # The count groups rows, and a grouped query has no default ordering: list and autocomplete pages need one.
        photos = super().get_queryset(request).annotate(use_count=Count("articles", distinct=True))
        return photos.order_by(*Photo._meta.ordering)

    def get_fieldsets(self, request, obj=None):
        photo = ["file"] if obj is None else ["photo_preview"]
        return [
            (None, {"fields": [*photo, "alt", "caption", "credit", "tags"]}),
            ("Focal point", {"fields": ["focal_x", "focal_y"]}),
            ("Use", {"fields": ["uploaded", "where_used"]}),
        ]

    def get_search_results(self, request, queryset, search_term):
        # A search on tags joins many rows per photo; the library lists each photo once.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip().isdigit():
            results |= queryset.filter(pk=int(search_term))
        return results, may_have_duplicates

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # Authors fix the words of their own uploads; a photo someone else uploaded may be on an editor's story.
        user = request.user
        return obj is None or user.has_perm("articles.change_any_article") or obj.uploaded_by_id == user.pk

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        if form.photo_change:
            stored = form.photo_change
            obj.file, obj.renditions, obj.crops = stored.name, stored.renditions, stored.crops
            obj.width, obj.height = stored.width, stored.height
        if {"focal_x", "focal_y"} & set(form.changed_data):
            services.crop_photo(photo=obj)
        super().save_model(request, obj, form, change)

    @admin.display(description="")
    def thumbnail(self, obj):
        entry = images.pick_rendition(obj.renditions, THUMBNAIL_WIDTH)
        if entry is None:
            return _image_tag(obj.url, obj.width, obj.height, THUMBNAIL_WIDTH)
        return _image_tag(default_storage.url(entry["name"]), entry["width"], entry["height"], THUMBNAIL_WIDTH)

    @admin.display(description="Used in", ordering="use_count")
    def use_count(self, obj):
        return f"{obj.use_count} stor{'y' if obj.use_count == 1 else 'ies'}" if obj.use_count else "Not used"

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/focal-point.css"]}

    @admin.display(description="Photo")
    def photo_preview(self, obj):
        return _photo_preview(obj, obj.credit_line, focal_point=True)

    @admin.display(description="Uploaded")
    def uploaded(self, obj):
        when = date_format(timezone.localtime(obj.uploaded_at), "DATETIME_FORMAT")
        return f"{when} by {obj.uploaded_by.get_username()}" if obj.uploaded_by else when

    @admin.display(description="Where it is used")
    def where_used(self, obj):
        in_body = Article.objects.filter(body_photo_links__photo=obj)
        stories = (obj.articles.all() | in_body).distinct().order_by("-published_at", "-id")
        stories = stories.only("headline", "status", "published_at")
        if not stories:
            return "Not used in any story yet. Only photos that no story uses can be deleted."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (reverse("admin:articles_article_change", args=[pk]), story.headline, story.get_status_display())
                    for pk, story in ((story.pk, story) for story in stories)
                ),
            ),
        )


class BylineFormSet(forms.BaseInlineFormSet):
    """Publishing or scheduling needs at least one byline: readers are owed the name of who wrote the story."""

    def __init__(self, *args, has_own_byline=False, **kwargs):
        # On a new article, the writer's own byline is added if none is chosen (ArticleAdmin.save_related).
        self.has_own_byline = has_own_byline
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.instance.status != Article.Status.PUBLISHED:
            return
        kept = [f for f in self.forms if f.cleaned_data.get("author") and not f.cleaned_data.get("DELETE")]
        if not kept and not (self.instance.pk is None and self.has_own_byline):
            raise forms.ValidationError(
                "Add at least one byline before publishing or scheduling: readers are told who wrote each story."
            )


class ArticleAuthorInline(admin.TabularInline):
    """Bylines. On a live story only editors change them (at once; they are not staged)."""

    model = ArticleAuthor
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "byline"
    verbose_name_plural = "bylines"

    def _may_edit(self, request, obj):
        return obj is None or can_publish(request) or obj.status != Article.Status.PUBLISHED

    def has_add_permission(self, request, obj):
        return self._may_edit(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj) and super().has_delete_permission(request, obj)


class CorrectionInline(admin.TabularInline):
    """Editors append corrections to a published article; the article page lists them, newest first."""

    model = Correction
    fields = ["text", "created_at"]
    readonly_fields = ["created_at"]
    extra = 1
    formfield_overrides = {Correction._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 2})}}


class ArticleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The list never shows the body; 50 bodies and their HTML would only travel from the database for nothing.
        return super().get_queryset(request, exclude_parameters).defer("body", "body_html")


@admin.register(Article)
class ArticleAdmin(EditingAdminMixin, StagingAdminMixin, RevisionsAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["thumbnail", "headline", "category", "bylines", "state", "published_at", "approved_comments"]
    list_display_links = ["thumbnail", "headline"]
    list_filter = ["status", NewsroomQueueFilter, "category", "authors", "tags", "published_at", "featured"]
    list_select_related = ["category", "photo"]
    list_per_page = 50
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["category", "tags", "photo"]  # tags: see formfield_for_dbfield
    inlines = [ArticleAuthorInline, CorrectionInline]
    readonly_fields = ["body_preview", "photo_preview", "preview_link", "last_changed"]
    fieldsets = [
        (
            "Story",
            {"fields": ["headline", "slug", "standfirst", "body", "body_preview", "category", "tags", "new_tags"]},
        ),
        (
            "Photo",
            {
                "fields": [
                    "photo_preview",
                    "photo",
                    "new_photo",
                    "new_photo_credit",
                    "photo_alt_override",
                    "photo_caption_override",
                ]
            },
        ),
        (
            "Publishing",
            {"fields": ["status", "published_at", "featured", "preview_link", "last_changed", conflicts.FIELD]},
        ),
        ("Discussion", {"fields": ["comments_open"]}),
    ]
    actions = ["publish_now", "unpublish", "feature", "unfeature", "close_comments", "open_comments"]

    # --- who sees and changes what ---

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_queryset(self, request):
        articles = super().get_queryset(request).editable_by(request.user).with_bylines()
        return articles.annotate(
            approved_comment_count=page_parts.discussion().count_per_article(),
            has_unpublished_changes=Exists(PendingChange.objects.filter(article=OuterRef("pk"))),
        )

    def has_publish_permission(self, request):
        return can_publish(request)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        if not can_publish(request):
            fields += ["published_at", "featured", "comments_open"]
            if obj is not None and obj.status == Article.Status.PUBLISHED:
                fields.append("status")  # an author's changes to her live story are staged; its status is not hers
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # A read-only page shows the tags and photo already; the form-only boxes have nothing to show.
            fieldsets = [
                (name, {**opts, "fields": [f for f in opts["fields"] if f not in {*FORM_ONLY_FIELDS, conflicts.FIELD}]})
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_inlines(self, request, obj):
        if obj is None or obj.status != Article.Status.PUBLISHED:
            return [ArticleAuthorInline]  # corrections are for articles readers have seen
        return self.inlines

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request):
            kwargs["choices"] = [
                (value, label) for value, label in db_field.choices if value != Article.Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            # taggit's own field is free text; this searches existing tags (new ones go in "new tags").
            return forms.ModelMultipleChoiceField(
                queryset=Tag.objects.order_by("name"),
                required=False,
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
                help_text="Start typing to find existing tags.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = can_publish(request)
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        adminform = getattr(response, "context_data", {}).get("adminform")
        if adminform is not None and adminform.form.conflict is not None:
            response.status_code = 409  # refused: the article changed since this form was opened
        return response

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticleAuthorInline):
            kwargs["has_own_byline"] = Author.objects.filter(user=request.user).exists()
        return kwargs

    class Media:
        js = ["articles/newsroom.js"]  # autosave, leave-page warning, live body preview (articles/admin_editing.py)
        css = {"all": ["articles/newsroom.css"]}

    def save_model(self, request, obj, form, change):
        self.warn_about_dropped_markup(request, form)
        if obj.status == Article.Status.PUBLISHED and not can_publish(request) and "status" in form.changed_data:
            raise PermissionDenied  # the form refuses this already; this guards any other way in
        if not change:
            obj.created_by = request.user
        if form.photo_change:
            # The new upload joins the library with this form's words, which are then the photo's, not overrides.
            obj.photo = services.create_photo(
                stored=form.photo_change,
                alt=obj.photo_alt_override,
                caption=obj.photo_caption_override,
                credit=form.cleaned_data["new_photo_credit"],
                uploaded_by=request.user,
            )
            obj.photo_alt_override = obj.photo_caption_override = ""
        if change and not revisions.latest_id(obj):
            # Made outside the admin (seed_demo, a shell): keep the version this edit starts from, for diffs.
            revisions.record(article=obj, user=None, comment="As it was before its first save in the admin.")
        form.staged_edit = change and self.needs_staging(request, obj)
        if form.staged_edit:
            self.stage_edit(request, obj, form)
            return
        # "Updated" moves only for an editorial change to a story readers could already see.
        changed = {*form.changed_data, *(["photo"] if form.photo_change else [])}
        if change and revisions.is_editorial(changed) and Article.objects.published().filter(pk=obj.pk):
            revisions.mark_revised(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        self.forget_autosave(request, form.instance, change)
        if form.staged_edit:
            self.save_related_of_staged_edit(request, form, formsets)
            return
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not change and not article.article_authors.exists():
            # Someone writing under their own byline need not pick themselves from the list.
            author = Author.objects.filter(user=request.user).first()
            if author is not None:
                ArticleAuthor.objects.create(article=article, author=author, position=0)
        revisions.record(article=article, user=request.user, comment=self.revision_comment(form, formsets, change))

    @staticmethod
    def revision_comment(form, formsets, change) -> str:
        if not change:
            return "Created."
        names = ["tags" if name == "new_tags" else name for name in form.changed_data if name in form.fields]
        changed = [str(form[name].label).lower() for name in dict.fromkeys(names)]
        changed += ["bylines" if f.model is ArticleAuthor else "corrections" for f in formsets if f.has_changed()]
        return f"Changed {', '.join(changed)}." if changed else "Saved without changes."

    # --- list columns and read-only fields ---

    @admin.display(description="")
    def thumbnail(self, obj):
        entry = images.pick_rendition(obj.photo_renditions, THUMBNAIL_WIDTH)
        if entry is None:
            return ""
        return _image_tag(default_storage.url(entry["name"]), entry["width"], entry["height"], THUMBNAIL_WIDTH)

    @admin.display(description="Authors")
    def bylines(self, obj):
        return ", ".join(author.name for author in obj.bylines)

    @admin.display(description="Comments", ordering="approved_comment_count")
    def approved_comments(self, obj):
        return obj.approved_comment_count

    @admin.display(description="Status", ordering="status")
    def state(self, obj):
        if obj.status == Article.Status.PUBLISHED and obj.published_at and obj.published_at > timezone.now():
            return f"Scheduled for {date_format(timezone.localtime(obj.published_at), 'DATETIME_FORMAT')}"
        if obj.has_unpublished_changes:
            return f"{obj.get_status_display()}, with unpublished changes"
        return obj.get_status_display()

    @admin.display(description="Current photo")
    def photo_preview(self, obj):
        if not obj.photo:
            return "No photo yet."
        return _photo_preview(obj.photo, obj.photo_credit_line)

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if obj.pk is None:
            return "Save the article to preview it."
        if obj.is_public:
            return format_html('<a href="{}">View on site</a>', obj.get_absolute_url())
        return format_html(
            '<a href="{}">Preview as readers will see it</a> (only staff can open this page)', obj.get_absolute_url()
        )

    @admin.display(description="Last changed")
    def last_changed(self, obj):
        if obj.pk is None:
            return "Not saved yet."
        entry = (
            LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Article), object_id=str(obj.pk))
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        history = reverse("admin:articles_article_history", args=[obj.pk])
        if entry is None:
            when = date_format(timezone.localtime(obj.updated_at), "DATETIME_FORMAT")
            return format_html('{}, outside the admin (<a href="{}">history</a>)', when, history)
        when = date_format(timezone.localtime(entry.action_time), "DATETIME_FORMAT")
        return format_html('{} by {} (<a href="{}">history</a>)', when, entry.user.get_username(), history)

    # --- bulk actions (editors only) ---

    def _bulk_update(self, request, queryset, description: str, **values):
        pks = list(queryset.prefetch_related(None).values_list("pk", flat=True))
        if not pks:
            self.message_user(request, "Nothing to change: the selected articles are like that already.")
            return
        # One UPDATE for the lot (no per-row save), so no signal: the pages they are on are invalidated here.
        was_listed = cache_tags.listed_articles(Article.objects.filter(pk__in=pks, status=Article.Status.PUBLISHED))
        Article.objects.filter(pk__in=pks).update(**values, updated_at=timezone.now())
        is_listed = cache_tags.listed_articles(Article.objects.filter(pk__in=pks, status=Article.Status.PUBLISHED))
        caching.invalidate(*was_listed, *is_listed, schedule=True)
        labels = [capfirst(Article._meta.get_field(name).verbose_name) for name in values]
        LogEntry.objects.log_actions(
            request.user.pk, Article.objects.filter(pk__in=pks), CHANGE, [{"changed": {"fields": labels}}]
        )
        self.message_user(request, f"{description}: {len(pks)} article(s).", messages.SUCCESS)

    @admin.action(description="Publish now", permissions=["publish"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        waiting = queryset.exclude(status=Article.Status.PUBLISHED, published_at__lte=now)
        unsigned = waiting.filter(article_authors__isnull=True)
        if skipped := unsigned.count():
            self.message_user(
                request, f"Not published: {skipped} article(s) without a byline. Add one first.", messages.WARNING
            )
        ready = waiting.exclude(pk__in=unsigned.values("pk"))
        self._bulk_update(request, ready, "Published", status=Article.Status.PUBLISHED, published_at=now)

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        drafts = queryset.exclude(status=Article.Status.DRAFT)
        self._bulk_update(request, drafts, "Back to draft", status=Article.Status.DRAFT)

    @admin.action(description="Feature on the home page", permissions=["publish"])
    def feature(self, request, queryset):
        self._bulk_update(request, queryset.filter(featured=False), "Featured", featured=True)

    @admin.action(description="Stop featuring", permissions=["publish"])
    def unfeature(self, request, queryset):
        self._bulk_update(request, queryset.filter(featured=True), "No longer featured", featured=False)

    @admin.action(description="Close comments", permissions=["publish"])
    def close_comments(self, request, queryset):
        self._bulk_update(request, queryset.filter(comments_open=True), "Comments closed", comments_open=False)

    @admin.action(description="Open comments", permissions=["publish"])
    def open_comments(self, request, queryset):
        self._bulk_update(request, queryset.filter(comments_open=False), "Comments opened", comments_open=True)
