"""Mægler: the network brokers' desktop tool and Væksthus Midtjylland's sync server."""

__version__ = "0.1.0"
