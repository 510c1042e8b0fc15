import unicodedata

from django import forms
from django.conf import settings

from accounts.forms import TypedTextarea
from comments.models import Comment

# Characters that print nothing: a comment made only of these (and spaces) is empty, however it looks in the form.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}
ALLOWED_CONTROLS = {"\n", "\t"}


class CommentBodyField(forms.CharField):
    """Line breaks count as one character each, whatever the browser sent, so the limit is what the reader sees."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class CommentTextForm(forms.Form):
    body = CommentBodyField(
        label="Your comment",
        max_length=settings.COMMENTS_MAX_LENGTH,
        widget=TypedTextarea(attrs={"rows": 6}),
        error_messages={
            "required": "Write your comment before posting it.",
            "max_length": "Comments can be at most %(limit_value)d characters long (this one has %(show_value)d).",
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        if all(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in body):
            raise forms.ValidationError("Write your comment before posting it.", code="required")
        if any(
            (unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS) or unicodedata.category(char) == "Cs"
            for char in body
        ):
            # A NUL is refused by Django already; PostgreSQL cannot store it, and other control codes are never text.
            raise forms.ValidationError("Your comment contains characters that cannot be saved; please remove them.")
        return body


class CommentForm(CommentTextForm):
    """A new comment on `article`; `parent` is the comment it replies to, which must be published on that article."""

    parent = forms.ModelChoiceField(
        queryset=Comment.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "You can only reply to a published comment on this article."},
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:  # only validation needs the choices; a blank form on every article page need not build them
            self.fields["parent"].queryset = Comment.objects.visible().filter(article=article)
