with source as (
    select * from {{ source('extract', 'claim_mentions') }}
),

renamed as (
    select
        mention_id,
        article_id,
        extractor_version,
        section,
        sentence,
        sentence_start,
        sentence_end,
        number_text,
        number_start,
        value,
        value_max,
        qualifier,
        metric,
        metric_note,
        subject,
        scope,
        period_days,
        as_of,
        claimant,
        claimant_org,
        claimant_party,
        claimant_kind,
        claimant_mention,
        relayed_by,
        stance,
        evidence,
        confidence
    from source
)

select * from renamed
