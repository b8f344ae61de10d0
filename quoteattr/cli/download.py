"""``quoteattr download``: fetch stanza's English models, to copy to offline machines."""

from __future__ import annotations


def run(model_dir: str | None, processors: str) -> int:
    """Fetch stanza's English models into ``model_dir`` and say where they went."""
    from ..stanza_models import download  # only this command needs it

    where = download(model_dir, processors=tuple(p.strip() for p in processors.split(",")))
    print(f"stanza models for quoteattr are in {where}")
    return 0
