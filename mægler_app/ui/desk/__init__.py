"""Væksthus' desk: the caseworker's views (issue 18)."""
