-- One row per distinct claim per article: the same claimant, metric, value, subject,
-- scope, date and stance said twice (title and body, say) is one claim; the first
-- mention (title before body, then by offset) is kept. Mentions whose value cannot be a
-- claim (int_claim_mentions_checked) are left out. Incremental, by article (a claim is one
-- article's: its key holds the article's id; macros/not_yet_built.sql).
{{ config(materialized='incremental', on_schema_change='fail') }}

with mentions as (
    select * exclude (max_plausible, rejected_reason)
    from {{ ref('int_claim_mentions_checked') }} as checked
    where rejected_reason is null and {{ not_yet_built('checked.article_id') }}
),

keyed as (
    select
        *,
        md5(concat_ws('|',
            article_id, lower(claimant), metric, value::varchar, coalesce(value_max::varchar, ''),
            subject, scope, as_of::varchar, stance
        )) as claim_id
    from mentions
),

final as (
    select *
    from keyed
    qualify row_number() over (
        partition by claim_id
        order by case section when 'title' then 0 else 1 end, number_start
    ) = 1
)

select * from final
