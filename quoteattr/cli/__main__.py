"""Run the command line as ``python -m quoteattr.cli`` (the same as ``python -m quoteattr``)."""

from __future__ import annotations

import sys

from . import main

sys.exit(main())
