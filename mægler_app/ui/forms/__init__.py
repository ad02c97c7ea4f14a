"""The form renderer (any definition) and the screening widget built on it."""

from . import pyside_guard

pyside_guard.apply()
