"""Text-mode context columns: what a plain-text line's neighbourhood says about it."""

from __future__ import annotations

import numpy as np

from credscore.chrome import features as F

# A scrape that kept every text node: a menu, then a paragraph that get_text("\n")
# cut at its two links, then a sentence of its own, then footer links.
LINES = [
    "Home", "World", "Business", "Sport",
    "The finance minister said on Tuesday that the", "budget", "would be revised, and that",
    "the central bank", "had been consulted before the vote.",
    "Opposition leaders said they would ask the court to review the decision before the end of the month.",
    "Privacy policy", "Contact us",
]


def _col(X: np.ndarray, name: str) -> np.ndarray:
    return X[:, F.TEXT_MODE_FEATURES.index(name)]


def test_columns_extend_the_shared_text_features():
    X = F.text_mode_features(LINES)
    assert X.shape == (len(LINES), len(F.TEXT_MODE_FEATURES))
    # the HTML model reads TEXT_FEATURES: the text-mode columns only append to them
    assert np.array_equal(X[:, : len(F.TEXT_FEATURES)], F.text_features(LINES))
    assert F.HTML_FEATURES[: len(F.TEXT_FEATURES)] == F.TEXT_FEATURES


def test_a_paragraph_cut_at_its_links_is_one_pseudo_paragraph():
    X = F.text_mode_features(LINES)
    para_words = _col(X, "para_log_words")
    frag = slice(4, 9)  # "The finance minister told" ... "had been consulted before the vote."
    assert np.all(para_words[frag] == para_words[4])
    assert _col(X, "continues")[4] == 0 and np.all(_col(X, "continues")[5:9] == 1)
    # "budget" alone is one word; inside its paragraph it is a 23-word, stop-word-rich block
    assert round(np.expm1(_col(X, "log_words")[5])) == 1
    assert round(np.expm1(para_words[5])) == 23 and _col(X, "para_good")[5] == 1
    # the menu and the footer are not paragraphs
    assert np.all(_col(X, "para_good")[[0, 1, 2, 3, 10, 11]] == 0)


def test_runs_of_short_lines_and_distance_to_prose():
    X = F.text_mode_features(LINES)
    assert round(np.expm1(_col(X, "short_run")[0])) == 4  # Home World Business Sport
    assert _col(X, "short_run")[9] == 0
    # "Opposition leaders ..." is good prose; the menu is 6+ lines before the first good line
    d_after = np.rint(np.expm1(_col(X, "dist_good_after")))
    assert d_after[8] == 1 and d_after[0] > d_after[3] > 0
    assert np.all(_col(X, "inside_good_span")[:4] == 0) and _col(X, "inside_good_span")[9] == 1


def test_empty_and_single_line_pages():
    assert F.text_mode_features([]).shape == (0, len(F.TEXT_MODE_FEATURES))
    X = F.text_mode_features(["Just one line of text here."])
    assert X.shape == (1, len(F.TEXT_MODE_FEATURES)) and np.isfinite(X).all()


# The cut before a capitalised link: "told" / "Reuters" / "on Tuesday ..." (an AEB-style
# wire story), then a sentence that ends, a capitalised short line, a sentence that opens in
# lower case after it -- "Read more" must stay a paragraph of its own.
LINK_CUT = [
    "Menu", "Search",
    "The minister", "told", "Reuters", "on Tuesday that the budget would be revised before the vote.",
    "Critics said the plan came too late for the farmers hit by the drought this year.",
    "Read more", "about the drought in our special report.",
]


def test_a_capitalised_link_starts_a_pseudo_paragraph():
    # the text model was trained so: a short capitalised line is not bridged into the
    # sentence around it ("Reuters" starts a pseudo-paragraph; "on Tuesday" continues it)
    cont = _col(F.text_mode_features(LINK_CUT), "continues")
    assert cont[4] == 0 and cont[5] == 1
    # a line that opens in lower case continues the one before, even after a full stop
    assert cont[7] == 0 and cont[8] == 1
    assert cont[1] == 0 and cont[2] == 0
