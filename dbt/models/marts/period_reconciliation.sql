-- Each period claim ("1,030 in the last two days") of a metric the reference covers, beside
-- the reference's change over the same window: from period_days before as_of to as_of, and the
-- same window a day earlier (the figure of a day is published the next morning). status:
-- 'matches' when the claim equals either change, 'differs', or 'no_reference' when the
-- reference lacks the days. Where the claimant made cumulative claims on both ends of the
-- window (in claim_series), their change is given too.
with claims as (
    select *
    from {{ ref('claims') }}
    where scope = 'period' and stance = 'assert' and period_days is not null and place is null
),

reference as (
    select metric, subject, date, value
    from {{ ref('int_reference_daily') }}
    where kind = 'daily'
),

own as (
    select claimant_id, metric, subject, as_of, max(value) as value
    from {{ ref('claim_series') }}
    where place is null
    group by claimant_id, metric, subject, as_of
),

paired as (
    select
        claims.claim_id,
        claims.article_id,
        claims.source_file,
        claims.outlet,
        claims.claimant_id,
        claims.claimant,
        claims.claimant_party,
        claims.metric,
        claims.subject,
        claims.as_of,
        claims.period_days,
        claims.value,
        claims.qualifier,
        claims.sentence,
        ref_end.value - ref_start.value as reference_change,
        ref_end_before.value - ref_start_before.value as reference_change_day_before,
        own_end.value - own_start.value as claimant_change
    from claims
    left join reference as ref_end
        on claims.metric = ref_end.metric and claims.subject = ref_end.subject
        and ref_end.date = claims.as_of
    left join reference as ref_start
        on claims.metric = ref_start.metric and claims.subject = ref_start.subject
        and ref_start.date = claims.as_of - cast(claims.period_days as integer)
    left join reference as ref_end_before
        on claims.metric = ref_end_before.metric and claims.subject = ref_end_before.subject
        and ref_end_before.date = claims.as_of - 1
    left join reference as ref_start_before
        on claims.metric = ref_start_before.metric and claims.subject = ref_start_before.subject
        and ref_start_before.date = claims.as_of - 1 - cast(claims.period_days as integer)
    left join own as own_end
        on claims.claimant_id = own_end.claimant_id and claims.metric = own_end.metric
        and claims.subject = own_end.subject and own_end.as_of = claims.as_of
    left join own as own_start
        on claims.claimant_id = own_start.claimant_id and claims.metric = own_start.metric
        and claims.subject = own_start.subject
        and own_start.as_of = claims.as_of - cast(claims.period_days as integer)
    where claims.metric in (select distinct metric from reference)
),

final as (
    select
        *,
        case
            when reference_change is null and reference_change_day_before is null then 'no_reference'
            when value in (reference_change, reference_change_day_before) then 'matches'
            else 'differs'
        end as status,
        value - coalesce(reference_change, reference_change_day_before) as difference
    from paired
)

select * from final
