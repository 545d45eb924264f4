from django.urls import path

from negotiations.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("n/<slug:negotiation_slug>/", pages.matrix, name="matrix"),
    path("n/<slug:negotiation_slug>/issues/<slug:slug>/", pages.issue_detail, name="issue_detail"),
    path("n/<slug:negotiation_slug>/events/<slug:slug>/", pages.event_detail, name="event_detail"),
    path("statements/<int:pk>/", pages.statement_detail, name="statement_detail"),
]
