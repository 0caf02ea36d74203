with claims as (
    select * from {{ ref('int_claims_resolved_to_claimants') }}
),

articles as (
    select article_id, published_on from {{ ref('stg_raw__articles') }}
),

joined as (
    select claims.*, articles.published_on
    from claims
    inner join articles on claims.article_id = articles.article_id
),

final as (
    select
        claimant_id,
        any_value(claimant) as claimant,
        -- the most frequent party, organisation and kind the claimant was seen with
        mode(claimant_party) as claimant_party,
        mode(claimant_org) as claimant_org,
        mode(claimant_kind_resolved) as kind,
        list_sort(list_distinct(list(nullif(trim(claimant_mention), '')))) as aliases_seen,
        count(*) as n_claims,
        count(distinct article_id) as n_articles,
        min(published_on) as first_seen,
        max(published_on) as last_seen
    from joined
    group by claimant_id
)

select * from final
