"""Speech cues: the words that mark reported speech and direct quotes, and their checks.

:func:`analysis.quotes.find_quotes` reads these lists; a study extends them with
``find_quotes(..., cues=[...], exclude_cues=[...])`` or the study-file keys ``quotes: {cues:
[...], exclude_cues: [...]}``, validated by :func:`check_cues`. Every cue is a pattern of
:mod:`analysis.matching` (a word, a phrase such as "called for", a ``*`` glob or ``regex:``).
"""

from __future__ import annotations

from analysis.matching import compile_patterns

__all__ = [
    "SPEECH_VERBS",
    "CONTINUATION_CUES",
    "ATTRIBUTION_CUES",
    "NOT_A_CUE_AFTER",
    "TITLE_WORDS",
    "DIRECT_ONLY_CUES",
    "NEGATIONS",
    "PASSIVE_AFTER",
    "NOUN_FORMS",
    "NOT_A_CUE_AFTER_BASE",
    "SOURCE_NOUNS",
    "UNNAMED_SOURCES",
    "BASE_FORMS",
    "OBJECT_CUES",
    "HEARING_CUES",
    "HEARING_BODIES",
    "FINDING_CUES",
    "FINDING_BODIES",
    "HYPOTHETICAL_OPENERS",
    "CueListError",
    "check_cues",
    "issued_by",
    "AS_CUES",
    "FINITE_AUXILIARIES",
    "AUXILIARIES_AND_MODALS",
]

