"""Pure Python: the programme's rules, money, CVR, the stage machine.

Imports nothing of Qt, SQLAlchemy or HTTP (an import-linter contract keeps it so).
"""
