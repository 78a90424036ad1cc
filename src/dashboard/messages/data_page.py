"""Messages of the data_page page family."""

MESSAGES: dict[str, dict[str, str]] = {}
