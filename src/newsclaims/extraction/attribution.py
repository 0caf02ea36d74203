"""Who tells a number: claimant, organisation, party, relay and stance, from the sentence's grammar
("according to X", "X said", appositives, quotations, pronouns resolved back) and the aliases in seeds/.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsclaims.extraction import vocab as vocab_mod
from newsclaims.extraction.lexicon import (
    DIGIT,
    PARTY_MARKERS,
    RUSSIAN_PLACES,
    UKRAINE_SIDE,
    UKRAINIAN_PLACES,
    WEEKDAYS,
)
from newsclaims.extraction.numbers import NumberMention, find_numbers
from newsclaims.extraction.vocab import Alias

# ---------------------------------------------------------------- attribution
PRONOUN_SOURCE = re.compile(
    r"^(?:he|she|they|it|the statement|the ministry|the office|the report|the agency|the department|"
    r"the spokes(?:man|woman|person)|the official|officials|the officials|the governor|the mayor|"
    r"the military|the army|the source|the update|the data|the figures|the authorities|authorities|"
    r"the general staff|the briefing|the command|the service|the president|the minister|the council|"
    r"the administration|the police|the government|its statement|his office|the post|"
    r"one of (?:those|these|the) officials|"
    r"the (?:(?:senior|same|top|defen[cs]e|intelligence) ){1,2}official)$",
    re.IGNORECASE,
)


ACCORDING = re.compile(
    r"\b(?:according to|as per|citing|cited by|in the words of|figures from|data from|estimates (?:by|from)|"
    r"a statement (?:from|by)|a report (?:from|by)|reports? by|confirmed by|said by|claimed by|reported by)\s+"
    # "an update from", "the latest figures by": the article only where such a phrase follows
    r"(?:(?:an?|the)\s+(?=(?:(?:recent|latest|new|official|updated|preliminary)\s+)?"
    r"(?:estimates|figures|data|reports?|statements?|information|numbers|counts?|updates?|assessments?)\s+"
    r"(?:by|from|of)\s))?"
    r"(?:(?:recent|latest|new|official|updated|preliminary)\s+)?"
    r"(?:(?:estimates|figures|data|reports?|statements?|information|numbers|counts?|updates?|assessments?)\s+"
    r"(?:by|from|of)\s+)?"
    r"(?P<src>[^,;:()\"“”]{2,90})",
    re.IGNORECASE,
)


QUOTED_AS = re.compile(
    r"(?P<src>[^,;:()\"“”]{2,90}?)\s+(?:was|were|is|are|has been|have been|had been)\s+quoted\s+"
    r"(?:by\s+(?P<relay>[^,;:()\"“”]{2,60}?)\s+)?as\s+say(?:ing)?\b",
    re.IGNORECASE,
)


POSSESSIVE_SOURCE = re.compile(
    r"(?P<src>\b[\w .'-]{2,60}?)(?:'s|’s)\s+(?:\w+\s+){0,2}?(?:figures|data|estimates?|count|tally|report|statement|update)\b",
    re.IGNORECASE,
)


POSSESSIVE_HINT = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:figures|data|estimates?|count|tally|report|statement|update)\b",
                             re.IGNORECASE)


NEGATED_BEFORE = re.compile(r"\b(?:not|never|n't|without|short of|refused to|declined to|yet to)\s+(?:\w+ly\s+)?$",
                            re.IGNORECASE)


PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)")


PASSIVE_BEFORE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")


# Capitalised words that open a name-like run without being part of the name.
NOT_A_NAME = frozenset([
    "ukrainian", "russian", "president", "prime", "defence", "defense", "foreign", "general", "deputy",
    "national", "state", "interior", "regional", "mayor", "governor", "minister", "ministry", "city",
    "the", "united", "office", "head", "chief", "kremlin", "pentagon", "western", "american", "british",
    "military", "health", "police", "gov", "mr", "mrs", "ms", "dr", "sen", "rep", "lt", "col", "gen",
    "commander", "spokesman", "spokeswoman", "adviser", "advisor", "secretary", "ambassador", "colonel",
    "major", "captain", "sergeant", "lieutenant", "senior", "former", "acting", "local", "top",
    "executive", "director", "chairman", "chairwoman", "chair", "press", "officer", "host", "leader", "envoy",
    "representative", "commissioner", "ombudsman", "inspector", "emergency", "services", "service",
    "meanwhile", "however", "only", "also", "separately", "earlier", "later", "but", "and", "as", "when",
    *WEEKDAYS, "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
])


OCCUPATION = re.compile(r"\b(?:dpr|lpr|donetsk people|luhansk people|lugansk people|separatists?|"
                        r"russian-installed|russia-installed|russian-appointed|pro-russian)\b", re.IGNORECASE)


EXPERTS = re.compile(r"(?:the )?(?:[\w-]+ ){0,2}(?:experts|analysts|observers)", re.IGNORECASE)


# a phrase that ends in a person's title names a person ("the military spokesman"), not a body
PERSON_TITLE_LAST = re.compile(r"\b(?:spokes(?:man|woman|person)|governor|mayor|minister|commander|chief|adviser|"
                               r"aide|head|leader)\W*$", re.IGNORECASE)


MEDIA_ROLE = re.compile(r"\b(?:co-host|host|anchor|presenter|journalist|reporter|columnist|commentator|"
                        r"correspondent|editor|broadcaster)\b", re.IGNORECASE)


# offices of a town or region, and the ones Russia installs where it takes over
LOCAL_OFFICE = re.compile(r"\b(?:mayor|administration|governor|head|leader|authorities|officials|council|"
                          r"emergency service|territorial defen[cs]e)\b", re.IGNORECASE)


REGIONAL = re.compile(r"\b(?:governor|gov\.|regional|region|oblast)\b", re.IGNORECASE)


OCCUPATION_OFFICE = re.compile(r"\b(?:administration|military-civilian|installed|appointed)\b", re.IGNORECASE)


CLAUSE_VERB = re.compile(r"\b(?:have|has|had|was|were|is|are|been|will|would)\b", re.IGNORECASE)


NOT_A_PERSON_AROUND = re.compile(r"\bthe\s+$", re.IGNORECASE)


PLACE_AFTER = re.compile(r"\s+(?:region|province|oblast|krai|city|district|county|area|republic|river)\b",
                         re.IGNORECASE)


PERSON = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z']+){1,3})\b")


TITLE_WORDS = re.compile(
    r"\bgov\.|\b(?:mayor|governor|head|chief|official|spokes(?:man|woman|person)|minister|president|adviser|aide|"
    r"advisor|commander|general|leader|(?:under)?secretary|ambassador|prosecutor|police|administration|council|"
    r"deputy|director|representative|ombudsman|commissioner)\b",
    re.IGNORECASE,
)


ORG_WORDS = re.compile(
    r"\b(?:forces|staff|ministry|council|service|office|army|police|command|agency|republic|guard|"
    r"fleet|force|administration|department|committee|government|news|press|times|post|union|"
    r"nations|bank|court|parliament|assembly|house|group|company|institute|university|center|centre)\b",
    re.IGNORECASE,
)


ESTIMATE_WORDS = re.compile(r"\b(?:estimates?|assessments?|intelligence|figures|count|data)\b", re.IGNORECASE)


GOVERNMENTS = {"russia": "Russian government", "ukraine": "Ukrainian government", "united_states": "US government",
               "united_kingdom": "UK government", "united_nations": "United Nations"}


NON_STATE_BODY = re.compile(r"\b(?:(?P<firm>firm|company)|ngo|charity|watchdog|think tank|monitor|"
                            r"(?:rights|monitoring|aid|research) group|non-profit|nonprofit)$", re.IGNORECASE)


SOURCE_BODY = re.compile(
    r"\b(?:defen[cs]e ministry|ministry|territorial defen[cs]e|emergency service|emergencies ministry|"
    r"administration|headquarters|general staff|military|armed forces|police|prosecutors?|"
    r"press service|city council|regional council|command|air force|navy|border (?:guard|service)|"
    r"national guard|security service)\b",
    re.IGNORECASE,
)


def government_of(text: str, cue: str) -> Source | None:
    """The government of the first side the text marks that has one ("a U.S. estimate", "Russian
    reports"); None when it marks none, or only states with no single canonical government."""
    for party, pattern in PARTY_MARKERS:
        if party in GOVERNMENTS and pattern.search(text):
            return Source(GOVERNMENTS[party], None, party, cue + " +country", "state", text.strip())
    return None


def names_a_party(text: str) -> bool:
    """Whether the text marks a side ("Russian", "the Kremlin", "Ukraine's", "Polish", ...)."""
    return any(pattern.search(text) for _, pattern in PARTY_MARKERS)


SKIP_WORDS = {"the", "a", "an", "also", "has", "have", "had", "was", "were", "is", "are", "been",
              "previously", "earlier", "later", "on", "in", "last", "this", "that", "and", "which",
              "who", "would", "could", "will", "so", "but", "then", "now", "already",
              "with", "while", "reportedly", "officially", "separately", "publicly", "today", "yesterday"}


@dataclass(frozen=True)
class Source:
    claimant: str
    claimant_org: str | None
    party: str
    cue: str
    kind: str = "organisation"   # person, organisation, state, media
    mention: str = ""            # the words of the text that named the source


def named_party(source: Source) -> bool:
    """A source that speaks for a side or a body, not the outlet's own voice."""
    return source.party not in ("media", "unattributed")


def phrase_name(text: str, last: int) -> str:
    """A source named by a phrase, as its last few content words ("the regional governor" -> "regional
    governor"), without the day it spoke on or a relative clause after it ("... where official reports")."""
    text = RELATIVE_CLAUSE.split(text, maxsplit=1)[0]
    words = [w for w in re.findall(r"\w[\w'’´-]*", text)
             if w.lower() not in SKIP_WORDS and w.lower() not in WEEKDAYS and w.lower() not in TIME_WORDS]
    return " ".join(words[-last:]) or text.strip()


# officials known by a place or a side: "officials in Luhansk", "pro-Moscow breakaway officials"
OFFICIALS_OF = re.compile(
    r"(?:the )?(?P<mods>(?:[\w'’-]+ ){0,3}?)(?P<noun>officials|authorities|insiders|sources)"
    r"(?: (?:in|of) (?:the )?(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?))?")


# the subject that opens a main clause, up to its verb: "Western officials briefed reporters ..."
MAIN_SUBJECT = re.compile(r"\s*(?P<subject>(?:[Tt]he )?(?:[A-Z][\w'’.-]*|[a-z]+)(?: [\w'’.-]+){0,6}?)\s+"
                          r"(?:also\s+|had\s+|has\s+|have\s+)?(?:[a-z]+ed|told|said|wrote|gave|made|spoke|took)\b")


APPOSITIVE_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?([^,;]{0,60})")  # "Maksym Zhorin, a former commander ..."


RELATIVE_START = re.compile(r"\s*(?:who|which|whose|whom)\b", re.IGNORECASE)


RELATIVE_CLAUSE = re.compile(r"\s(?:where|who|which|whose|went|had|have|has)\s", re.IGNORECASE)


TIME_WORDS = frozenset(["meanwhile", "however", "earlier", "later", "separately", "also", "only", "tonight",
                        "overnight", "morning", "evening", "night", "week", "month", "year"])


PERSON_PRONOUN = re.compile(r"^(?:he|she|his office|her office)$", re.IGNORECASE)


# "the official", "the senior defense official": a role told again, with no side or name of its own
ROLE_PRONOUN = re.compile(r"^the (?:(?:senior|same|top|defen[cs]e|intelligence) ){0,2}"
                          r"(spokes(?:man|woman|person)|official|governor|mayor|president|minister)$",
                          re.IGNORECASE)


# roles that name a source by themselves when nobody before holds them ("according to the mayor")
NAMING_ROLE = re.compile(r"^the (?:governor|mayor|president|minister)$", re.IGNORECASE)


GROUP_PRONOUN = re.compile(r"^(?:the )?(?:officials|authorities)$", re.IGNORECASE)


# a noun phrase that can be a speaker: an optional determiner, up to four modifiers, a head word
GENERIC_SUBJECT = re.compile(
    r"(?:(?P<det>the|a|an|one|its|their|his|her|several|some|local|[A-Z][\w'’-]+['’]s)\s+)?"
    r"(?:[\w'’-]+\s+){0,4}(?P<head>[A-Za-z][a-z'’-]{2,})", re.IGNORECASE)


# a head noun that names someone who can speak: a doer ("officer", "investigators", "residents"),
# or a body known by what it does ("the presidency", "sources", "witnesses"); not "media": unnamed
# media reports are the outlet's own voice (GUIDELINES)
AGENT_NOUN = re.compile(r"[a-z'’-]+(?:er|or|ist|ian|ant|ent|ary|ee)s?|presidency|sources?|witness(?:es)?|"
                        r"intelligence|authorities|officials|staff|police|military|government",
                        re.IGNORECASE)


# "claimed the lives of", "claimed responsibility": claim verbs that report nothing
NOT_A_REPORT_AFTER = re.compile(r"\s+(?:the\s+)?(?:lives?|life|responsibility|credit|victory)\b", re.IGNORECASE)


def _stance(source: Source) -> str:
    """deny when the source's verb rejects the number ("Russia denied losing 25 tanks")."""
    return "deny" if source.cue.endswith("+deny") else "assert"


SUBORDINATE_START = re.compile(r"\s*(?:though|although|even though|while|whereas|despite)\b", re.IGNORECASE)


CLAUSE_BREAK = re.compile(r",?\s+(?:but|although|though|while|whereas|yet)\b|;", re.IGNORECASE)


def _referent(pronoun: str) -> str:
    """What a pronoun can refer back to: 'person', 'person:<role>', 'group' or 'any'."""
    pronoun = " ".join(pronoun.lower().split())
    if PERSON_PRONOUN.match(pronoun):
        return "person"
    if m := ROLE_PRONOUN.match(pronoun):
        return "person:" + m.group(1)
    if GROUP_PRONOUN.match(pronoun):
        return "group"
    return "any"


def _previous_of_kind(previous_fn: Callable[[Callable[[Source], bool]], Source | None],
                      want: str) -> Source | None:
    """The previous source a pronoun of this referent kind can mean, best fit first."""
    if want == "any":
        return previous_fn(lambda s: True)
    if want == "group":
        # "officials said" continues no one in particular: the officials rule names them
        return None
    if want.startswith("person:"):
        role = want.split(":", 1)[1]
        found = previous_fn(lambda s: s.kind == "person" and role in s.mention.lower())
        if found is None and role in ("spokesman", "spokeswoman", "spokesperson", "official"):
            # a spokesman or an official speaks for the body named before
            found = previous_fn(lambda s: True)
        return found  # "the mayor" named by nobody before: the role itself names the source
    return previous_fn(lambda s: s.kind == "person")


class Attribution:
    """Finding the teller of a sentence's numbers (mixed into ``Extractor``; reads the vocabularies,
    the article's text and date, and the title's side)."""

    # ------------------------------------------------------------ claimants
    def _alias_source(self, text: str, cue: str) -> Source | None:
        # A named person outranks the organisation they speak for
        # ("Igor Konashenkov, the Russian defence ministry spokesman").
        # ...unless the person's alias is only part of the organisation's ("the Ukrainian president's office").
        person = vocab_mod.best_match(self.vocab, text, kind="person")
        best = vocab_mod.best_match(self.vocab, text)
        if person and not (best and best[0].kind != "person" and best[1] <= person[1] and person[2] <= best[2]
                           and best[2] - best[1] > person[2] - person[1]):
            best = person
        if best is None:
            return None
        return self._from_alias(best[0], text, cue)

    def _from_alias(self, alias: Alias, text: str, cue: str) -> Source:
        if alias.kind != "person":
            person = self._person_in(text)
            if person and person.lower() not in alias.claimant.lower() and not vocab_mod.canonical_claimant(
                    self.vocab, person):
                # "Ihor Klymenko, head of the National Police": the person, their organisation
                return Source(person, alias.claimant, alias.claimant_party, cue + " +person",
                              "person", text.strip())
        return Source(alias.claimant, alias.claimant_org, alias.claimant_party, cue, alias.kind,
                      text.strip())

    @staticmethod
    def _person_in(text: str, last: bool = False) -> str | None:
        """The first (or last) person's name in the text, titles dropped ("Mayor Oleksandr Senkevych")."""
        for m in (reversed(list(PERSON.finditer(text))) if last else PERSON.finditer(text)):
            if NOT_A_PERSON_AROUND.search(text[max(0, m.start() - 5):m.start()]) or \
                    PLACE_AFTER.match(text, m.end()):
                continue  # "the Krasnodar Krai region": a place
            words = m.group(1).split()
            while words and (words[0].lower() in NOT_A_NAME or words[0].lower() in SKIP_WORDS
                             or len(words) > 2 and UKRAINIAN_PLACES.fullmatch(words[0])):
                words.pop(0)  # titles, and a place before a full name ("Odesa Maksym Marchenko")
            while words and words[-1].lower() in NOT_A_NAME:
                words.pop()  # "In September Ukrainian officials": no name ends in "Ukrainian"
            name = " ".join(words)
            if len(words) < 2 or ORG_WORDS.search(name):
                continue
            return name
        return None

    def _named_source(self, text: str, context: str, cue: str) -> Source | None:
        """Resolve a phrase that names a source, and the side of an occupation authority."""
        src = self._name_source(text, context, cue)
        if src is not None and src.party != "russia" and self._occupation_authority(src.mention, context):
            src = dataclasses.replace(src, party="russia", cue=src.cue + " +occupation")
        return src

    def _occupation_authority(self, titles: str, context: str) -> bool:
        """Whether a source's titles make it an authority of a place Russia held on the article's
        date: any local office in a place held since 2014 ("Alexei Kulemzin, mayor of Donetsk"),
        an administration in one held since 2022 ("the local administration's head" in Nova
        Kakhovka; the exiled Ukrainian mayors of such places keep the title "mayor")."""
        if not LOCAL_OFFICE.search(titles) or UKRAINE_SIDE.search(titles) or REGIONAL.search(titles):
            # "Ukrainian authorities" are Ukraine's wherever they speak of, and so are the governors
            # and regional administrations of the regions Russia holds part of
            return False
        for place in self.vocab.occupied:
            if not place.held_on(self._published_on):
                continue
            if place.occupied_from.year <= 2014 and place.pattern.search(titles):
                return True  # a city's office named with the city: "mayor of Donetsk"
            if OCCUPATION_OFFICE.search(titles) and place.pattern.search(f"{titles} {context}"):
                return True  # an administration of a place taken in 2022
        return False

    def _name_source(self, text: str, context: str, cue: str) -> Source | None:
        """Resolve a phrase that names a source: alias table first, then a person's name."""
        text = text.strip(" ,.'\"“”’")
        if not text:
            return None
        src = self._alias_source(text, cue)
        if src:
            return src
        if (group := OFFICIALS_OF.fullmatch(text)) is not None and (
                group.group("place") or OCCUPATION.search(text) or names_a_party(text)):
            # "pro-Moscow breakaway officials in Luhansk", "Kharkiv regional officials": officials known
            # by a place or a side speak for the side that holds it
            place = group.group("place") or ""
            party = "russia" if OCCUPATION.search(text) else self._party_from(text) if names_a_party(text) \
                else "russia" if self._occupation_authority(place, place) else "ukraine"
            name = " ".join(w for w in [place, *group.group("mods").split(), group.group("noun")]
                            if w and not w.lower().startswith("pro-") and w.lower() not in ("the", "breakaway"))
            if not place and party in GOVERNMENTS and all(names_a_party(w) for w in group.group("mods").split()):
                name = GOVERNMENTS[party]  # "Ukrainian insiders", "US sources": the government of that side
            return Source(name, None, party, cue + " +officials", "state", text)
        if re.fullmatch(r"(?:the )?(?:local |regional |city )?(?:officials|authorities)", text, re.IGNORECASE):
            # unnamed officials in this war's news are, absent other marks, Ukraine's
            name = "Ukrainian government"
            if re.search(r"local", text, re.IGNORECASE):
                # "local authorities" of the place the sentence names ("Sievierodonetsk local authorities")
                words = " ".join(text.lower().split()[-2:])
                place = UKRAINIAN_PLACES.search(context)
                name = f"{place.group(0).title()} {words}" if place else words
            return Source(name, None, "ukraine", cue + " +officials", "state", text)
        if PRONOUN_SOURCE.match(text) and not NAMING_ROLE.match(text):
            return None
        # the name nearest the verb: "the governor of the Krasnodar Krai region, Veniamin Kondratiev"
        person = self._person_in(text, last=True)
        if person:
            party = self._party_from(text)
            if party == "other":
                # "Pavlo Kyrylenko said": the titles the article gave the name when it first used it
                party = self._party_at_first_mention(person)
            return Source(person, None, party, cue + " +person", "person", text)
        words = text.split()
        if len(words) <= 3 and words and re.fullmatch(r"[A-Z][a-z'-]+", words[-1]) and \
                (full := self._full_name(words[-1])) is not None:
            # "Orlov reported": a surname named in full earlier in the article
            return Source(full[0], None, full[1], cue + " +surname", "person", text)
        if ESTIMATE_WORDS.search(text) and (government := government_of(text, cue)) is not None:
            # "a U.S. estimate", "British intelligence": the government of the country named
            return government
        if EXPERTS.fullmatch(text) and context.lstrip(" “\"'").startswith(text):
            # "Military experts told the BBC": independent voices of no government (as the
            # sentence's subject; "the victory that analysts say Putin expected" attributes nothing)
            return Source(text[4:] if text.lower().startswith("the ") else text, None, "other",
                          cue + " +experts", "organisation", text)
        if (body := NON_STATE_BODY.search(text)) and len(text.split()) <= 6 and \
                not re.fullmatch(r"(?:the )?[\w-]+", text, re.IGNORECASE):
            # "a US satellite firm", "a rights group": a voice of no government, wherever it is based
            # ("the watchdog" alone refers back, and is left to the pronoun rules)
            party = "other" if body.group("firm") else "ngo_or_research"
            return Source(phrase_name(text, 4), None, party, cue + " +organisation", "organisation", text)
        if SOURCE_BODY.search(text) and len(text.split()) <= 6 and not PERSON_TITLE_LAST.search(text):
            # "the defence ministry", "the separatists' emergency service": a body named by what it is
            marked = names_a_party(text)
            # a body in a sentence about the separatist republics is theirs; "Russian" alone in the
            # sentence more often names the attacker than the body
            near = not marked and OCCUPATION.search(context) is not None
            # unmarked, it is the side the article's title names first ("Russian soldiers shot dead
            # ..., the defence ministry said"), and Ukraine's when the title names neither
            party = self._party_from(text) if marked else "russia" if near else self._title_side
            # "+body?": nothing in the text marks whose body it is
            cue += " +body" if marked else " +body near" if near else " +body?"
            sided = f"{'Russian' if party == 'russia' else 'Ukrainian'} {phrase_name(text, 5)}"
            if not marked and party in ("russia", "ukraine") and \
                    (found := vocab_mod.best_match(self.vocab, sided)) is not None and found[1] == 0 and \
                    found[2] >= len(sided) - 1 and found[0].claimant_party == party and found[0].kind != "state":
                # "the defence ministry said" in an article on Russia's side: the Russian Ministry of Defence
                # (only when the alias names the whole phrase: "military chiefs" stay what they are)
                return Source(found[0].claimant, found[0].claimant_org, party, cue + " +side", found[0].kind, text)
            return Source(self._role_name(text, context) if re.search(r"city council", text, re.IGNORECASE)
                          else phrase_name(text, 5), None, party, cue, "organisation", text)
        if TITLE_WORDS.search(text):
            # "the regional governor": named by role, and by name where the article names its holder
            kind = "organisation" if ORG_WORDS.search(text) else "person"
            party = self._party_from(text)
            if kind == "person" and (holder := self._role_holder(text, context)) is not None:
                alias = vocab_mod.canonical_claimant(self.vocab, holder, kind="person")
                if alias is not None:  # "the military spokesman" -> Igor Konashenkov, of the Russian MoD
                    return Source(alias.claimant, alias.claimant_org, alias.claimant_party,
                                  cue + " +role holder", "person", text)
                if not names_a_party(text):
                    party = self._party_at_first_mention(holder)  # the side the article titles them with
                    party = "ukraine" if party == "other" else party
                return Source(holder, None, party, cue + " +role holder", "person", text)
            name = self._role_name(text, context)
            return Source(name, self._role_org(name), party, cue + " +role", kind, text)
        return self._generic_source(text, cue)

    def _generic_source(self, text: str, cue: str) -> Source | None:
        """The subject of a reporting verb that no rule above names ("the presidency said", "Russian
        investigators reported", "a local law enforcement officer told"): the claimant is who the text
        says speaks (GUIDELINES), named by the phrase's last words, when the phrase marks its side
        ("Russian", "Ukraine's", a Russian place); "+generic" lets the learned layer weigh how far
        such a teller is to be trusted."""
        m = GENERIC_SUBJECT.fullmatch(text)
        if m is None or DIGIT.search(text) or PRONOUN_SOURCE.match(text):
            return None
        head = m.group("head")
        if head.lower() in SKIP_WORDS or head.lower() in TIME_WORDS or head.lower() in WEEKDAYS or \
                not (head[0].isupper() or AGENT_NOUN.fullmatch(head)) or names_a_party(head):
            # "the strike claimed", "the war has displaced": no one speaks; "Russian" alone is a
            # side's adjective, for the rules that name that side's government
            return None
        marked = names_a_party(text) or RUSSIAN_PLACES.search(text) is not None
        if not marked:
            # an unmarked speaker ("the presidency said") is left to the outlet's voice: giving it
            # the title's side, or none, scored worse on the check part
            return None
        party = self._party_from(text)
        kind = "person" if m.group("det") and m.group("det").lower() in ("a", "an", "one") else "organisation"
        return Source(phrase_name(text, 4), None, party, cue + " +generic", kind, text)

    def _appositive_source(self, left: str, sentence: str, cue: str) -> Source | None:
        """The source of "A, B, said": a named person in either part (with the organisation the
        other names), else the first part that names a source ("Oryx, a Dutch defence
        intelligence organisation, confirmed")."""
        segments = re.split(r"[,;:\"“”()]", left)
        if len(segments) < 3 or DIGIT.search(segments[-2]) or CLAUSE_VERB.search(segments[-2]):
            return None  # "Across Ukraine, 900 hospitals have been damaged, said ...": no appositive
        head = re.sub(r"^\s*(?:but|and|while|as|that|who|which)\s+", "", segments[-3], flags=re.IGNORECASE)
        first, second = (self._named_source(part, sentence, cue) if part.strip() else None
                         for part in (head, segments[-2]))
        for person, other in ((first, second), (second, first)):
            # a name the text gives, not one a role was resolved to elsewhere in the article
            if person is not None and person.kind == "person" and "+role" not in person.cue:
                if other is not None and person.cue.endswith(("+person", "+surname")):
                    # the name's party and organisation are the ones the other part names
                    if other.kind != "person":
                        person = dataclasses.replace(person, claimant_org=other.claimant)
                    if other.party not in ("other", "unattributed", "media"):
                        person = dataclasses.replace(person, party=other.party)
                return person
        return first or second

    def _role_holder(self, phrase: str, context: str) -> str | None:
        """The person the article names with the role a phrase ends in: "its governor" ->
        "Oleh Synehubov" where the article has "Kharkiv's Governor Oleh Synehubov" or
        "Oleh Synehubov, the regional governor". Of several holders, the one named near the
        places the sentence names (Kharkiv's governor for a strike on Kharkiv)."""
        roles = [m.group(0).lower() for m in TITLE_WORDS.finditer(phrase)]
        if not roles or roles[-1] in ("administration", "council", "police", "head", "general", "deputy",
                                      "official", "chief"):
            return None
        role = "governor|gov\\." if roles[-1] in ("governor", "gov.") else re.escape(roles[-1])
        name = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
        # places the phrase names must be near the holder ("the governor of Sumy"); places the
        # sentence names before the phrase pick among holders ("a strike on Kharkiv, its governor said")
        ignore = {"Russian", "Ukrainian", "The"}
        required = set(re.findall(r"\b[A-Z][a-z]{3,}", phrase)) - ignore
        if re.search(r"installed|appointed|backed", phrase, re.IGNORECASE):
            required.add("installed|appointed|backed")
        if re.search(r"\bRussian\b", phrase):
            required.add(r"\bRussian\b|\bRussia-")  # a Russian governor is not Luhansk's
        at = context.find(phrase)
        places = set(re.findall(r"\b[A-Z][a-z]{3,}", context[:at] if at > 0 else context)) - ignore
        best, best_score = None, -1
        for m in re.finditer(rf"(?i:\b(?:{role}))[,\s]+({name})|({name}),\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,4}}"
                             rf"(?i:{role})\b", self._text):
            holder = m.group(1) or m.group(2)
            if self._person_in(holder) != holder:
                continue
            window = self._text[max(0, m.start() - 40):m.end() + 40]
            leading = self._text[max(0, m.start() - 40):m.end()]  # what titles the holder
            if not all(re.search(place, leading, re.IGNORECASE) for place in required):
                continue
            score = sum(place in window for place in places)
            if score > best_score:
                best, best_score = holder, score
        return best

    @staticmethod
    def _role_name(phrase: str, sentence: str) -> str:
        """A role as a source's name; a mayor or city council takes its city's name
        ("according to the mayor" of "the city of Kramatorsk" -> "Kramatorsk mayor",
        "the city council of the besieged city of Mariupol" -> "Mariupol City Council")."""
        role = re.search(r"\b(mayor|city council|council(?= of (?:the )?(?:[\w-]+ ){0,3}city\b))", phrase,
                         re.IGNORECASE)
        if not role:
            return phrase_name(phrase, 4)
        city_of = re.compile(r"\b(?:city|town|mayor) of (?:\w+ ){0,2}?([A-Z][\w'’-]+)|"
                             r"\b(?!Russian\b|Ukrainian\b)([A-Z][a-z]+)(?:'s|’s)? (?:mayor|city council)\b")
        city = city_of.search(phrase) or city_of.search(sentence)
        if city is not None:
            place = city.group(1) or city.group(2)
        elif known := UKRAINIAN_PLACES.search(sentence):
            place = known.group(0).title()  # "Mariupol's civilian death toll ..., according to the city council"
        else:
            return phrase_name(phrase, 4)
        return f"{place} mayor" if role.group(1).lower() == "mayor" else f"{place} City Council"

    @staticmethod
    def _role_org(name: str) -> str | None:
        """The body a role named after its city speaks for ("Kramatorsk mayor" -> "Kramatorsk City Council")."""
        return name[: -len(" mayor")] + " City Council" if name.endswith(" mayor") else None

    def _full_name(self, surname: str) -> tuple[str, str] | None:
        """(full name, party) of the first person in the article with this surname."""
        for m in re.finditer(rf"\b((?:[A-Z][a-z'-]+ ){{1,2}}{re.escape(surname)})\b", self._text):
            name = self._person_in(m.group(1))  # "Mayor Vadym Boychenko": the name without the title
            if name is None or not name.endswith(surname):
                continue
            alias = vocab_mod.canonical_claimant(self.vocab, name, kind="person")
            if alias:
                return alias.claimant, alias.claimant_party
            return name, self._party_at_first_mention(name)
        return None

    def _party_at_first_mention(self, name: str) -> str:
        """The party of the words around the first uses of a name in the article that title it
        ("Donetsk Governor Pavlo Kyrylenko", "Vladimir Leontyev, the Russian-installed head of ...",
        a quote's "Maksym Zhorin told the BBC" and later "Maksym Zhorin, a former commander of the Azov
        battalion")."""
        for use, found in enumerate(itertools.islice(re.finditer(re.escape(name), self._text), 3)):
            at = found.start()
            after = APPOSITIVE_AFTER.match(self._text, found.end())
            if use and not after:
                continue  # after the first use, only an appositive titles the name
            # the titles in the same sentence before the name (first use only), and the appositive after it
            before = re.split(r"[.;:!?\"“”]", self._text[max(0, at - 50):at])[-1] if not use else ""
            titles = before + " " + (after.group(1) if after else "") + " "
            if self._occupation_authority(titles, self._text[max(0, at - 120):at + 120]):
                return "russia"
            if (party := self._party_from(titles)) != "other":
                return party
        return "other"

    @staticmethod
    def _party_from(context: str) -> str:
        if MEDIA_ROLE.search(context):
            return "media"  # "co-host Sonny Hostin", "the BBC's correspondent"
        for party, pattern in PARTY_MARKERS:
            if pattern.search(context):
                return party
        if RUSSIAN_PLACES.search(context):
            return "russia"  # "the governor of the Krasnodar Krai region"
        return "ukraine" if TITLE_WORDS.search(context) else "other"

    def find_source(self, sentence: str,
                    previous_fn: Callable[[Callable[[Source], bool]], Source | None] = lambda accept: None,
                    ) -> tuple[Source | None, Source | None, str]:
        """(claimant, relay, stance) named in the sentence; pronouns resolve to the previous source.

        ``previous_fn(accept)`` gives the last source named before that ``accept`` takes, and is
        only called when a pronoun needs it: "he said" looks back for a person, "the governor
        said" for a person named as governor, "officials said" for a body.
        """
        cached: dict[str, Source | None] = {}

        def previous_source(pronoun: str = "") -> Source | None:
            want = _referent(pronoun)
            if want not in cached:
                cached[want] = _previous_of_kind(previous_fn, want)
            return cached[want]

        found: list[tuple[int, Source]] = []
        for m in ACCORDING.finditer(sentence):
            cue = "'" + " ".join(m.group(0).split()[:2]) + "'"
            words = m.group("src").strip(" ,.")
            src = None
            if PRONOUN_SOURCE.match(words) and (previous := previous_source(words)) is not None:
                src = dataclasses.replace(previous, cue="according to +previous", mention=words)
            src = src or self._named_source(m.group("src"), sentence, cue)
            if src and src.kind != "person" or src and src.cue.endswith("+role"):
                appositive = re.match(r",\s*([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2})\b", sentence[m.end():])
                if appositive and self._person_in(appositive.group(1)) == appositive.group(1):
                    # "according to the region's governor, Valentyn Reznichenko", "according to the head
                    # of the national police, Ihor Klymenko": the name follows the role or the body
                    src = dataclasses.replace(
                        src, claimant=appositive.group(1), kind="person", cue=src.cue + " +name",
                        claimant_org=src.claimant if src.kind != "person" else src.claimant_org)
            if src:
                found.append((m.start(), src))
        for m in (QUOTED_AS.finditer(sentence) if "quoted" in sentence else ()):  # the check is dear
            # "officials in Luhansk were quoted by Russia's TASS news agency as saying": the officials
            # assert, the agency relays
            if (src := self._named_source(m.group("src"), sentence, "'quoted as saying'")) is not None:
                found.append((m.start("src"), src))
                if m.group("relay") and (relay := self._named_source(m.group("relay"), sentence, "'quoted by'")):
                    found.append((m.start("relay"), relay))
        topic: Source | None = None  # the subject of a negated verb
        for m in self.vocab.verb_re.finditer(sentence):
            verb = m.group(0).lower()
            left = sentence[max(0, m.start() - 240):m.start()]  # a subject is never further back
            right = sentence[m.end():m.end() + 120]
            if verb.startswith("claim") and NOT_A_REPORT_AFTER.match(right):
                continue  # "the blast claimed the lives of three people": a toll, not a teller
            # "X said" : the words before the verb, back to the clause start
            if PASSIVE_BEFORE.search(left[-12:]) and not re.match(r"\s+by\b", right):
                continue  # passive without an agent ("have been recorded") names no source
            # "Ukraine stopped short of publicly claiming", "has not updated": no claim made, but the
            # subject stays the topic a later "it reported" in the sentence means
            negated = NEGATED_BEFORE.search(left[-40:]) is not None
            left = PARENTHESIS.sub("", left)  # "the Donetsk People's Republic (DPR) said"
            parts = re.split(r"[,;:\"“”()]|\bthat\b|\bwhile\b|\bbut\b|\bas\b|\band\b", left)
            clause = parts[-1]
            bare = [w for w in clause.split() if w.lower() not in SKIP_WORDS]
            src = None
            if not bare and len(parts) >= 3 and left[: len(left) - len(clause)].rstrip().endswith(","):
                # "Igor Konashenkov, the Russian defence ministry spokesman, claimed",
                # "the mayor of Lviv, Andriy Sadovyi, said": the name sits in the appositive
                src = self._appositive_source(left, sentence, f"'{verb}'")
                # "The office of the mayor, who had left the city, estimated": the subject is before
                # the relative clause
                clause = "" if src else parts[-3] if RELATIVE_START.match(parts[-2]) else ",".join(parts[-3:-1])
            words = clause.strip().split()
            while words and words[-1].lower() in SKIP_WORDS:
                words.pop()
            subject = " ".join(words[-8:])
            if subject:
                pronoun = PRONOUN_SOURCE.match(subject) or (
                    len(words) <= 3 and words and words[-1].lower() in ("he", "she", "they", "it"))
                previous = (topic or previous_source(subject)) if pronoun else None
                if previous is not None:
                    src = dataclasses.replace(previous, cue=f"'{subject} {verb}' +previous", mention=subject)
                else:
                    src = self._named_source(subject, sentence, f"'{verb}'")
            if src is None and verb.endswith("ing") and not subject and len(parts) >= 2 and \
                    left.rstrip().endswith(",") and (main := MAIN_SUBJECT.match(parts[-2])) is not None:
                # "Western officials briefed reporters on Tuesday, saying ...": the main clause's subject
                src = self._named_source(main.group("subject"), sentence, f"'{verb}'")
            elif src is None and not verb.endswith("ing"):
                # inverted: '..., said Igor Konashenkov' / '... the ministry said.'
                m2 = re.match(r"\s*(?:on \w+\s+)?([^,;.\"“”]{2,80})", right)
                if m2 and left.rstrip()[-1:] in (",", '"', "”", "’"):
                    src = self._named_source(m2.group(1), sentence, f"'{verb}' inverted")
            if src and negated:
                topic = src
            elif src:
                if self.vocab.verbs.get(verb) == "deny":
                    src = dataclasses.replace(src, cue=src.cue + " +deny")
                elif self.vocab.verbs.get(verb) == "order":
                    # "Putin ordered the army to recruit 137,000 troops": an order vouches only
                    # for the forces it orders, not for other numbers in the sentence
                    src = dataclasses.replace(src, cue=src.cue + " +order")
                found.append((m.start(), src))
        if not found and POSSESSIVE_HINT.search(sentence):
            for m in POSSESSIVE_SOURCE.finditer(sentence):
                src = self._alias_source(m.group("src"), "'s figures")
                if src:
                    found.append((m.start(), src))
        if not found:
            return None, None, "assert"
        found.sort(key=lambda x: x[0])
        numbers = [n for n in find_numbers(sentence) if not self._is_excluded(sentence, n)] \
            if len(found) > 1 or any(src.cue.endswith("+deny") for _, src in found) else []
        if numbers:
            # "Russia has denied responsibility, but its forces have killed 600 civilians, according to
            # the UN": a denial covers its own clause, not a number after "but" or "although"
            found = [(at, src) for at, src in found if not (src.cue.endswith("+deny") and (
                CLAUSE_BREAK.search(sentence, at, numbers[0].start) or
                SUBORDINATE_START.match(sentence) and "," in sentence[at:numbers[0].start]))]
            if not found:
                return None, None, "assert"
        media = [s for _, s in found if s.party == "media"]
        non_media = [s for _, s in found if s.party != "media"]
        if media and non_media:
            # "According to Reuters, ... as per estimates by the Ukrainian military"
            return non_media[-1], media[0], _stance(non_media[-1])
        if len(found) > 1 and numbers:
            # "Zelenskiy said ... the emergency services had counted 243": the source nearest
            # before the number asserts it; the ones before that pass it on
            before_number = [src for at, src in found if at < numbers[0].start and not src.cue.endswith("+order")]
            if before_number:
                return before_number[-1], None, _stance(before_number[-1])
        return found[0][1], None, _stance(found[0][1])

    def _denied_report(self, sentence: str, number: NumberMention,
                       speaker: Source | None) -> tuple[Source, Source] | None:
        """(owner, denier) when the number is inside a report one side denies of another
        ("Moscow has dismissed American claims that it forced up to 1.6 million Ukrainians to move")."""
        m = DENIED_REPORT.search(sentence, 0, number.start) if DENY_WORD.search(sentence, 0, number.start) else None
        if m is None or CLAUSE_BREAK.search(sentence, m.end(), number.start):
            return None
        owner = self._named_source(m.group("owner"), sentence, "'reports' denied") or \
            government_of(m.group("owner"), "'reports' denied")
        denier = self._named_source(m.group("denier"), sentence, f"'{m.group('verb')}'") or speaker
        if owner is None or denier is None or owner.claimant == denier.claimant:
            return None
        return owner, denier


# "Ukraine has denied Russian reports of", "Moscow has dismissed American claims that", "He also rejected
# Moscow's claims that": whose report, and who denies it
DENIED_REPORT = re.compile(
    r"(?P<denier>(?:[A-Z][\w'’.-]*\s+){1,4}?|[Hh]e\s+|[Ss]he\s+|[Ii]t\s+)(?:has |have |had |also )*"
    r"(?P<verb>denied|denies|rejected|rejects|"
    r"dismissed|dismisses|refuted|refutes)\s+(?:the\s+)?(?P<owner>(?:[\w’'.-]+\s+){1,3}?)"
    r"(?:reports|claims|allegations|assertions|figures)\s+(?:of|that)\b")


DENY_WORD = re.compile(r"\b(?:deni|reject|dismiss|refut)", re.IGNORECASE)
