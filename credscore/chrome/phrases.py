"""What site chrome says: ONE table, by kind, then by language.

Each entry of :data:`TABLE` is a chrome *kind* (``read_more``, ``privacy``, ...) with
up to four lists of case-insensitive regular expressions, each keyed by language
(ISO 639-1; ``"*"`` = a pattern that covers several languages at once, or none):

``rules``
    A block this matches *is* chrome of this kind, when the block is short
    (:data:`credscore.chrome.lexicon.MAX_WORDS` words; walls are made of short blocks,
    articles of long ones).  ``^…$`` describes the whole block.  Where a block
    matches several kinds at one place, the kind listed first in :data:`TABLE` wins.
``openers``
    A block this matches opens a *wall* (an ad-block notice, a donation appeal, a
    newsletter box): the blocks after it belong to the wall while they keep speaking
    its language (:data:`CONTINUATION`).
``inline``
    Chrome inside a kept block, cut out alone (photo credits closing a caption).
    Each opens with ``(?<!\\s)\\s*`` so a run of spaces is scanned once, not once per space.
``cues``
    Evidence for the block model, not verdicts: the share of a block (of at most 40
    words) that each kind's cues cover is one model feature per kind (``lex_<kind>``,
    in :data:`CUE_KINDS` order).  A cue is a phrase fragment, matched from a word start
    and, where it ends in a letter, up to a word end.

The matchers (:mod:`credscore.chrome.lexicon`) are built from this table on first use;
nothing here is compiled at import.  Adding a rule, opener or inline pattern, or a kind
that only has those, needs no retraining.  A cue changes model features: retrain the
block model (``tools/train_chrome.py``) after adding cues; a new cue kind adds a model
column and must be appended to :data:`CUE_KINDS` (the model file names its columns and
the loader refuses a mismatch).  See ``docs/chrome.md``.

Written for credscore from common UI strings; no list was copied from another project.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Patterns = dict[str, list[str]]  # language -> regular expressions

_PUBLISHERS = (
    r"(?:Reuters|AP|AFP|Getty(?:\s+Images)?|EPA(?:-EFE)?|Sputnik|TASS|RIA Novosti|Shutterstock|Bloomberg|Xinhua|dpa|"
    r"Alamy|iStock|Anadolu|NurPhoto|Pool|AP Photo|Associated Press)"
)


@dataclass(frozen=True)
class Kind:
    """One chrome kind: what it is, and what it says in each language."""

    what: str
    rules: Patterns = field(default_factory=dict)
    openers: Patterns = field(default_factory=dict)
    inline: Patterns = field(default_factory=dict)
    cues: Patterns = field(default_factory=dict)


TABLE: dict[str, Kind] = {
    "adblock": Kind(
        "an ad-block notice or an advertisement label",
        rules={
            "en": [
                r"\bad[- ]?block(?:er|ing)?\b.{0,40}\b(?:detected|enabled|active|on)\b",
                r"\b(?:you(?:'re|’re| are) using|disable|turn off|pause|whitelist|allowlist)\b.{0,20}\bad[- ]?block",
                r"^ad[- ]?block(?:er)? detected$",
            ],
            "ru": [r"\bплагин.{0,20}блокировк\w* реклам"],
            "de": [r"\bwerbeblocker\b"],
            "fr": [r"\bbloqueur de publicit"],
        },
        openers={"en": [r"^ad[- ]?block(?:er)? detected",
                        r"\bit looks like you(?:'re|’re| are) using an ad[- ]?blocker"]},
        cues={
            "en": [r"ad ?block(?:er)?", r"disable your ad ?blocker", r"whitelist (?:us|our site)", r"advertisement",
                   r"sponsored(?: content)?", r"ad-free", r"skip ad", r"\bads?\b by"],
            "ru": [r"реклама", r"блокировщик рекламы", r"отключите (?:блокировщик|adblock)", r"на правах рекламы",
                   r"партнерский материал"],
            "de": [r"anzeige", r"werbung", r"werbeblocker", r"adblocker deaktivieren", r"gesponsert"],
            "fr": [r"publicité", r"bloqueur de publicité", r"contenu sponsorisé", r"désactivez votre bloqueur"],
            "es": [r"publicidad", r"anuncio", r"bloqueador de anuncios", r"contenido patrocinado"],
            "vi": [r"quảng cáo", r"tắt trình chặn quảng cáo"],
        },
    ),
    "donation": Kind(
        "a donation or membership appeal",
        rules={
            "en": [
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
            ],
            "ru": [r"\bподдержите\b|\bпожертвова"],
            "de": [r"\bunterstützen sie\b|\bjetzt spenden\b"],
            "fr": [r"\bsoutenez\b|\bfaire un don\b"],
            "es": [r"\bapoya(?:nos)?\b.{0,30}\bperiodismo\b|\bdona ahora\b"],
            "vi": [r"\bủng hộ\b"],
        },
        openers={"en": [r"^a message from .{1,60}:?$", r"^enjoying ad-free content\??$", r"^support us[.!]?$",
                        r"^dear readers?,?$"]},
        cues={
            "en": [r"support us", r"donate(?: now| today)?", r"make a donation",
                   r"become a (?:member|patron|supporter|subscriber)", r"your support (?:helps|can help|makes)",
                   r"support (?:our|independent) journalism", r"remind me later",
                   r"(?:once|monthly|annual|one-time)(?:\s*/\s*(?:once|monthly|annual|one-time))+", r"contribute now",
                   r"subscribe to (?:read|continue)", r"already a subscriber", r"become a member"],
            "ru": [r"поддержите(?: нас)?", r"поддержать", r"пожертвова(?:ть|ние)", r"помогите нам", r"задонатить",
                   r"оформить подписку"],
            "de": [r"unterstützen sie uns", r"jetzt (?:unterstützen|spenden)", r"spenden", r"abo abschließen",
                   r"bereits abonnent"],
            "fr": [r"soutenez(?:-nous)?", r"faire un don", r"faites un don", r"abonnez-vous pour lire", r"déjà abonné"],
            "es": [r"apóyanos", r"haz una donación", r"donar", r"hazte socio", r"ya soy suscriptor",
                   r"suscríbete para seguir leyendo"],
            "vi": [r"ủng hộ", r"quyên góp", r"đóng góp"],
        },
    ),
    "newsletter": Kind(
        "a newsletter or e-mail sign-up box",
        rules={
            "en": [
                r"\bsign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletters?\b",
                r"\bsubscribe (?:to|for) (?:our|the)\b.{0,40}\b(?:newsletters?|mailing list|channel)\b",
                r"\bour (?:free )?(?:weekly |daily |monthly )?newsletters?\b",
                r"\byou will receive it in your (?:mail|in)box\b",
                r"\bnever miss (?:the latest|a story|an update)\b",
                r"\b(?:delivered|straight) to your inbox\b",
                r"^(?:enter your )?e-?mail(?: address)?:?$",
                r"^(?:subscribe|sign up)(?: now| today)?[.!]?$",
            ],
            "ru": [r"\bподпишитесь на (?:нашу )?рассылк"],
            "de": [r"\bnewsletter abonnieren\b"],
            "fr": [r"\babonnez-vous à (?:notre|la) newsletter\b"],
            "es": [r"\bsuscr[íi]bete a (?:nuestro|el) bolet[íi]n\b"],
            "vi": [r"\bđăng ký nhận bản tin\b"],
        },
        openers={"en": [r"\bsign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletters?\b",
                        r"\bsubscribe to (?:our|the)\b.{0,40}\bnewsletters?\b"]},
        cues={
            "en": [r"sign up for (?:our|the) (?:\w+ )?newsletter", r"subscribe to (?:our|the) (?:\w+ )?newsletter",
                   r"newsletter", r"get (?:our|the) (?:latest|best) .{0,40} (?:in|to) your inbox",
                   r"enter your email(?: address)?", r"subscribe now", r"sign up now", r"join our mailing list",
                   r"delivered to your inbox"],
            "ru": [r"подпишитесь на (?:рассылку|новости)", r"рассылк[аиу]", r"введите (?:ваш )?e-?mail", r"подписаться"],
            "de": [r"newsletter(?: abonnieren)?", r"jetzt abonnieren", r"e-mail-adresse eingeben",
                   r"melden sie sich (?:jetzt )?an"],
            "fr": [r"inscrivez-vous à (?:notre|la) newsletter", r"lettre d'information", r"newsletter", r"abonnez-vous",
                   r"votre adresse e-?mail", r"s'abonner"],
            "es": [r"suscríbete(?: a nuestro boletín)?", r"boletín", r"newsletter", r"introduce tu (?:correo|email)",
                   r"suscribirse"],
            "vi": [r"đăng ký nhận (?:tin|bản tin)", r"bản tin", r"nhập email", r"đăng ký"],
        },
    ),
    "privacy": Kind(
        "legal and cookie notices, copyright lines",
        rules={
            "en": [
                r"\b(?:privacy policy|terms of (?:use|service)|cookie policy|terms and conditions)\b",
                r"\bwe use cookies\b|\bthis (?:web)?site uses cookies\b",
                r"\ball rights reserved\b",
                r"^©\s*(?:\d{4}|copyright)\b.{0,80}$",
            ],
            "ru": [r"\bполитик\w+ конфиденциальности\b"],
            "de": [r"\bdatenschutz(?:erklärung)?\b"],
            "fr": [r"\bpolitique de confidentialité\b|\bmentions légales\b"],
            "es": [r"\bpolítica de privacidad\b"],
        },
        cues={
            "en": [r"privacy policy", r"cookie(?:s)? (?:policy|settings|preferences)", r"we use cookies",
                   r"this (?:web)?site uses cookies", r"accept (?:all )?cookies",
                   r"terms (?:of (?:use|service)|and conditions)", r"all rights reserved",
                   r"do not sell my personal information", r"manage (?:consent|preferences)",
                   r"by (?:clicking|continuing|subscribing)", r"copyright ©?", r"©\s*\d{4}"],
            "ru": [r"политика конфиденциальности", r"(?:мы )?используем (?:файлы )?cookie", r"все права защищены",
                   r"пользовательское соглашение", r"согласие на обработку персональных данных"],
            "de": [r"datenschutz(?:erklärung|einstellungen|hinweise)?", r"impressum", r"wir verwenden cookies",
                   r"cookie-einstellungen", r"alle rechte vorbehalten", r"nutzungsbedingungen", r"\bagb\b"],
            "fr": [r"politique de confidentialité", r"mentions légales", r"nous utilisons des cookies",
                   r"gestion des cookies", r"tous droits réservés", r"conditions générales", r"données personnelles"],
            "es": [r"política de privacidad", r"aviso legal", r"utilizamos cookies", r"política de cookies",
                   r"todos los derechos reservados", r"términos y condiciones"],
            "vi": [r"chính sách bảo mật", r"điều khoản sử dụng", r"bản quyền", r"giữ bản quyền",
                   r"chúng tôi sử dụng cookie"],
        },
    ),
    "social": Kind(
        "share buttons and follow-us lines",
        rules={
            "en": [
                r"\bfollow us\b",
                r"\b(?:share|tweet|post) (?:this|on)\b.{0,15}\b(?:article|story|post|page|facebook|twitter|x|whatsapp|"
                r"telegram|linkedin)\b",
                r"\bjoin us on (?:telegram|facebook|twitter|whatsapp)\b",
            ],
            "*": [
                r"^(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|ok)"
                r"(?:\s*[|/·,•]?\s*(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|telegram|linkedin|"
                r"reddit|pinterest|vk|ok))*$",
            ],
            "ru": [r"\bподписывайтесь\b|^поделиться\b.{0,40}$"],
            "de": [r"\bfolgen sie uns\b|^teilen\b.{0,40}$"],
            "fr": [r"\bsuivez-nous\b|^partager\b.{0,40}$"],
            "es": [r"\bs[íi]guenos\b|^compartir\b.{0,40}$"],
            "vi": [r"\btheo dõi chúng tôi\b|^chia sẻ\b.{0,40}$"],
        },
        cues={
            "en": [r"follow us(?: on)?", r"share (?:this|on|via)", r"share(?:s)?\b", r"tweet", r"like us on facebook",
                   r"(?:facebook|twitter|linkedin|pinterest|whatsapp|telegram|instagram|youtube|tiktok|reddit|email)"
                   r"(?:\s*[|/·•,]\s*(?:facebook|twitter|linkedin|pinterest|whatsapp|telegram|instagram|youtube|tiktok|"
                   r"reddit|email|x))+",
                   r"copy link", r"pin it", r"join us on telegram"],
            "ru": [r"подписывайтесь(?: на нас)?", r"подпишитесь на (?:наш|нас)", r"поделиться", r"поделитесь",
                   r"мы в соцсетях", r"мы в (?:telegram|телеграм|вконтакте|вк)", r"наш телеграм-канал",
                   r"присоединяйтесь"],
            "de": [r"folgen sie uns", r"folge uns", r"teilen", r"auf facebook teilen", r"artikel teilen",
                   r"link kopieren"],
            "fr": [r"suivez-nous", r"suivez nous", r"partager(?: sur| cet article)?", r"partagez", r"copier le lien",
                   r"rejoignez-nous"],
            "es": [r"síguenos", r"siguenos", r"compartir(?: en)?", r"comparte", r"copiar enlace", r"únete"],
            "vi": [r"theo dõi (?:chúng tôi|trên)", r"chia sẻ", r"chia sẻ bài viết", r"sao chép liên kết", r"tham gia"],
        },
    ),
    "icon_font": Kind(
        "icon-font class names rendered as text",
        rules={"*": [r"(?:\b[\w-]{0,40}icon\b[\s\-]*){4,}"]},  # {0,40}, not *: linear on long "a_-_-…" tokens
        cues={"*": [r"(?:\b(?:icon|fa|bi|glyphicon|dashicons|material-icons)[-_ ]?[a-z0-9-]+\b\s*){2,}"]},
    ),
    "embed": Kind(
        "an embedded player's placeholder or label",
        rules={
            "en": [
                r"^(?:youtube|vimeo|spotify|soundcloud|twitter|instagram|facebook|tiktok|dailymotion)\s+"
                r"(?:player|video|post|embed|audio)$",
                r"^loading (?:video|player|tweet|content)",
                r"\byour browser does not support (?:the )?(?:video|audio|iframe)",
                r"^(?:video|audio|watch|listen)[.:]?$",
                r"^this (?:video|content|embed) is (?:not available|unavailable)",
            ],
            "*": [r"^(?:advertisement|sponsored|ad|anzeige|реклама|publicidad|publicité)$"],
        },
        cues={
            "en": [r"youtube player", r"video player", r"your browser does not support", r"enable javascript",
                   r"loading\.{0,3}", r"play video", r"watch (?:the )?video", r"embed(?:ded)? (?:content|video)",
                   r"click to load"],
            "ru": [r"видео", r"загрузка\.{0,3}", r"включите javascript", r"ваш браузер не поддерживает"],
            "de": [r"video abspielen", r"wird geladen", r"javascript aktivieren", r"externer inhalt"],
            "fr": [r"lire la vidéo", r"chargement\.{0,3}", r"activez javascript", r"contenu externe"],
            "es": [r"reproducir vídeo", r"cargando\.{0,3}", r"activa javascript", r"contenido externo"],
            "vi": [r"đang tải\.{0,3}", r"xem video", r"bật javascript"],
        },
    ),
    "read_more": Kind(
        "links away from the article: read more, related, next, tags",
        rules={
            "en": [
                r"^(?:read|see|view|load|show) (?:more|all|full|the full|next)\b.{0,40}$",
                r"^more (?:posts|stories|news|articles|from|on)\b.{0,40}$",
                r"^(?:scroll|back|go) to top$",
                r"^(?:related|recommended|popular|trending|latest)(?: posts| articles| stories| news| content)?:?$",
                r"^(?:previous|next|older|newer) (?:post|article|story|entry)\b.{0,80}$",
                r"^(?:also read|read also|see also|you may also like|you might also like|recommended for you)\b.{0,80}$",
                r"^(?:continue reading|keep reading|click here)\b.{0,40}$",
                r"^(?:you might like|more by (?:the |this )?author)\b.{0,60}$",
                r"^tags?:.{0,120}$",
            ],
            "ru": [r"^(?:читайте также|читать далее|подробнее)\b.{0,80}$",
                   r"^(?:смотрите также|ещё по теме|еще по теме)\b.{0,80}$"],
            "de": [r"^(?:auch lesen|lesen sie auch|mehr zum thema|weiterlesen)\b.{0,80}$",
                   r"^(?:auch interessant|das könnte sie (?:auch )?interessieren|ähnliche artikel)\b.{0,80}$"],
            "fr": [r"^(?:à lire aussi|lire aussi|lire la suite|voir aussi)\b.{0,80}$"],
            "es": [r"^(?:lee también|leer más|ver más)\b.{0,80}$"],
            "vi": [r"^(?:xem thêm|đọc thêm|tin liên quan)\b.{0,80}$"],
            "it": [r"^(?:leggi anche|leggi (?:di )?più|continua a leggere|articoli correlati|(?:ti )?potrebbe interessarti)"
                   r"\b.{0,80}$"],
            "nl": [r"^(?:lees (?:ook|meer|verder)|gerelateerde artikelen|meer lezen|bekijk ook)\b.{0,80}$"],
            "pt": [r"^(?:leia (?:também|mais)|veja também|saiba mais|artigos relacionados|continue lendo)\b.{0,80}$"],
            "*": [r"^(?:lea también|seguir leyendo|te puede interesar|noticias relacionadas|sur le même sujet)\b.{0,80}$"],
        },
        cues={
            "en": [r"read more", r"continue reading", r"read the full (?:story|article)", r"more posts?",
                   r"see (?:also|more)", r"related (?:articles?|posts?|stories|content)", r"you (?:may|might) also like",
                   r"recommended (?:for you|stories|articles)", r"scroll to top", r"back to top", r"load more",
                   r"show more", r"view all", r"also read", r"most (?:read|popular)", r"trending now",
                   r"next (?:article|post|story)", r"previous (?:article|post|story)", r"more from"],
            "ru": [r"читать (?:далее|дальше|также|еще|ещё)", r"читайте также", r"подробнее",
                   r"похожие (?:статьи|новости|записи)", r"ещё по теме", r"еще по теме", r"по теме", r"популярное",
                   r"самое читаемое", r"наверх", r"показать (?:ещё|еще)", r"следующая статья", r"предыдущая статья",
                   r"другие новости", r"смотрите также"],
            "de": [r"weiterlesen", r"mehr lesen", r"mehr dazu", r"auch lesen", r"lesen sie auch",
                   r"das könnte sie auch interessieren", r"ähnliche (?:artikel|beiträge)", r"verwandte (?:artikel|beiträge)",
                   r"meistgelesen", r"nach oben", r"mehr anzeigen", r"alle anzeigen", r"nächster (?:artikel|beitrag)",
                   r"vorheriger (?:artikel|beitrag)", r"zum artikel"],
            "fr": [r"lire (?:la suite|aussi|plus)", r"à lire aussi", r"a lire aussi", r"voir aussi", r"en savoir plus",
                   r"articles? (?:similaires|liés|connexes)", r"sur le même sujet", r"les plus lus", r"retour en haut",
                   r"afficher plus", r"voir (?:plus|tout)", r"article suivant", r"article précédent",
                   r"vous aimerez aussi"],
            "es": [r"leer más", r"seguir leyendo", r"lee también", r"lea también", r"te puede interesar",
                   r"ver (?:más|también|todo)", r"artículos relacionados", r"noticias relacionadas",
                   r"lo más (?:leído|visto)", r"volver arriba", r"cargar más", r"mostrar más", r"siguiente artículo",
                   r"artículo anterior", r"también te puede gustar"],
            "vi": [r"xem thêm", r"đọc thêm", r"đọc tiếp", r"tin liên quan", r"bài viết liên quan",
                   r"tin cùng chuyên mục", r"tin mới nhất", r"đọc nhiều nhất", r"lên đầu trang", r"bài tiếp theo",
                   r"bài trước", r"có thể bạn quan tâm"],
        },
    ),
    "comment_prompt": Kind(
        "comment boxes, counts and closed-comment notices",
        rules={
            "en": [
                r"\b(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\b",
                r"\byou can comment (?:on )?this article\b",
                r"\bcomments? (?:are|is) (?:closed|disabled|moderated)\b",
                r"\byou must be logged in to (?:post a comment|reply|comment)\b",
                r"^\d*\s*(?:comments?|replies|responses)$",
                r"^(?:join the (?:discussion|conversation)|what do you think\?)$",
                r"^(?:pingback|trackback)\b.{0,160}$",
            ],
            "ru": [r"\bоставить комментарий\b|\bкомментари[йиея]\b"],
            "de": [r"\bkommentar (?:schreiben|verfassen|hinterlassen)\b|^kommentare?$",
                   r"^(?:die )?kommentare (?:sind )?geschlossen\.?$"],
            "fr": [r"\blaisser un commentaire\b|^commentaires?$", r"^(?:les )?commentaires sont fermés\.?$"],
            "es": [r"\bdeja (?:un|tu) comentario\b|^comentarios?$"],
            "vi": [r"\bbình luận\b|\bgửi bình luận\b"],
            "it": [r"^(?:i )?commenti (?:sono )?chiusi\.?$"],
            "pt": [r"^(?:os )?comentários (?:estão )?(?:fechados|encerrados)\.?$"],
            "nl": [r"^reacties (?:zijn )?gesloten\.?$"],
            "*": [
                r"^(?:schreibe einen kommentar|lascia un commento|deixe (?:um|seu) comentário|laat een reactie achter|"
                r"plaats een reactie)\b.{0,40}$",
                r"^(?:commenti|comentários|reacties|kommentare)\s*(?:\(\d+\))?$",
            ],
        },
        cues={
            "en": [r"leave a (?:comment|reply)", r"post a comment", r"add a comment", r"\d+ comments?",
                   r"no comments(?: yet)?", r"you (?:can|may) comment", r"you must be logged in to (?:post|reply|comment)",
                   r"log in to (?:reply|comment)", r"be the first to comment", r"join the (?:discussion|conversation)",
                   r"comments? (?:are|is) closed", r"your email address will not be published",
                   r"required fields are marked", r"cancel reply", r"reply\b", r"show comments", r"view comments",
                   r"write a review", r"was this (?:helpful|article helpful)"],
            "ru": [r"оставить комментарий", r"оставьте комментарий", r"комментари(?:и|ев|й)", r"добавить комментарий",
                   r"ответить", r"войдите,? чтобы (?:оставить|ответить|комментировать)", r"написать комментарий",
                   r"будьте первым", r"обсуждение"],
            "de": [r"kommentar (?:schreiben|hinterlassen|abgeben)", r"\d+ kommentare?", r"kommentare", r"antworten",
                   r"schreibe einen kommentar", r"deine e-mail-adresse wird nicht veröffentlicht",
                   r"pflichtfelder sind mit", r"zur diskussion", r"anmelden,? um zu kommentieren"],
            "fr": [r"laisser un commentaire", r"laissez un commentaire", r"ajouter un commentaire",
                   r"\d+ commentaires?", r"commentaires", r"répondre",
                   r"votre adresse (?:e-mail|email|de messagerie) ne sera pas publiée",
                   r"les champs obligatoires sont indiqués", r"connectez-vous pour (?:commenter|répondre)", r"réagissez"],
            "es": [r"deja (?:un|tu) comentario", r"dejar un comentario", r"añadir comentario", r"\d+ comentarios?",
                   r"comentarios", r"responder", r"tu dirección de correo electrónico no será publicada",
                   r"los campos obligatorios están marcados", r"inicia sesión para comentar"],
            "vi": [r"bình luận", r"gửi bình luận", r"viết bình luận", r"ý kiến (?:bạn đọc|của bạn)", r"trả lời",
                   r"đăng nhập để bình luận"],
        },
    ),
    "author_promo": Kind(
        "an author box or self-promotion",
        rules={
            "en": [
                r"^hi,? i(?:'m| am)\b.{1,80}\b(?:writer|designer|blogger|developer|editor|author|seo|marketer)\b",
                r"\b(?:web designer|content writer|blogger|seo expert)\b.{0,60}\b(?:on|at|of)\s+\S+\."
                r"(?:com|net|org|in|co|info)\b",
                r"^(?:about the author|author bio|written by)\b.{0,80}$",
            ],
        },
        cues={
            "en": [r"hi,? i(?:'m| am) .{0,60}(?:writer|designer|blogger|author|editor|founder)", r"about the author",
                   r"(?:written|posted|published) by", r"view all posts by", r"author bio",
                   r"is a (?:freelance )?(?:writer|journalist|contributor)"],
            "ru": [r"об авторе", r"автор\s*:", r"все статьи автора"],
            "de": [r"über den autor", r"autor(?:in)?\s*:", r"alle beiträge von"],
            "fr": [r"à propos de l'auteur", r"auteur\s*:", r"tous les articles de", r"publié par"],
            "es": [r"sobre el autor", r"autor\s*:", r"todos los artículos de", r"publicado por"],
            "vi": [r"tác giả\s*:", r"về tác giả", r"bài viết của"],
        },
    ),
    "photo_credit": Kind(
        "a photo credit, alone or closing a caption",
        rules={
            "*": [
                r"^(?:photo|image|picture|credit|foto|фото)s?\s*(?::|by|©)\s*.{1,80}$",
                r"^[\w.’'\- ]{2,60}\s*/\s*" + _PUBLISHERS + r"(?:\s*/\s*[\w ]{2,30})?$",
                r"^©\s*[\w.’'\- ]{2,60}(?:\s*/\s*[\w ]{2,40})?$",
                r"^(?:beitragsbild|titelbild|bildquelle|bildnachweis|fotocredit|foto di|crédit photo|"
                r"crédito(?: da)? foto|fotografia)\s*(?::|©)\s*.{1,80}$",
            ],
            "en": [r"^(?:photograph|photography|photo illustration)\s*(?::|by)\s*.{1,80}$"],
            "de": [r"^(?:beitragsbild|titelbild)$"],
        },
        inline={"*": [
            # "… visits Russia, July 6 © Alexey Filippov/Sputnik" (a credit closing a caption)
            r"(?<!\s)\s*©\s*[\w.’'\- ]{2,60}(?:\s*/\s*[\w.’'\- ]{2,40})?\s*$",
            # "(AP Photo/Minh Hoang)", "(Reuters/Jane Doe)", "(Photo: Getty Images)"
            r"(?<!\s)\s*\((?:" + _PUBLISHERS + r"|[A-Z]{2,6})\s*(?:Photo|Picture|Image|Foto)s?\s*/\s*[^()\n]{2,60}\)",
            r"(?<!\s)\s*\((?:Photo|Image|Picture)s?\s*(?::|by)\s*[^()\n]{2,60}\)",
        ]},
        cues={
            "en": [r"(?:photo|image|picture|credit|source|illustration)s?(?: by| credit)?\s*:",
                   r"©\s*[\w .'-]+/\s*\w+",
                   r"(?:getty images|reuters|afp|ap photo|shutterstock|istock|alamy|epa|sputnik|tass)"],
            "ru": [r"фото\s*:", r"фото(?:графия)?\s+\w+", r"источник\s*:", r"иллюстрация\s*:",
                   r"(?:риа новости|тасс|sputnik)"],
            "de": [r"foto\s*:", r"bild\s*:", r"quelle\s*:", r"(?:dpa|picture alliance|imago)"],
            "fr": [r"photo\s*:", r"crédits?(?: photo)?\s*:", r"source\s*:", r"(?:afp|maxppp)"],
            "es": [r"foto\s*:", r"fotografía\s*:", r"imagen\s*:", r"fuente\s*:", r"(?:efe|europa press)"],
            "vi": [r"ảnh\s*:", r"nguồn\s*:", r"ảnh minh họa", r"ảnh minh hoạ"],
        },
    ),
    "reading_time": Kind(
        "an estimated reading time",
        rules={
            "en": [r"^\d{1,3}\s*[-–]?\s*min(?:ute)?s?\.?\s+read(?:ing time)?$",
                   r"^(?:estimated )?reading time\s*:?\s*\d{1,3}\s*min(?:ute)?s?\.?$"],
            "*": [
                r"^(?:lesezeit|leestijd|tempo di lettura|tempo de leitura|tiempo de lectura|temps de lecture|время чтения)"
                r"\s*:?\s*(?:ca\.\s*)?\d{1,3}\s*(?:min\w*|мин\w*)\.?$",
                r"^\d{1,3}\s*(?:min\w*|мин\w*)\.?\s+(?:lesezeit|leestijd|de lecture|de lectura|di lettura|de leitura|"
                r"на чтение|чтения)$",
            ],
        },
    ),
    "navigation": Kind(
        "menus, section names, log-in and search boxes",
        rules={
            "en": [
                r"^(?:home|menu|search|log ?in|sign ?in|register|skip to (?:main )?content|toggle navigation|close|"
                r"open menu)$",
                r"^(?:world|local|breaking|latest|top|business|politics|sports?|tech(?:nology)?|science|health|opinion|"
                r"entertainment|lifestyle|culture|us|uk|europe|asia|africa|americas|middle east|national|international)"
                r"\s+news$",
                r"^(?:news|politics|world|business|opinion|sports|technology|science|health|culture|economy|video|"
                r"photos)$",
            ],
            "*": [r"^[×✕✖x]$"],
        },
        cues={
            "en": [r"home", r"menu", r"search", r"skip to (?:main )?content", r"toggle navigation", r"main menu",
                   r"log ?in", r"sign ?in", r"sign ?up", r"register", r"my account", r"contact us", r"about us",
                   r"sitemap", r"categories", r"tags?", r"close", r"previous", r"next", r"page \d+ of \d+",
                   r"breadcrumb", r"you are here"],
            "ru": [r"главная", r"меню", r"поиск", r"войти", r"регистрация", r"контакты", r"о нас", r"о проекте",
                   r"карта сайта", r"рубрики", r"теги", r"закрыть", r"назад", r"вперед", r"вперёд", r"все новости"],
            "de": [r"startseite", r"menü", r"suche", r"anmelden", r"registrieren", r"kontakt", r"über uns",
                   r"zum inhalt springen", r"schließen", r"zurück", r"weiter", r"kategorien", r"schlagwörter"],
            "fr": [r"accueil", r"menu", r"rechercher?", r"se connecter", r"connexion", r"inscription",
                   r"contact(?:ez-nous)?", r"à propos", r"aller au contenu", r"fermer", r"précédent", r"suivant",
                   r"catégories", r"étiquettes"],
            "es": [r"inicio", r"menú", r"buscar", r"iniciar sesión", r"registrarse", r"contacto", r"quiénes somos",
                   r"sobre nosotros", r"ir al contenido", r"cerrar", r"anterior", r"siguiente", r"categorías",
                   r"etiquetas"],
            "vi": [r"trang chủ", r"danh mục", r"tìm kiếm", r"đăng nhập", r"liên hệ", r"giới thiệu", r"đóng",
                   r"trang trước", r"trang sau", r"chuyên mục"],
        },
    ),
}

#: The kinds with cues, in the order of the model's ``lex_<kind>`` columns (and the order
#: in which they claim a stretch of text both match).  Append a new cue kind at the end.
CUE_KINDS: tuple[str, ...] = (
    "read_more", "comment_prompt", "social", "newsletter", "privacy", "donation", "adblock", "navigation",
    "embed", "photo_credit", "author_promo", "icon_font",
)

#: A block inside a wall continues it if the publisher speaks to the reader about the
#: wall's business (one alternation; a bare price alone is not chrome, an amount button is).
CONTINUATION: Patterns = {
    "en": [
        r"\b(?:your|you)\b.{0,60}\b(?:support|help|donat\w*|contribut\w*|subscri\w*|inbox|e-?mail|ad-?block\w*|ads|"
        r"journalism)\b",
        r"\b(?:we|our|us)\b.{0,60}\b(?:journalis\w+|support|help|ads|newsletter|work|staff|readers?|reporting|"
        r"newsroom)\b",
        r"\b(?:support(?:ing)?|donat\w+|contribut\w+)\b.{0,80}\b(?:us|our|journalism)\b",
        r"\bsubscribers?\b",
    ],
    "*": [r"^\$\d+$"],
}

#: Kinds the rules name beside the table's: markup hints and the structural rules.
STRUCTURAL_KINDS: tuple[str, ...] = ("repeated_title", "boilerplate", "header", "footer", "aside", "form", "widget")


def patterns(role: str, kind: str) -> list[str]:
    """A kind's patterns of one role (``rules``, ``openers``, ``inline``, ``cues``), all languages."""
    by_lang: Patterns = getattr(TABLE[kind], role)
    return [p for pats in by_lang.values() for p in pats]
