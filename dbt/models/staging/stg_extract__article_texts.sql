with source as (
    select * from {{ source('extract', 'article_texts') }}
),

renamed as (
    select
        article_id,
        extractor_version,
        title_clean,
        body_clean,
        boilerplate,
        mojibake_repaired,
        extraction_error,
        extracted_at,
        run_id as extracted_run_id
    from source
)

select * from renamed
