from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, UpdateView

from accounts.forms import PasswordChangeForm, ProfileForm, SignUpForm
from accounts.models import Profile
from throttling.limits import blocked_for, minutes, record, too_many_requests

PASSWORD_CHANGE_SCOPE = "password_change"  # noqa: S105  (a throttle scope, not a password)


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class SignUpView(auth_views.RedirectURLMixin, FormView):
    """Create an account, log it in, and go where the reader came from (`next`, on our own host only)."""

    form_class = SignUpForm
    template_name = "accounts/signup.html"
    next_page = settings.LOGIN_REDIRECT_URL

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.save()
        # Logging in keeps the session's data (a comment draft), under a new session key.
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, f"Welcome, {user.get_username()}. Your account is ready and you are logged in.")
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.get_redirect_url(), **kwargs)


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        profile, _ = Profile.objects.get_or_create(user=self.request.user)
        return profile

    def form_valid(self, form):
        messages.success(self.request, "Your profile is saved.")
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        # The link in the email uses our configured public address, never the Host header of the request.
        self.extra_email_context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, with wrong "old password" answers counted per user like failed logins.

    Without a limit the form is a password oracle for anyone holding a session (a borrowed laptop, a stolen cookie).
    django-axes watches authenticate() only, which this form does not call, and its lockouts are keyed by username
    and IP; here the user is known from the session, so failures are counted per user, in the database, and once
    there are too many no further password is checked at all."""

    form_class = PasswordChangeForm

    def post(self, request, *args, **kwargs):
        limit, seconds = settings.PASSWORD_CHANGE_FAILURES
        retry_after = blocked_for(scope=PASSWORD_CHANGE_SCOPE, key=self._key(), limit=limit, seconds=seconds)
        if retry_after:
            message = f"Too many wrong passwords, try again in {minutes(retry_after)}."
            return too_many_requests(request, message=message, retry_after=retry_after)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password", "password_incorrect"):
            _, seconds = settings.PASSWORD_CHANGE_FAILURES
            record(scope=PASSWORD_CHANGE_SCOPE, key=self._key(), seconds=seconds)
        return super().form_invalid(form)

    def _key(self) -> str:
        return f"user:{self.request.user.pk}"
