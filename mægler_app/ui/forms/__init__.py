"""The form renderer (any definition) and the screening widget built on it."""
