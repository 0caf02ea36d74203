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
                 outlet="Associated Press (via wire services)")
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
    got = claims("Two children younger than 12 were among the dead.")
    assert [(c["value"], c["metric"]) for c in got] == [(2, "children_killed")]


def test_a_number_after_a_shared_noun_counts_its_own_noun():
    got = claims("A barrage of shells killed four people and damaged 25 houses on Friday.")
    assert [(c["value"], c["metric"]) for c in got] == [(4, "people_killed")]


def test_weapons_that_kill_count_people():
    [c] = claims("Russian missiles kill at least 21 in the Odesa region.")
    assert (c["value"], c["qualifier"], c["metric"], c["subject"]) == (21, "at_least", "people_killed", "ukraine")


def test_dead_children_are_children_and_missing_people_are_other():
    got = claims("The city honoured the 243 dead children. Another 39 people were still missing.")
    assert [(c["value"], c["metric"]) for c in got] == [(243, "children_killed"), (39, "other")]


def test_equipment_losses_are_destroyed():
    got = claims("Analysts at Oryx reckon the Russian losses to be 31 planes and 44 helicopters.")
    assert [(c["value"], c["metric"], c["subject"], c["claimant"]) for c in got] == [
        (31, "aircraft_destroyed", "russia", "Oryx"), (44, "helicopters_destroyed", "russia", "Oryx")]


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
            "Overnight Russian rockets hit two towns in the south, killing one person, authorities said.")
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
    body = ("A Russian missile strike on the city of Pavlohrad killed four people on Saturday, "
            "according to the mayor.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (4, "Pavlohrad mayor", "ukraine")]


def test_a_city_council_and_an_appositive_name_are_named_in_full():
    body = ("The city council of the shelled Ukrainian city of Okhtyrka has said 70 people were killed "
            "in the bombing of its power plant. "
            "In Zaporizhzhia 11 people were killed, according to the region's governor, Oleksandr Starukh.")
    got = claims(body)
    assert [(c["value"], c["claimant"], c["claimant_party"]) for c in got] == [
        (70, "Okhtyrka City Council", "ukraine"), (11, "Oleksandr Starukh", "ukraine")]


@pytest.mark.parametrize("title, body, subject", [
    ("Jet crashes into apartments in western Russia",
     "Reports on state television said at least 17 people were injured.", "russia"),
    ("Drone attack hits two military bases deep inside Russia",
     "Zelensky said the Russian strikes had also killed six people on Tuesday.", "ukraine"),
    ("Title", "Three conscripts opened fire on fellow servicemen at a Russian military training ground, "
              "killing 9, the defence ministry said.", "russia"),
    ("Title", "As for its own casualties, the Kremlin has not updated its figures since April, when it "
              "reported 2,450 military personnel killed.", "russia"),
])
def test_whose_losses_from_places_and_own_losses(title, body, subject):
    got = claims(body, title=title)
    assert got and {c["subject"] for c in got} == {subject}


def test_an_order_vouches_for_the_forces_it_orders_only():
    body = ("Vladimir Putin has ordered the army to recruit a further 90,000 troops "
            "to replace some 60,000 soldiers who have been killed or wounded.")
    got = {c["value"]: (c["metric"], c["claimant"]) for c in claims(body, outlet="Daily Mail")}
    assert got == {90000: ("troops_deployed", "Vladimir Putin"), 60000: ("troops_casualties", "Daily Mail")}


def test_according_to_an_update_from_names_the_body():
    body = ("Russian troops wiped out more than 60 rockets at a warehouse, according to an update "
            "from Russia's Defense Ministry on Tuesday.")
    assert [c["claimant"] for c in claims(body, outlet="RT")] == ["Russian Ministry of Defence"]


def test_others_are_of_the_kind_counted_before():
    body = ("At least five civilians died and eleven others were hurt in the past day, "
            "according to Ukraine's presidential office.")
    assert [c["metric"] for c in claims(body)] == ["civilians_killed", "civilians_injured"]


def test_a_toll_that_rose_counts_the_dead_of_that_event():
    body = ("Exports from the port have fallen in recent weeks. — The death toll from "
            "Sunday's Russian drone strike on a dormitory in the northern city of Sumy "
            "has climbed to nine, according to Gov. Dmytro Zhyvytskyi.")
    assert [(c["value"], c["metric"], c["scope"], c["claimant"], c["claimant_party"]) for c in claims(body)] == [
        (9, "people_killed", "event", "Dmytro Zhyvytskyi", "ukraine")]


def test_artillery_shells_are_not_missiles():
    assert claims("Some 60 shells were fired at the town of Marhanets overnight, the governor said.") == []


def test_a_dash_list_item_is_its_own_sentence():
    body = "Trade has grown this year. — Funerals were held for 18 people killed by the strike."
    spans = split_sentences(body)
    assert [body[s:e] for s, e in spans] == [
        "Trade has grown this year.", "Funerals were held for 18 people killed by the strike."]


def test_a_quotation_belongs_to_its_speaker():
    body = ('UNICEF Executive Director Catherine Russell said she was "appalled" by the strike. '
            '"We fear the worst for the children there," she said in a statement. '
            '"This war keeps taking its toll. In under three weeks, at least 52 children '
            'have been killed."\n'
            '“The explosion took the lives of 9 people. My thoughts are with their families,” the governor of '
            'the Kursk region, Pyotr Semenov, said.')
    got = [(c["value"], c["claimant"], c["claimant_party"]) for c in claims(body, outlet="ABC News")]
    assert got == [(52, "Catherine Russell", "united_nations"), (9, "Pyotr Semenov", "russia")]


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
    ("As for its own casualties, the Kremlin has not updated its figures since April, when it reported "
     "2,450 military personnel killed.", "Russian government", "cumulative"),
    ("Ukraine has killed 120 Russian marines in a rocket strike on their barracks, Kyiv said.",
     "Ukrainian government", "event"),
])
def test_negated_verbs_name_no_source_and_event_words_outrank_tolls(body, claimant, scope):
    got = claims(body, outlet="Associated Press")
    assert [(c["claimant"], c["scope"]) for c in got] == [(claimant, scope)]


