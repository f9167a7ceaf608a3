"""Seeded training of the shipped models, from ../shared/data only."""
