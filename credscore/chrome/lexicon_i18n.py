"""Chrome phrases in six languages (en, ru, de, fr, es, vi), by kind.

Site chrome is short and formulaic in every language: "Read more" is "Читать далее",
"Weiterlesen", "Lire la suite", "Leer más", "Xem thêm".  Each entry below is a regular
expression fragment (case-insensitive, matched with word boundaries where it starts or
ends with a letter); :data:`I18N_RES` compiles one alternation regex per kind.

These patterns are *evidence*, not verdicts: the block model (:mod:`credscore.chrome.model`)
reads "which kinds matched, and how much of the block the match covers" as features, and
a rule only removes a block outright where the match covers most of a short block.

Written for credscore from common UI strings; no list was copied from another project.
"""

from __future__ import annotations

import re
from functools import lru_cache

PHRASES: dict[str, dict[str, list[str]]] = {
    "read_more": {
        "en": [r"read more", r"continue reading", r"read the full (?:story|article)", r"more posts?",
               r"see (?:also|more)", r"related (?:articles?|posts?|stories|content)", r"you (?:may|might) also like",
               r"recommended (?:for you|stories|articles)", r"scroll to top", r"back to top", r"load more",
               r"show more", r"view all", r"also read", r"most (?:read|popular)", r"trending now",
               r"next (?:article|post|story)", r"previous (?:article|post|story)", r"more from"],
        "ru": [r"читать (?:далее|дальше|также|еще|ещё)", r"читайте также", r"подробнее", r"похожие (?:статьи|новости|записи)",
               r"ещё по теме", r"еще по теме", r"по теме", r"популярное", r"самое читаемое", r"наверх", r"показать (?:ещё|еще)",
               r"следующая статья", r"предыдущая статья", r"другие новости", r"смотрите также"],
        "de": [r"weiterlesen", r"mehr lesen", r"mehr dazu", r"auch lesen", r"lesen sie auch", r"das könnte sie auch interessieren",
               r"ähnliche (?:artikel|beiträge)", r"verwandte (?:artikel|beiträge)", r"meistgelesen", r"nach oben",
               r"mehr anzeigen", r"alle anzeigen", r"nächster (?:artikel|beitrag)", r"vorheriger (?:artikel|beitrag)",
               r"zum artikel"],
        "fr": [r"lire (?:la suite|aussi|plus)", r"à lire aussi", r"a lire aussi", r"voir aussi", r"en savoir plus",
               r"articles? (?:similaires|liés|connexes)", r"sur le même sujet", r"les plus lus", r"retour en haut",
               r"afficher plus", r"voir (?:plus|tout)", r"article suivant", r"article précédent", r"vous aimerez aussi"],
        "es": [r"leer más", r"seguir leyendo", r"lee también", r"lea también", r"te puede interesar", r"ver (?:más|también|todo)",
               r"artículos relacionados", r"noticias relacionadas", r"lo más (?:leído|visto)", r"volver arriba",
               r"cargar más", r"mostrar más", r"siguiente artículo", r"artículo anterior", r"también te puede gustar"],
        "vi": [r"xem thêm", r"đọc thêm", r"đọc tiếp", r"tin liên quan", r"bài viết liên quan", r"tin cùng chuyên mục",
               r"tin mới nhất", r"đọc nhiều nhất", r"lên đầu trang", r"bài tiếp theo", r"bài trước", r"có thể bạn quan tâm"],
    },
    "comment_prompt": {
        "en": [r"leave a (?:comment|reply)", r"post a comment", r"add a comment", r"\d+ comments?", r"no comments(?: yet)?",
               r"you (?:can|may) comment", r"you must be logged in to (?:post|reply|comment)", r"log in to (?:reply|comment)",
               r"be the first to comment", r"join the (?:discussion|conversation)", r"comments? (?:are|is) closed",
               r"your email address will not be published", r"required fields are marked", r"cancel reply", r"reply\b",
               r"show comments", r"view comments", r"write a review", r"was this (?:helpful|article helpful)"],
        "ru": [r"оставить комментарий", r"оставьте комментарий", r"комментари(?:и|ев|й)", r"добавить комментарий",
               r"ответить", r"войдите,? чтобы (?:оставить|ответить|комментировать)", r"написать комментарий",
               r"будьте первым", r"обсуждение"],
        "de": [r"kommentar (?:schreiben|hinterlassen|abgeben)", r"\d+ kommentare?", r"kommentare", r"antworten",
               r"schreibe einen kommentar", r"deine e-mail-adresse wird nicht veröffentlicht", r"pflichtfelder sind mit",
               r"zur diskussion", r"anmelden,? um zu kommentieren"],
        "fr": [r"laisser un commentaire", r"laissez un commentaire", r"ajouter un commentaire", r"\d+ commentaires?",
               r"commentaires", r"répondre", r"votre adresse (?:e-mail|email|de messagerie) ne sera pas publiée",
               r"les champs obligatoires sont indiqués", r"connectez-vous pour (?:commenter|répondre)", r"réagissez"],
        "es": [r"deja (?:un|tu) comentario", r"dejar un comentario", r"añadir comentario", r"\d+ comentarios?", r"comentarios",
               r"responder", r"tu dirección de correo electrónico no será publicada", r"los campos obligatorios están marcados",
               r"inicia sesión para comentar"],
        "vi": [r"bình luận", r"gửi bình luận", r"viết bình luận", r"ý kiến (?:bạn đọc|của bạn)", r"trả lời",
               r"đăng nhập để bình luận"],
    },
    "social": {
        "en": [r"follow us(?: on)?", r"share (?:this|on|via)", r"share(?:s)?\b", r"tweet", r"like us on facebook",
               r"(?:facebook|twitter|linkedin|pinterest|whatsapp|telegram|instagram|youtube|tiktok|reddit|email)(?:\s*[|/·•,]\s*"
               r"(?:facebook|twitter|linkedin|pinterest|whatsapp|telegram|instagram|youtube|tiktok|reddit|email|x))+",
               r"copy link", r"pin it", r"join us on telegram"],
        "ru": [r"подписывайтесь(?: на нас)?", r"подпишитесь на (?:наш|нас)", r"поделиться", r"поделитесь", r"мы в соцсетях",
               r"мы в (?:telegram|телеграм|вконтакте|вк)", r"наш телеграм-канал", r"присоединяйтесь"],
        "de": [r"folgen sie uns", r"folge uns", r"teilen", r"auf facebook teilen", r"artikel teilen", r"link kopieren"],
        "fr": [r"suivez-nous", r"suivez nous", r"partager(?: sur| cet article)?", r"partagez", r"copier le lien", r"rejoignez-nous"],
        "es": [r"síguenos", r"siguenos", r"compartir(?: en)?", r"comparte", r"copiar enlace", r"únete"],
        "vi": [r"theo dõi (?:chúng tôi|trên)", r"chia sẻ", r"chia sẻ bài viết", r"sao chép liên kết", r"tham gia"],
    },
    "newsletter": {
        "en": [r"sign up for (?:our|the) (?:\w+ )?newsletter", r"subscribe to (?:our|the) (?:\w+ )?newsletter", r"newsletter",
               r"get (?:our|the) (?:latest|best) .{0,40} (?:in|to) your inbox", r"enter your email(?: address)?", r"subscribe now",
               r"sign up now", r"join our mailing list", r"delivered to your inbox"],
        "ru": [r"подпишитесь на (?:рассылку|новости)", r"рассылк[аиу]", r"введите (?:ваш )?e-?mail", r"подписаться"],
        "de": [r"newsletter(?: abonnieren)?", r"jetzt abonnieren", r"e-mail-adresse eingeben", r"melden sie sich (?:jetzt )?an"],
        "fr": [r"inscrivez-vous à (?:notre|la) newsletter", r"lettre d'information", r"newsletter", r"abonnez-vous",
               r"votre adresse e-?mail", r"s'abonner"],
        "es": [r"suscríbete(?: a nuestro boletín)?", r"boletín", r"newsletter", r"introduce tu (?:correo|email)", r"suscribirse"],
        "vi": [r"đăng ký nhận (?:tin|bản tin)", r"bản tin", r"nhập email", r"đăng ký"],
    },
    "privacy": {
        "en": [r"privacy policy", r"cookie(?:s)? (?:policy|settings|preferences)", r"we use cookies", r"this (?:web)?site uses cookies",
               r"accept (?:all )?cookies", r"terms (?:of (?:use|service)|and conditions)", r"all rights reserved",
               r"do not sell my personal information", r"manage (?:consent|preferences)", r"by (?:clicking|continuing|subscribing)",
               r"copyright ©?", r"©\s*\d{4}"],
        "ru": [r"политика конфиденциальности", r"(?:мы )?используем (?:файлы )?cookie", r"все права защищены",
               r"пользовательское соглашение", r"согласие на обработку персональных данных"],
        "de": [r"datenschutz(?:erklärung|einstellungen|hinweise)?", r"impressum", r"wir verwenden cookies", r"cookie-einstellungen",
               r"alle rechte vorbehalten", r"nutzungsbedingungen", r"\bagb\b"],
        "fr": [r"politique de confidentialité", r"mentions légales", r"nous utilisons des cookies", r"gestion des cookies",
               r"tous droits réservés", r"conditions générales", r"données personnelles"],
        "es": [r"política de privacidad", r"aviso legal", r"utilizamos cookies", r"política de cookies",
               r"todos los derechos reservados", r"términos y condiciones"],
        "vi": [r"chính sách bảo mật", r"điều khoản sử dụng", r"bản quyền", r"giữ bản quyền", r"chúng tôi sử dụng cookie"],
    },
    "donation": {
        "en": [r"support us", r"donate(?: now| today)?", r"make a donation", r"become a (?:member|patron|supporter|subscriber)",
               r"your support (?:helps|can help|makes)", r"support (?:our|independent) journalism", r"remind me later",
               r"(?:once|monthly|annual|one-time)(?:\s*/\s*(?:once|monthly|annual|one-time))+", r"contribute now",
               r"subscribe to (?:read|continue)", r"already a subscriber", r"become a member"],
        "ru": [r"поддержите(?: нас)?", r"поддержать", r"пожертвова(?:ть|ние)", r"помогите нам", r"задонатить", r"оформить подписку"],
        "de": [r"unterstützen sie uns", r"jetzt (?:unterstützen|spenden)", r"spenden", r"abo abschließen", r"bereits abonnent"],
        "fr": [r"soutenez(?:-nous)?", r"faire un don", r"faites un don", r"abonnez-vous pour lire", r"déjà abonné"],
        "es": [r"apóyanos", r"haz una donación", r"donar", r"hazte socio", r"ya soy suscriptor", r"suscríbete para seguir leyendo"],
        "vi": [r"ủng hộ", r"quyên góp", r"đóng góp"],
    },
    "adblock": {
        "en": [r"ad ?block(?:er)?", r"disable your ad ?blocker", r"whitelist (?:us|our site)", r"advertisement", r"sponsored(?: content)?",
               r"ad-free", r"skip ad", r"\bads?\b by"],
        "ru": [r"реклама", r"блокировщик рекламы", r"отключите (?:блокировщик|adblock)", r"на правах рекламы", r"партнерский материал"],
        "de": [r"anzeige", r"werbung", r"werbeblocker", r"adblocker deaktivieren", r"gesponsert"],
        "fr": [r"publicité", r"bloqueur de publicité", r"contenu sponsorisé", r"désactivez votre bloqueur"],
        "es": [r"publicidad", r"anuncio", r"bloqueador de anuncios", r"contenido patrocinado"],
        "vi": [r"quảng cáo", r"tắt trình chặn quảng cáo"],
    },
    "navigation": {
        "en": [r"home", r"menu", r"search", r"skip to (?:main )?content", r"toggle navigation", r"main menu", r"log ?in", r"sign ?in",
               r"sign ?up", r"register", r"my account", r"contact us", r"about us", r"sitemap", r"categories", r"tags?", r"close",
               r"previous", r"next", r"page \d+ of \d+", r"breadcrumb", r"you are here"],
        "ru": [r"главная", r"меню", r"поиск", r"войти", r"регистрация", r"контакты", r"о нас", r"о проекте", r"карта сайта",
               r"рубрики", r"теги", r"закрыть", r"назад", r"вперед", r"вперёд", r"все новости"],
        "de": [r"startseite", r"menü", r"suche", r"anmelden", r"registrieren", r"kontakt", r"über uns", r"zum inhalt springen",
               r"schließen", r"zurück", r"weiter", r"kategorien", r"schlagwörter"],
        "fr": [r"accueil", r"menu", r"rechercher?", r"se connecter", r"connexion", r"inscription", r"contact(?:ez-nous)?",
               r"à propos", r"aller au contenu", r"fermer", r"précédent", r"suivant", r"catégories", r"étiquettes"],
        "es": [r"inicio", r"menú", r"buscar", r"iniciar sesión", r"registrarse", r"contacto", r"quiénes somos", r"sobre nosotros",
               r"ir al contenido", r"cerrar", r"anterior", r"siguiente", r"categorías", r"etiquetas"],
        "vi": [r"trang chủ", r"danh mục", r"tìm kiếm", r"đăng nhập", r"liên hệ", r"giới thiệu", r"đóng", r"trang trước",
               r"trang sau", r"chuyên mục"],
    },
    "embed": {
        "en": [r"youtube player", r"video player", r"your browser does not support", r"enable javascript", r"loading\.{0,3}",
               r"play video", r"watch (?:the )?video", r"embed(?:ded)? (?:content|video)", r"click to load"],
        "ru": [r"видео", r"загрузка\.{0,3}", r"включите javascript", r"ваш браузер не поддерживает"],
        "de": [r"video abspielen", r"wird geladen", r"javascript aktivieren", r"externer inhalt"],
        "fr": [r"lire la vidéo", r"chargement\.{0,3}", r"activez javascript", r"contenu externe"],
        "es": [r"reproducir vídeo", r"cargando\.{0,3}", r"activa javascript", r"contenido externo"],
        "vi": [r"đang tải\.{0,3}", r"xem video", r"bật javascript"],
    },
    "photo_credit": {
        "en": [r"(?:photo|image|picture|credit|source|illustration)s?(?: by| credit)?\s*:", r"©\s*[\w .'-]+/\s*\w+",
               r"(?:getty images|reuters|afp|ap photo|shutterstock|istock|alamy|epa|sputnik|tass)"],
        "ru": [r"фото\s*:", r"фото(?:графия)?\s+\w+", r"источник\s*:", r"иллюстрация\s*:", r"(?:риа новости|тасс|sputnik)"],
        "de": [r"foto\s*:", r"bild\s*:", r"quelle\s*:", r"(?:dpa|picture alliance|imago)"],
        "fr": [r"photo\s*:", r"crédits?(?: photo)?\s*:", r"source\s*:", r"(?:afp|maxppp)"],
        "es": [r"foto\s*:", r"fotografía\s*:", r"imagen\s*:", r"fuente\s*:", r"(?:efe|europa press)"],
        "vi": [r"ảnh\s*:", r"nguồn\s*:", r"ảnh minh họa", r"ảnh minh hoạ"],
    },
    "author_promo": {
        "en": [r"hi,? i(?:'m| am) .{0,60}(?:writer|designer|blogger|author|editor|founder)", r"about the author",
               r"(?:written|posted|published) by", r"view all posts by", r"author bio", r"is a (?:freelance )?(?:writer|journalist|contributor)"],
        "ru": [r"об авторе", r"автор\s*:", r"все статьи автора"],
        "de": [r"über den autor", r"autor(?:in)?\s*:", r"alle beiträge von"],
        "fr": [r"à propos de l'auteur", r"auteur\s*:", r"tous les articles de", r"publié par"],
        "es": [r"sobre el autor", r"autor\s*:", r"todos los artículos de", r"publicado por"],
        "vi": [r"tác giả\s*:", r"về tác giả", r"bài viết của"],
    },
    "icon_font": {
        "xx": [r"(?:\b(?:icon|fa|bi|glyphicon|dashicons|material-icons)[-_ ]?[a-z0-9-]+\b\s*){2,}"],
    },
}


