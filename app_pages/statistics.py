"""statistics page (being built)."""

import streamlit as st

from dashboard import ui

context = ui.page_context()
st.header("statistics", anchor=False)
