"""Samspil's settings plus the bench's trivial view (bench/trivial_urls.py).

Only bench/registration_rush.py uses this module, to compare registration with
the cheapest Django request on the same stack.
"""

from samspil.settings import *  # noqa: F403 (the bench runs the real settings)

ROOT_URLCONF = "bench.trivial_urls"
