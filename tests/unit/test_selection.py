"""What a reader picked on a chart: record ids from plotly or pydeck, the place on the map."""

from __future__ import annotations

from dashboard.selection import picked_code, selected_ids


def test_picked_code_reads_scatter_objects_and_geojson_features():
    assert picked_code(None) is None
    assert picked_code({"selection": {"objects": {"actions": [{"code": "ESP"}]}}}) == "ESP"
    feature = {"type": "Feature", "properties": {"code": "AUS"}}
    assert picked_code({"selection": {"objects": {"countries": [feature]}}}) == "AUS"


def test_selected_ids_reads_plotly_points_and_deck_objects_once_each():
    assert selected_ids(None) == []
    event = {
        "selection": {
            "points": [{"customdata": ["a-1"]}, {"customdata": "b-2"}, {"customdata": "a-1"}],
            "objects": {"actions": [{"id": "c-3"}, {"id": "b-2"}, "not a dict"]},
        }
    }
    assert selected_ids(event) == ["a-1", "b-2", "c-3"]