@pytest.mark.parametrize("body, metric, subject", [
    ("In the autumn Russia began the mobilisation of 250,000 civilians.", "troops_deployed", "russia"),
    ("Moscow poured as many as 3,500 draftees into the area.", "troops_deployed", "russia"),
    ("The Russian military estimated that around 7,000 foreign fighters remain in Ukraine.", "troops_deployed",
     "ukraine"),
    ("Later, Zelensky put the number of wounded at about 40.", "people_injured", "ukraine"),
])
def test_forces_sent_or_mobilised_and_a_number_of_wounded(body, metric, subject):
    assert [(c["metric"], c["subject"]) for c in claims(body)] == [(metric, subject)]


@pytest.mark.parametrize("body, values", [
    ("She said the figures were wrong and that one strike alone killed 17 people.", [17]),
    ("At least 11 soldiers were killed by two conscripts on Saturday.", [11]),
    ("Air defences downed 21 out of 28 cruise missiles fired from ships and bombers.", [21, 28]),
    ("Russian jets shot down two Ukrainian MiG-29 warplanes, the ministry said.", [2]),
])
def test_a_number_counts_its_own_noun_not_a_later_numbers(body, values):
    assert [c["value"] for c in claims(body)] == values


@pytest.mark.parametrize("body, claimant, party", [
    ("Oryx, an independent Dutch defence intelligence website, confirmed Russia had lost at least 60 "
     "helicopters.", "Oryx", "ngo_or_research"),
    ("Opinions differ, but Oleksiy Arestovych, an outspoken Ukrainian military analyst and presidential "
     "adviser, said up to 120 troops a day were being killed.", "Oleksiy Arestovych", "ukraine"),
    ("Kyrylo Tymoshenko, a deputy head of the Ukrainian president's office, told reporters that Russian "
     "missiles left at least 9 people dead.", "Kyrylo Tymoshenko", "ukraine"),
    ("Daniel Marsh, U.S. assistant secretary of defense, estimated Tuesday that Russian forces have "
     "sustained up to 90,000 deaths and injuries.", "Daniel Marsh", "united_states"),
    ("Across the country, 700 clinics have been damaged and another 15 doctors have been killed, said Health "
     "Minister Viktor Liashko.", "Viktor Liashko", "ukraine"),
    ("Volodymyr Zelensky, Ukraine's president, said that since the invasion began, Ukraine's emergency "
     "services had counted 310 children as killed.", "Ukrainian State Emergency Service", "ukraine"),
])
def test_appositives_and_the_source_nearest_the_number(body, claimant, party):
    assert {(c["claimant"], c["claimant_party"]) for c in claims(body)} == {(claimant, party)}


@pytest.mark.parametrize("body, claimant, claimant_org, party", [
    ("Local authorities estimated that 900 civilians had already died in Russian shelling of Lysychansk.",
     "Lysychansk local authorities", None, "ukraine"),
    ("By mid-April, Chernihiv's civilian death toll passed 700, according to the city council.",
     "Chernihiv City Council", None, "ukraine"),
    ("Russian Defence Ministry spokesman Igor Konashenkov spoke on Monday. As a result, more than 80 foreign "
     "mercenaries were destroyed, the military spokesman said.", "Igor Konashenkov",
     "Russian Ministry of Defence", "russia"),
    ("A drone attack on the city of Pavlohrad killed two people, according to the mayor.",
     "Pavlohrad mayor", "Pavlohrad City Council", "ukraine"),
])
def test_unnamed_bodies_and_roles_take_the_names_the_text_gives(body, claimant, claimant_org, party):
    got = [(c.claimant, c.claimant_org, c.claimant_party) for c in extract_claims("Title", body, DAY, "BBC News")]
    assert got == [(claimant, claimant_org, party)]


