with rejects as (
    select * from {{ ref('stg_raw__rejects') }}
),

final as (
    select
        reject_id,
        source_file,
        source_path,
        line_number,
        reason_kind,
        reason,
        byte_size,
        content_hash,
        landed_at,
        landed_run_id
    from rejects
)

select * from final
