"""A small, fast language guess: script first, then stop-word votes.

Good enough to tell English from the languages credscore's lexicons cover
(Russian, German, French, Spanish, Vietnamese), from other common Latin-script
languages (Italian, Portuguese, Dutch, Polish, Turkish, Indonesian, Swedish) and
from other scripts (Chinese, Japanese, Korean, Arabic, …), so that English-only
signals are marked not applicable instead of being computed as if the text were
English.  Returns an ISO 639-1 code, or ``"und"`` (undetermined).

How it decides:

1. *Script.*  Letters are counted per script; a CJK character counts three times
   (one Han character carries about what three Latin letters do), so a Chinese
   article full of English product names is still Chinese.  A non-Latin,
   non-Cyrillic script that outweighs Latin and Cyrillic decides (Han with kana
   beside it is Japanese).
2. *Stop words.*  For Latin and Cyrillic text each token votes for the languages
   whose stop-word list holds it.  The winner must account for at least
   ``MIN_SHARE`` of the tokens: running prose in any language is 20–40 % stop
   words, while a product listing or a sports schedule ("Arizona Cardinals
   Atlanta Falcons …") is almost none, and its few stray votes ("e", "o", "de")
   would otherwise name a language at random.  Such text is ``"und"``.

``"und"`` is also returned for fewer than 20 letters.  Callers treat ``"und"`` as
"maybe English": English-only signals still run on it (on WCXB's 1,497 pages,
mostly English, the 27 ``"und"`` are empty pages, product grids and schedules).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

_STOP = {
    "en": "the and of to in is that it for was on with as by at from his her this have are be not but they said".split(),
    "ru": "и в не на что с по как это он она из за то к от но так же его для о".split(),
    "de": "der die und das ist nicht mit den von zu auf sich des dem ein eine auch für im sie".split(),
    "fr": "le la les et des est une dans pour qui pas sur au du que avec sont il elle ce".split(),
    "es": "el la los las y que del en por una con para es se al lo como más pero sus".split(),
    "vi": "và của là có trong được cho những một này các với không người đã đến khi".split(),
    "it": "il della che di e la per è un non sono alla anche nel gli".split(),
    "pt": "o os da do que e em um uma para com não por mais as dos".split(),
    "nl": "de het een en van is dat op te zijn niet met voor ook".split(),
    "pl": "i w na z do nie się że jest to jak ale po co tak za od przez".split(),
    "tr": "ve bir bu da için ile çok olarak daha gibi ama kadar olan sonra".split(),
    "id": "dan yang di ini itu dengan untuk dari tidak akan pada juga ke adalah".split(),
    "sv": "och att det som en på är av för med till den har inte om".split(),
}

#: The winning language's stop words must make up this share of the tokens.
MIN_SHARE = 0.05
#: Weight of one CJK character against one Latin letter.
CJK_WEIGHT = 3
_WORD_TO_LANGS: dict[str, list[str]] = {}
for _lang, _words in _STOP.items():
    for _w in _words:
        _WORD_TO_LANGS.setdefault(_w, []).append(_lang)

_SCRIPTS = (
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Any letter of the scripts above or Cyrillic: most texts have none, and then the
#: per-script counts are all 0 and only "20 Latin letters or more?" is left to ask.
_NON_LATIN = re.compile("[" + "".join(rx.pattern[1:-1] for _, rx in _SCRIPTS) + _CYRILLIC.pattern[1:-1] + "]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_TOKEN = re.compile(r"[^\W\d_]+")


def detect(text: str, sample: int = 20000) -> str:
    """Guess the main language of ``text`` (first ``sample`` characters)."""
    t = text[:sample]
    if _NON_LATIN.search(t) is None:  # Latin letters only: the script counts are all 0
        if next(islice(_LATIN.finditer(t), 19, None), None) is None:
            return "und"  # fewer than 20 letters
        latin, cyr = 20, 0  # (only ``cyr > latin`` is asked below: False)
    else:
        latin = len(_LATIN.findall(t))
        cyr = len(_CYRILLIC.findall(t))
        counts = {code: len(rx.findall(t)) for code, rx in _SCRIPTS}
        if latin + cyr + sum(counts.values()) < 20:
            return "und"
        weighted = {code: n * (CJK_WEIGHT if code in ("zh", "ja", "ko") else 1) for code, n in counts.items()}
        best_code = max(weighted, key=lambda c: (weighted[c], c))
        if weighted[best_code] > max(latin, cyr):
            # Kana beside Han means Japanese
            if best_code == "zh" and counts["ja"] > 0.1 * counts["zh"]:
                return "ja"
            return best_code
    tokens = _TOKEN.findall(t.lower())
    # only the stop words are counted (filtered in C), then one look-up per distinct one
    # (the votes and their first-vote order are those of counting every token)
    votes: Counter[str] = Counter()
    for w, k in Counter(filter(_WORD_TO_LANGS.__contains__, tokens)).items():
        for lang in _WORD_TO_LANGS[w]:
            votes[lang] += k
    if cyr > latin:
        return "ru" if votes["ru"] or not votes else votes.most_common(1)[0][0]
    if not votes:
        return "und"
    best, n = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "en", kv[0]))
    if n < MIN_SHARE * len(tokens):
        return "und"
    return best