@pytest.mark.parametrize("body, claimant, party, stance", [
    ("Though Moscow has denied targeting homes, Russian troops have already killed more than 450 "
     "civilians in the region, according to the United Nations.", "United Nations", "united_nations",
     "assert"),
    ("The Kremlin denied that its air base was damaged, although satellite pictures suggested at least "
     "six jets were destroyed.", "BBC News", "media", "assert"),
    ("Russia denied losing 25 tanks.", "Russian government", "russia", "deny"),
    ("Defence experts told the BBC they doubted a single crew could have shot down as many as 30 Russian jets.",
     "Defence experts", "other", "assert"),
    ("During one river crossing, Russia is thought to have lost over 70 vehicles, according to open source "
     "estimates.", "open-source analysts", "ngo_or_research", "assert"),
    ("On Sunday, the territorial defense reported that seven people were wounded in the town of "
     "Yasynuvata in the north of the DPR.", "territorial defense", "russia", "assert"),
])
def test_denials_cover_their_own_clause_and_unnamed_voices_get_their_party(body, claimant, party, stance):
    got = [(c["claimant"], c["claimant_party"], c["stance"]) for c in claims(body)]
    assert got == [(claimant, party, stance)]


def test_forces_already_called_up_are_a_running_total():
    body = "Shoigu said on Tuesday that over 180,000 reservists had already been mobilised in a drive to recruit 250,000."
    assert [(c["value"], c["scope"]) for c in claims(body)] == [(180000, "cumulative"), (250000, "unspecified")]


@pytest.mark.parametrize("body, metric", [
    ("Western officials estimated on Monday that Russian forces have sustained up to 90,000 deaths and injuries.",
     "troops_casualties"),
    ("Russia's losses include almost 4,500 armored personnel vehicles.", "armored_vehicles_destroyed"),
])
def test_deaths_and_injuries_are_casualties_and_personnel_vehicles_are_armour(body, metric):
    assert [c["metric"] for c in claims(body)] == [metric]


@pytest.mark.parametrize("body, expected", [
    ("Three residents of the village of Velyka Pysarivka in the Sumy region in the north were killed "
     "Tuesday in Russian shelling, police reported.",
     [(3, "civilians_killed", "Ukrainian National Police", "ukraine")]),
    ("Five of them have died since the war began.", [(5, "people_killed", "BBC News", "media")]),
    ("Crimea's leader, Sergei Aksyonov, said about 180 people were moved out to temporary shelters.",
     [(180, "displaced", "Sergei Aksyonov", "russia")]),
    ("Russian officials claimed their forces destroyed three of the rocket systems in the Luhansk People's Republic.",
     [(3, "rocket_launchers_destroyed", "Russian government", "russia")]),
    ("Russia said it had destroyed an M270 launcher near the front.", []),
])
def test_long_subjects_partitives_and_model_names(body, expected):
    assert [(c["value"], c["metric"], c["claimant"], c["claimant_party"]) for c in claims(body)] == expected


def test_the_start_of_a_running_total_is_not_its_date():
    body = ("With some 65,000 Russian troops killed since the invasion on February 24, "
            "Kyiv's forces pressed on.")
    assert [(c["value"], c["as_of"]) for c in claims(body)] == [(65000, DAY)]


@pytest.mark.parametrize("body, scope, days", [
    ("At a rate of more than 15,000 casualties a month, the army cannot hold.", "period", 30),
    ("Ukraine said 31 drones were shot down between October 10 and October 16.", "period", 7),
    ("Fires in the second attack in just over a week forced the evacuation of more than 3,000 people.",
     "event", None),
])
def test_rates_and_date_ranges_are_windows(body, scope, days):
    assert [(c["scope"], c["period_days"]) for c in claims(body)] == [(scope, days)]


