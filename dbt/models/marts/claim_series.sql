-- Cumulative claims per claimant, metric and subject in as_of order, with the previous
-- value and the change. Claims with the same as_of are ordered by value, then by
-- publication: a day has no order within it, so only a drop across days is a decrease.
with claims as (
    select * from {{ ref('claims') }}
    where scope = 'cumulative' and stance = 'assert'
),

ordered as (
    select
        claim_id,
        article_id,
        source_file,
        claimant_id,
        claimant,
        metric,
        subject,
        as_of,
        published_on,
        value,
        qualifier,
        row_number() over series as series_position,
        lag(value) over series as previous_value,
        lag(claim_id) over series as previous_claim_id,
        lag(article_id) over series as previous_article_id,
        lag(source_file) over series as previous_source_file,
        lag(as_of) over series as previous_as_of
    from claims
    window series as (
        partition by claimant_id, metric, subject
        order by as_of, value, published_on, claim_id
    )
),

final as (
    select
        md5(concat_ws('|', claimant_id, metric, subject)) as series_id,
        *,
        value - previous_value as change,
        coalesce(value < previous_value, false) as is_decrease
    from ordered
)

select * from final
