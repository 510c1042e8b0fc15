import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation

from accounts.models import Profile
from accounts.names import validate_name

TAKEN = "Another reader goes by this name; choose another."
# Characters an HTML document may not carry (C0/C1 controls other than tab, line feed and carriage return).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class TypedValueMixin:
    """A box that gives back what the reader typed when the form is refused, with any control character shown as
    U+FFFD: such text is refused with a message, and the page echoing it must stay valid HTML."""

    def format_value(self, value):
        value = super().format_value(value)
        return CONTROL_CHARACTERS.sub("\ufffd", value) if value else value


class TypedTextInput(TypedValueMixin, forms.TextInput):
    pass


class TypedTextarea(TypedValueMixin, forms.Textarea):
    pass


def password_help() -> str:
    """The password rules in one sentence for readers, with the length the settings ask for. Django's own texts are
    one line per validator ("Your password can't be entirely numeric.")."""
    lengths = [
        validator.min_length
        for validator in password_validation.get_default_password_validators()
        if isinstance(validator, password_validation.MinimumLengthValidator)
    ]
    length = f"At least {max(lengths)} characters. " if lengths else ""
    return f"{length}Avoid common passwords, numbers alone, and anything close to your username or email address."


class PlainPasswordHelpMixin:
    """Help texts written for readers: plain text, escaped like everything else."""

    password_field_name = "new_password1"  # noqa: S105  (a field name, not a password)
    confirmation_field_name = "new_password2"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.password_field_name].help_text = password_help()
        self.fields[self.confirmation_field_name].help_text = "Type the same password again, to catch any typo."


class SignUpForm(PlainPasswordHelpMixin, auth_forms.UserCreationForm):
    password_field_name = "password1"  # noqa: S105
    confirmation_field_name = "password2"
    # Deliberately not unique: refusing an address would tell anyone that it has an account here. Password reset
    # mails every account of an address.
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Used only to reset your password; never shown.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(auth_forms.UserCreationForm.Meta):
        fields = ("username", "email")
        help_texts = {
            "username": "Shown with your comments unless you choose a display name. Up to 150 letters, digits "
            "and the signs @ . + - _ (no spaces)."
        }
        error_messages = {
            "username": {
                "required": "Choose a username.",
                "invalid": "Use only letters, digits and the signs @ . + - _ in your username, with no spaces.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget = TypedTextInput(attrs=self.fields["username"].widget.attrs)
        self.fields["email"].error_messages["required"] = "Enter your email address."
        self.fields["password1"].error_messages["required"] = "Choose a password."
        self.fields["password2"].error_messages["required"] = "Type your password a second time."

    def clean_username(self):
        username = super().clean_username()  # Django's: None, with the error added, when taken in any case
        if username is None:
            return username
        validate_name(username)
        if Profile.objects.filter(display_name__iexact=username).exists():
            raise forms.ValidationError(TAKEN)
        return username


class PasswordChangeForm(PlainPasswordHelpMixin, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(PlainPasswordHelpMixin, auth_forms.SetPasswordForm):
    pass


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name"]
        help_texts = {"display_name": "Shown on your comments. Leave it empty to show your username."}
        widgets = {"display_name": TypedTextInput}

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if any(not char.isprintable() for char in name):
            raise forms.ValidationError("Use letters, numbers, spaces and punctuation only.")
        if name:
            validate_name(name)
            others = get_user_model().objects.exclude(pk=self.instance.user_id)
            if (
                others.filter(username__iexact=name).exists()
                or others.filter(profile__display_name__iexact=name).exists()
            ):
                raise forms.ValidationError(TAKEN)
        return name