@pytest.mark.parametrize("body, expected", [
    ("Ms Koval and her children Artem, 19, and Ivan, 14, fled their flat near Kharkiv.", []),
    ("The couple were hospitalised, he said.", []),
    ("Russian artillery depot blast kills four", [(4, "people_killed")]),
    ("Olena and her children, aged five and eight, fled their village near Bucha.", []),
    ("Charities say one in four refugees they help cannot find work.", []),
])
def test_ages_a_couple_and_weapons_that_kill(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


def test_numbers_of_earlier_wars_are_not_claims():
    body = ("The famine that swept Ukraine in the early 1930s killed 4 million people. "
            "A passenger jet was shot down over eastern Ukraine in 2014, killing 280 people on board.")
    assert [c["value"] for c in claims(body)] == [280]


def test_the_side_word_nearest_the_loss_word_decides_whose_losses():
    got = claims("Kyiv puts the Russian deaths at nearly 23,000.")
    assert [(c["value"], c["subject"], c["claimant"]) for c in got] == [(23000, "russia", "Ukrainian government")]


def test_a_sentence_printed_twice_gives_its_claims_once():
    sentence = "The blast killed four people and injured 11 others, according to the mayor."
    body = f"{sentence} Mykhailo Podolyak said talks had stalled. {sentence}"
    assert [(c["value"], c["claimant"]) for c in claims(body)] == [(4, "mayor"), (11, "mayor")]


def test_people_among_civilians_are_civilians():
    body = "Officials said Russian shelling on Sunday killed one man and wounded three other civilians in the town."
    assert [c["metric"] for c in claims(body)] == ["civilians_killed", "civilians_injured"]


@pytest.mark.parametrize("body, claimant, party", [
    ('"Our guess is 40,000 Ukrainians will be dead or wounded," co-host Maria Lopez told viewers.',
     "Maria Lopez", "media"),
    ("In October Ukrainian officials said 212 bodies were exhumed from a burial site near Lyman.",
     "Ukrainian government", "ukraine"),
])
def test_media_people_and_months_before_names(body, claimant, party):
    assert {(c["claimant"], c["claimant_party"]) for c in claims(body)} == {(claimant, party)}


@pytest.mark.parametrize("body, expected", [
    ("Of the 48 people hospitalised, seven remained in critical condition while 19 sustained serious injuries, "
     "the emergency service said.", [(48, "people_injured"), (7, "people_injured"), (19, "people_injured")]),
    ("Over 300 residents of Berdiansk remain in captivity, the mayor said.", [(300, "other")]),
    ("Kyiv is thought to have between 30-35,000 soldiers in the Donbas.", [(30000, "troops_deployed")]),
    ("A recent update suggests that less than 3,000 foreign fighters remain in Ukraine.", [(3000, "troops_deployed")]),
])
def test_partitive_heads_captivity_and_forces_at_a_front(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


@pytest.mark.parametrize("body, scope", [
    ('"Our guess is 40,000 Ukrainians will be dead or wounded," co-host Maria Lopez told viewers.', "unspecified"),
    # a bare "last week" is no window; equipment claimed destroyed then, with no attack named, no event
    ("However, last week, the Russian army claimed to have destroyed five of the rocket launchers.", "unspecified"),
    ("Last week, a Russian strike destroyed five of the rocket launchers, the army claimed.", "event"),
    ("In less than three weeks, at least 41 children have been killed, the UN said.", "cumulative"),
    ("At least 9 people have died after a military plane crashed into an apartment block.", "event"),
    ("Initial reports said three people had been killed.", "event"),
])
def test_forecasts_time_adverbials_and_growing_tolls(body, scope):
    assert [c["scope"] for c in claims(body)] == [scope]


@pytest.mark.parametrize("body, expected", [
    ("Several waves of Shahed drones - 36 in total - reached the capital.", [(36, "drones_launched")]),
    ("The governor said Russia was planning to relocate an estimated 10,000 residents a day from Kherson.",
     [(10000, "displaced")]),
    ("The governor said three children aged 7 and 12 were among those taken to hospital.",
     [(3, "children_injured")]),
])
def test_totals_moves_and_hospital(body, expected):
    assert [(c["value"], c["metric"]) for c in claims(body)] == expected


@pytest.mark.parametrize("body, metric", [
    ("The ministry released the names of 40 Ukrainian prisoners of war killed in the shelling.", "troops_killed"),
    ("Satellite images showed at least five fighter jets at the airfield had been destroyed.", "aircraft_destroyed"),
    ("Although official casualties have not been published, Moscow is thought to have lost over "
     "8,000 soldiers.", "troops_casualties"),
    ("Zelensky says up to 60 soldiers may be dying every day, a rare admission of casualties.", "troops_killed"),
])
def test_prisoners_killed_fighter_planes_and_lost_soldiers(body, metric):
    assert [c["metric"] for c in claims(body)] == [metric]


@pytest.mark.parametrize("body, day, party", [
    ("Ivan Petrenko, mayor of Donetsk, wrote on Telegram that three residents had died in shelling.",
     dt.date(2022, 7, 1), "russia"),
    ("Nearly 150 people were wounded in a strike on Nova Kakhovka, the local administration's head, "
     "Oleg Markov, has said.", dt.date(2022, 7, 12), "russia"),
    ("Nearly 150 people were wounded in a strike on Nova Kakhovka, the local administration's head, "
     "Oleg Markov, has said.", dt.date(2022, 12, 1), "ukraine"),
    ("Luhansk's regional governor, Serhiy Haidai, said six people were killed.", dt.date(2022, 7, 1), "ukraine"),
    ("Melitopol Mayor Ivan Fedorov said 500 people remain in captivity.", dt.date(2022, 8, 18), "ukraine"),
])
def test_authorities_of_places_russia_holds_speak_for_russia(body, day, party):
    got = extract_claims("Title", body, day, "BBC News")
    assert got and {c.claimant_party for c in got} == {party}


@pytest.mark.parametrize("title, body, party", [
    ("Russian soldiers are shot dead in attack on training base",
     "The defence ministry said two volunteer soldiers were shot dead.", "russia"),
    ("Ukraine says Russian depots destroyed in Crimea blasts",
     "Two residents died in Russian shelling on Thursday, police reported.", "ukraine"),
    ("Title", "Moldova's interior ministry said at least five police officers had been killed.",
     "other_government"),
])
def test_unmarked_bodies_take_the_titles_side_and_other_states_are_other_governments(title, body, party):
    assert {c["claimant_party"] for c in claims(body, title=title)} == {party}


@pytest.mark.parametrize("body, subject", [
    ("Up to 40 nationalists were eliminated, Russian officials said.", "ukraine"),
    ("Air defences intercepted 16 rockets fired by US-supplied HIMARS systems, the ministry said.", "ukraine"),
    ("The Iranian-made weapons rained down in several waves of 19 drones, Kyiv's mayor said.",
     "russia"),
    ("A row of about 35 fresh graves is marked with crosses.", "ukraine"),
])
def test_whose_weapons_forces_and_graves(body, subject):
    assert [c["subject"] for c in claims(body)] == [subject]


@pytest.mark.parametrize("title, body, claimant, org", [
    ("Russian soldiers are shot dead at a training base", "The defence ministry said two soldiers were shot dead.",
     "Russian Ministry of Defence", None),
    ("Title", "About 800 bodies are still unidentified, according to the chief of the national police "
              "in Ukraine, Ihor Klymenko.", "Ihor Klymenko", "Ukrainian National Police"),
])
def test_sided_bodies_and_names_after_a_body_are_canonical(title, body, claimant, org):
    got = [(c.claimant, c.claimant_org) for c in extract_claims(title, body, DAY, "BBC News")]
    assert got == [(claimant, org)]


@pytest.mark.parametrize("body", [
    "Three foreign volunteers were sentenced to death by a court in Donetsk.",
    "Before the Kremlin sent its army into Ukraine, the Russian military had some 360,000 contract soldiers.",
])
def test_death_sentences_and_prewar_armies_are_not_claims(body):
    assert claims(body) == []


def test_phrase_names_drop_days_and_relative_clauses():
    from newsclaims.extraction.attribution import phrase_name
    assert phrase_name("On Thursday a Ukrainian brigade commander", 4) == "Ukrainian brigade commander"
    assert phrase_name("the interior ministry Thursday", 5) == "interior ministry"
    assert phrase_name("the ministry went to great lengths", 5) == "ministry"


@pytest.mark.parametrize("body", [
    "He described the chemical plant disaster of 1984, which caused the deaths of 31 workers.",
    "In Galway, about 150 people are expected to move into a sports hall next week.",
])
def test_old_events_and_moving_house_are_not_claims(body):
    assert claims(body) == []


@pytest.mark.parametrize("body, scope, days", [
    # a sentence that reads on from a stated window counts within it
    ("The regional governor said Russian artillery hit 25 towns over the past 24 hours. "
     "Shelling of Sumy left four people wounded, he added.", "event", None),
    ("The regional governor said Russian troops hit 25 towns over the past 24 hours. "
     "Four people were wounded in two districts, he added.", "period", 1.0),
    ("The navy said it had sunk two boats in the last three days. "
     "Over 40 soldiers were killed near the coast, it added.", "period", 3.0),
    # its own time, or a duration that is no window, stops the carry-over
    ("The regional governor said Russian troops hit 25 towns over the past 24 hours. "
     "Four people were wounded yesterday in two districts, he added.", "event", None),
    ("The plant had not been hit for over five weeks. One person was wounded in the yard.", "event", None),
])
def test_a_window_carries_into_the_sentence_that_reads_on(body, scope, days):
    last = claims(body)[-1]
    assert (last["scope"], last["period_days"]) == (scope, days)


@pytest.mark.parametrize("body, scope", [
    ("The pilot is said to have downed as many as 12 enemy jets.", "unspecified"),
    ("Experts doubted that one crew could have destroyed 30 Russian tanks.", "unspecified"),
    ("Aid groups warned the number of refugees could hit 3 million by summer.", "unspecified"),
    ("The crew downed 12 enemy jets near Izium.", "event"),
])
def test_what_might_have_been_has_no_scope(body, scope):
    assert claims(body)[0]["scope"] == scope


@pytest.mark.parametrize("body, claimant, party", [
    # present-tense reporting verbs, and an air force named by what it is
    ("President Zelensky admits 60 Ukrainian soldiers are dying every day.", "Volodymyr Zelensky", "ukraine"),
    ("The air force stresses that the pilot downed 12 Russian jets.", "Ukrainian Air Force", "ukraine"),
    # "with the X saying": the source's name leaves out the preposition
    ("Shelling went on, with the border service saying 14 Russian soldiers were killed.",
     "border service", "ukraine"),
])
def test_present_tense_verbs_and_forces_named_by_what_they_are(body, claimant, party):
    c = claims(body, title="Ukraine air war")[0]
    assert (c["claimant"], c["claimant_party"]) == (claimant, party)


def test_a_side_that_has_lost_men_tells_a_running_total():
    c = claims("Moscow's army has lost nine generals as its offensive stalled.")[0]
    assert (c["metric"], c["subject"], c["scope"]) == ("troops_killed", "russia", "cumulative")


@pytest.mark.parametrize("body, claimant, party, relay", [
    # a subject, then a relative clause about it, then the verb
    ("The office of Mayor Petrenko, who had by then left the besieged city, estimated that 900 people "
     "had been killed in Sumy.", "mayor", "ukraine", None),
    # "X were quoted by Y as saying": X asserts, Y relays
    ("Twelve rockets hit the depot, separatist officials in Horlivka were quoted by the TASS news agency "
     "as saying.", "Horlivka separatist officials", "russia", "Russian state media"),
    # officials known by a place or a country speak for it
    ("Nine soldiers died, Moldovan authorities said.", "Moldovan authorities", "other_government", None),
    ("Nine civilians died, officials in Poltava said.", "Poltava officials", "ukraine", None),
])
def test_relative_clauses_quoted_sources_and_officials_of_a_place(body, claimant, party, relay):
    c = claims(body, title="Ukraine war")[0]
    assert (c["claimant_party"], c["relayed_by"]) == (party, relay)
    assert claimant in c["claimant"]


@pytest.mark.parametrize("body, party, name", [
    ("Israeli insiders estimate that 60 Russian tanks were lost near the river.", "other_government", None),
    ("Ukrainian insiders estimate that 60 Russian tanks were lost near the river.", "ukraine",
     "Ukrainian government"),
    # firms speak for nobody's government; rights groups and monitors are NGOs
    ("A Canadian mapping firm said 90 Russian tanks had been destroyed.", "other", "Canadian mapping firm"),
    ("A Georgian rights group said 45 civilians were killed in the shelling.", "ngo_or_research",
     "Georgian rights group"),
    ("Amnesty International said 45 civilians were killed in the shelling.", "ngo_or_research",
     "Amnesty International"),
])
def test_insiders_firms_and_rights_groups(body, party, name):
    c = claims(body, title="Ukraine war")[0]
    assert c["claimant_party"] == party
    if name:
        assert c["claimant"] == name


@pytest.mark.parametrize("body, subject", [
    ("The Russians captured about 300 marines near the port.", "ukraine"),
    ("Kyiv has denied Russian claims of 700 paratroopers surrendering near the bridge.", "ukraine"),
    ("Ukrainian forces destroyed nine tanks outside Izium, the general staff said.", "russia"),
    # a side word with the counted thing still decides
    ("Russian forces destroyed nine Russian tanks by mistake, a blogger wrote.", "russia"),
])
def test_a_side_that_acts_or_tells_counts_the_other_sides_losses(body, subject):
    assert claims(body, title="War in Ukraine")[0]["subject"] == subject


@pytest.mark.parametrize("body, scope", [
    ("Independent analysts put the Russian losses at 31 helicopters.", "cumulative"),
    ("In one assault, Russia is believed to have lost 40 tanks, analysts said.", "event"),
    ("A drone strike destroyed 12 Russian tanks, analysts said of the losses.", "event"),
])
def test_equipment_losses_with_no_attack_named_are_a_running_total(body, scope):
    assert claims(body, title="War in Ukraine")[0]["scope"] == scope


@pytest.mark.parametrize("body, scope", [
    ("On Friday, 90 Ukrainian soldiers were captured near Kupiansk, the most since the start of the war.", "event"),
    ("A missile killed 140 people, the deadliest single strike since the invasion began.", "event"),
    ("Some 140 people have been killed since the invasion began.", "cumulative"),
])
def test_a_record_since_the_invasion_is_not_a_running_total(body, scope):
    assert claims(body, title="War in Ukraine")[0]["scope"] == scope


@pytest.mark.parametrize("body, metric", [
    ("The crew was decorated for downing six Russian helicopters.", "helicopters_destroyed"),
    ("A strike on the depot ended with the army destroying 40 Russian tanks.", "tanks_destroyed"),
    # a street is not an outcome, and HIMARS rockets are rockets, not launchers
    ("Downing Street said Britain would send 90 armoured vehicles to Kyiv.", None),
    ("Ukraine fired 60 HIMARS rockets at the bridge, the ministry said.", "missiles_launched"),
])
def test_gerund_outcomes_and_what_is_not_one(body, metric):
    found = claims(body, title="War in Ukraine")
    assert (found[0]["metric"] if found else None) == metric


def test_the_same_claim_told_twice_in_an_article_is_one_claim():
    body = ("On Monday the governor said 17 people were killed in Sumy. "
            "The governor said 17 people had been killed so far.")
    assert [c["value"] for c in claims(body, title="War in Ukraine")] == [17]


def test_the_writers_own_reckoning_is_the_outlets():
    body = ('The general said "40 to 60 of our soldiers die each week", meaning perhaps 200 a month.')
    found = {c["value"]: c["claimant"] for c in claims(body, title="War in Ukraine")}
    assert found[200] == "BBC News"


def test_one_of_those_officials_refers_back():
    body = ("Western officials briefed reporters on Tuesday, saying Russia had lost 300 tanks. "
            "One of those officials said 900 Russian soldiers had been killed in the battle.")
    assert [c["claimant_party"] for c in claims(body, title="War in Ukraine")] == \
        ["other_government", "other_government"]


@pytest.mark.parametrize("body, party", [
    # ", saying ...": the subject of the main clause says it, not the words after the verb
    ("The UN rights office released a report on Friday, saying 48 civilians were killed.", "united_nations"),
    ("The district chief visited the ward, saying Russia had lost 30 soldiers there.", "ukraine"),
])
def test_a_participle_reporting_verb_takes_the_main_clauses_subject(body, party):
    assert claims(body, title="War in Ukraine")[0]["claimant_party"] == party


def test_the_senior_official_told_again_is_the_one_named_before():
    body = ("Russia has lost 40 tanks this week, a senior U.S. defense official said. "
            "The losses were heavy, according to the senior defense official. "
            "Russia is sending 9,000 more troops, according to the official.")
    found = claims(body, title="Pentagon update")
    assert [c["claimant_party"] for c in found] == ["united_states", "united_states"]


@pytest.mark.parametrize("body, value, metric", [
    # a bare count whose noun is in the sentence before
    ("The army said Russia launched 30 drones at Odesa overnight. Nine hit the port while 21 were shot down.",
     21, "drones_intercepted"),
    ("The governor said 14 people were hurt in the blast. That figure was later revised up to 17.",
     17, "people_injured"),
    # with no claim in the sentence before there is nothing to count
    ("The blast was heard across the city. That figure was later revised up to 17.", 17, None),
])
def test_a_count_whose_noun_is_in_the_sentence_before(body, value, metric):
    found = {c["value"]: c["metric"] for c in claims(body, title="War in Ukraine")}
    assert found.get(value) == metric


def test_a_role_named_with_and_without_its_city_is_one_claimant():
    body = ("A rocket attack on the city of Sumy killed four people on Friday, according to the mayor. "
            + "Shells hit a school later. " * 8 + "The strike killed four people, according to the mayor.")
    assert len(claims(body, title="War in Ukraine")) == 1


@pytest.mark.parametrize("body, party", [
    # the update that states the window also gives the numbers read within it
    ("The general staff said in its morning update that Russia shelled nine regions in the past 24 hours. "
     "More than 20 missiles were fired at the city of Dnipro.", "ukraine"),
    # "The Russian losses include ...": the toll the sentence before attributed, continued
    ("According to the Kyiv government, about 80,000 Russian troops have been killed. "
     "The Russian losses also include nearly 2,500 tanks.", "ukraine"),
])
def test_an_update_and_its_toll_carry_their_source(body, party):
    assert claims(body, title="War in Ukraine", outlet="Fox News")[-1]["claimant_party"] == party


def test_a_briefing_summary_speaks_for_its_briefer():
    body = ("The Pentagon gives daily updates. Below are the key points from what an American defense official "
            "told journalists on Tuesday: Russia has fired more than 900 missiles since the invasion began. "
            "About 5,000 more troops have arrived in Belgorod in recent days.")
    found = claims(body, title="Pentagon update", outlet="ABC News")
    assert [(c["metric"], c["claimant_party"]) for c in found] == [
        ("missiles_launched", "united_states"), ("troops_deployed", "united_states")]


def test_a_noun_that_is_an_earlier_numbers_own_does_not_pass_to_a_later_toll():
    body = ('"The enemy\'s armed forces numbered 90,000 people, and since then they have suffered losses '
            'of around 40,000, with 12,000 killed and 28,000 others wounded," the general said.')
    found = {c["value"]: c["metric"] for c in claims(body, title="War in Ukraine")}
    assert found[40000] == "troops_casualties"
    assert found[28000] == "troops_wounded"


@pytest.mark.parametrize("body, scope", [
    ("Some 400 residents were moved to temporary housing, the governor said.", "event"),
    ("Some 9 million people are now internally displaced, aid agencies estimate.", "cumulative"),
])
def test_a_small_evacuation_is_one_event_and_millions_displaced_a_running_total(body, scope):
    assert claims(body, title="War in Ukraine")[0]["scope"] == scope


def test_a_denied_report_is_two_claims():
    body = "Kyiv has denied Russian reports of more than 600 paratroopers surrendering near the bridge."
    found = [(c["claimant"], c["stance"]) for c in claims(body, title="War in Ukraine")]
    assert found == [("Russian government", "assert"), ("Ukrainian government", "deny")]


def test_a_sides_army_named_elsewhere_in_the_sentence_says_whose_troops():
    body = "Losses of 9,000 casualties a month raise questions about how long Ukraine's army can hold the line."
    assert claims(body, title="War", outlet="The Guardian")[0]["subject"] == "ukraine"


def test_some_among_the_whole_count_different_groups():
    found = {c["value"]: c["metric"] for c in claims("Officials said three children were among the 31 killed.")}
    assert found == {3: "children_killed", 31: "people_killed"}


def test_an_armys_initial_strength_is_not_a_claim():
    body = "Initially, the enemy's army numbered about 150,000 troops, and since then 30,000 have been killed."
    assert [c["value"] for c in claims(body, title="War in Ukraine")] == [30000]


@pytest.mark.parametrize("body", [
    "One soldier, the medic said, has three injuries to his legs.",
    "He was found in the morgue with four bullet wounds.",
])
def test_one_persons_wounds_are_not_a_count_of_people(body):
    assert [c["value"] for c in claims(body, title="War in Ukraine") if c["value"] > 1] == []


def test_conceded_is_a_reporting_verb_that_pronouns_refer_back_to():
    body = ("President Volodymyr Zelensky has conceded that his army is taking heavy losses. "
            "In June, he said that 60 Ukrainian soldiers were being killed every day.")
    assert claims(body, title="War in Ukraine")[-1]["claimant"] == "Volodymyr Zelensky"


def test_in_under_a_month_is_no_monthly_rate():
    c = claims("In under a month, 40 children have been killed, the UN said.", title="War in Ukraine")[0]
    assert (c["scope"], c["period_days"]) != ("period", 30.0)


def test_a_name_is_titled_by_a_later_appositive_when_the_first_use_has_none():
    body = ('"We will hold the plant," Taras Bondar told reporters. Taras Bondar, a commander of the Azov '
            'regiment, is still inside. Mr Bondar said about 800 Ukrainian defenders are left in the works.')
    assert claims(body, title="Siege")[-1]["claimant_party"] == "ukraine"


def test_a_title_restating_the_top_of_a_body_range_is_dropped():
    found = claims("An aide said 100 to 300 Ukrainian soldiers are dying each day.",
                   title="Kyiv losing up to 300 troops a day")
    assert [(c["value"], c["value_max"]) for c in found] == [(100, 300)]


def test_a_side_named_with_a_noun_before_the_number_is_whose_it_counts():
    body = "The tally of Russian soldiers killed so far stands at 98,100, the general staff said."
    assert claims(body, title="Ukraine updates its tally")[0]["subject"] == "russia"


def test_an_estimate_of_a_state_with_no_canonical_government_does_not_break_extraction():
    # a Polish or other state's intelligence once raised KeyError: its side has no government name
    found = claims("Polish intelligence estimates that 20,000 Russian soldiers have been killed.")
    assert [c["value"] for c in found] == [20000]


def test_a_window_after_a_time_of_telling_is_still_read():
    # "last week" says when it was said; the window of the number comes after it
    got = claims("The commander said last week that his brigade was losing 40 to 70 soldiers a day.")
    assert [(c["value"], c["scope"], c["period_days"]) for c in got] == [(40, "period", 1)]
    got = claims("The shelling over the next three days killed at least 12 people in the town.")
    assert [(c["value"], c["scope"], c["period_days"]) for c in got] == [(12, "period", 3)]