#: Speech verbs that attribute what follows or precedes them to a speaker. A verb form directly
#: after a determiner or a noun that makes it a noun or a name ("member states", "the claims",
#: "United States") is not a cue (see :data:`NOT_A_CUE_AFTER`).
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "stated", "states", "told", "tells", "added", "adds",
    "emphasized", "emphasised", "emphasizes", "emphasises", "stressed", "stresses",
    "affirmed", "affirms", "highlighted", "highlights", "noted", "notes",
    "believes", "believed", "asserted", "asserts", "declared", "declares",
    "announced", "announces", "explained", "explains", "argued", "argues",
    "claimed", "claims", "insisted", "insists", "warned", "warns",
    "underlined", "underlines", "underscored", "underscores", "reiterated", "reiterates",
    "acknowledged", "confirmed", "confirms", "suggested", "suggests", "urged", "urges",
    "pointed out", "points out", "pointed to", "points to", "remarked", "commented",
    "observed", "maintained", "recalled", "mentioned", "replied", "answered", "wrote",
    "concluded", "assured", "cautioned", "revealed", "admitted", "contended", "predicted",
    "pledged", "pledges", "vowed", "vows", "promised", "promises",
    "proposed", "proposes",
    "called on", "calls on", "called upon", "calls upon", "called for", "calls for",
    "expressed", "expresses", "described", "describes", "reported", "reports",
    "describe",  # 'Officials … describe the list as "…"' (set 14; a base form, see BASE_FORMS)
    "voiced", "reaffirmed", "reaffirms", "told reporters", "told journalists",
    "asked for", "asks for", "denied that", "denies that", "demanded that", "demands that",
    "estimates that", "estimated that", "estimate that",  # "Chinese officials estimate that"
    "writes", "contends", "contend",  # '"…," Chen writes.', "Others contend that …" (set 60)
    # wave 6 (set 10): "the Attorney General conveyed that …" (not "conveyed his greetings")
    "conveyed that", "conveys that",
    # "raised its rate …, and signalled that it would now pause" (set 5; "that" only: not
    # "signalled a pause")
    "signalled that", "signaled that", "signals that",
    # "accused the presidency of pushing the text through" (set 8): what the speaker claims
    "accused", "accuses",
    # courts and hearings (set 4): "a former aide testified that …"; "the court heard that …"
    # has no speaker of its own (see :data:`HEARING_CUES`)
    "testified", "testifies", "acknowledges", "heard that",
    # reports and studies (set 4): "It found that …", "the study finds that …"
    "found that", "finds that",
    # base forms, for plural subjects and headlines ("China, EU pledge closer cooperation");
    # not after "to" or a modal (see :data:`NOT_A_CUE_AFTER_BASE`). Not "vow": "X, Y vow to
    # fight scams" is a commitment to act, not coded as speech.
    "pledge", "urge", "warn",
    # wave 5 (held-out set 9): court rulings and findings ("a Bangkok court ruled that …",
    # "…, a court ruled yesterday."; "Fifa found he handed out cash"), allegations ("ASIC
    # alleges that …", "He alleged that …"), decisions ("the conference agreed that …"),
    # requests ("Hoa asked the Chinese side to …"), angry speech ("…," he fumed), live-page
    # subheads ("Congress demands recount"); each guarded in analysis.quote_forms
    "ruled", "found", "alleges", "alleged", "agreed that", "agrees that",
    "asked", "asks", "fumed", "demands",
    # wave 8 (held-out set 12): denials ("Pellow denies six counts of …", "Kigali denies
    # backing the rebels") and what a court heard ("…, a jury has heard."); each guarded in
    # analysis.report_forms
    "denies", "denied", "heard", "hears",
    # a nominal cue after the sentence's own verb: "The AGO opened the conference … with a call
    # for a regional agreement" (the sentence's subject calls; analysis.report_forms)
    "with a call for", "with calls for",
    # "…, most analysts agree on that." / "Experts agree that …" (not "agree to" + verb)
    "agree", "agrees",
    # wave 9 (held-out set 13): demands like "called for" ("had pressed for a common checklist
    # …", "Beijing has pushed for a regional procedure …"); admissions of a plural or present
    # subject ("Officials admit that …"; "admitted" is above)
    "pressed for", "presses for", "pushed for", "pushes for", "admit", "admits",
    # "…, official results showed Friday." (wire ledes; guarded in analysis.quote_forms)
    "showed", "show", "shows",
    # wave 11 (held-out set 17): "informed X that …", "raised concerns that …", "ordered X to
    # …" (a directive like "urged … to"), "encouraged closer links …" (a request like "called
    # for"), "accused by X of …"; each guarded in analysis.charge_forms
    "informed", "informs", "raised concerns", "raises concerns", "ordered", "orders",
    "encouraged", "encourages",
    # wave 13 (held-out set 20): "It recommends that …" (a report's or body's proposal)
    "recommends that", "recommended that",
    # wave 15 (held-out set 26): "Lawmaker X questioned why the AGO had recovered …" (not
    # "police questioned the suspect")
    "questioned why", "questioned whether", "questions why", "questions whether",
    "queried whether", "queried why",
    # (held-out set 29) '"…," recalls Mr X'; "and guaranteed that the suspect's rights …"
    "recalls", "guaranteed that", "guarantees that",
    # wave 16 (set 42): Chinese state media's "Zhou Mingyuan introduced that from 2014 …"
    "introduced that", "introduces that",
    # wave 16 (sets 36, 43-45): "Beijing has pressed X to …" (guarded in analysis.charge_forms)
    "pressed", "presses", "pressing", "press",
    # wave 18 (sets 59 and 64): "Secretary X disclosed that …", "The AGC has countered that …",
    # "The accused has indicated that …", a release's "The AGC wishes to inform that …"
    "disclosed that", "discloses that", "revealed that", "reveals that", "indicated that",
    "indicates that", "countered that", "counters that", "wishes to inform that",
    # wave 20 (sets 88): "Some lawyers argue that …", "Beijing has made clear that …", "used
    # his speech to propose …" (a base form, see BASE_FORMS)
    "argue that", "made clear that", "made it clear that", "makes clear that",
    "makes it clear that", "propose",
    # "agreed Thursday that …" (guarded in analysis.report_forms: a time, then "that");
    # "Delegates joked that …"
    "agreed", "joked that",
    # "has instructed provincial prosecutors to …" (guarded in analysis.charge_forms)
    "instructed", "instructs", "directed", "directs",
    # wave 23 (sets 114, 118): a body's estimate without "that" ("The UNODC estimates scam
    # operations generate …"; a noun form, see NOUN_FORMS) and a reporter's own finding ("The
    # reporter learned that …", Chinese papers in translation; guarded in
    # analysis.quote_forms: a reporter, a newspaper or "it is" before it)
    "estimates", "learned that", "learnt that",
    # wave 26 (set 142): "Thanh responded that …", "reminded them that …" (guarded in
    # analysis.charge_forms like "informed X that": not "reminded of", "was reminded by")
    "responded that", "responds that", "reminded", "reminds",
)  # fmt: skip
#: Participles that continue an attribution with the same speaker ("he said, noting that …")
#: or, like a verb, introduce reported speech ("presented papers pointing out …").
CONTINUATION_CUES: tuple[str, ...] = (
    "noting", "adding", "saying", "stating", "stressing", "emphasizing", "emphasising",
    "highlighting", "affirming", "underlining", "underscoring", "warning", "explaining",
    "pointing out", "insisting", "asserting", "reiterating", "arguing", "recalling",
    "urging", "calling on", "calling for", "pledging", "vowing", "expressing", "describing",
    "reaffirming", "alleging",
    "accusing",  # wave 11: "with each side accusing the other of starting it"
    "ruling that",  # wave 13: "…, ruling that the chamber …" (a court's, no speaker)
    "promising",  # wave 20: "a declaration promising to …" (set 86)
)  # fmt: skip
#: Phrases that name the source of reported speech ("According to the President, …").
ATTRIBUTION_CUES: tuple[str, ...] = ("according to",)
#: A cue directly after one of these words is a noun or part of a name, not a speech verb:
#: "ten ASEAN member states", "the claims", "United States", "its highlights".
NOT_A_CUE_AFTER: frozenset[str] = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "your", "my", "member", "members", "united", "island", "arab", "gulf", "baltic", "small",
    "sovereign", "nation", "pacific", "federated", "other", "some", "many", "several",
})  # fmt: skip
#: Cues that attribute only a quotation that follows them in the same sentence ("praised the
#: government for its "firm action"", "what it called "dangerous actions""); without a
#: quotation they are not speech ("praised the police for their role").
DIRECT_ONLY_CUES: tuple[str, ...] = (
    "praised", "praises", "hailed", "hails", "lauded", "lauds", "welcomed", "welcomes",
    "called", "calls", "termed", "terms", "slammed", "slams", "criticised", "criticized",
    "criticises", "criticizes", "condemned", "condemns",
    # "rejected the sanctions as "illegal and arbitrary"" (set 8); not "rejected the ultimatum"
    "rejected", "rejects",
    "put it",  # 'As Strand put it to investors, "…"'
    # "thanked the Thai side for its "efficient cooperation"" (set 9); not "thanked the police"
    "thanked",
    # a quote that runs on: 'He went on: ¶ "…"', '"…," she continued.' (wave 18, set 60);
    # not "the talks went on for hours", "China continued its crackdown"
    "went on", "goes on", "continued", "continues",
)  # fmt: skip
#: Cues that also take a plain object ("Canberra added nickel to its list", "Tianhe reported a
#: 41% rise in profit", "described the call to colleagues"): speech only before "that", "how",
#: a colon, a comma, a quotation or the end of the sentence (or, for "described", "as" later in
#: the sentence).
OBJECT_CUES: frozenset[str] = frozenset({
    "added", "adds", "reported", "reports", "described", "describes", "describe", "acknowledged",
    "acknowledges", "testified", "testifies",
    # "sanctions that Canada has maintained against Iran"; "maintained that …" is speech
    "maintained",
    # "recalled its ambassador to Algeria" (set 10); "recalled that …" is speech
    "recalled", "recalls",
})  # fmt: skip
#: Cues that report what a court or a committee was told, not what it said: the quote keeps
#: an NA speaker ("the court heard that …"). They need a hearing body of
#: :data:`HEARING_BODIES` in the clause before them ("he heard that …" is not speech).
HEARING_CUES: frozenset[str] = frozenset({"heard that"})
HEARING_BODIES: frozenset[str] = frozenset({
    "court", "committee", "inquiry", "tribunal", "jury", "hearing", "trial", "senate",
    "parliament", "commission", "panel", "judge", "judges", "senators", "lawmakers",
})  # fmt: skip
#: Cues of findings ("It found that …", "the study finds that …"): speech only when an
#: organisation (or the author of a report) finds ("police found that the door was locked"
#: is not coded as what someone said).
FINDING_CUES: frozenset[str] = frozenset({"found that", "finds that", "found"})
#: Bodies whose findings and rulings are reported with an NA speaker when the table does not
#: name them ("the Federal Court found that …", "Investigators later found that …", "a court
#: ruled yesterday"; held-out set 9).
FINDING_BODIES: frozenset[str] = frozenset({
    "court", "courts", "judge", "judges", "tribunal", "magistrate", "jury", "investigators",
    "inquiry", "auditors", "panel", "committee", "prosecutors",
})  # fmt: skip
#: A cue in a clause opened by one of these words, before its first comma, is not reported
#: speech: "When Borealis announced its writedown, …", "If Jakarta says no, …".
HYPOTHETICAL_OPENERS: frozenset[str] = frozenset({"when", "whenever", "if", "unless", "once"})
#: Words after which a cue is negated or not speech: "did not say", "didn't say", "has not
#: commented", "declined to say" (also any word ending in "n't").
NEGATIONS: frozenset[str] = frozenset({"not", "never", "no", "declined", "refused"})
#: Words after which a cue is a passive participle: "were promised jobs", "to be concluded"
#: (unless "that" follows: "it was announced that …").
PASSIVE_AFTER: frozenset[str] = frozenset({"be", "been", "being", "was", "were", "is", "are"})
#: Cue forms that are also plural nouns ("vulnerable states", "the claims", "media reports"):
#: they count only right after a speaker (a mention, a pronoun, an unnamed source) or right
#: before "that", a comma or a colon.
NOUN_FORMS: frozenset[str] = frozenset({
    "states", "claims", "reports", "notes", "remarks", "answers", "pledges", "promises",
    "calls", "demands", "estimates",
})  # fmt: skip
#: A base-form cue ("pledge", "urge", "warn", "say") directly after one of these is an
#: infinitive or a future, not reported speech: "agreed to pledge", "will urge".
NOT_A_CUE_AFTER_BASE: frozenset[str] = frozenset({
    "to", "will", "would", "shall", "should", "must", "can", "could", "may", "might", "did",
    "does", "do",
})  # fmt: skip
#: Nouns of sources that are not actors: "according to a report by X", "…, a spokesman
#: said." (:data:`UNNAMED_SOURCES` adds people and media: "Experts said …").
SOURCE_NOUNS: frozenset[str] = frozenset({
    "report", "statement", "study", "survey", "data", "figures", "estimate", "estimates",
    "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources",
})  # fmt: skip
#: Unnamed sources: "…, a spokesman said." / "Experts said …" / "…, media reports said." /
#: "Developing countries called for …". The quote is kept with an NA speaker (it is speech,
#: just not by an actor of the table).
UNNAMED_SOURCES: frozenset[str] = SOURCE_NOUNS | frozenset({
    "experts", "expert", "analysts", "analyst", "observers", "diplomats", "diplomat", "police",
    "authorities", "reports", "media", "ministry", "embassy", "paper", "newspaper", "agency",
    "witnesses", "critics", "researchers", "residents", "insiders", "activists",
    "communique", "communiqué", "declaration", "broadcaster", "countries", "nations",
    "governments", "sides", "leaders", "ministers", "lawmakers", "groups", "organisations",
    "organizations", "companies", "scientists", "economists", "professor", "researcher",
    # set 4: people in courts, companies and investigations
    "lawyer", "lawyers", "attorney", "aide", "aides", "people", "person", "members",
    "executive", "executives", "worker", "workers", "fishers", "fishermen", "investigators",
    # wave 4: plural sources of conference and wire copy ("…, delegates said"; "Small island
    # states said" is read in analysis.reported, "states" being also a common noun)
    "delegates", "delegations", "negotiators", "campaigners", "envoys", "donors",
    # wave 5: victims testify, courts rule ("One of the victims testified that …", "…, a
    # Milimani court ruled yesterday.")
    "victims", "victim", "survivors", "court", "judge", "tribunal", "officer", "officers",
    "politicians", "legislators", "bodies",
    # wave 6: dispute panels and juries rule like courts ("…, a trade dispute panel ruled")
    "panel", "panels", "jury", "judges",
    # "…, the participants pledged in a joint statement", "Both parties also agreed that …"
    "participants", "parties",
    # wave 8 (set 12): an obituary's and a court report's sources ("…, her family said in a
    # statement", "…, a former colleague, Jean-Pierre Moreau, recalled")
    "family", "relatives", "colleague", "prosecutors",
    # wave 10 (set 15): people named by their work ("An engineer on the project tells the
    # camera that …", "a doctor at the clinic said …")
    "engineer", "engineers", "doctor", "doctors", "nurse", "nurses", "teacher", "teachers",
    "farmer", "farmers", "volunteer", "volunteers", "employee", "employees", "manager",
    "managers", "technician", "technicians",
    # wave 11 (set 17): "with each side accusing the other of …"
    "side",
    # wave 12 (set 18): "…, where agents say many migrants arrived by air"
    "agent", "agents", "guards", "inspectors",
    # wave 15 (set 28): "The next edition will be held in Indonesia, organisers said."
    "organisers", "organizers",
    # wave 20 (set 85): "A consultant who attended as an observer said …"
    "consultant", "consultants", "observer", "adviser", "advisers", "advisor", "advisors",
    # wave 23 (sets 116, 118): the reporter's findings and social-media users' questions ("The
    # reporter learned that …", "Many users asked why …")
    "reporter", "reporters", "correspondent", "correspondents", "user", "users", "netizens",
    "commenters",
})  # fmt: skip
#: Base-form cues (see :data:`NOT_A_CUE_AFTER_BASE`); except "say", they need a speaker of
#: the table ("Prosecutors pledge joint action" is a headline commitment, not a quote).
#: Finite auxiliaries that open a clause's predicate: "She recalled Thailand had …", "…, and
#: the SPP has trained …".
FINITE_AUXILIARIES: frozenset[str] = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could",
})  # fmt: skip
#: :data:`FINITE_AUXILIARIES` and the other modals ("… and would study it", "they must").
AUXILIARIES_AND_MODALS: frozenset[str] = FINITE_AUXILIARIES | frozenset({
    "should", "must", "might", "can", "may", "shall",
})  # fmt: skip
#: Cues that take an object and "as" before a quotation ("described the proposal as '…'").
AS_CUES: frozenset[str] = frozenset({
    "described", "describes", "describe", "called", "calls", "hailed", "hails",
})  # fmt: skip
BASE_FORMS: frozenset[str] = frozenset({"say", "pledge", "urge", "warn", "describe", "propose"})
#: Words that, right before a quotation, make it a title or a name rather than a quote: the
#: theme "Joining Hands Against Fraud", a campaign called "Safe Net", the slogan, "…".
TITLE_WORDS: frozenset[str] = frozenset({
    "theme", "themed", "title", "titled", "entitled", "slogan", "motto", "called", "named",
    "dubbed", "so-called", "campaign", "initiative", "programme", "program", "project",
    "operation", "headline", "book", "report", "film", "song", "banner", "term", "phrase",
    "word", "words", "label", "nicknamed",
})  # fmt: skip


