"""The caseworker's Programmet and Mæglere views (issue 18, parts 3-4)."""
