import gc

from config.memory import freeze_startup_objects


def test_freezing_moves_the_live_objects_out_of_the_collectors_reach():
    try:
        freeze_startup_objects()

        assert gc.get_freeze_count() > 10_000  # Django and the test run are loaded by now
    finally:
        gc.unfreeze()


def test_the_wsgi_entry_point_freezes_what_start_up_made(monkeypatch):
    import importlib

    import config.wsgi

    frozen = []
    monkeypatch.setattr("config.memory.gc.freeze", lambda: frozen.append(True))

    importlib.reload(config.wsgi)

    assert frozen == [True]
