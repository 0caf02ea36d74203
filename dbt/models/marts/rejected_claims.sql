-- The extracted mentions whose value cannot be a claim, with the reason (see
-- int_claim_mentions_checked); they are in no other mart.
with checked as (
    select * from {{ ref('int_claim_mentions_checked') }}
    where rejected_reason is not null
),

articles as (
    select article_id, source_file, published_on, outlet
    from {{ ref('stg_raw__articles') }}
),

final as (
    select
        checked.mention_id,
        checked.article_id,
        articles.source_file,
        articles.published_on,
        articles.outlet,
        checked.sentence,
        checked.number_text,
        checked.value,
        checked.value_max,
        checked.metric,
        checked.claimant,
        checked.max_plausible,
        split_part(checked.rejected_reason, ':', 1) as reason_kind,
        checked.rejected_reason as reason,
        checked.extractor_version
    from checked
    inner join articles on checked.article_id = articles.article_id
)

select * from final
