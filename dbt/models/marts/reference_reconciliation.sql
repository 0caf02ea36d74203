-- Each cumulative claim of a metric the reference covers, beside the reference's value on its
-- as_of and on the day before (the General Staff publishes a day's figure the next morning).
-- status: 'matches' when the claim agrees with either value (macro agrees_with: equal, or for
-- an approximate figure or a bound, the reference within it); 'differs' otherwise, with the difference to the nearer
-- value; 'no_reference' when the reference has neither day. Every claimant is here: the
-- Ukrainian officials' claims (is_official) are the reference's own figures; other claimants'
-- (Russia's, Western estimates) sit beside the official figure of the day, with the ratio.
with claims as (
    select *
    from {{ ref('claims') }}
    where scope = 'cumulative' and stance = 'assert'
),

reference as (
    select metric, subject, date, value
    from {{ ref('int_reference_daily') }}
    where kind = 'daily'
),

paired as (
    select
        claims.claim_id,
        claims.article_id,
        claims.source_file,
        claims.outlet,
        claims.published_on,
        claims.claimant_id,
        claims.claimant,
        claims.claimant_party,
        claims.claimant_party = 'ukraine' as is_official,
        claims.metric,
        claims.subject,
        claims.place,
        claims.as_of,
        claims.value,
        claims.qualifier,
        claims.confidence,
        claims.sentence,
        on_day.value as reference_value,
        day_before.value as reference_value_day_before
    from claims
    left join reference as on_day
        on claims.metric = on_day.metric and claims.subject = on_day.subject and claims.as_of = on_day.date
    left join reference as day_before
        on claims.metric = day_before.metric and claims.subject = day_before.subject
        and claims.as_of - 1 = day_before.date
    where claims.metric in (select distinct metric from reference)
      and claims.place is null  -- a count local to a place is not the country's total
),

judged as (
    select
        *,
        case
            when reference_value is null then reference_value_day_before
            when reference_value_day_before is null then reference_value
            when abs(value - reference_value_day_before) < abs(value - reference_value)
                then reference_value_day_before
            else reference_value
        end as nearest_reference,
        {{ agrees_with('reference_value') }} or {{ agrees_with('reference_value_day_before') }} as agrees
    from paired
),

final as (
    select
        claim_id,
        article_id,
        source_file,
        outlet,
        published_on,
        claimant_id,
        claimant,
        claimant_party,
        is_official,
        metric,
        subject,
        as_of,
        value,
        qualifier,
        confidence,
        sentence,
        reference_value,
        reference_value_day_before,
        case
            when nearest_reference is null then 'no_reference'
            when agrees then 'matches'
            else 'differs'
        end as status,
        value - nearest_reference as difference,
        round(value / nullif(nearest_reference, 0), 4) as ratio_to_reference
    from judged
)

select * from final
