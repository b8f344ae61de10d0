"""Render an article to quoteattr's standalone HTML page and photograph it in headless Chromium.

A real-browser check of ``quoteattr.render.render_html``: look at the PNG to see that the
quote colours, underlines, legend and paragraph breaks come out as intended. Needs Debian's
``chromium`` (``apt-get install -y chromium``); prints where the page and the PNG went.

    python scripts/screenshot.py [ARTICLE] [--out DIR] [--chromium PATH] [--size 1200,2000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import quoteattr
from quoteattr.render import render_html

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "fixtures" / "articles" / "visit_brussels_style.txt"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# No network, no first-run or sync machinery: the page must render from the file alone.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
)


def write_page(article: Path, out_dir: Path) -> Path:
    """Attribute ``article`` and write its standalone page into ``out_dir``."""
    text = article.read_bytes().decode("utf-8").removeprefix("\ufeff")
    result = quoteattr.attribute(text, doc_id=article.stem)
    page = out_dir / f"{article.stem}.html"
    page.write_text(render_html(result, standalone=True), encoding="utf-8")
    return page


def screenshot(page: Path, png: Path, *, chromium: str = DEFAULT_CHROMIUM,
               size: str = "1200,2000", timeout: float = 120) -> Path:
    """Photograph ``page`` into ``png`` with a fresh, throwaway browser profile."""
    with tempfile.TemporaryDirectory(prefix="quoteattr-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--screenshot={png}", f"--window-size={size}", page.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0 or not png.exists():
        msg = f"chromium failed (exit {proc.returncode}):\n{proc.stderr.strip()}"
        raise RuntimeError(msg)
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--out", type=Path, help="folder for page and PNG (default: a temp dir)")
    parser.add_argument("--chromium", default=DEFAULT_CHROMIUM, help="browser binary")
    parser.add_argument("--size", default="1200,2000", help="window WIDTH,HEIGHT in pixels")
    args = parser.parse_args(argv)
    if shutil.which(args.chromium) is None:
        print(f"no browser at {args.chromium}: apt-get install -y chromium", file=sys.stderr)
        return 2
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="quoteattr-screenshot-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    page = write_page(args.article, out_dir)
    png = screenshot(page, out_dir / f"{args.article.stem}.png", chromium=args.chromium,
                     size=args.size)
    print(f"page: {page}")
    print(f"screenshot: {png} ({png.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
