"""The SVG figures: roadmap lanes by dimension and the 5×5 heat map."""

from types import SimpleNamespace as O

from programs.charts import heat_map_svg, roadmap_svg


def test_heat_map_counts_risks_per_cell():
    risks = [O(likelihood=5, impact=5), O(likelihood=5, impact=5), O(likelihood=1, impact=2)]
    svg = heat_map_svg(risks=risks)
    assert svg.startswith("<svg") and svg.count("<rect") == 25
    assert "Kemungkinan 5 × dampak 5: 2" in svg and "Kemungkinan 1 × dampak 2: 1" in svg


def test_roadmap_draws_one_bar_per_program_within_the_years():
    dims = [O(pk=1, name="Smart Governance"), O(pk=2, name="Smart Economy")]
    programs = [
        O(title="A", dimension_id=1, horizon="short", start_year=2025, end_year=2025, is_quick_win=True),
        O(title="B & C", dimension_id=2, horizon="long", start_year=2026, end_year=2030, is_quick_win=False),
    ]
    svg = roadmap_svg(dimensions=dims, programs=programs)
    assert ">2025<" in svg and ">2030<" in svg and "B &amp; C" in svg and "★" in svg
    assert roadmap_svg(dimensions=dims, programs=[]) == ""


def test_roadmap_shows_the_span_of_each_horizon():
    dims = [O(pk=1, name="Smart Living")]
    programs = [
        O(title="A", dimension_id=1, horizon="short", start_year=2025, end_year=2025, is_quick_win=False),
        O(title="B", dimension_id=1, horizon="medium", start_year=2026, end_year=2029, is_quick_win=False),
        O(title="C", dimension_id=1, horizon="medium", start_year=2027, end_year=2028, is_quick_win=False),
    ]
    svg = roadmap_svg(dimensions=dims, programs=programs)
    assert "<title>2025–2025</title>" in svg and "<title>2026–2029</title>" in svg
