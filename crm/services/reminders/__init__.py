"""Reminders: dated things the officer must not miss, from many sources, one engine."""
