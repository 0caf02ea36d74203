-- Each current mention with the reason its value cannot be a claim, if any: a value that
-- is not a finite positive number, a range whose top is below its bottom, or more than
-- the most a claim of its metric can hold (max_plausible in seeds/metrics.csv). Mentions
-- with a reason are kept here and listed in the rejected_claims mart; the claims left
-- out of every mart below. Incremental, by article (macros/not_yet_built.sql).
{{ config(materialized='incremental', on_schema_change='fail') }}

with mentions as (
    select * from {{ ref('int_claim_mentions_current_version') }} as mentions
    where {{ not_yet_built('mentions.article_id') }}
),

metrics as (
    select metric, max_plausible from {{ ref('metrics') }}
),

final as (
    select
        mentions.*,
        metrics.max_plausible,
        case
            when not isfinite(mentions.value) or mentions.value <= 0
                then 'not a count: value ' || mentions.value::varchar || ' is not a finite positive number'
            when mentions.value_max is not null and not isfinite(mentions.value_max)
                then 'not a count: the range''s top ' || mentions.value_max::varchar || ' is not finite'
            when mentions.value_max is not null and mentions.value_max < mentions.value
                then 'not a range: its top ' || mentions.value_max::varchar
                    || ' is below its bottom ' || mentions.value::varchar
            when metrics.metric is null
                then 'unknown metric: ' || mentions.metric || ' is not in seeds/metrics.csv'
            when greatest(mentions.value, coalesce(mentions.value_max, 0)) > metrics.max_plausible
                then 'implausible: ' || greatest(mentions.value, coalesce(mentions.value_max, 0))::varchar
                    || ' is more than any claim of ' || mentions.metric || ' can hold ('
                    || metrics.max_plausible::varchar || ', seeds/metrics.csv)'
        end as rejected_reason
    from mentions
    left join metrics on mentions.metric = metrics.metric
)

select * from final
