"""The frame around every page: the stylesheet, the header with its notices, and the footer."""

from __future__ import annotations

import functools
from importlib import resources

import streamlit as st

from dashboard import share
from dashboard.filters import Notice, to_query
from dashboard.i18n import coverage_line, fmt_date, t
from dashboard.markdown_escape import md
from dashboard.page_context import PageContext
from dashboard.served_data import problem_lines

STYLESHEET = resources.files("dashboard") / "static" / "style.css"  # shipped in the package


@functools.cache  # read once per process: it ships with the package
def _style_block() -> str:
    return f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>"


def apply_styles() -> None:
    """The project's small stylesheet (contrast fixes); a constant file, never data."""
    st.html(_style_block())


def header(context: PageContext) -> None:
    lang = context.lang
    st.title(t("app.title", lang))
    st.markdown(md(t("app.purpose", lang)))
    frames = context.frames
    st.caption(coverage_line(frames.coverage_end, frames.last_reviewed, lang))
    show_notices(context)


def show_notices(context: PageContext) -> None:
    lang = context.lang
    for notice in context.notices:
        st.warning(notice_text(notice, lang))
    if context.problems:
        reviewed = fmt_date(context.frames.last_reviewed, "day", lang)
        st.info(t("notice.data_updating", lang, date=reviewed))
        with st.expander(t("notice.data_problems_first", lang, count=context.problem_total)):
            st.code(problem_lines(context.problems, context.problem_total), language=None)
    if context.filters.active_count:
        st.caption(t("filters.active", lang, count=context.filters.active_count))


def notice_text(notice: Notice, lang: str) -> str:
    """A URL notice as a sentence: ignored, summarised or adjusted."""
    name = f"`{notice.param}`"
    if notice.more:
        return t("notice.more_bad_params", lang, count=notice.more, name=name)
    if notice.shown:
        return t("notice.dates_clamped", lang, name=name, value=notice.value, shown=notice.shown)
    return t("notice.bad_param", lang, name=name, value=f"“{md(notice.value)}”")


def footer(context: PageContext) -> None:
    lang = context.lang
    data_page = share.page_href("data", to_query(context.filters))  # keeps language and filters
    st.divider()
    st.caption(
        f"{md(t('footer.sources', lang))} {md(t('footer.licence', lang))} "
        f"[{t('footer.corrections', lang)}]({data_page}#corrections) · "
        f"[{t('footer.methods', lang)}]({data_page})"
    )
