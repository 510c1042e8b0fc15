"""django.contrib.admin with the newsroom's site (articles/admin_site.py: a dashboard on the index). Listed in
INSTALLED_APPS in the admin's place; a module of its own, because apps.py may declare only the articles app."""

from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    default_site = "articles.admin_site.NewsroomAdminSite"