def _alternation(fragments: list[str]) -> str:
    parts = []
    for f in sorted(set(fragments), key=len, reverse=True):
        right = r"(?!\w)" if f[-1:].isalpha() else ""
        parts.append(f"(?:{f}){right}")
    return "|".join(parts)


def _compile(fragments: list[str]) -> re.Pattern[str]:
    # Every match starts at a word start: one look-behind up front lets the engine skip
    # the alternatives at all other positions.
    return re.compile(r"(?<!\w)(?:" + _alternation(fragments) + ")", re.IGNORECASE)


KINDS: tuple[str, ...] = tuple(PHRASES)


@lru_cache(maxsize=1)
def _i18n_res() -> dict[str, re.Pattern[str]]:
    return {kind: _compile([f for frags in by_lang.values() for f in frags]) for kind, by_lang in PHRASES.items()}


@lru_cache(maxsize=1)
def any_re() -> re.Pattern[str]:
    """:data:`ANY_RE`, compiled on first use (a block that no trigger admits never needs it)."""
    return re.compile(
        r"(?<!\w)(?:"
        + "|".join(
            f"(?P<{kind}>{_alternation([f for frags in by_lang.values() for f in frags])})"
            for kind, by_lang in PHRASES.items()
        )
        + ")",
        re.IGNORECASE,
    )


