with source as (
    select * from {{ source('raw', 'rejects') }}
),

renamed as (
    select
        reject_id,
        source_file,
        source_path,
        line_number,
        reason,
        split_part(reason, ':', 1) as reason_kind,
        byte_size,
        content_hash,
        landed_at,
        run_id as landed_run_id
    from source
)

select * from renamed
