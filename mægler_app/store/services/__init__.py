"""Use cases over the store. Widgets call these; they take a Store and plain values, return plain values."""
