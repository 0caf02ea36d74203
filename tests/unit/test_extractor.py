"""The extractor on sentences written for these tests, one guideline case each."""

import datetime as dt

import pytest

from newsclaims.extraction.extractor import extract_claims, split_sentences

DAY = dt.date(2023, 2, 7)  # a Tuesday

FIELDS = ("value", "value_max", "qualifier", "metric", "subject", "scope", "period_days", "as_of",
          "claimant", "claimant_party", "relayed_by", "stance")


def claims(body: str, title: str = "Title", outlet: str | None = "BBC News") -> list[dict]:
    return [{f: getattr(c, f) for f in FIELDS} for c in extract_claims(title, body, DAY, outlet)]


def test_seed_style_article_gives_its_three_claims():
    body = (
        "The military in Ukraine has claimed that over 1,030 Russian soldiers have died in the last two days.\n"
        "According to Reuters, the total tally of Russian military deaths has increased to 133,190, "
        "as per recent estimates by the Ukrainian military.\n"
        "The statement also said that Ukrainian troops successfully destroyed 25 Russian tanks, "
        "within the past two days."
    )
    got = claims(body)
    assert got == [
        {"value": 1030, "value_max": None, "qualifier": "at_least", "metric": "troops_killed",
         "subject": "russia", "scope": "period", "period_days": 2, "as_of": DAY,
         "claimant": "Ukrainian military", "claimant_party": "ukraine", "relayed_by": None, "stance": "assert"},
        {"value": 133190, "value_max": None, "qualifier": "exact", "metric": "troops_killed",
         "subject": "russia", "scope": "cumulative", "period_days": None, "as_of": DAY,
         "claimant": "Ukrainian military", "claimant_party": "ukraine", "relayed_by": "Reuters",
         "stance": "assert"},
        {"value": 25, "value_max": None, "qualifier": "exact", "metric": "tanks_destroyed",
         "subject": "russia", "scope": "period", "period_days": 2, "as_of": DAY,
         "claimant": "Ukrainian military", "claimant_party": "ukraine", "relayed_by": None, "stance": "assert"},
    ]


def test_two_numbers_in_one_sentence_are_two_claims_with_their_own_qualifiers():
    got = claims("A Russian missile strike killed at least 35 people and injured 134, the regional "
                 "governor Serhiy Lysak said on Sunday.")
    assert [(c["value"], c["qualifier"], c["metric"], c["scope"]) for c in got] == [
        (35, "at_least", "people_killed", "event"), (134, "exact", "people_injured", "event")]
    assert {c["claimant"] for c in got} == {"Serhiy Lysak"}
    assert {c["claimant_party"] for c in got} == {"ukraine"}
    assert {c["as_of"] for c in got} == {dt.date(2023, 2, 5)}  # the Sunday before the article


def test_named_spokesman_keeps_name_and_organisation():
    [c] = extract_claims("T", "Igor Konashenkov, the Russian defence ministry spokesman, claimed that "
                              "more than 200 Ukrainian servicemen had been killed in the past day.", DAY, None)
    assert (c.claimant, c.claimant_org, c.claimant_party) == (
        "Igor Konashenkov", "Russian Ministry of Defence", "russia")
    assert (c.metric, c.subject, c.scope, c.period_days) == ("troops_killed", "ukraine", "period", 1)


def test_unattributed_number_belongs_to_the_outlet():
    [c] = claims("At least 10 civilians were killed in the shelling of Kharkiv on Monday.",
                 outlet="Associated Press (via Daily Mail wires)")
    assert (c["claimant"], c["claimant_party"], c["metric"]) == ("Associated Press", "media", "civilians_killed")
    assert c["as_of"] == dt.date(2023, 2, 6)


def test_named_date_sets_as_of():
    [c] = claims("On 30 January, Ukraine's General Staff said 1,000 Russian troops had been killed so far.")
    assert c["as_of"] == dt.date(2023, 1, 30)
    assert c["claimant"] == "Ukrainian General Staff"


