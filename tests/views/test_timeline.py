import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest

from negotiations import selectors
from negotiations.enums import ReviewState
from negotiations.services.positions import refresh_positions
from tests.factories import ActorFactory, EventFactory, NegotiationFactory, StatementFactory
from tests.views.conftest import HTMX, build_world, say

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_full_page_has_filters_in_the_url_and_the_items(analyst_client, world):
    response = analyst_client.get("/timeline/")

    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert 'hx-push-url="true"' in html and 'hx-target="#results"' in html
    assert "No foreign troops at all." in html
    assert "Geneva round" in html  # events and statements together
    assert html.index("No foreign troops at all.") < html.index("Geneva round")  # newest first
    assert "Tuesday 20 January 2026" in html  # grouped by day


def test_results_fragment_for_new_filters(analyst_client, world):
    response = analyst_client.get("/timeline/?actor=sergey-lavrov&issue=security-guarantees", headers=HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert "Guarantees only with us." in html
    assert html.count('class="statement-card"') == 3  # Lavrov's three on guarantees, none of Zelenskyy's


def test_a_new_speaker_is_in_the_speaker_menu_at_once(analyst_client, world):
    analyst_client.get("/timeline/")
    newcomer = ActorFactory(name="Kaja Kallas", slug="kaja-kallas")
    say(world.negotiation, newcomer, dt.date(2026, 1, 25), {world.territory: "supports"})
    refresh_positions(pairs=[(newcomer.pk, world.territory.pk)])

    html = analyst_client.get("/timeline/").content.decode()

    assert '<option value="kaja-kallas">Kaja Kallas' in html


def test_since_answers_what_was_said_after_a_date(analyst_client, world):
    html = analyst_client.get("/timeline/?actor=sergey-lavrov&since=2026-01-15").content.decode()

    assert "No foreign troops at all." in html
    assert "Guarantees only with us." not in html


def test_stance_filter_shows_statements_only(analyst_client, world):
    html = analyst_client.get("/timeline/?stance=conditional", headers=HTMX).content.decode()

    assert "Guarantees only with us." in html and "Geneva round" not in html


def test_bad_filters_are_reported_not_errors(analyst_client, world):
    response = analyst_client.get("/timeline/?actor=nobody&since=2026-02-01&until=2026-01-01&source=x")

    assert response.status_code == 200
    assert "No actor “nobody”." in response.content.decode()
    assert "The end date is before the start date." in response.content.decode()


def test_scrolling_loads_the_next_page_with_a_keyset_cursor(analyst_client):
    build_world(extra_speakers=10, extra_statements=80)  # 85 statements and an event: three pages
    first = analyst_client.get("/timeline/").content.decode()
    assert 'hx-trigger="revealed"' in first and "cursor=" in first
    pages, html = [first], first
    while (url := _next_url(html)) is not None:
        html = analyst_client.get(url, headers=HTMX).content.decode()
        assert "<html" not in html and '<section id="results"' not in html
        pages.append(html)
        assert len(pages) < 10
    everything = "".join(pages)
    assert len(pages) == 3
    assert everything.count('class="statement-card"') == 85
    assert everything.count("Geneva round") == 1
    for number in range(5):
        assert everything.count(f"(remark {number})") <= 1
    assert "The start of the record." in pages[-1]


def _next_url(html: str) -> str | None:
    marker = 'hx-get="'
    index = html.find('class="more" ' + marker)
    if index == -1:
        return None
    start = html.index(marker, index) + len(marker)
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_a_cursor_without_htmx_gives_a_whole_page_of_older_items(analyst_client, world):
    html = analyst_client.get("/timeline/?cursor=2026-01-15.1.999999").content.decode()

    assert "<html" in html
    assert "No foreign troops at all." not in html and "Guarantees only with us." in html


def test_timeline_needs_a_login_unless_public(client, world, settings):
    settings.PUBLIC_READ = False
    assert client.get("/timeline/")["Location"].startswith("/login/")
    settings.PUBLIC_READ = True
    assert client.get("/timeline/").status_code == 200


@pytest.mark.parametrize("speakers", [0, 30])
def test_timeline_queries_do_not_grow_with_rows(analyst_client, django_assert_max_num_queries, speakers):
    build_world(extra_speakers=speakers, extra_statements=speakers * 4)

    with django_assert_max_num_queries(16):
        full = analyst_client.get("/timeline/")
    with django_assert_max_num_queries(11):
        fragment = analyst_client.get("/timeline/?cursor=2026-01-01.0.999999", headers=HTMX)

    assert full.status_code == fragment.status_code == 200
    assert full.content.count(b'<li class="item') == (6 if not speakers else 30)


# Exports and the feed ---------------------------------------------------------------------------------


def test_csv_export_has_full_provenance(analyst_client, world):
    response = analyst_client.get("/timeline.csv?actor=sergey-lavrov")

    assert response["Content-Type"].startswith("text/csv")
    assert "russia-ukraine-sergey-lavrov.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["quote"] for row in rows][:2] == ["No foreign troops at all.", "Guarantees only with us."]
    assert len(rows) == 3
    first = rows[0]
    assert first["actor_slug"] == "sergey-lavrov" and first["said_on"] == "2026-01-20"
    assert "security-guarantees" in first["issues"] and "opposes" in first["issues"]
    assert "https://news.example.org/articles/" in first["citations"]
    assert first["review_state"] == "unreviewed"


def test_json_export_has_statements_and_events(analyst_client, world):
    response = analyst_client.get("/timeline.json?issue=security-guarantees")

    data = json.loads(b"".join(response.streaming_content))
    assert data["negotiation"] == "russia-ukraine"
    assert data["filters"] == {"issue": ["security-guarantees"]}
    quotes = [statement["quote"] for statement in data["statements"]]
    assert "No foreign troops at all." in quotes
    assert all(s["url"].startswith("http://testserver/statements/") for s in data["statements"])
    assert data["statements"][0]["citations"]
    assert [event["slug"] for event in data["events"]] == ["geneva-round"]


def test_exports_leave_rejected_statements_out(analyst_client, world):
    world.statements[2].review_state = ReviewState.REJECTED
    world.statements[2].save()

    body = b"".join(analyst_client.get("/timeline.csv").streaming_content).decode()

    assert "No foreign troops at all." not in body


def test_atom_feed_of_a_filtered_timeline(analyst_client, world):
    response = analyst_client.get("/timeline/feed/?actor=sergey-lavrov")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert "Sergey Lavrov" in feed.find(f"{ATOM}title").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4  # three statements and the event he took part in
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert any("Opposes on Security guarantees" in title for title in titles)
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert any("/statements/" in link for link in links)


def test_exports_need_a_login_unless_public(client, world, settings):
    settings.PUBLIC_READ = False
    for url in ("/timeline.csv", "/timeline.json", "/timeline/feed/"):
        assert client.get(url).status_code == 302, url


def test_a_full_page_of_statements_keeps_the_events_of_its_last_day_and_leaves_older_ones_for_later():
    negotiation = NegotiationFactory()
    day = dt.date(2026, 1, 15)
    for offset in (0, 0, 1, 1):  # two statements on the 15th, two on the 14th
        StatementFactory(negotiation=negotiation, said_on=day - dt.timedelta(days=offset))
    same_day = EventFactory(negotiation=negotiation, date=day - dt.timedelta(days=1))
    older = EventFactory(negotiation=negotiation, date=day - dt.timedelta(days=2))
    filters = selectors.TimelineFilters(negotiation=negotiation)

    first = selectors.timeline_page(filters=filters, size=3)
    rest = selectors.timeline_page(filters=filters, cursor=first.next_cursor, size=3)

    # Within a day events come first: the 14th's event follows the 15th's two statements.
    assert [item.object for item in first.items][2] == same_day
    assert [item.object for item in rest.items if item.is_event] == [older]
    assert sum(not item.is_event for item in first.items + rest.items) == 4