__lazy_patterns__ = ("ANY_RE",)


def __getattr__(name: str) -> object:
    # the compiled regexes are built on first access, not at import (start-up time)
    if name == "I18N_RES":  # Kind -> one compiled alternation regex over all six languages.
        return _i18n_res()
    if name == "ANY_RE":  # All kinds in one pass: ``m.lastgroup`` names the kind of each match.
        return any_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- trigger prefilter
# ANY_RE tries ~300 alternatives at every word start; most blocks contain none of them.
# Every match of a fragment contains one of its *required literals* (read off the parsed
# pattern: a run of literal characters at the top level, or one literal per branch of an
# alternation that every match passes through), so a block whose lower-cased text holds
# no required literal of any fragment has no match.  The literals are derived from the
# patterns, not written by hand, so they cannot drift from PHRASES.
try:  # Python 3.11+
    import re._constants as _C
    import re._parser as _P
    from re._casefix import _EXTRA_CASES

    _EQ: tuple[tuple[int, ...], ...] = tuple((k, *v) for k, v in _EXTRA_CASES.items())
except ImportError:  # Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]
    from sre_compile import _equivalences as _EQ  # type: ignore[no-redef,attr-defined]


def _required(seq) -> frozenset[str] | None:  # type: ignore[no-untyped-def]
    """Literals one of which occurs in every match of parsed ``seq`` (None: none known)."""
    best: frozenset[str] | None = None

    def consider(s: frozenset[str] | None) -> None:
        nonlocal best
        if s and all(s) and (best is None or min(map(len, s)) > min(map(len, best))):
            best = s

    run = ""
    for op, av in seq:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        if op is _C.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _C.BRANCH:
            subs = [_required(b) for b in av[1]]
            if all(subs):
                consider(frozenset().union(*subs))  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider(frozenset([run]) if run else None)
    return best


