-- Each article's mentions from the extractor version that processed it last:
-- a new extractor version replaces the old one's claims without deleting them.
with texts as (
    select * from {{ ref('stg_extract__article_texts') }}
),

current_version as (
    select article_id, extractor_version
    from texts
    qualify row_number() over (
        partition by article_id order by extracted_at desc, extractor_version desc
    ) = 1
),

mentions as (
    select * from {{ ref('stg_extract__claim_mentions') }}
),

final as (
    select mentions.*
    from mentions
    inner join current_version
        on mentions.article_id = current_version.article_id
        and mentions.extractor_version = current_version.extractor_version
)

select * from final
