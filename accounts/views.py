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

from accounts.forms import ProfileForm, SignUpForm
from accounts.models import Profile


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
