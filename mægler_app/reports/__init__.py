"""reports layer of Mægler (DESIGN.md §3)."""
