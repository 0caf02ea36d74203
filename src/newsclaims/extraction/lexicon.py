"""Words and patterns more than one decision reads: sides, places, months, times of day, people words.
"""

from __future__ import annotations

import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- months, sides and places
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"


UKRAINE_SIDE = re.compile(r"\b(?:ukrainian|ukraine's|ukraine|kyiv's|kiev's|azov|ukrainians)\b", re.IGNORECASE)


RUSSIAN_PLACES = re.compile(
    r"\b(?:belgorod|kursk|bryansk|voronezh|rostov|yeysk|in moscow|st petersburg|krasnodar|"
    r"russia's (?:border )?regions?|(?:in|inside|into) (?:(?:western|southern|eastern|northern|central|deep) )?russia(?![\w-])|"
    r"russia(?:n|'s|’s) (?:\w+ ){0,2}(?:city|town|village|region|base|airfield|range|ground|fleet|territory))\b",
    re.IGNORECASE,
)


UKRAINIAN_PLACES = re.compile(
    r"\b(?:kyiv|kiev|kharkiv|mariupol|odesa|odessa|lviv|dnipro\w*|zaporizhzhia|kherson|mykolaiv|donetsk|luhansk|"
    r"donbas|crimea\w*|bucha|irpin|sumy|chernihiv|kramatorsk|sloviansk|bakhmut|sievierodonetsk|lysychansk|"
    r"nikopol|vinnytsia|poltava|zhytomyr|kremenchuk|izium|melitopol|enerhodar)\b",
    re.IGNORECASE,
)


PARTY_MARKERS = [
    ("russia", re.compile(r"\b(?:russian|russia|kremlin|moscow|pro-russian|russia-installed|russian-installed|russian-appointed|separatists?|dpr|lpr|donetsk people|luhansk people)\b", re.IGNORECASE)),
    # case matters here: "US" and "UN" are the countries, "us" and "un-" are not
    ("united_states", re.compile(r"(?:\bU\.S\.|\bUS\b|\bAmerican\b|\bPentagon\b|\bWashington\b|\bWhite House\b)")),
    ("united_kingdom", re.compile(r"\b(?:british|uk|u\.k\.|britain|london)\b", re.IGNORECASE)),
    ("united_nations", re.compile(r"(?:\bUN\b|\bU\.N\.|\bUnited Nations\b|\bUNICEF\b|\bUNHCR\b)")),
    ("ukraine", re.compile(r"\b(?:ukrainian|ukraine's|ukraine|kyiv|kiev|zelensky\w*|azov)\b", re.IGNORECASE)),
    # other states whose bodies this news quotes: neighbours, allies, mediators
    ("other_government", re.compile(
        r"\b(?:western|poland|polish|belarus\w*|kazakh\w*|latvia\w*|estonia\w*|lithuania\w*|moldova\w*|"
        r"georgia\w*|finland|finnish|sweden|swedish|norway|norwegian|denmark|danish|germany|german|france|"
        r"french|italy|italian|spain|spanish|netherlands|dutch|belgi\w+|austria\w*|swiss|czech|slovak\w*|"
        r"hungar\w*|romania\w*|bulgaria\w*|greece|greek|turkey|turkish|israel\w*|iran\w*|saudi|chin\w*|"
        r"japan\w*|india|indian|canad\w*|australia\w*|kyrgyz\w*|azerbaijan\w*|armenia\w*|syria\w*|tajik\w*|"
        r"uzbek\w*|turkmen\w*)\b",
        re.IGNORECASE)),
]


# ---------------------------------------------------------------- counts, tolls, quotes
PEOPLE_CATEGORIES = {"troops", "civilians", "children", "people"}


EQUIPMENT_CATEGORIES = {"tanks", "armored_vehicles", "artillery", "rocket_launchers", "aircraft",
                        "helicopters", "drones", "air_defense", "ships", "vehicles"}


TOLL_BEFORE = re.compile(r"\b(?:deaths|death toll|casualties|losses|toll|number of (?:the )?(?:dead|wounded|killed|"
                         r"injured|victims))\b[^.;:\d]{0,45}?"
                         r"\b(?:at|to|of|reached|hit|stands at|was|is|are|were|exceeded|passed|surpassed)"
                         r"(?:\s+(?:about|around|almost|nearly|over|more than|some|roughly|at least|"
                         r"somewhere between|between|an estimated))?\s*$", re.IGNORECASE)


# "The death toll from Wednesday's strike on an apartment building in Mykolaiv has risen to six"
TOLL_ROSE = re.compile(r"\b(?:death toll|toll)\b[^.;:\d]{0,160}?\b(?:risen|rose|climbed|increased|grown|jumped|reached)"
                       r"\s+to(?:\s+(?:about|around|at least|more than|over|nearly|almost))?\s*$", re.IGNORECASE)


QUOTE_MARK = re.compile(r"[“”\"\n]")  # \n ends a paragraph, and any quotation left open in it