class CueListError(ValueError):
    """A cue list (``cues=`` / ``exclude_cues=``, or the study file's ``quotes:`` keys) cannot be
    used; the message names the source (file), the key, the item and the problem."""


def check_cues(
    values: object, *, source: str = "find_quotes", key: str = "cues"
) -> tuple[str, ...]:
    """Validate a list of speech cues and return it as a tuple of stripped strings.

    Args:
        values: a list (or tuple) of strings, each a matcher pattern ("quipped", "spoke of");
            one string is taken as a list of one; ``None`` is an empty list.
        source: where the list comes from (a study file path), for the message.
        key: the key or argument that holds it (``quotes.cues``), for the message.

    Returns:
        The cues, stripped, in the given order.

    Raises:
        CueListError: (a ``ValueError``) the list is not a list, an item is not a string, is
            empty or blank, or is not a valid pattern. The message names ``source``, ``key``,
            the item's position and the problem.

    Example:
        >>> check_cues(["quipped", " spoke of "])
        ('quipped', 'spoke of')
        >>> check_cues(["ok", ""], source="study.yml", key="quotes.cues")
        Traceback (most recent call last):
        ...
        analysis.cues.CueListError: study.yml: quotes.cues[1]: a cue must be a non-empty string, got ''
    """
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        raise CueListError(
            f"{source}: {key}: must be a list of strings, got {type(values).__name__}"
        )
    out = []
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v.strip():
            raise CueListError(f"{source}: {key}[{i}]: a cue must be a non-empty string, got {v!r}")
        try:
            compile_patterns({"cue": [v.strip()]})
        except ValueError as err:
            raise CueListError(
                f"{source}: {key}[{i}]: {v!r} is not a valid pattern: {err}"
            ) from None
        out.append(v.strip())
    return tuple(out)


#: Participles between a document noun and its author ("a report released today by X")
_ISSUED = frozenset({
    "released", "published", "issued", "compiled", "produced", "circulated", "distributed",
    "prepared", "filed", "lodged", "submitted",
})  # fmt: skip


def issued_by(norm: list, i: int) -> int:
    """Token ``i`` after a document noun, or the "by" of "released|published … [up to two
    words] by" starting there (the author of "a report released today by X" stands after it).

    Example:
        >>> issued_by(["report", "released", "today", "by", "x"], 1)
        3
        >>> issued_by(["report", "by", "x"], 1)
        1
    """
    if i < len(norm) and norm[i] in _ISSUED:
        return next((x for x in range(i + 1, min(i + 4, len(norm))) if norm[x] == "by"), i)
    return i
