"""The learned chrome model: safe loading, exact tree evaluation, real pages it never saw."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from credscore.chrome import features as F
from credscore.chrome import model as M
from credscore.chrome import strip
from credscore.errors import ModelError
from credscore.segment import segment_html, segment_text

from . import _data as data
from .conftest import ROOT


def test_model_loads_from_plain_json_with_a_card():
    raw = json.loads((ROOT / "models" / M.MODEL_FILE).read_text(encoding="utf-8"))
    assert raw["format"] == M.FORMAT
    m = M.load(ROOT / "models" / M.MODEL_FILE)
    assert m.html.feature_names == F.HTML_FEATURES
    assert m.text.feature_names == F.TEXT_MODE_FEATURES
    assert 0.0 < m.html.threshold < 1.0 and 0.0 < m.text.threshold < 1.0
    assert "train" in m.card["data"]["split"] and m.card["trained_by"] == "tools/train_chrome.py"


def test_tree_walk_matches_a_hand_computed_ensemble():
    # two stumps: f0 <= 1.5 -> -1 else +2 (NaN goes right); f1 <= 0 -> 0.5 else -0.5 (NaN goes left)
    d = {
        "feature_names": ["a", "b"], "baseline": 0.25, "threshold": 0.5,
        "trees": [
            {"feature": [0, 0, 0], "threshold": [1.5, 0, 0], "left": [1, -1, -1], "right": [2, -1, -1],
             "value": [0, -1.0, 2.0], "is_leaf": [0, 1, 1], "missing_left": [0, 0, 0], "depth": 1},
            {"feature": [1, 0, 0], "threshold": [0.0, 0, 0], "left": [1, -1, -1], "right": [2, -1, -1],
             "value": [0, 0.5, -0.5], "is_leaf": [0, 1, 1], "missing_left": [1, 0, 0], "depth": 1},
        ],
    }
    ens = M.TreeEnsemble.from_dict(d)
    X = np.array([[1.0, -1.0], [3.0, 1.0], [np.nan, np.nan]])
    assert ens.raw(X).tolist() == [0.25 - 1 + 0.5, 0.25 + 2 - 0.5, 0.25 + 2 + 0.5]
    assert ens.proba(X)[0] == pytest.approx(1 / (1 + math.exp(0.25)))


def test_wrong_feature_set_is_refused(tmp_path):
    raw = json.loads((ROOT / "models" / M.MODEL_FILE).read_text(encoding="utf-8"))
    raw["models"]["text"]["feature_names"] = raw["models"]["text"]["feature_names"][:-1]
    p = tmp_path / "m.json"
    p.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        M.load(p)


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "other"}', b"[]", b'{"format": "%s"}'])
def test_a_broken_chrome_model_file_is_a_model_error(tmp_path, content):
    """The same error as every other model file (score, spin, CRED-1): ModelError, never a
    bare ValueError or KeyError."""
    p = tmp_path / "m.json"
    p.write_bytes(content.replace(b"%s", M.FORMAT.encode()))
    with pytest.raises(ModelError):
        M.load(p)
    with pytest.raises(ModelError):
        M.load(tmp_path / "missing.json")


# ------------------------------------------------------------------- real held-out pages
needs_data = pytest.mark.skipif(not data.boilerplate_available(), reason="../shared boilerplate data not available")


def _clean(content: str, mode: str) -> tuple[str, list]:
    seg = segment_html(content) if mode == "html" else segment_text(content)
    st = strip(seg, mode, model=M.label_with_model)
    return st.text, st.removed


@needs_data
@pytest.mark.parametrize("mode", ["html", "text"])
def test_test_split_pages_keep_the_article_and_drop_chrome(mode):
    """Six evenly spaced pages of the held-aside test split (sites the model never saw)."""
    pages = data.boilerplate_pages("test", limit=6)
    ours, naive = [], []
    for p in pages:
        html = p.html()
        content = html if mode == "html" else data.html_to_text_input(html)
        text, removed = _clean(content, mode)
        ours.append(data.word_prf(text, p.gold))
        naive.append(data.word_prf(data.html_to_text_input(html), p.gold))
        assert removed or not p.gold.strip(), p.id
    # macro (precision, recall, F1); recall over pages that have a gold text (an empty
    # gold scores 0 for any output, and one such page keeps its one title line)
    o, n = np.mean(ours, axis=0), np.mean(naive, axis=0)
    r = np.mean([s[1] for s, p in zip(ours, pages) if p.gold.strip()])
    assert r >= 0.8, o
    assert o[0] >= n[0] + 0.1, (o, n)
    assert o[2] > n[2], (o, n)


@needs_data
def test_removed_blocks_keep_a_kind():
    (page,) = [p for p in data.boilerplate_pages("test") if p.corpus == "wcxb" and p.page_type == "article"][:1]
    _, removed = _clean(page.html(), "html")
    kinds = {r.kind for r in removed}
    assert kinds <= set(F.KINDS) | {"boilerplate", "repeated_title", "header", "footer", "aside", "form", "widget"}
    assert "boilerplate" in kinds and len(kinds) >= 2, kinds


def test_model_names_multilingual_chrome_kinds_on_a_french_page():
    text = (
        "Accueil\nPolitique\nLa réforme des retraites adoptée au Sénat\n"
        "Le Sénat a adopté mardi soir la réforme des retraites, après des semaines de débats houleux "
        "entre la majorité et l'opposition, qui promet de saisir le Conseil constitutionnel.\n"
        "Le texte prévoit un relèvement progressif de l'âge légal de départ, une mesure contestée par "
        "l'ensemble des syndicats qui appellent à une nouvelle journée de mobilisation jeudi.\n"
        "À lire aussi\nSuivez-nous\nPolitique de confidentialité\n"
    )
    out, removed = _clean(text, "text")
    assert "Le Sénat a adopté mardi soir" in out and "relèvement progressif" in out
    by_text = {r.text: r.kind for r in removed}
    assert by_text.get("À lire aussi") == "read_more"
    assert by_text.get("Suivez-nous") == "social"
    assert by_text.get("Politique de confidentialité") == "privacy"
