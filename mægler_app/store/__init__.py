"""The local store: SQLAlchemy 2 models, the outbox, migrations and the use-case services."""
