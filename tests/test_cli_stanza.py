"""The command line's stanza options fail clearly where models or the network are missing."""

from __future__ import annotations

from pathlib import Path

from cli_support import run


def test_extract_with_stanza_and_no_models_names_the_missing_files(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We will rebuild," Mayor Ana Duarte said.', encoding="utf-8")
    models = tmp_path / "models"
    models.mkdir()
    proc = run("extract", "--annotator", "stanza", "--model-dir", str(models), str(article),
                cwd=tmp_path)
    assert proc.returncode == 2
    assert "resources.json" in proc.stderr and "quoteattr download" in proc.stderr
    assert proc.stdout == ""


def test_download_without_network_or_stanza_says_what_is_missing(tmp_path: Path) -> None:
    proc = run("download", "--dir", str(tmp_path / "models"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("quoteattr: error: ")
    assert "stanza" in proc.stderr and "Traceback" not in proc.stderr
