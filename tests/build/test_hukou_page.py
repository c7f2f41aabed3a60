"""The page functions of the 居转户 page (/hukou/): every route, number and sentence comes
from the engine's result and data, and a wrong call fails the build naming the function."""

import pytest


def _page_functions():
    from sitebuild.engine import load_engine
    from sitebuild.page_functions import PageFunctions

    return PageFunctions(load_engine(), "/about/", "/about/")


def test_the_routes_table_holds_every_judged_route_with_its_conditions_and_decisions():
    import calculator
    from calculator.hukou_routes import ROUTES

    functions = _page_functions()
    table = str(functions.hukou_routes_table())
    result = calculator.hukou({"version": 3, "birth_date": "1990-01-01"})
    for spec, route in zip(ROUTES, result["routes"], strict=True):
        assert f'id="route-{spec.id}"' in table
        assert route["rule"] in table
    assert '<a href="/about/#decision-H5">H5</a>' in table
    assert '<a href="/about/#source-J-S9">[J-S9]</a>' in table


def test_the_routes_not_judged_status_procedure_and_spouse_are_the_engines_sentences():
    import calculator

    functions = _page_functions()
    result = calculator.hukou({"version": 3, "birth_date": "1990-01-01"})
    listed = str(functions.hukou_not_judged())
    for route in result["not_judged"]:
        assert route["name"] in listed
    for part in ("status", "procedure", "spouse"):
        assert result[part]["text"] in str(functions.hukou(part))
    with pytest.raises(Exception, match="hukou: unknown part"):
        functions.hukou("children")


def test_months_in_whole_years_are_written_in_numerals_and_other_values_fail():
    functions = _page_functions()
    assert functions.hukou_years("hukou.standard_months") == "七"
    assert functions.hukou_years("hukou.months.lingang_3") == "三"
    with pytest.raises(Exception, match="not whole years"):
        functions.hukou_years("hukou.market_multiple")


def test_the_day_a_value_changed_is_in_words():
    functions = _page_functions()
    assert functions.changed_on("hukou.lingang_5_area_months") == "2024年8月21日"
    assert functions.changed_on("hukou.lingang_5_area_months", "first") == "2019年8月20日"
    assert functions.changed_on("hukou.market_multiple", "first") == "2020年12月1日"
    with pytest.raises(Exception, match="changed_on: unknown parameter id"):
        functions.changed_on("nope")


def test_the_decisions_of_the_page_are_the_hukou_ones_only():
    listed = str(_page_functions().hukou_decisions())
    assert 'id="decision-H1"' in listed and 'id="decision-H14"' in listed
    assert 'id="decision-D4"' not in listed
