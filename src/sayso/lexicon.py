"""The cue lexicon: the words that signal attribution, by how their content is expressed.

Plain data, so a user can extend it (``sayso.lexicon.SPEECH_VERBS.add("opine")``) before
analysing. Lemmas are spaCy lemmas.
"""

from __future__ import annotations

#: Verbs of saying that take their content as a clause ("X said (that) ...", "..., X said").
SPEECH_VERBS: set[str] = {
    "say", "tell", "add", "argue", "warn", "claim", "deny", "insist", "explain", "note", "state",
    "announce", "report", "suggest", "acknowledge", "admit", "write", "tweet", "post", "declare",
    "assert", "contend", "maintain", "reply", "respond", "answer", "ask", "complain", "allege",
    "testify", "confirm", "reveal", "disclose", "indicate", "predict", "promise", "pledge", "vow",
    "threaten", "recall", "recount", "remark", "comment", "observe", "stress", "emphasize",
    "emphasise", "concede", "caution", "counter", "retort", "reiterate", "repeat", "shout",
    "yell", "whisper", "joke", "quip", "boast", "lament", "agree", "blurt", "muse",
    "mention", "inform", "assure", "reassure", "remind", "exclaim", "plead", "proclaim",
    "protest", "object", "clarify", "hint", "speculate", "point", "charge",
    "accuse", "blame", "urge", "appeal", "demand", "recommend", "advise", "propose", "question",
    "email", "text", "signal", "underline",
    "rule", "put",
}

#: Speech verbs whose subject relays another speaker's statement when both are in one sentence
#: ("X says ..., Russian media reported").
RELAY_VERBS: set[str] = {"report", "say", "write", "tell", "confirm", "reveal", "state"}

#: Verbs that name or characterise: the content is object plus predicate ("dubbed the rescue
#: a criminal operation", "calling them a threat", "described it as unfair").
NAMING_VERBS: set[str] = {"call", "dub", "label", "brand", "describe", "term", "characterize",
                          "characterise", "denounce", "slam", "praise", "hail", "criticize",
                          "criticise", "condemn"}

#: Verbs that attribute a position by their object alone ("criticized the accord", "cited a
#: poll", "announced a plan"): the object phrase is the content.
OBJECT_VERBS: set[str] = {
    "criticize", "criticise", "announce", "mention", "accuse", "describe", "propose", "praise",
    "declare", "blame", "slam", "reveal", "denounce", "condemn", "question", "tweet", "recall",
    "stress", "emphasize", "emphasise", "charge", "demand", "clarify", "cite", "defend",
    "discuss", "express", "promote", "list", "blast", "prefer", "oppose", "introduce", "reject",
    "mock", "decry", "welcome", "identify", "applaud", "unveil", "dismiss", "highlight", "refer",
}

#: Verbs by which a subject takes a side, with the side as their object ("voters support the
#: levy", "the union endorsed Ruiz"): a stance whatever the cue scorer makes of them.
SIDE_VERBS: set[str] = {"support", "endorse"}

#: Verbs whose position is the object of a preposition that belongs to the cue ("called for
#: a recount", "pointed to the polls", "spoke about trade"): lemma -> prepositions.
PREPOSITION_CUES: dict[str, set[str]] = {
    "call": {"for"}, "point": {"to"}, "refer": {"to"}, "talk": {"about"},
    "speak": {"about", "of", "against"}, "push": {"for"}, "advocate": {"for"},
    "rail": {"against"}, "weigh": {"in"}, "campaign": {"for", "against", "on"},
}

#: Prepositional cues that demand rather than take a stance ("called for a recount"): speech.
DEMAND_VERBS: set[str] = {"call", "push", "advocate", "demand"}

#: Verbs of intention whose content is an infinitive ("declined to comment", "plans to run"):
#: attributions of a mind, ``act == "thought"``.
INTENT_VERBS: set[str] = {"refuse", "decline", "plan", "want", "seek", "intend", "hope", "aim",
                          "expect", "prefer", "wish"}

#: Verbs whose content is an infinitive ("appealed to the UN to save ...", "urged them to act",
#: "persuaded the board to sell").
APPEAL_VERBS: set[str] = {"appeal", "urge", "ask", "call", "implore", "beg", "press", "demand",
                          "plead", "promise", "pledge", "vow", "threaten",
                          "advise", "recommend", "warn", "persuade", "convince"}

#: Verbs of thought, finding and expectation ("believes", "found", "expects"): attributions that
#: report a mind or a study rather than speech. Their statements have ``act == "thought"``.
THOUGHT_VERBS: set[str] = {"believe", "think", "fear", "expect", "hope", "worry", "find", "show",
                           "wonder", "project", "forecast", "estimate", "feel", "know", "doubt",
                           "suspect", "assume", "realize", "realise", "consider", "conclude"}

