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

-- the spelling, party, organisation and kind the claimant was seen with most often; a tie goes to
-- the first in sort order, so the answer does not depend on the order the claims were built in
seen as (
    select claimant_id, 'claimant' as attribute, claimant as value from joined
    union all
    select claimant_id, 'party', claimant_party from joined
    union all
    select claimant_id, 'org', claimant_org from joined
    union all
    select claimant_id, 'kind', claimant_kind_resolved from joined
),

most_frequent as (
    select claimant_id, attribute, value
    from seen
    where value is not null
    group by claimant_id, attribute, value
    qualify row_number() over (partition by claimant_id, attribute order by count(*) desc, value) = 1
),

counted as (
    select
        claimant_id,
        list_sort(list_distinct(list(nullif(trim(claimant_mention), '')))) as aliases_seen,
        count(*) as n_claims,
        count(distinct article_id) as n_articles,
        min(published_on) as first_seen,
        max(published_on) as last_seen
    from joined
    group by claimant_id
),

final as (
    select
        counted.claimant_id,
        max(most_frequent.value) filter (where most_frequent.attribute = 'claimant') as claimant,
        max(most_frequent.value) filter (where most_frequent.attribute = 'party') as claimant_party,
        max(most_frequent.value) filter (where most_frequent.attribute = 'org') as claimant_org,
        max(most_frequent.value) filter (where most_frequent.attribute = 'kind') as kind,
        any_value(counted.aliases_seen) as aliases_seen,
        any_value(counted.n_claims) as n_claims,
        any_value(counted.n_articles) as n_articles,
        any_value(counted.first_seen) as first_seen,
        any_value(counted.last_seen) as last_seen
    from counted
    left join most_frequent on counted.claimant_id = most_frequent.claimant_id
    group by counted.claimant_id
)

select * from final
