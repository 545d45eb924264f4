"""The Celery app. Without a broker (no REDIS_URL) every task runs in-process, eagerly."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("parley")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Sources keep their own poll interval and next-poll time in the database; beat only asks
# every minute which are due, so changing a source never needs a beat restart.
app.conf.beat_schedule = {
    "poll-due-sources": {"task": "negotiations.poll_due_sources", "schedule": 60.0},
    "requeue-stuck-work": {"task": "negotiations.requeue_stuck_work", "schedule": crontab(minute="*/5")},
    "send-digests": {"task": "negotiations.send_digests", "schedule": crontab(hour=6, minute=0)},
    # Retrained nightly from the day's editor verifications; a model is used only if it beats the rules.
    "train-classifiers": {
        "task": "negotiations.train_all_classifiers",
        "schedule": crontab(hour=3, minute=30),
    },
}