#: Verbs of feeling whose object feels what their subject causes ("the remark angered donors",
#: "the delay rattled the board"): the object holds a view of the subject.
EXPERIENCER_VERBS: frozenset[str] = frozenset({
    "anger", "infuriate", "enrage", "outrage", "irritate", "annoy", "irk", "rankle", "rattle",
    "unnerve", "alarm", "worry", "trouble", "dismay", "frustrate", "exasperate", "upset",
    "offend", "embarrass", "baffle", "mystify", "puzzle", "roil"})

#: Adjectives of attitude after a copula ("are wary of", "is eager to", "were convinced that"):
#: the subject holds a view of what the adjective governs. Generic ones ("clear", "likely",
#: "able") say nothing of a source and are left out. Those of leaning and devotion ("hostile
#: to", "fond of", "bent on", "inclined to") and the opposites of listed ones ("unaware",
#: "unafraid") added 20 statements on PolNeAR's kept training articles, 13 a gold content.
ATTITUDE_ADJECTIVES: set[str] = {
    "adamant", "afraid", "aghast", "alarmed", "ambivalent", "angry", "anxious", "appreciative",
    "aware", "bent", "certain", "committed", "concerned", "confident", "conscious", "convinced",
    "critical", "determined", "devoted", "disappointed", "dismissive", "doubtful", "eager",
    "enamored", "enthusiastic", "favorable", "fearful", "fond", "frustrated", "furious", "glad",
    "grateful", "happy", "hesitant", "hopeful", "hostile", "impressed", "inclined", "insistent",
    "keen", "leery", "mistrustful", "nervous", "opposed", "optimistic", "outraged", "outspoken",
    "pessimistic", "pleased", "proud", "receptive", "reluctant", "satisfied", "scared",
    "sceptical", "shocked", "skeptical", "supportive", "sure", "surprised", "suspicious",
    "sympathetic", "thankful", "unafraid", "unaware", "uncertain", "unhappy", "unsure",
    "unwilling", "upset", "vocal", "wary", "worried"}

#: Nouns that carry a statement in a "that" clause or an "of" phrase ("his allegation that ...").
NOUN_CUES: set[str] = {"allegation", "claim", "statement", "accusation", "assertion", "argument",
                       "warning", "announcement", "admission", "denial", "insistence",
                       "suggestion", "promise", "pledge", "vow", "threat", "testimony",
                       "explanation", "prediction", "contention", "belief", "view", "position",
                       "case"}

#: Nouns of words passed on, whose that-clause is what was said even where the sentence names
#: no one who said it ("complaints that the pier is unsafe", "speculation that she might run").
REPORT_NOUNS: set[str] = {"complaint", "rumor", "rumour", "report", "speculation", "remark",
                          "comment", "revelation", "charge", "observation", "recommendation",
                          "assurance"}

#: Nouns that name what someone said or felt only when a copula hands them a that-clause ("His
#: point was that ...", "Their fear is that ..."); elsewhere ("a point in time", "a fear of
#: heights") they attribute nothing, so they are no ``NOUN_CUES``.
PREDICATED_NOUNS: set[str] = {"message", "point", "fear", "hope", "concern", "worry", "response",
                              "answer", "complaint", "idea", "assumption", "impression",
                              "refrain", "rationale"}

#: Nouns of saying that take what they say through a preposition right after them, as the
#: verbs of ``PREPOSITION_CUES`` do: "his call for a recount", "talk about a merger", "her
#: remarks about the pier". Not the nouns of the other verbs there ("campaign for", "push for"
#: name an effort more often than words: "his campaign for the nomination"), nor "on" or "over"
#: after a noun of words, which as often tell when or where ("her remarks on Monday").
PREPOSITION_NOUNS: dict[str, str] = {
    "call": "for", "talk": "about", "comment": "about", "remark": "about", "statement": "about",
    "conversation": "about", "speech": "about", "word": "about", "testimony": "about",
    "answer": "about", "argument": "about"}

#: Nouns of an attack on someone, whose "on"/"against" object is the target ("her attacks on
#: the plan").
ATTACK_NOUNS: set[str] = {"attack", "assault", "broadside", "tirade", "diatribe", "offensive"}

#: Nouns of an attitude or of words shown toward something, which a verb outside the lexicon
#: only voices ("voiced support for", "launched an attack on", "delivered a defense of"): the object
#: of the preposition after them is what the attitude is about.
ATTITUDE_NOUNS: set[str] = {"support", "opposition", "criticism", "critique",
                            "defense", "defence", "concern", "interest", "enthusiasm", "respect",
                            "sympathy", "discomfort", "displeasure", "dismay", "skepticism",
                            "scepticism", "reservation", "indictment", "denunciation",
                            "condemnation", "mention", "word", "language", "thought", "opinion",
                            "message", "sign", "counterattack", "onslaught", "reference", "comment",
                            "remark"} | ATTACK_NOUNS

