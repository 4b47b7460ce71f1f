"""Prism (棱镜): an offline client-relationship manager for bank loan officers."""

__version__ = "0.1.0"
