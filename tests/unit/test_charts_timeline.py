"""The timeline's key moments: the editors' choice in actions.yaml, labelled where in view."""

from __future__ import annotations

import pytest

from dashboard.charts import timeline
from dashboard.filters import Filters
from dashboard.schema import LocalizedText, Moment
from tests.conftest import with_dataset_meta

BY_JURISDICTION, BY_PLATFORM = timeline.CHARTS


def _labels(fig) -> list[str]:
    return sorted(annotation.text for annotation in fig.layout.annotations)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_key_moment_is_labelled_in_the_readers_language(real_frames, lang):
    moments = real_frames.key_moments
    assert len(moments) == 3
    frame, fig, _ = BY_JURISDICTION.build(real_frames, Filters(lang=lang))
    assert _labels(fig) == sorted(moment.label.get(lang) for moment in moments)
    labelled = frame[frame["moment"] != ""].set_index("id")["moment"]
    assert labelled.to_dict() == {moment.id: moment.label.get(lang) for moment in moments}


def test_a_moment_out_of_view_is_not_labelled(real_frames):
    _, fig, _ = BY_PLATFORM.build(real_frames, Filters(jurisdictions=("ESP",)))
    assert _labels(fig) == ["Spain refers X, Meta, TikTok to prosecutors"]


def test_moment_labels_are_escaped(fixture_frames):
    assert fixture_frames.key_moments == []  # the fixture names none: no annotation
    frame, fig, _ = BY_JURISDICTION.build(fixture_frames, Filters())
    assert not fig.layout.annotations and not frame["moment"].any()
    hostile = Moment(
        id="es-prosecutor-referral-2026-02-17", label=LocalizedText(en="<img src=x> & co")
    )
    frames = with_dataset_meta(fixture_frames, "actions.yaml", key_moments=[hostile])
    _, fig, _ = BY_JURISDICTION.build(frames, Filters())
    assert _labels(fig) == ["&lt;img src=x&gt; &amp; co"]
