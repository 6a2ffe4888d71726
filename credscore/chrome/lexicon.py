"""Chrome lexicons: what site furniture says, by kind, as data.

Each kind maps to patterns (case-insensitive, matched against one block's text).
They are compiled into ONE alternation regex with a named group per kind, so a
block is tested against every kind in a single pass (``match_kind``).

Three tables:

* ``LINE_PATTERNS`` — a block that matches is chrome of that kind, provided it is
  short (``MAX_WORDS`` words; walls are made of short blocks, articles of long ones).
  Patterns anchored with ``^…$`` describe the whole block.
* ``OPENERS`` — blocks that open a *wall* (an ad-block notice, a donation appeal, a
  newsletter box): the blocks that follow belong to the wall while they keep
  speaking the wall's language (``CONTINUATION``).
* ``INLINE`` — chrome inside a kept block, removed alone: photo credits.

Languages: English first, with the common phrasings of Russian, German, French,
Spanish and Vietnamese pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A block longer than this is never removed by a LINE pattern alone.
MAX_WORDS = 30
#: … nor one longer than this many characters (30 words of chrome fit easily).  Capping
#: the length keeps the per-block regex cost bounded: the big alternation costs a few
#: microseconds per character, and some patterns backtrack quadratically inside one
#: long token ("a_-_-_-…" against the icon-font pattern).
MAX_CHARS = 1000

_PUBLISHERS = r"(?:Reuters|AP|AFP|Getty(?:\s+Images)?|EPA(?:-EFE)?|Sputnik|TASS|RIA Novosti|Shutterstock|Bloomberg|Xinhua|dpa|Alamy|iStock|Anadolu|NurPhoto|Pool|AP Photo|Associated Press)"

LINE_PATTERNS: dict[str, list[str]] = {
    "adblock": [
        r"\bad[- ]?block(?:er|ing)?\b.{0,40}\b(?:detected|enabled|active|on)\b",
        r"\b(?:you(?:'re|’re| are) using|disable|turn off|pause|whitelist|allowlist)\b.{0,20}\bad[- ]?block",
        r"^ad[- ]?block(?:er)? detected$",
        r"\bплагин.{0,20}блокировк\w* реклам",
        r"\bwerbeblocker\b",
        r"\bbloqueur de publicit",
    ],
    "donation": [
        r"^support us[.!]?$",
        r"\benjoying ad-free content\b",
        r"\bwe (?:have )?disabled all ads\b",
        r"\bsupport (?:our|independent|quality) journalism\b",
        r"^(?:make a |one[- ]time |monthly )?donat(?:e|ion)(?: now)?[.!]?$",
        r"^(?:once|monthly|annual(?:ly)?|yearly|one[- ]time|continue|other amount|\$\d+\s*/\s*month)$",
        r"\bnot ready to (?:support|donate|contribute)\b",
        r"^remind me later\.?$",
        r"^pa(?:y|i)ment methods?$",
        r"\bbecome a (?:member|patron|supporter|subscriber)\b",
        r"^a message from .{1,60}:?$",
        r"^dear (?:readers?|friends?)[,!:]?$",
        r"\bplease (?:support|donate|consider (?:supporting|donating|a contribution))\b",
        r"\bподдержите\b|\bпожертвова",
        r"\bunterstützen sie\b|\bjetzt spenden\b",
        r"\bsoutenez\b|\bfaire un don\b",
        r"\bapoya(?:nos)?\b.{0,30}\bperiodismo\b|\bdona ahora\b",
        r"\bủng hộ\b",
    ],
    "newsletter": [
        r"\bsign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletters?\b",
        r"\bsubscribe (?:to|for) (?:our|the)\b.{0,40}\b(?:newsletters?|mailing list|channel)\b",
        r"\bour (?:free )?(?:weekly |daily |monthly )?newsletters?\b",
        r"\byou will receive it in your (?:mail|in)box\b",
        r"\bnever miss (?:the latest|a story|an update)\b",
        r"\b(?:delivered|straight) to your inbox\b",
        r"^(?:enter your )?e-?mail(?: address)?:?$",
        r"^(?:subscribe|sign up)(?: now| today)?[.!]?$",
        r"\bподпишитесь на (?:нашу )?рассылк",
        r"\bnewsletter abonnieren\b",
        r"\babonnez-vous à (?:notre|la) newsletter\b",
        r"\bsuscr[íi]bete a (?:nuestro|el) bolet[íi]n\b",
        r"\bđăng ký nhận bản tin\b",
    ],
    "privacy": [
        r"\b(?:privacy policy|terms of (?:use|service)|cookie policy|terms and conditions)\b",
        r"\bwe use cookies\b|\bthis (?:web)?site uses cookies\b",
        r"\ball rights reserved\b",
        r"^©\s*(?:\d{4}|copyright)\b.{0,80}$",
        r"\bполитик\w+ конфиденциальности\b",
        r"\bdatenschutz(?:erklärung)?\b",
        r"\bpolitique de confidentialité\b|\bmentions légales\b",
        r"\bpolítica de privacidad\b",
    ],
    "social": [
        r"\bfollow us\b",
        r"\b(?:share|tweet|post) (?:this|on)\b.{0,15}\b(?:article|story|post|page|facebook|twitter|x|whatsapp|telegram|linkedin)\b",
        r"^(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|ok)"
        r"(?:\s*[|/·,•]?\s*(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|ok))*$",
        r"\bjoin us on (?:telegram|facebook|twitter|whatsapp)\b",
        r"\bподписывайтесь\b|^поделиться\b.{0,40}$",
        r"\bfolgen sie uns\b|^teilen\b.{0,40}$",
        r"\bsuivez-nous\b|^partager\b.{0,40}$",
        r"\bs[íi]guenos\b|^compartir\b.{0,40}$",
        r"\btheo dõi chúng tôi\b|^chia sẻ\b.{0,40}$",
    ],
    "icon_font": [
        r"(?:\b[\w-]{0,40}icon\b[\s\-]*){4,}",  # {0,40}, not *: linear on long "a_-_-…" tokens
    ],
    "embed": [
        r"^(?:youtube|vimeo|spotify|soundcloud|twitter|instagram|facebook|tiktok|dailymotion)\s+(?:player|video|post|embed|audio)$",
        r"^loading (?:video|player|tweet|content)",
        r"\byour browser does not support (?:the )?(?:video|audio|iframe)",
        r"^(?:video|audio|watch|listen)[.:]?$",
        r"^this (?:video|content|embed) is (?:not available|unavailable)",
        r"^(?:advertisement|sponsored|ad|anzeige|реклама|publicidad|publicité)$",
    ],
    "read_more": [
        r"^(?:read|see|view|load|show) (?:more|all|full|the full|next)\b.{0,40}$",
        r"^more (?:posts|stories|news|articles|from|on)\b.{0,40}$",
        r"^(?:scroll|back|go) to top$",
        r"^(?:related|recommended|popular|trending|latest)(?: posts| articles| stories| news| content)?:?$",
        r"^(?:previous|next|older|newer) (?:post|article|story|entry)\b.{0,80}$",
        r"^(?:also read|read also|see also|you may also like|you might also like|recommended for you)\b.{0,80}$",
        r"^(?:continue reading|keep reading|click here)\b.{0,40}$",
        r"^(?:читайте также|читать далее|подробнее)\b.{0,80}$",
        r"^(?:auch lesen|lesen sie auch|mehr zum thema|weiterlesen)\b.{0,80}$",
        r"^(?:à lire aussi|lire aussi|lire la suite|voir aussi)\b.{0,80}$",
        r"^(?:lee también|leer más|ver más)\b.{0,80}$",
        r"^(?:xem thêm|đọc thêm|tin liên quan)\b.{0,80}$",
        r"^(?:auch interessant|das könnte sie (?:auch )?interessieren|ähnliche artikel)\b.{0,80}$",
        r"^(?:leggi anche|leggi (?:di )?più|continua a leggere|articoli correlati|(?:ti )?potrebbe interessarti)\b.{0,80}$",
        r"^(?:lees (?:ook|meer|verder)|gerelateerde artikelen|meer lezen|bekijk ook)\b.{0,80}$",
        r"^(?:leia (?:também|mais)|veja também|saiba mais|artigos relacionados|continue lendo)\b.{0,80}$",
        r"^(?:lea también|seguir leyendo|te puede interesar|noticias relacionadas|sur le même sujet)\b.{0,80}$",
        r"^(?:смотрите также|ещё по теме|еще по теме)\b.{0,80}$",
        r"^(?:you might like|more by (?:the |this )?author)\b.{0,60}$",
        r"^tags?:.{0,120}$",
    ],
    "comment_prompt": [
        r"\b(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\b",
        r"\byou can comment (?:on )?this article\b",
        r"\bcomments? (?:are|is) (?:closed|disabled|moderated)\b",
        r"\byou must be logged in to (?:post a comment|reply|comment)\b",
        r"^\d*\s*(?:comments?|replies|responses)$",
        r"^(?:join the (?:discussion|conversation)|what do you think\?)$",
        r"\bоставить комментарий\b|\bкомментари[йиея]\b",
        r"\bkommentar (?:schreiben|verfassen|hinterlassen)\b|^kommentare?$",
        r"\blaisser un commentaire\b|^commentaires?$",
        r"\bdeja (?:un|tu) comentario\b|^comentarios?$",
        r"\bbình luận\b|\bgửi bình luận\b",
        r"^(?:pingback|trackback)\b.{0,160}$",
        r"^(?:die )?kommentare (?:sind )?geschlossen\.?$",
        r"^(?:i )?commenti (?:sono )?chiusi\.?$",
        r"^(?:les )?commentaires sont fermés\.?$",
        r"^(?:os )?comentários (?:estão )?(?:fechados|encerrados)\.?$",
        r"^reacties (?:zijn )?gesloten\.?$",
        r"^(?:schreibe einen kommentar|lascia un commento|deixe (?:um|seu) comentário|laat een reactie achter|"
        r"plaats een reactie)\b.{0,40}$",
        r"^(?:commenti|comentários|reacties|kommentare)\s*(?:\(\d+\))?$",
    ],
    "author_promo": [
        r"^hi,? i(?:'m| am)\b.{1,80}\b(?:writer|designer|blogger|developer|editor|author|seo|marketer)\b",
        r"\b(?:web designer|content writer|blogger|seo expert)\b.{0,60}\b(?:on|at|of)\s+\S+\.(?:com|net|org|in|co|info)\b",
        r"^(?:about the author|author bio|written by)\b.{0,80}$",
    ],
    "photo_credit": [
        r"^(?:photo|image|picture|credit|foto|фото)s?\s*(?::|by|©)\s*.{1,80}$",
        r"^[\w.’'\- ]{2,60}\s*/\s*" + _PUBLISHERS + r"(?:\s*/\s*[\w ]{2,30})?$",
        r"^©\s*[\w.’'\- ]{2,60}(?:\s*/\s*[\w ]{2,40})?$",
        r"^(?:photograph|photography|photo illustration)\s*(?::|by)\s*.{1,80}$",
        r"^(?:beitragsbild|titelbild|bildquelle|bildnachweis|fotocredit|foto di|crédit photo|"
        r"crédito(?: da)? foto|fotografia)\s*(?::|©)\s*.{1,80}$",
        r"^(?:beitragsbild|titelbild)$",
    ],
    "reading_time": [
        r"^\d{1,3}\s*[-–]?\s*min(?:ute)?s?\.?\s+read(?:ing time)?$",
        r"^(?:estimated )?reading time\s*:?\s*\d{1,3}\s*min(?:ute)?s?\.?$",
        r"^(?:lesezeit|leestijd|tempo di lettura|tempo de leitura|tiempo de lectura|temps de lecture|время чтения)"
        r"\s*:?\s*(?:ca\.\s*)?\d{1,3}\s*(?:min\w*|мин\w*)\.?$",
        r"^\d{1,3}\s*(?:min\w*|мин\w*)\.?\s+(?:lesezeit|leestijd|de lecture|de lectura|di lettura|de leitura|"
        r"на чтение|чтения)$",
    ],
    "navigation": [
        r"^(?:home|menu|search|log ?in|sign ?in|register|skip to (?:main )?content|toggle navigation|close|open menu)$",
        r"^(?:world|local|breaking|latest|top|business|politics|sports?|tech(?:nology)?|science|health|opinion|"
        r"entertainment|lifestyle|culture|us|uk|europe|asia|africa|americas|middle east|national|international)\s+news$",
        r"^(?:news|politics|world|business|opinion|sports|technology|science|health|culture|economy|video|photos)$",
        r"^[×✕✖x]$",
    ],
}

OPENERS: dict[str, list[str]] = {
    "adblock": [r"^ad[- ]?block(?:er)? detected", r"\bit looks like you(?:'re|’re| are) using an ad[- ]?blocker"],
    "donation": [r"^a message from .{1,60}:?$", r"^enjoying ad-free content\??$", r"^support us[.!]?$", r"^dear readers?,?$"],
    "newsletter": [r"\bsign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletters?\b", r"\bsubscribe to (?:our|the)\b.{0,40}\bnewsletters?\b"],
}

#: A block inside a wall continues it if the publisher speaks to the reader about the wall's business.
CONTINUATION = (
    r"\b(?:your|you)\b.{0,60}\b(?:support|help|donat\w*|contribut\w*|subscri\w*|inbox|e-?mail|ad-?block\w*|ads|journalism)\b"
    r"|\b(?:we|our|us)\b.{0,60}\b(?:journalis\w+|support|help|ads|newsletter|work|staff|readers?|reporting|newsroom)\b"
    r"|\b(?:support(?:ing)?|donat\w+|contribut\w+)\b.{0,80}\b(?:us|our|journalism)\b"
    r"|\bsubscribers?\b"
    r"|^\$\d+$"  # an amount button of a donation wall (a bare price alone is not chrome)
)

# Each INLINE pattern opens with ``(?<!\s)\s*``: the match starts where a run of spaces
# starts (as it would anyway: leftmost match), and a long run of spaces is scanned once
# instead of once per space (which was quadratic).
INLINE: dict[str, list[str]] = {
    "photo_credit": [
        # "… visits Russia, July 6 © Alexey Filippov/Sputnik" (a credit closing a caption)
        r"(?<!\s)\s*©\s*[\w.’'\- ]{2,60}(?:\s*/\s*[\w.’'\- ]{2,40})?\s*$",
        # "(AP Photo/Minh Hoang)", "(Reuters/Jane Doe)", "(Photo: Getty Images)"
        r"(?<!\s)\s*\((?:" + _PUBLISHERS + r"|[A-Z]{2,6})\s*(?:Photo|Picture|Image|Foto)s?\s*/\s*[^()\n]{2,60}\)",
        r"(?<!\s)\s*\((?:Photo|Image|Picture)s?\s*(?::|by)\s*[^()\n]{2,60}\)",
    ],
}


def _alternation(table: dict[str, list[str]]) -> re.Pattern[str]:
    parts = [f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats)})" for kind, pats in table.items()]
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=1)
def _line_re() -> re.Pattern[str]:
    return _alternation(LINE_PATTERNS)


# LINE_RE: every LINE pattern in one alternation (the reference: :func:`match_kind`
# returns what ``LINE_RE.search`` would, only faster).  Compiled on first access
# (only tests and audits use it), as is _FREE_RE (only blocks holding a trigger need it).
__lazy_patterns__ = ("LINE_RE", "_FREE_RE")


def __getattr__(name: str) -> object:
    if name == "LINE_RE":
        return _line_re()
    if name == "_FREE_RE":
        return _free_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _anchored(pattern: str) -> bool:
    """True when ``pattern`` can only match at the start (``^…`` with no top-level ``|``)."""
    if not pattern.startswith("^"):
        return False
    depth = 0
    esc = False
    in_class = False
    for ch in pattern:
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return True


# The speed path of match_kind.  The big alternation costs a few microseconds per
# character because every position tries every branch.  Split it: the patterns anchored
# at the start are tried once, at position 0 (``match``); the others only run when the
# block contains one of their trigger strings -- a literal each match must contain,
# checked with ``in`` on the case-folded text (C-speed substring scans).
_KIND_ORDER = {k: i for i, k in enumerate(LINE_PATTERNS)}
_ANCHORED_RE = _alternation({k: [p for p in v if _anchored(p)] for k, v in LINE_PATTERNS.items()
                             if any(_anchored(p) for p in v)})


@lru_cache(maxsize=1)
def _free_re() -> re.Pattern[str]:
    return _alternation({k: [p for p in v if not _anchored(p)] for k, v in LINE_PATTERNS.items()
                         if any(not _anchored(p) for p in v)})


#: Lower-case literals, one of which every match of a non-anchored pattern contains
#: (tests/test_chrome_lexicon_speed.py checks it against LINE_RE on real pages).
_FREE_TRIGGERS: tuple[str, ...] = (
    # adblock
    "block", "блокировк", "bloqueur",
    # donation
    "ad-free", "disabled all ads", "journalism", "not ready to", "become a", "please", "поддержите",
    "пожертвова", "unterstützen sie", "spenden", "soutenez", "faire un don", "periodismo", "dona ahora", "ủng hộ",
    # newsletter
    "newsletter", "mailing list", "channel", "box", "never miss", "рассылк", "suscr", "bản tin",
    # privacy
    "privacy policy", "terms of", "cookie", "terms and conditions", "all rights reserved", "конфиденциальности",
    "datenschutz", "confidentialité", "mentions légales", "política de privacidad",
    # social
    "follow us", "share", "tweet", "post", "join us on", "подписывайтесь", "поделиться", "folgen sie uns", "teilen",
    "suivez-nous", "partager", "guenos", "compartir", "theo dõi chúng tôi", "chia sẻ",
    # icon_font, embed
    "icon", "your browser does not support",
    # comment_prompt
    "comment", "reply", "response", "комментари", "kommentar", "commentaire", "comentario", "bình luận",
    # author_promo
    "web designer", "content writer", "blogger", "seo expert",
)


def _free_may_match(text: str) -> bool:
    low = text.casefold()
    if len(low) != len(text):  # a character folded to several ("ß" -> "ss", "İ"): no shortcut
        return True
    return any(t in low for t in _FREE_TRIGGERS)
OPENER_RE = _alternation(OPENERS)
CONTINUATION_RE = re.compile(CONTINUATION, re.IGNORECASE)
INLINE_RE = _alternation(INLINE)
KINDS: tuple[str, ...] = tuple(LINE_PATTERNS) + ("repeated_title", "boilerplate", "header", "footer", "aside", "form", "widget")


def is_icon_font(text: str) -> bool:
    """A run of icon-font class names ("icon bookmark-bicon bookmarkicon cameraicon …")."""
    tokens = text.split()
    return len(tokens) >= 6 and sum(1 for t in tokens if "icon" in t.lower()) >= 0.3 * len(tokens)


@lru_cache(maxsize=50_000)
def match_kind(text: str) -> str | None:
    """The chrome kind a block's text announces, or None (always None above ``MAX_CHARS``;
    cached: menus repeat)."""
    if len(text) > MAX_CHARS:
        return None
    a = _ANCHORED_RE.match(text)
    u = _free_re().search(text) if _free_may_match(text) else None
    if a is None:
        return u.lastgroup if u else None
    if u is None or u.start() > 0:
        return a.lastgroup
    # both match at position 0: the combined alternation would take the earlier kind
    return min(a.lastgroup, u.lastgroup, key=_KIND_ORDER.__getitem__)


@lru_cache(maxsize=50_000)
def opener_kind(text: str) -> str | None:
    """The wall kind this block opens, or None (always None above ``MAX_CHARS``; cached)."""
    if len(text) > MAX_CHARS:
        return None
    m = OPENER_RE.search(text)
    return m.lastgroup if m else None
