"""A small, fast language guess: script first, then stop-word votes.

Good enough to tell English from the languages credscore's lexicons cover
(Russian, German, French, Spanish, Vietnamese) and from other scripts (Chinese,
Japanese, Korean, Arabic, …), so that English-only signals are marked not
applicable instead of being computed as if the text were English.  Returns an
ISO 639-1 code, or ``"und"`` when there is too little text to tell.
"""

from __future__ import annotations

import re
from collections import Counter

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
}
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
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_TOKEN = re.compile(r"[^\W\d_]+")


def detect(text: str, sample: int = 20000) -> str:
    """Guess the main language of ``text`` (first ``sample`` characters)."""
    t = text[:sample]
    latin = len(_LATIN.findall(t))
    cyr = len(_CYRILLIC.findall(t))
    others = [(code, len(rx.findall(t))) for code, rx in _SCRIPTS]
    best_other = max(others, key=lambda x: x[1])
    total = latin + cyr + sum(n for _, n in others)
    if total < 20:
        return "und"
    if best_other[1] > max(latin, cyr):
        # Kana beside Han means Japanese
        if best_other[0] == "zh" and dict(others)["ja"] > 0.1 * best_other[1]:
            return "ja"
        return best_other[0]
    votes: Counter[str] = Counter()
    for w in _TOKEN.findall(t.lower()):
        for lang in _WORD_TO_LANGS.get(w, ()):
            votes[lang] += 1
    if cyr > latin:
        return "ru" if votes["ru"] or not votes else votes.most_common(1)[0][0]
    if not votes:
        return "und"
    return votes.most_common(1)[0][0]
