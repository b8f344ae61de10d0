"""Mentions -> entities: name-variant clustering and pronoun / role-noun resolution.

Names cluster without models: "John Kerry", "Kerry" and "Mr. Kerry" share a surname,
titles are kept apart as ``titles``, and the canonical name is the fullest form
(names.py). Pronouns and role nouns are resolved on demand by agreement (agreement.py)
and salience (salience.py): the subject of a recent sentence outranks its objects, recent
speakers gain weight, and a role noun ("the prime minister") goes first to the entity the
text gives that title (nominals.py, organisations.py).
"""

from __future__ import annotations

from .clusters import Cluster
from .coreference import Coreference

__all__ = ["Cluster", "Coreference"]
