"""The company register (view Virksomheder): table, editor, contact persons, CSV import and export."""
