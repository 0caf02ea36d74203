with claims as (
    select * from {{ ref('int_claims_resolved_to_claimants') }}
),

places as (
    select claim_id, place, place_kind
    from {{ ref('int_claim_places') }}
),

articles as (
    select article_id, source_file, published_on, outlet
    from {{ ref('stg_raw__articles') }}
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
