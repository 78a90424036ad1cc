"""overview page (being built)."""

import streamlit as st

from dashboard import ui

context = ui.page_context()
st.header("overview", anchor=False)
