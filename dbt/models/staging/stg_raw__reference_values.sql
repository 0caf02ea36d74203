-- The reference series as the newest landed file gives it: for each kind, day and dataset key,
-- the value of the most recently landed file that has that day (a new version of the dataset
-- lands beside the old one; raw keeps both).
with reference_values as (
    select * from {{ source('raw', 'reference_values') }}
),

files as (
    select file_hash, source_file, landed_at as file_landed_at
    from {{ source('raw', 'reference_files') }}
),

newest as (
    select
        reference_values.kind,
        reference_values.date,
        reference_values.day,
        reference_values.key,
        reference_values.value,
        reference_values.qualifier,
        reference_values.file_hash,
        files.source_file,
        reference_values.landed_at,
        reference_values.run_id as landed_run_id
    from reference_values
    inner join files on reference_values.file_hash = files.file_hash
    qualify row_number() over (
        partition by reference_values.kind, reference_values.date, reference_values.key
        order by files.file_landed_at desc, reference_values.file_hash desc
    ) = 1
)

select * from newest
