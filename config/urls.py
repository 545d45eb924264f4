from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.health import favicon, healthz

admin.site.site_header = "Parley administration"
admin.site.site_title = "Parley"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("actors.urls")),
    path("", include("negotiations.urls")),
    path("", include("negotiations.urls_review")),
]
