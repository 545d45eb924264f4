from django.urls import path

from actors import views

urlpatterns = [
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
]
