"""Samenspel: diagnose and steer inter-organisational collaboration.

The package is split in a pure core (``knowledge``, ``instrument``,
``responses.model``, ``analysis``, ``network``) and thin adapters around it
(``cli``, ``responses`` file readers and writers, ``report``, ``web``).
"""

__version__ = "0.1.0"