def test_denial_is_recorded_with_its_stance():
    [c] = claims("Moscow denied losing 25 tanks near Vuhledar.")
    assert (c["claimant"], c["stance"], c["metric"]) == ("Russian government", "deny", "tanks_destroyed")


@pytest.mark.parametrize(
    "sentence",
    [
        "The US has sent $1.7 billion in aid to Kyiv.",
        "Prices rose 15% in March.",
        "In 2014, Russia annexed Crimea.",
        "The 45-year-old soldier was praised by the mayor.",
        "Hundreds of soldiers were killed, officials said.",
        "The convoy was 40 miles long.",
        "Thirty countries have imposed sanctions.",
        "The war began on February 24.",
    ],
)
def test_numbers_that_are_not_claims(sentence):
    assert claims(sentence) == []


def test_sentence_offsets_point_into_the_body():
    body = "First sentence here. Mr. Smith said 12 soldiers were wounded. Last one."
    spans = split_sentences(body)
    assert [body[s:e] for s, e in spans] == [
        "First sentence here.", "Mr. Smith said 12 soldiers were wounded.", "Last one."]
    [c] = extract_claims("T", body, DAY, None)
    assert body[c.sentence_start:c.sentence_end] == c.sentence
    assert body[c.number_start:].startswith("12")
    assert c.metric == "troops_wounded"
    assert c.evidence  # the cues that produced the row


def test_title_restating_the_body_is_one_claim():
    got = claims("The General Staff said 810 Russian soldiers were killed in the past 24 hours.",
                 title="General Staff: 810 Russian troops killed in a day")
    assert [(c["value"], c["claimant"]) for c in got] == [(810, "Ukrainian General Staff")]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was reported killed.",
        "The Russians fled the island in two speedboats.",
    ],
)
def test_numbers_that_count_something_else_are_not_claims(sentence):
    assert claims(sentence) == []


def test_an_age_is_not_a_claim():
    got = claims("Three children younger than 10 were among the dead.")
    assert [(c["value"], c["metric"]) for c in got] == [(3, "children_killed")]


def test_a_number_after_a_shared_noun_counts_its_own_noun():
    got = claims("A volley of shells killed three people and damaged 40 apartment buildings on Thursday.")
    assert [(c["value"], c["metric"]) for c in got] == [(3, "people_killed")]


def test_weapons_that_kill_count_people():
    [c] = claims("Russian missiles kill at least 21 in the Odesa region.")
    assert (c["value"], c["qualifier"], c["metric"], c["subject"]) == (21, "at_least", "people_killed", "ukraine")


def test_dead_children_are_children_and_missing_people_are_other():
    got = claims("The city honoured the 243 dead children. Another 39 people were still missing.")
    assert [(c["value"], c["metric"]) for c in got] == [(243, "children_killed"), (39, "other")]


def test_equipment_losses_are_destroyed():
    got = claims("Analysts at Oryx reckon the Russian losses to be 26 planes and 39 helicopters.")
    assert [(c["value"], c["metric"], c["subject"], c["claimant"]) for c in got] == [
        (26, "aircraft_destroyed", "russia", "Oryx"), (39, "helicopters_destroyed", "russia", "Oryx")]


def test_two_dozen_is_24_and_model_names_are_not_numbers():
    got = claims("About two dozen Iranian-made Shahed-136 drones were launched at Kyiv overnight.")
    assert [(c["value"], c["metric"]) for c in got] == [(24, "drones_launched")]


@pytest.mark.parametrize("sentence", [
    "One of the bodies belonged to a former cook.",
    "The package includes 850 drones and 2,000 anti-armor rounds.",
])
def test_idioms_and_aid_are_not_claims(sentence):
    assert claims(sentence) == []


def test_a_title_number_the_body_repeats_is_one_claim_typed_by_the_body():
    got = claims("The mayor said 243 children had been killed in the war.",
                 title="Lviv commemorates 243 dead in war")
    assert [(c["value"], c["metric"]) for c in got] == [(243, "children_killed")]


