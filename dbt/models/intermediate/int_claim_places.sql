-- The place a claim's count is local to: a city, region or country of seeds/places.csv that the
-- claim's sentence names after a preposition ("in Mariupol", "to Poland", "from the Kharkiv
-- region"), a city or region also as a possessive or with "of" ("Mariupol's", "the governor of
-- Kharkiv"; for a country those name a speaker: "Russia's defence ministry"). Of several, the one
-- nearest the number. A claim without one counts for the country (its place is null).
with claims as (
    select claim_id, sentence, number_text
    from {{ ref('int_claims_resolved_to_claimants') }}
),

places as (
    select
        place,
        kind as place_kind,
        country,
        case when kind = 'country'
            then '\b(?:in|to|into|across|inside|within|from)\s+(?:the\s+)?(?:' || pattern || ')\b'
            else '\b(?:(?:in|to|into|across|near|around|outside|from|of)\s+(?:the\s+)?'
                || '(?:(?:city|town|region|oblast|province) of\s+)?(?:' || pattern || ')\b'
                || '|(?:' || pattern || ')(?:''s|’s)\s)'
        end as phrase_pattern,
        -- a pattern of plain names ("Kharkiv|Kharkov") gives the words a sentence must contain
        -- for the phrase to match: a cheap test that spares most of the regex work
        case when not regexp_matches(pattern, '[\\^$.*+?()\[\]{}]')
            then string_split(pattern, '|')
        end as names
    from {{ ref('places') }}
),

named as (
    -- the pairs whose sentence holds one of the place's names (every pair, for a pattern that is
    -- a regular expression)
    select claims.*, places.*
    from claims
    inner join places
        on places.names is null
        or list_bool_or(list_transform(places.names, lambda name: contains(claims.sentence, name)))
),

found as (
    select
        claim_id,
        place,
        place_kind,
        country,
        abs(strpos(sentence, regexp_extract(sentence, phrase_pattern))
            - strpos(sentence, number_text)) as distance
    from named
    where regexp_matches(sentence, phrase_pattern)
),

final as (
    select claim_id, place, place_kind, country
    from found
    qualify row_number() over (partition by claim_id order by distance, place) = 1
)

select * from final
