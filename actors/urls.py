from django.urls import path

from actors import views

urlpatterns = [
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
]
