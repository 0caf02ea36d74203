-- Incremental, by article: a run adds the claims of the articles it has not built yet
-- (macros/not_yet_built.sql); a changed model, seed, setting or extractor rebuilds it whole.
{{ config(materialized='incremental', on_schema_change='fail') }}

with claims as (
    select * from {{ ref('int_claims_resolved_to_claimants') }} as claims
    where {{ not_yet_built('claims.article_id') }}
),

places as (
    select claim_id, place, place_kind
    from {{ ref('int_claim_places') }}
    where claim_id in (select claim_id from claims)
),

articles as (
    select article_id, source_file, published_on, outlet
    from {{ ref('stg_raw__articles') }}
    where article_id in (select article_id from claims)
),

final as (
    select
        claims.claim_id,
        claims.article_id,
        articles.source_file,
        articles.published_on,
        articles.outlet,
        claims.section,
        claims.sentence,
        claims.sentence_start,
        claims.sentence_end,
        claims.number_text,
        claims.value,
        claims.value_max,
        claims.qualifier,
        claims.metric,
        claims.metric_note,
        claims.subject,
        claims.scope,
        claims.period_days,
        claims.as_of,
        places.place,
        places.place_kind,
        claims.claimant_id,
        claims.claimant,
        claims.claimant_org,
        claims.claimant_party,
        claims.relayed_by,
        claims.stance,
        claims.evidence,
        claims.confidence,
        claims.extractor_version
    from claims
    inner join articles on claims.article_id = articles.article_id
    left join places on claims.claim_id = places.claim_id
)

select * from final