#: Nouns of a finding that a clause reports "in" ("In a Register poll, Cruz led by ten points").
FINDING_NOUNS: set[str] = {"poll", "survey"}

#: Records and tallies that speak through a finding verb set off after their clause ("..., court
#: records show."), where the parser often reads the verb as a noun.
RECORD_NOUNS: set[str] = {"record", "document", "file", "filing", "result", "figure", "data",
                          "datum", "report", "poll", "survey", "study", "number", "estimate",
                          "tally", "statistic", "log", "transcript", "receipt", "analysis", "count"}

#: Finding verbs in the form a plural record takes ("records show", "data suggest").
RECORD_VERB_FORMS: set[str] = {"show", "suggest", "indicate", "reveal", "confirm"}

#: Nouns of an intention whose content is an infinitive ("his pledge to ban", "her call to
#: act").
INTENT_NOUNS: set[str] = {"promise", "pledge", "vow", "threat", "call", "plan", "decision",
                          "refusal", "offer", "demand", "request", "bid"}

#: Nouns of a medium: "in a statement", "by phone", "on Twitter", "in an interview".
MEDIUM_NOUNS: set[str] = {"phone", "telephone", "interview", "statement", "tweet", "twitter",
                          "facebook", "instagram", "email", "e-mail", "letter", "post", "release",
                          "conference", "briefing", "speech", "video", "podcast", "broadcast",
                          "radio", "television", "tv", "blog", "op-ed", "column", "memo",
                          "filing", "message", "text", "press", "note", "appearance", "remarks",
                          "testimony", "hearing", "rally", "documents", "affidavit", "submission",
                          "x", "threads", "youtube", "tiktok", "livestream", "newsletter",
                          "editorial", "essay", "report", "court", "debate", "event", "town",
                          "address", "sermon", "lecture", "call", "chat", "online", "social"}

#: Written documents that speak for whoever put them out ("the council's statement said", "issued
#: a letter saying").
DOCUMENT_NOUNS: set[str] = {"statement", "release", "letter", "email", "e-mail", "report", "post",
                            "tweet", "document", "filing", "memo", "note", "message", "decision",
                            "ruling"}

#: Kinds of named entity that name a party: a person, an organisation, a group, a country.
PARTY_ENTITIES: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})

#: Pronouns that can be a speaker, with (gender, number): gender m/f/n/None, number s/p.
PRONOUNS: dict[str, tuple[str | None, str]] = {
    "he": ("m", "s"), "him": ("m", "s"), "his": ("m", "s"),
    "she": ("f", "s"), "her": ("f", "s"), "hers": ("f", "s"),
    "they": (None, "p"), "them": (None, "p"), "their": (None, "p"),
    "it": ("n", "s"), "its": ("n", "s"), "we": (None, "p"), "i": (None, "s"),
}

#: Reflexive pronouns with gender and number, as ``PRONOUNS``.
REFLEXIVES: dict[str, tuple[str | None, str]] = {
    "himself": ("m", "s"), "herself": ("f", "s"), "itself": ("n", "s"), "myself": (None, "s"),
    "yourself": (None, "s"), "ourselves": (None, "p"), "themselves": (None, "p"),
}


#: Nouns by which an article goes on to call a company it has named ("the company said").
COMPANY_NOUNS: set[str] = {"company", "firm", "business", "corporation", "retailer", "carrier",
                           "airline", "insurer", "manufacturer", "automaker", "maker", "chain",
                           "startup", "operator", "brewer", "lender", "grocer", "supplier",
                           "distributor", "conglomerate", "railway", "railroad", "utility",
                           "giant"}

#: Nouns by which an article goes on to call any organisation it has named ("the watchdog").
BODY_NOUNS: set[str] = {"group", "organization", "organisation", "watchdog", "body", "agency",
                        "regulator"}

#: Words in the names of bodies that are not companies: "the company" never means a ministry.
INSTITUTION_NOUNS: set[str] = {"ministry", "department", "university", "college", "school",
                               "party", "union", "council", "board", "commission", "committee",
                               "agency", "police", "service", "court", "government", "office",
                               "parliament", "senate", "house", "assembly", "army", "navy",
                               "church", "hospital", "city", "county", "province", "state",
                               "association", "federation", "society", "institute", "foundation",
                               "league", "coalition", "alliance", "caucus", "bureau", "authority",
                               "administration", "force", "forces", "network", "news", "times",
                               "post", "press", "herald", "journal"}
