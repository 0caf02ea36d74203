-- A view, not a table: the texts stay in raw.articles and extract.article_texts, and a run does not
-- copy every article's body again (on a large warehouse that copy was the build's time and memory)
{{ config(materialized='view') }}

with articles as (
    select * from {{ ref('stg_raw__articles') }}
),

-- the latest extraction of each article, chosen on the key alone: a window over the texts
-- themselves would sort every body, more than DuckDB's memory limit holds on a large warehouse
latest_text as (
    select article_id, extractor_version
    from {{ ref('stg_extract__article_texts') }}
    qualify row_number() over (
        partition by article_id order by extracted_at desc, extractor_version desc
    ) = 1
),

texts as (
    select texts.*
    from {{ ref('stg_extract__article_texts') }} as texts
    inner join latest_text using (article_id, extractor_version)
),

claim_counts as (
    select article_id, count(*) as n_claims
    from {{ ref('int_claims_deduplicated') }}
    group by article_id
),

final as (
    select
        articles.article_id,
        articles.source_file,
        articles.line_number,
        articles.file_format,
        articles.published_on,
        articles.outlet,
        articles.url,
        articles.byline,
        coalesce(texts.title_clean, articles.raw_title) as title,
        texts.body_clean as body,
        texts.boilerplate,
        texts.mojibake_repaired,
        texts.extraction_error,
        texts.extractor_version,
        coalesce(claim_counts.n_claims, 0) as n_claims,
        articles.byte_size,
        articles.content_hash,
        articles.landed_at,
        articles.landed_run_id
    from articles
    left join texts on articles.article_id = texts.article_id
    left join claim_counts on articles.article_id = claim_counts.article_id
)

select * from final
