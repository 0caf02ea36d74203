-- One row per claim as its original source made it, across every article that carries it: the
-- same claimant (the source, not the outlet relaying it), metric, subject and value, with as_of
-- dates no more than a day apart (a chain of such dates is one event). claims keeps one row per
-- article; this mart says who reported it first and who repeated it.
with claims as (
    select *
    from {{ ref('claims') }}
    where stance = 'assert'
),

gaps as (
    select
        *,
        date_diff('day', lag(as_of) over same_claim, as_of) as days_since_previous
    from claims
    window same_claim as (
        partition by claimant_id, metric, subject, value
        order by as_of, published_on, claim_id
    )
),

numbered as (
    select
        *,
        sum(case when days_since_previous is null or days_since_previous > 1 then 1 else 0 end) over (
            partition by claimant_id, metric, subject, value
            order by as_of, published_on, claim_id
            rows between unbounded preceding and current row
        ) as event_number
    from gaps
),

-- the scope most of an event's reports give (a tie goes to the first in sort order, so the answer
-- does not depend on the order the claims were built in)
scopes as (
    select claimant_id, metric, subject, value, event_number, scope
    from numbered
    group by claimant_id, metric, subject, value, event_number, scope
    qualify row_number() over (
        partition by claimant_id, metric, subject, value, event_number order by count(*) desc, scope
    ) = 1
),

final as (
    select
        md5(concat_ws('|', claimant_id, metric, subject, value, event_number)) as event_id,
        claimant_id,
        arg_min(claimant, published_on::varchar || claim_id) as claimant,
        arg_min(claimant_party, published_on::varchar || claim_id) as claimant_party,
        metric,
        subject,
        value,
        any_value(scopes.scope) as scope,
        min(as_of) as as_of,
        max(as_of) as last_as_of,
        count(distinct article_id) as n_reports,
        list(distinct outlet order by outlet) filter (where outlet is not null) as outlets,
        min(published_on) as first_reported_on,
        arg_min(article_id, published_on::varchar || claim_id) as first_article_id,
        list(claim_id order by published_on, claim_id) as claim_ids
    from numbered
    inner join scopes using (claimant_id, metric, subject, value, event_number)
    group by claimant_id, metric, subject, value, event_number
)

select * from final
