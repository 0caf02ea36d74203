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
        end as phrase_pattern
    from {{ ref('places') }}
),

found as (
    select
        claims.claim_id,
        places.place,
        places.place_kind,
        places.country,
        abs(strpos(claims.sentence, regexp_extract(claims.sentence, places.phrase_pattern))
            - strpos(claims.sentence, claims.number_text)) as distance
    from claims
    inner join places on regexp_matches(claims.sentence, places.phrase_pattern)
),

final as (
    select claim_id, place, place_kind, country
    from found
    qualify row_number() over (partition by claim_id order by distance, place) = 1
)

select * from final
