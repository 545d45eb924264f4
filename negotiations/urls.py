from django.urls import path

from negotiations.views import compare, matrix, pages, shifts, timeline

urlpatterns = [
    path("", matrix.home, name="home"),
    path("timeline/", timeline.timeline, name="timeline"),
    path("timeline.csv", timeline.timeline_csv, name="timeline_csv"),
    path("timeline.json", timeline.timeline_json, name="timeline_json"),
    path("timeline/feed/", timeline.timeline_feed, name="timeline_feed"),
    path("compare/", compare.compare_home, name="compare_home"),
    path("search/", pages.search, name="search"),
    path("n/<slug:negotiation_slug>/", matrix.matrix, name="matrix"),
    path(
        "n/<slug:negotiation_slug>/cells/<slug:scope>/<slug:actor_slug>/<slug:issue_slug>/",
        matrix.matrix_cell,
        name="matrix_cell",
    ),
    path("n/<slug:negotiation_slug>/compare/", compare.compare, name="compare"),
    path("n/<slug:negotiation_slug>/shifts/", shifts.negotiation_shifts, name="negotiation_shifts"),
    path("n/<slug:negotiation_slug>/issues/<slug:slug>/", pages.issue_detail, name="issue_detail"),
    path("n/<slug:negotiation_slug>/events/<slug:slug>/", pages.event_detail, name="event_detail"),
    path("statements/<int:pk>/", pages.statement_detail, name="statement_detail"),
]
