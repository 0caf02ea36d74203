with source as (
    select * from {{ source('raw', 'articles') }}
),

renamed as (
    select
        article_id,
        content_hash,
        source_file,
        source_path,
        line_number,
        file_format,
        byte_size,
        raw_text,
        published_on,
        title as raw_title,
        body as raw_body,
        nullif(trim(byline), '') as byline,
        nullif(trim(outlet), '') as outlet,
        nullif(trim(url), '') as url,
        landed_at,
        run_id as landed_run_id
    from source
)

select * from renamed
