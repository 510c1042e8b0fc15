from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import forms, views

# Django's auth views keep their built-in, un-namespaced names (login, logout, password_reset_done, ...),
# because Django reverses them by those names; sign-up and profile sit beside them under the same kind of name.
urlpatterns = [
    # LoginView puts the request's host in `site_name`, over the context processor's; keep the site's own name.
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, extra_context={"site_name": settings.SITE_NAME}),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path(
        "password_change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
