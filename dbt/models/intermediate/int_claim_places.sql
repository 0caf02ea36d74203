-- The place a claim's count is local to: a city, region or country of seeds/places.csv that the
-- claim's sentence names after a preposition ("in Mariupol", "to Poland", "from the Kharkiv
-- region"), a city or region also as a possessive or with "of" ("Mariupol's", "the governor of
-- Kharkiv"; for a country those name a speaker: "Russia's defence ministry"). Of several, the one
-- nearest the number. A claim without one counts for the country (its place is null). One row per
-- claim; incremental, by claim (macros/not_yet_built.sql).
{{ config(materialized='incremental', on_schema_change='fail') }}

with claims as (
    select claims.claim_id, claims.sentence, claims.number_text
    from {{ ref('int_claims_resolved_to_claimants') }} as claims
    where {{ not_yet_built('claims.claim_id') }}
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
                || '|\b(?:' || pattern || ')(?:''s|’s)\s)'
        end as phrase_pattern,
        -- a pattern of plain names ("Kharkiv|Kharkov") gives the words a sentence must contain
        -- for the phrase to match: a cheap test that spares most of the regex work
        case when not regexp_matches(pattern, '[\\^$.*+?()\[\]{}]')
            then string_split(pattern, '|')
        end as names
    from {{ ref('places') }}
),

-- the pairs whose sentence holds one of the place's names as a word (every pair, for a pattern
-- that is a regular expression): a hash join of the sentences' words with the one-word names, and a
-- substring test for the names of several words; the phrase patterns then run on these pairs only
words as (
    select distinct claim_id, unnest(regexp_split_to_array(sentence, '[^0-9A-Za-z_]+')) as word
    from claims
),

place_names as (
    select place, unnest(names) as name
    from places
    where names is not null
),

named_ids as (
    select words.claim_id, place_names.place
    from words
    inner join place_names on words.word = place_names.name
    union
    select claims.claim_id, place_names.place
    from claims
    inner join place_names
        on regexp_matches(place_names.name, '[^0-9A-Za-z_]') and contains(claims.sentence, place_names.name)
    union
    select claims.claim_id, places.place
    from claims
    cross join places
    where places.names is null
),

named as (
    select claims.*, places.*
    from named_ids
    inner join claims using (claim_id)
    inner join places using (place)
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

nearest as (
    select claim_id, place, place_kind, country
    from found
    qualify row_number() over (partition by claim_id order by distance, place) = 1
),

final as (
    select claims.claim_id, nearest.place, nearest.place_kind, nearest.country
    from claims
    left join nearest on claims.claim_id = nearest.claim_id
)

select * from final
