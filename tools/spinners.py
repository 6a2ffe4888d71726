"""Two article spinners that differ in mechanism, for training and evaluation only.

* :func:`spin_wordnet` replaces words by a WordNet 3.0 synonym from one of the
  word's first senses (what most free spinners do);
* :func:`spin_handmade` (held out: never trains a model) replaces words by a
  hand-made everyday-register thesaurus unlike WordNet ("help" -> "assist");
* :func:`spin_pps` replaces words by the substitutions *mined from the Problematic
  Paper Screener's tortured phrases* (``"data" -> "information"``, ``"area" ->
  "region"``: word-aligned tortured/expected pairs).  That list's licence is
  unverified, so this map is built in memory from ``../shared`` and never written
  into the package.

For training, :func:`spin_wordnet_mix` and :func:`spin_pps_mix` vary the
mechanism per document: the substitution rate (3-25 % of words, drawn per
document), how deep into a word's senses the synonyms reach (WordNet: the first
1, 3 or all senses) and which synonym is taken (the first, any of the first
few, or weighted).  The evaluation keeps the fixed spinners above.

All choose ``rate x words`` positions at random among the words they know a
substitute for (fewer if they know fewer), copy the case of the first letter and
return the spun text with the share of words actually replaced.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter, defaultdict
from functools import lru_cache

from tools import build_spin_tables as bst
from tools.data import spin_corpus

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def pps_word_map() -> dict[str, list[tuple[str, int]]]:
    """word -> [(substitute, weight)] from equal-length PPS phrase pairs, aligned word by word.

    Forward (expected -> tortured) pairs weigh double; the reverse direction is
    kept too so that the map covers enough of a news article's words.
    """
    path = spin_corpus.SHARED / "spin" / "pps_tortured_phrases_2025" / "tortured.csv"
    wm: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as f:
        for row in list(csv.reader(f))[1:]:
            m = re.search(r'"([^"]+)"', row[0])
            if not m:
                continue
            tp = m.group(1).lower().split()
            ep = re.sub(r"\(.*?\)", "", row[1]).lower().split()
            if len(tp) != len(ep):
                continue
            for a, b in zip(ep, tp):
                if a != b and a.isalpha() and b.isalpha() and a not in bst.STOP and b not in bst.STOP:
                    wm[a][b] += 2
                    wm[b][a] += 1  # the pairs are synonyms both ways; forward first
    # the same substitutions for the inflected forms (plural/3rd person, past, -ing)
    for a, c in list(wm.items()):
        for fn in (bst._plural, lambda w: bst._past(w, {}), bst._ing):
            fa = fn(a)
            if fa not in wm:
                wm[fa] = Counter({fn(b): k for b, k in c.items()})
    return {a: c.most_common(4) for a, c in wm.items()}


#: set by :func:`_apply`: the character spans of the substitutions in the last spun text
LAST_SPANS: list[tuple[int, int]] = []


def _apply(text: str, rate: float, rng: random.Random, choose) -> tuple[str, float]:
    toks = list(WORD.finditer(text))
    cands = [i for i, m in enumerate(toks) if choose(m.group().lower(), None) is not None]
    k = min(len(cands), round(rate * len(toks)))
    pick = set(rng.sample(cands, k))
    out, last, pos = [], 0, 0
    LAST_SPANS.clear()
    for i in sorted(pick):
        m = toks[i]
        w = m.group()
        rep = choose(w.lower(), rng)
        if w[:1].isupper():
            rep = rep[:1].upper() + rep[1:]
        out.append(text[last:m.start()])
        pos += m.start() - last
        out.append(rep)
        LAST_SPANS.append((pos, pos + len(rep)))
        pos += len(rep)
        last = m.end()
    out.append(text[last:])
    return "".join(out), (k / len(toks) if toks else 0.0)


def spin_wordnet(text: str, rate: float, rng: random.Random) -> tuple[str, float]:
    syn = bst.wordnet_synonyms()

    def choose(w: str, r: random.Random | None):
        if w in bst.STOP:
            return None
        s = syn.get(w)
        if not s:
            return None
        return s[0] if r is None else r.choice(s[:3])

    return _apply(text, rate, rng, choose)


def spin_pps(text: str, rate: float, rng: random.Random) -> tuple[str, float]:
    wm = pps_word_map()

    def choose(w: str, r: random.Random | None):
        s = wm.get(w)
        if not s:
            return None
        if r is None:
            return s[0][0]
        return r.choices([x for x, _ in s], weights=[c for _, c in s])[0]

    return _apply(text, rate, rng, choose)


# A hand-made thesaurus of the kind free web spinners use, written for this
# project from general knowledge (no source list copied): everyday register
# swaps ("help" -> "assist", "show" -> "display"), rarely WordNet's first-sense
# synonyms.  Held out: it never trains a model, so it stands for a spinner
# family the detector has not seen.
_HANDMADE = """
said:stated,claimed,remarked|says:states,claims|people:folks,individuals,persons|big:huge,large,massive
important:crucial,vital,essential|show:display,exhibit|help:assist,aid|use:utilize,employ|new:fresh,novel
make:create,generate|get:obtain,acquire|buy:purchase|need:require|start:commence,begin|end:conclude,finish
try:attempt|give:provide,offer|keep:retain,maintain|find:discover,locate|think:believe,reckon
want:desire,wish|look:appear,seem|tell:inform,notify|ask:inquire,request|work:labor,function
many:numerous,several|lot:great deal|good:excellent,fine|bad:poor,awful|small:tiny,little|old:aged,elderly
fast:rapid,speedy|quick:swift,rapid|hard:difficult,tough|easy:simple,effortless|clear:obvious,evident
whole:entire|main:primary,principal|key:essential,crucial|top:leading,highest|high:elevated,lofty
low:reduced,minimal|early:initial|late:belated|recent:current,latest|major:significant,substantial
area:region,zone|problem:issue,difficulty|issue:matter,concern|plan:scheme,strategy|idea:notion,concept
job:position,occupation|money:funds,cash|country:nation|city:town,metropolis|company:firm,business
government:administration,authorities|official:authority,representative|leader:head,chief
report:account,statement|study:research,analysis|result:outcome,consequence|change:alteration,shift
way:manner,method|part:portion,section|group:cluster,team|home:residence,dwelling|house:residence,dwelling
car:vehicle,automobile|child:kid,youngster|children:kids,youngsters|man:guy,gentleman|woman:lady
friend:pal,companion|family:household,relatives|world:globe,planet|life:existence|death:demise,passing
attack:assault,strike|fight:battle,combat|war:conflict,warfare|win:triumph,prevail|lose:forfeit
build:construct,erect|move:shift,relocate|stop:halt,cease|allow:permit,enable|include:incorporate,contain
increase:boost,raise|decrease:reduce,lower|improve:enhance,better|support:back,endorse|reach:attain,achieve
continue:proceed,persist|become:turn into,grow|seem:appear|happen:occur,take place|explain:clarify,describe
believe:trust,suppose|know:realize,understand|understand:comprehend,grasp|decide:determine,resolve
choose:select,pick|send:dispatch,transmit|receive:get,obtain|answer:reply,response|question:query,inquiry
meeting:gathering,session|event:occasion,affair|news:information,reports|story:tale,account|book:publication
picture:image,photo|video:clip,footage|film:movie,motion picture|game:match,contest|team:squad,crew
player:participant|price:cost,rate|cost:expense,price|market:marketplace|business:enterprise,commerce
system:structure,framework|service:provision|program:scheme,initiative|project:undertaking,venture
school:academy,institution|student:pupil,learner|teacher:instructor,educator|doctor:physician,medic
hospital:clinic,infirmary|police:law enforcement,cops|officer:official,agent|law:legislation,statute
rule:regulation,guideline|court:tribunal|judge:justice,magistrate|vote:ballot,poll|election:poll,ballot
party:celebration,faction|president:head of state,leader|water:liquid|food:meals,nourishment
week:seven days|year:twelve months|day:date|time:period,moment|today:nowadays|fact:reality,truth
really:truly,genuinely|very:extremely,highly|also:additionally,furthermore|often:frequently,regularly
about:regarding,concerning|almost:nearly,virtually|quickly:rapidly,swiftly|however:nevertheless,nonetheless
because:since,as|before:prior to|after:following|during:throughout|around:approximately,roughly
"""


@lru_cache(maxsize=1)
def handmade_map() -> dict[str, list[str]]:
    """word -> substitutes from the hand-made list, with plural/past/-ing/3rd-person forms."""
    base: dict[str, list[str]] = {}
    for item in _HANDMADE.replace("\n", "|").split("|"):
        if ":" in item:
            w, subs = item.strip().split(":")
            base[w] = [x.strip() for x in subs.split(",") if x.strip()]
    out = dict(base)
    vp = bst._verb_past()
    for w, subs in base.items():
        for fn in (bst._plural, lambda x: bst._past(x, vp), bst._ing):
            fw = fn(w)
            if fw not in out and fw != w:
                out[fw] = [" ".join([fn(x.split()[0])] + x.split()[1:]) for x in subs]
    return out


def spin_handmade(text: str, rate: float, rng: random.Random) -> tuple[str, float]:
    """The held-out family: a hand-made everyday-register thesaurus, any of its substitutes."""
    hm = handmade_map()

    def choose(w: str, r: random.Random | None):
        s = hm.get(w)
        if not s:
            return None
        return s[0] if r is None else r.choice(s)

    return _apply(text, rate, rng, choose)


MIX_RATES = (0.02, 0.15)  # light spinning matters most: 4 % is the target


def spin_wordnet_mix(text: str, rate: float | None, rng: random.Random) -> tuple[str, float]:
    """A WordNet spinner whose settings are drawn per document (``rate`` None: drawn too)."""
    senses = rng.choice((1, 3, 3, 99))
    syn = bst.wordnet_synonyms(senses, 12) if senses != 3 else bst.wordnet_synonyms()
    policy = rng.choice(("first", "top3", "any"))
    r = rng.uniform(*MIX_RATES) if rate is None else rate

    def choose(w: str, rr: random.Random | None):
        if w in bst.STOP:
            return None
        s = syn.get(w)
        if not s:
            return None
        if rr is None or policy == "first":
            return s[0]
        return rr.choice(s[:3] if policy == "top3" else s)

    return _apply(text, r, rng, choose)


def spin_pps_mix(text: str, rate: float | None, rng: random.Random) -> tuple[str, float]:
    """The PPS-mined spinner with the rate and the choice rule drawn per document."""
    wm = pps_word_map()
    policy = rng.choice(("first", "weighted", "any"))
    r = rng.uniform(*MIX_RATES) if rate is None else rate

    def choose(w: str, rr: random.Random | None):
        s = wm.get(w)
        if not s:
            return None
        if rr is None or policy == "first":
            return s[0][0]
        if policy == "any":
            return rr.choice(s)[0]
        return rr.choices([x for x, _ in s], weights=[c for _, c in s])[0]

    return _apply(text, r, rng, choose)


SPINNERS = {"wordnet": spin_wordnet, "pps": spin_pps, "handmade": spin_handmade,
            "wordnet_mix": spin_wordnet_mix, "pps_mix": spin_pps_mix}
#: the training mixture standing for each evaluation spinner's family
TRAIN_MIX = {"wordnet": "wordnet_mix", "pps": "pps_mix"}
