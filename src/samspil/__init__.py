"""Samspil: events, registration, live dialogue, networks and solutions for innovation centres."""
