"""Beat's schedule names tasks that exist, and the nightly training fans out per negotiation."""

import pytest

from config.celery import app
from negotiations import tasks
from tests.factories import NegotiationFactory


@pytest.mark.parametrize("entry", sorted(app.conf.beat_schedule))
def test_every_beat_entry_names_a_registered_task(entry):
    assert app.conf.beat_schedule[entry]["task"] in app.tasks


@pytest.mark.django_db
def test_nightly_training_queues_one_task_per_negotiation(monkeypatch):
    first, second = NegotiationFactory(), NegotiationFactory()
    queued: list[int] = []
    monkeypatch.setattr(
        tasks.train_classifier, "delay", lambda **kwargs: queued.append(kwargs["negotiation_id"])
    )

    count = tasks.train_all_classifiers()

    assert count == 2
    assert sorted(queued) == sorted([first.pk, second.pk])
