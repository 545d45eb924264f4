"""Editors' and admins' pages: review, events, sources, registry; and everyone's alerts."""

from django.urls import path

from negotiations.views import alerts, manage, review

statement = "review/statements/<int:pk>/"

urlpatterns = [
    # Review
    path("review/", review.review_queue, name="review_queue"),
    path(statement, review.review_statement, name="review_statement"),
    path(f"{statement}row/", review.statement_row, name="review_row"),
    path(f"{statement}accept/", review.accept, name="review_accept"),
    path(f"{statement}reject/", review.reject, name="review_reject"),
    path(f"{statement}note/", review.note, name="review_note"),
    path(f"{statement}correct/", review.correct, name="review_correct"),
    path(f"{statement}merge/", review.merge, name="review_merge"),
    path(f"{statement}link-event/", review.link_event, name="review_link_event"),
    path(f"{statement}new-actor/", review.new_actor, name="review_new_actor"),
    path(f"{statement}alias/", review.alias_speaker, name="review_alias"),
    path(f"{statement}history/", review.history, name="review_history"),
    path("review/history/<int:entry_pk>/revert/", review.revert, name="review_revert"),
    path("review/events/", review.event_list, name="review_events"),
    path("review/events/new/", review.event_create, name="review_event_create"),
    path("review/events/<int:pk>/", review.event_edit, name="review_event_edit"),
    # Sources
    path("manage/sources/", manage.source_list, name="source_list"),
    path("manage/sources/new/", manage.source_create, name="source_create"),
    path("manage/sources/<int:pk>/", manage.source_edit, name="source_edit"),
    path("manage/sources/<int:pk>/pause/", manage.source_pause, name="source_pause"),
    path("manage/sources/<int:pk>/resume/", manage.source_resume, name="source_resume"),
    path("manage/sources/<int:pk>/fetch/", manage.source_fetch, name="source_fetch"),
    path("manage/sources/<int:pk>/progress/", manage.source_progress, name="source_progress"),
    # Registry
    path("manage/registry/", manage.registry, name="registry"),
    path("manage/registry/actors/new/", manage.actor_create, name="registry_actor_create"),
    path("manage/registry/actors/<int:pk>/", manage.actor_edit, name="registry_actor_edit"),
    path("manage/registry/actors/<int:pk>/aliases/", manage.alias_add, name="registry_alias_add"),
    path("manage/registry/aliases/<int:pk>/delete/", manage.alias_delete, name="registry_alias_delete"),
    path("manage/registry/actors/<int:pk>/roles/", manage.role_add, name="registry_role_add"),
    path("manage/registry/issues/new/", manage.issue_create, name="registry_issue_create"),
    path("manage/registry/issues/<int:pk>/", manage.issue_edit, name="registry_issue_edit"),
    path(
        "manage/registry/negotiations/<int:pk>/parties/", manage.negotiation_parties, name="registry_parties"
    ),
    # Alerts
    path("following/", alerts.following, name="following"),
    path("following/follow/", alerts.follow, name="follow"),
    path("following/unfollow/", alerts.unfollow, name="unfollow"),
    path("following/saved-filters/", alerts.save_filter, name="save_filter"),
    path("following/feed-token/", alerts.new_feed_token, name="new_feed_token"),
    path("following/digest/", alerts.set_digest, name="set_digest"),
    path("following/feed/<str:token>/", alerts.personal_feed, name="personal_feed"),
    path("shifts/", alerts.shift_list, name="shift_list"),
]
