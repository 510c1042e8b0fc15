"""Autosave: the text a staff user is typing into an article form, kept on the server as a private draft of that user
(EditorDraft) and offered back when the form is opened again. Only the typed text is kept; files, bylines and
publishing choices are not."""

from django import forms
from django.db import transaction

from articles.markdown_limits import MAX_BODY_CHARS
from articles.models import Article, EditorDraft

FIELDS = ("headline", "standfirst", "body", "photo_alt_override", "photo_caption_override")
LIMITS = {"headline": 200, "standfirst": 400, "body": MAX_BODY_CHARS, "photo_alt_override": 250,
          "photo_caption_override": 400}  # fmt: skip


class AutosaveForm(forms.Form):
    discard = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FIELDS:
            # The model's own limits: what could not be saved is not worth keeping either.
            self.fields[name] = forms.CharField(required=False, strip=False, max_length=LIMITS[name])

    def clean(self):
        cleaned = super().clean()
        if any("\x00" in (cleaned.get(name) or "") for name in FIELDS):
            raise forms.ValidationError("The text contains a null character.")
        return cleaned

    @property
    def text(self) -> dict:
        return {name: self.cleaned_data[name] for name in FIELDS if name in self.data}


@transaction.atomic
def keep(*, user, article: Article | None, text: dict) -> EditorDraft:
    draft = EditorDraft.objects.select_for_update().filter(user=user, article=article).first()
    if draft is None:
        return EditorDraft.objects.create(user=user, article=article, data=text)
    draft.data = text
    draft.save()
    return draft


def forget(*, user, article: Article | None) -> None:
    EditorDraft.objects.filter(user=user, article=article).delete()


def offer(*, user, article: Article | None, shown: dict) -> EditorDraft | None:
    """The user's draft for this form, if it says something other than what the form shows now."""
    draft = EditorDraft.objects.filter(user=user, article=article).order_by("-saved_at").first()
    if draft is None or all(draft.data.get(name, shown.get(name, "")) == shown.get(name, "") for name in FIELDS):
        return None
    return draft
