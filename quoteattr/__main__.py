"""Run the command line: ``python -m quoteattr extract ARTICLE.txt``."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
