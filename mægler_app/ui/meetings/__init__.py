"""Møder og udgifter: the meeting log, expenses with receipts and the facilitation budget (issue 5)."""
