from negotiations.views.filters import Options, options_html

CHOICES = [("russia", "Russia"), ("a&b", 'A "quoted" <name>'), ("ukraine", "Ukraine")]


def test_a_menu_escaped_once_selects_as_a_menu_built_each_time():
    menu = Options(CHOICES)

    for selected in ("", "russia", "a&b", "ukraine", "nobody"):
        assert menu.selecting(selected) == options_html(CHOICES, selected=selected)
    assert menu.selecting("a&b").count(" selected") == 1
