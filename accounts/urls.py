from django.contrib.auth import views as auth_views
from django.urls import path

# Django's auth views keep their built-in, un-namespaced names (login, logout, password_reset_done, ...),
# because Django reverses them by those names.
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
