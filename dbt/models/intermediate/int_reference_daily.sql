-- The reference series per claim metric and day: the dataset's keys mapped to claim metrics by
-- seeds/reference_keys.csv ('military auto' and 'fuel tank' summed into vehicles before May 2022).
-- Daily files give cumulative totals; correction files give the announced deltas of a day.
with reference_values as (
    select * from {{ ref('stg_raw__reference_values') }}
),

reference_keys as (
    select key, metric, subject
    from {{ ref('reference_keys') }}
    where kind = 'count' and metric is not null
),

final as (
    select
        reference_values.kind,
        reference_keys.metric,
        reference_keys.subject,
        reference_values.date,
        sum(reference_values.value) as value,
        max(reference_values.qualifier) as qualifier,
        string_agg(distinct reference_values.key, ', ' order by reference_values.key) as dataset_keys,
        max(reference_values.source_file) as source_file
    from reference_values
    inner join reference_keys on reference_values.key = reference_keys.key
    group by reference_values.kind, reference_keys.metric, reference_keys.subject, reference_values.date
)

select * from final