def test_a_sentence_gives_the_same_claims_wherever_it_sits_in_the_body():
    # the noun of "14 Russian tanks" is shared only with a number close by, measured in the sentence
    sentence = ("Ukrainian forces destroyed 14 Russian tanks near Izium on Monday, and far to the south, in a "
                "separate battle reported by the regional governor, another 34 were destroyed.")
    alone = [(c["value"], c["metric"]) for c in claims(sentence)]
    opening = "An opening sentence, long enough to move the next one well along the body text. "
    later = [(c["value"], c["metric"]) for c in claims(opening + sentence)]
    assert alone == later == [(14, "tanks_destroyed")]


def test_he_said_continues_the_person_named_before_not_an_organisation():
    body = ("Governor Oleh Synehubov said a market was hit on Monday. "
            "The Russian Defence Ministry said its forces hit military targets. "
            "Five people were killed in the strike, he said.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (5, "Oleh Synehubov", "ukraine")]


def test_unnamed_officials_are_not_the_previous_speaker():
    body = ("Sergei Shoigu said Russian forces had advanced. "
            "Russian forces struck several villages over 24 hours, killing one person, authorities said.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (1, "Ukrainian government", "ukraine")]


def test_a_role_resolves_to_the_person_the_article_names_with_it():
    body = ("Donetsk Governor Pavlo Kyrylenko said the evacuation continued. "
            "In the north, Kharkiv's Governor Oleh Synehubov said on Telegram that the city was calm. "
            "Later a missile strike on Kharkiv wounded three civilians, its governor said.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (3, "Oleh Synehubov", "ukraine")]


def test_a_role_nobody_holds_names_its_city():
    body = ("A Russian rocket attack on the city of Kramatorsk killed three people on Friday night, "
            "according to the mayor.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (3, "Kramatorsk mayor", "ukraine")]


def test_a_city_council_and_an_appositive_name_are_named_in_full():
    body = ("The city council of the besieged Ukrainian city of Mariupol has said 300 people were killed "
            "in the bombing of its drama theatre. "
            "In Dnipropetrovsk 13 people were killed, according to the region's governor, Valentyn Reznichenko.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (300, "Mariupol City Council", "ukraine"), (13, "Valentyn Reznichenko", "ukraine")]


@pytest.mark.parametrize("title, body, subject", [
    ("Jet crashes into apartments in western Russia",
     "Earlier state media reports said at least 25 people were injured.", "russia"),
    ("Drone attack hits two military bases deep inside Russia",
     "Zelenskyy said the Russian attacks had also killed four people Monday.", "ukraine"),
    ("Title", "Two volunteer soldiers fired at other troops at a Russian military firing range, "
              "killing 11, the defence ministry said.", "russia"),
    ("Title", "Regarding its own casualties, Moscow has not updated the numbers since March, when it "
              "reported 1,351 military personnel killed.", "russia"),
])
def test_whose_losses_from_places_and_own_losses(title, body, subject):
    got = claims(body, title=title)
    assert got and {c["subject"] for c in got} == {subject}


def test_an_order_vouches_for_the_forces_it_orders_only():
    body = ("Russian President Vladimir Putin has ordered his military to recruit another 137,000 troops "
            "to replace the estimated 75,000 soldiers who have been killed or wounded.")
    got = {c["value"]: (c["metric"], c["claimant"]) for c in claims(body, outlet="Daily Mail")}
    assert got == {137000: ("troops_deployed", "Vladimir Putin"), 75000: ("troops_casualties", "Daily Mail")}


def test_according_to_an_update_from_names_the_body():
    body = ("Russian forces destroyed over 100 rockets at a depot, according to an update "
            "from Russia's Defense Ministry on Wednesday.")
    assert [c["claimant"] for c in claims(body, outlet="RT")] == ["Russian Ministry of Defence"]


def test_others_are_of_the_kind_counted_before():
    body = ("At least three civilians were killed and eight others were wounded over the past 24 hours, "
            "according to Ukraine's presidential office.")
    assert [c["metric"] for c in claims(body)] == ["civilians_killed", "civilians_injured"]


def test_a_toll_that_rose_counts_the_dead_of_that_event():
    body = ("Trade between the two countries has increased in recent months. — The death toll from "
            "Wednesday's Russian missile strike on an apartment building in the southern city of Mykolaiv "
            "has risen to six, according to Gov. Vitaliy Kim.")
    assert [(c["value"], c["metric"], c["scope"], c["claimant"], c["claimant_party"]) for c in claims(body)] == [
        (6, "people_killed", "event", "Vitaliy Kim", "ukraine")]


def test_artillery_shells_are_not_missiles():
    assert claims("About 40 shells were fired overnight at the city of Nikopol, the governor said.") == []


def test_a_dash_list_item_is_its_own_sentence():
    body = "Trade has grown this year. — Funerals were held for 18 people killed by the strike."
    spans = split_sentences(body)
    assert [body[s:e] for s, e in spans] == [
        "Trade has grown this year.", "Funerals were held for 18 people killed by the strike."]


def test_a_quotation_belongs_to_its_speaker():
    body = ('UNICEF Executive Director Catherine Russell said she was "horrified" by the attack. '
            '"We do not yet know the number of casualties," she said in a statement. '
            '"This attack underscores the toll of this war. In less than two weeks, at least 37 children '
            'have been killed."\n'
            '“The tragedy claimed the lives of 14 people. I offer my condolences,” the governor of the '
            'Krasnodar Krai region, Veniamin Kondratiev, said.')
    got = [(c["value"], c["claimant"], c["claimant_party"]) for c in claims(body, outlet="ABC News")]
    assert got == [(37, "Catherine Russell", "united_nations"), (14, "Veniamin Kondratiev", "russia")]


def test_quote_spans_pair_straight_and_curly_marks():
    from newsclaims.extraction.extractor import quote_spans
    text = 'He said: "They left. "One was killed. All of them." Then “a second”.\n"Open to the end'
    spans = [text[a:b + 1] for a, b in quote_spans(text)]
    assert spans == ['"They left. "', '"One was killed. All of them."', "“a second”", '"Open to the end']


def test_another_toll_continues_the_source_before():
    body = ("Four people were killed in the strike, Gov. Vitaliy Kim said. Another six people were wounded.")
    assert [(c["value"], c["claimant"]) for c in claims(body)] == [(4, "Vitaliy Kim"), (6, "Vitaliy Kim")]


@pytest.mark.parametrize("body, claimant, scope", [
    ("Ukraine stopped short of publicly claiming the blasts that destroyed nine Russian planes at an "
     "air base last week.", "Associated Press", "event"),
    ("Regarding its own casualties, Moscow has not updated the numbers since March, when it reported "
     "1,351 military personnel killed.", "Russian government", "cumulative"),
    ("Ukraine has killed 200 Russian paratroopers in a missile strike on their base, Kyiv said.",
     "Ukrainian government", "event"),
])
def test_negated_verbs_name_no_source_and_event_words_outrank_tolls(body, claimant, scope):
    got = claims(body, outlet="Associated Press")
    assert [(c["claimant"], c["scope"]) for c in got] == [(claimant, scope)]


@pytest.mark.parametrize("body, metric, subject", [
    ("Russia launched the mobilisation of 300,000 civilians in September.", "troops_deployed", "russia"),
    ("The Kremlin poured as many as 2,000 draftees into the region.", "troops_deployed", "russia"),
    ("The Russian military estimated that around 7,000 foreign fighters remain in Ukraine.", "troops_deployed",
     "ukraine"),
    ("At one point, Zelenskyy put the number of wounded at about 50.", "people_injured", "ukraine"),
])
def test_forces_sent_or_mobilised_and_a_number_of_wounded(body, metric, subject):
    assert [(c["metric"], c["subject"]) for c in claims(body)] == [(metric, subject)]


@pytest.mark.parametrize("body, values", [
    ("He disputed the official account and said that one strike killed 14 people.", [14]),
    ("At least 11 soldiers were killed by two conscripts on Saturday.", [11]),
    ("The air force downed 18 out of 33 cruise missiles launched from the air and sea.", [18, 33]),
    ("Russian jets shot down two Ukrainian MiG-29 warplanes, the ministry said.", [2]),
])
def test_a_number_counts_its_own_noun_not_a_later_numbers(body, values):
    assert [c["value"] for c in claims(body)] == values


@pytest.mark.parametrize("body, claimant, party", [
    ("Oryx, a Dutch independent defence intelligence organisation, confirmed Russia had lost at least 53 "
     "military aircraft.", "Oryx", "ngo_or_research"),
    ("Estimates vary, but Oleksiy Arestovych, a high-profile Ukrainian military analyst and presidential "
     "adviser, said up to 150 troops a day were being killed.", "Oleksiy Arestovych", "ukraine"),
    ("Kyrylo Tymoshenko, the deputy head of President Volodymyr Zelenskyy's office, said Russian shelling "
     "left at least 14 people dead.", "Kyrylo Tymoshenko", "ukraine"),
    ("Colin Kahl, U.S. undersecretary of defense for policy, estimated Monday that Russian forces have "
     "sustained up to 80,000 deaths and injuries.", "Colin Kahl", "united_states"),
    ("Across Ukraine, 900 hospitals have been damaged and another 12 doctors have been killed, said Health "
     "Minister Viktor Liashko.", "Viktor Liashko", "ukraine"),
    ("Ukraine's president, Volodymyr Zelenskiy, said that since 24 February, Ukraine's emergency services "
     "had counted 243 children as killed.", "Ukrainian State Emergency Service", "ukraine"),
])
def test_appositives_and_the_source_nearest_the_number(body, claimant, party):
    assert {(c["claimant"], c["claimant_party"]) for c in claims(body)} == {(claimant, party)}


@pytest.mark.parametrize("body, claimant, claimant_org, party", [
    ("Local authorities estimated that 1,500 civilians had already died in Russian attacks on Sievierodonetsk.",
     "Sievierodonetsk local authorities", None, "ukraine"),
    ("By mid-March, Mariupol's civilian death toll exceeded 2,100, according to the city council.",
     "Mariupol City Council", None, "ukraine"),
    ("Russian Defence Ministry spokesman Igor Konashenkov spoke on Monday. As a result, more than 80 foreign "
     "mercenaries were destroyed, the military spokesman said.", "Igor Konashenkov",
     "Russian Ministry of Defence", "russia"),
    ("A rocket attack on the city of Kramatorsk killed three people, according to the mayor.",
     "Kramatorsk mayor", "Kramatorsk City Council", "ukraine"),
])
def test_unnamed_bodies_and_roles_take_the_names_the_text_gives(body, claimant, claimant_org, party):
    got = [(c.claimant, c.claimant_org, c.claimant_party) for c in extract_claims("Title", body, DAY, "BBC News")]
    assert got == [(claimant, claimant_org, party)]


@pytest.mark.parametrize("body, claimant, party, stance", [
    ("Though Russia has denied responsibility for the latest deaths, invading Russian forces have already "
     "killed more than 600 civilians, according to the United Nations.", "United Nations", "united_nations",
     "assert"),
    ("The Kremlin has denied the attacks resulted in damage to its warplanes, although satellite imagery "
     "suggested at least nine were destroyed.", "BBC News", "media", "assert"),
    ("Russia denied losing 25 tanks.", "Russian government", "russia", "deny"),
    ("Military experts told the BBC they doubted that one pilot could have downed as many as 40 Russian planes.",
     "Military experts", "other", "assert"),
    ("In one attempt, Russia is believed to have lost more than 80 vehicles, according to open source "
     "estimates.", "open-source analysts", "ngo_or_research", "assert"),
    ("Also on Saturday, the territorial defense stated that five people were injured in the town of "
     "Komsomolskoye in the southeast of the DPR.", "territorial defense", "russia", "assert"),
])
def test_denials_cover_their_own_clause_and_unnamed_voices_get_their_party(body, claimant, party, stance):
    got = [(c["claimant"], c["claimant_party"], c["stance"]) for c in claims(body)]
    assert got == [(claimant, party, stance)]


def test_forces_already_called_up_are_a_running_total():
    body = "Putin said on Friday that over 220,000 reservists already had been called up as part of an effort to recruit 300,000."
    assert [(c["value"], c["scope"]) for c in claims(body)] == [(220000, "cumulative"), (300000, "unspecified")]


@pytest.mark.parametrize("body, metric", [
    ("Colin Kahl estimated Monday that Russian forces have sustained up to 80,000 deaths and injuries.",
     "troops_casualties"),
    ("The Russian losses include nearly 6,000 armored personnel vehicles.", "armored_vehicles_destroyed"),
])
def test_deaths_and_injuries_are_casualties_and_personnel_vehicles_are_armour(body, metric):
    assert [c["metric"] for c in claims(body)] == [metric]


@pytest.mark.parametrize("body, expected", [
    ("Two residents of the village of Staryi Saltiv in the Kharkiv region in the northeast were killed "
     "Wednesday in Russian shelling, police reported.",
     [(2, "civilians_killed", "Ukrainian National Police", "ukraine")]),
    ("Three of them have died since the invasion.", [(3, "people_killed", "BBC News", "media")]),
    ("Crimea's regional leader, Sergei Aksyonov, said some 250 residents were moved to temporary housing.",
     [(250, "displaced", "Sergei Aksyonov", "russia")]),
    ("Russian authorities claimed they destroyed two of these rocket systems in the Donetsk People's Republic.",
     [(2, "rocket_launchers_destroyed", "Russian government", "russia")]),
    ("The UK will send a handful of tracked M270 multiple launch rocket systems.", []),
])
def test_long_subjects_partitives_and_model_names(body, expected):
    assert [(c["value"], c["metric"], c["claimant"], c["claimant_party"]) for c in claims(body)] == expected


def test_the_start_of_a_running_total_is_not_its_date():
    body = ("As Russian soldiers appear to be losing, with roughly 72,000 troops killed since the invasion "
            "on February 24, Ukraine pressed on.")
    assert [(c["value"], c["as_of"]) for c in claims(body)] == [(72000, DAY)]


@pytest.mark.parametrize("body, scope, days", [
    ("The sheer number – more than 20,000 casualties a month – raises questions.", "period", 30),
    ("With 24 drones destroyed by Ukraine between September 30 and October 6, their MoD claimed.", "period", 7),
    ("Fires in the second attack in just over a week forced the evacuation of more than 3,000 people.",
     "event", None),
])
def test_rates_and_date_ranges_are_windows(body, scope, days):
    assert [(c["scope"], c["period_days"]) for c in claims(body)] == [(scope, days)]


@pytest.mark.parametrize("body, expected", [
    ("Ms Stepanenko and her children Diana, 21, and Denis, 16, fled their apartment near Kyiv.", []),
    ("The couple were hospitalized, she said.", []),
    ("Russian artillery depot blast kills four", [(4, "people_killed")]),
    ("Katya and her children, aged six and nine, fled their home near Irpin.", []),
    ("A support group said that one in three refugees they meet go to food banks.", []),
])
def test_ages_a_couple_and_weapons_that_kill(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


def test_numbers_of_earlier_wars_are_not_claims():
    body = ("The famine that rampaged through Ukraine in the early 1930s killed 5 million people. "
            "Malaysia Airlines Flight 17 was shot down over eastern Ukraine in 2014, killing 298 people aboard.")
    assert [c["value"] for c in claims(body)] == [298]


def test_the_side_word_nearest_the_loss_word_decides_whose_losses():
    got = claims("Ukraine puts the Russian deaths at almost 19,000.")
    assert [(c["value"], c["subject"], c["claimant"]) for c in got] == [(19000, "russia", "Ukrainian government")]


def test_a_sentence_printed_twice_gives_its_claims_once():
    sentence = "The strike killed three people and wounded 13 others, according to the mayor."
    body = f"{sentence} Mykhailo Podolyak said talks had stalled. {sentence}"
    assert [(c["value"], c["claimant"]) for c in claims(body)] == [(3, "mayor"), (13, "mayor")]


def test_people_among_civilians_are_civilians():
    body = "They said Russian shelling on Friday night killed one woman and injured two other civilians in the city."
    assert [c["metric"] for c in claims(body)] == ["civilians_killed", "civilians_injured"]


@pytest.mark.parametrize("body, claimant, party", [
    ('"Estimates are 50,000 Ukrainians will be dead or wounded," co-host Sonny Hostin told viewers.',
     "Sonny Hostin", "media"),
    ("In September Ukrainian officials said 436 bodies were exhumed from a mass burial site in Izium.",
     "Ukrainian government", "ukraine"),
])
def test_media_people_and_months_before_names(body, claimant, party):
    assert {(c["claimant"], c["claimant_party"]) for c in claims(body)} == {(claimant, party)}


@pytest.mark.parametrize("body, expected", [
    ("Of the 66 people hospitalized, five remained in critical condition while 34 sustained severe injuries, "
     "the emergency service said.", [(66, "people_injured"), (5, "people_injured"), (34, "people_injured")]),
    ("More than 500 people in Melitopol remain in captivity, he told AP.", [(500, "other")]),
    ("Ukraine is believed to have between 40-50,000 soldiers in the Donbas.", [(40000, "troops_deployed")]),
    ("A recent update suggests that less than 3,000 foreign fighters remain in Ukraine.", [(3000, "troops_deployed")]),
])
def test_partitive_heads_captivity_and_forces_at_a_front(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


@pytest.mark.parametrize("body, scope", [
    ('"Estimates are 50,000 Ukrainians will be dead or wounded," co-host Sonny Hostin told viewers.', "unspecified"),
    ("However, last week, the Russian military claimed to have destroyed four of these rocket launchers.", "event"),
    ("In less than two weeks, at least 37 children have been killed, the UN said.", "cumulative"),
    ("At least 14 people have died after a Russian fighter jet crashed into a residential building.", "event"),
    ("Initial reports said three people had been killed.", "event"),
])
def test_forecasts_time_adverbials_and_growing_tolls(body, scope):
    assert [c["scope"] for c in claims(body)] == [scope]


@pytest.mark.parametrize("body, expected", [
    ("Multiple waves of Shahed-136 drones - 28 in total - dodged air defences.", [(28, "drones_launched")]),
    ("The governor said Russia was planning to relocate an estimated 10,000 residents a day from Kherson.",
     [(10000, "displaced")]),
    ("The mayor said two children aged 4 and 16 were among dozens of people taken to hospital.",
     [(2, "children_injured")]),
])
def test_totals_moves_and_hospital(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


@pytest.mark.parametrize("body, metric", [
    ("The ministry published a list of 50 Ukrainian prisoners of war killed in a strike.", "troops_killed"),
    ("Satellite photos showed at least seven fighter planes at the base had been blown up.", "aircraft_destroyed"),
    ("While the number of military casualties is unconfirmed, the Kremlin is believed to have lost over "
     "5,000 soldiers.", "troops_casualties"),
    ("Zelenskiy says 50 soldiers could be dying each day, in a rare estimate of combat casualties.", "troops_killed"),
])
def test_prisoners_killed_fighter_planes_and_lost_soldiers(body, metric):
    assert [c["metric"] for c in claims(body)] == [metric]


@pytest.mark.parametrize("body, day, party", [
    ("Alexei Kulemzin, mayor of Donetsk, wrote on Telegram that two women had died in shelling.",
     dt.date(2022, 7, 1), "russia"),
    ("Nearly 200 people were injured in a strike on Nova Kakhovka, the local administration's head, "
     "Vladimir Leontyev, has claimed.", dt.date(2022, 7, 12), "russia"),
    ("Nearly 200 people were injured in a strike on Nova Kakhovka, the local administration's head, "
     "Vladimir Leontyev, has claimed.", dt.date(2022, 12, 1), "ukraine"),
    ("Luhansk's regional governor, Serhiy Haidai, said six people were killed.", dt.date(2022, 7, 1), "ukraine"),
    ("Melitopol Mayor Ivan Fedorov said 500 people remain in captivity.", dt.date(2022, 8, 18), "ukraine"),
])
def test_authorities_of_places_russia_holds_speak_for_russia(body, day, party):
    got = extract_claims("Title", body, day, "BBC News")
    assert got and {c.claimant_party for c in got} == {party}


@pytest.mark.parametrize("title, body, party", [
    ("Russian soldiers are shot dead in attack on training base",
     "The defence ministry said two volunteer soldiers were shot dead.", "russia"),
    ("Ukraine says 9 Russian warplanes destroyed in Crimea blasts",
     "Two residents were killed Wednesday in Russian shelling, police reported.", "ukraine"),
    ("Title", "Kazakhstan's interior ministry said at least eight police officers had been killed.",
     "other_government"),
])
def test_unmarked_bodies_take_the_titles_side_and_other_states_are_other_governments(title, body, party):
    assert {c["claimant_party"] for c in claims(body, title=title)} == {party}


@pytest.mark.parametrize("body, subject", [
    ("According to the Russian side, up to 30 nationalists were killed.", "ukraine"),
    ("The ministry reported that 21 missiles, mostly from US-supplied HIMARS launchers, were intercepted.", "ukraine"),
    ("The Iran-supplied weapons rained down on the capital in successive waves of 28 drones, Kyiv's mayor said.",
     "russia"),
    ("A small section of about 42 graves is marked with flags.", "ukraine"),
])
def test_whose_weapons_forces_and_graves(body, subject):
    assert [c["subject"] for c in claims(body)] == [subject]


@pytest.mark.parametrize("title, body, claimant, org", [
    ("Russian soldiers are shot dead at a training base", "The defence ministry said two soldiers were shot dead.",
     "Russian Ministry of Defence", None),
    ("Title", "About 1,200 bodies have not yet been identified, according to the head of the national police "
              "in Ukraine, Ihor Klymenko.", "Ihor Klymenko", "Ukrainian National Police"),
])
def test_sided_bodies_and_names_after_a_body_are_canonical(title, body, claimant, org):
    got = [(c.claimant, c.claimant_org) for c in extract_claims(title, body, DAY, "BBC News")]
    assert got == [(claimant, org)]


@pytest.mark.parametrize("body", [
    "The two British men have been sentenced to death in eastern Ukraine.",
    "Before the Kremlin sent troops into Ukraine, the Russian military had over 400,000 contract soldiers.",
])
def test_death_sentences_and_prewar_armies_are_not_claims(body):
    assert claims(body) == []


def test_phrase_names_drop_days_and_relative_clauses():
    from newsclaims.extraction.extractor import phrase_name
    assert phrase_name("On Wednesday a Ukrainian marine commander", 4) == "Ukrainian marine commander"
    assert phrase_name("the interior ministry Thursday", 5) == "interior ministry"
    assert phrase_name("the ministry went to great lengths", 5) == "ministry"


@pytest.mark.parametrize("body", [
    "He revealed the true extent of the Sverdlovsk accident of 1979, which resulted in the deaths of 64 people.",
    "In Cork, about 320 people are expected to move into Mill Street Arena by the end of this week.",
])
def test_old_events_and_moving_house_are_not_claims(body):
    assert claims(body) == []
