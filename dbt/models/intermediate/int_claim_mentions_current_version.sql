-- Each article's mentions from the extractor version that processed it last:
-- a new extractor version replaces the old one's claims without deleting them.
-- Incremental: a run adds the mentions of the articles not built yet (see macros/not_yet_built.sql).
{{ config(materialized='incremental', on_schema_change='fail') }}

with mentions as (
    select * from {{ ref('stg_extract__claim_mentions') }} as mentions
    where {{ not_yet_built('mentions.article_id') }}
),

current_version as (
    select article_id, extractor_version
    from {{ ref('stg_extract__article_texts') }}
    where article_id in (select article_id from mentions)
    qualify row_number() over (
        partition by article_id order by extracted_at desc, extractor_version desc
    ) = 1
),

final as (
    select mentions.*
    from mentions
    inner join current_version
        on mentions.article_id = current_version.article_id
        and mentions.extractor_version = current_version.extractor_version
)

select * from final