def _triggers() -> tuple[str, ...] | None:
    out: set[str] = set()
    for by_lang in PHRASES.values():
        for frags in by_lang.values():
            for f in frags:
                req = _required(_P.parse(f, re.IGNORECASE))
                if not req:
                    return None  # a fragment without a required literal: no prefilter
                out |= {t.lower() for t in req}
    # drop a trigger that contains a shorter one (the shorter already fires)
    keep = sorted(out, key=len)
    return tuple(t for i, t in enumerate(keep) if not any(s in t for s in keep[:i]))


ANY_TRIGGERS: tuple[str, ...] | None = _triggers()
"""Lower-cased literals one of which every ANY_RE match contains (None: prefilter off)."""

# A character of the text that IGNORECASE matches against a trigger's character although
# str.lower() does not map it onto it ("ſ" matches "s", "ᲁ" matches "о"), and the two
# whose lower() is longer or depends on context ("İ", final "Σ"): a block holding one
# skips the prefilter.
def _fold_odd() -> frozenset[str]:
    tchars = {c for t in ANY_TRIGGERS or () for c in t}
    odd = {chr(c) for group in _EQ for c in group for lit in group
           if chr(lit) in tchars and chr(c).lower() != chr(lit)}
    odd |= {"\u0130", "\u03a3"}
    return frozenset(odd)


_FOLD_ODD = _fold_odd()
_FOLD_ODD_RE = re.compile("[" + re.escape("".join(sorted(_FOLD_ODD))) + "]")


def may_match(text: str) -> bool:
    """False only where ``ANY_RE.search(text)`` is certainly None."""
    if ANY_TRIGGERS is None or (not text.isascii() and _FOLD_ODD_RE.search(text)):
        return True
    low = text.lower()
    return any(t in low for t in ANY_TRIGGERS)
