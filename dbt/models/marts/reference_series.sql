-- The reference series (the General Staff's daily cumulative losses) per claim metric, day by day,
-- with the change from the previous day on record and the correction announced that day. A
-- decrease is explained when a negative correction of the same metric is dated on it or the day before.
with daily as (
    select metric, subject, date, value, qualifier, dataset_keys, source_file
    from {{ ref('int_reference_daily') }}
    where kind = 'daily'
),

corrections as (
    select metric, subject, date, value as correction
    from {{ ref('int_reference_daily') }}
    where kind = 'correction' and value <> 0
),

ordered as (
    select
        daily.*,
        lag(daily.date) over series as previous_date,
        lag(daily.value) over series as previous_value
    from daily
    window series as (partition by daily.metric, daily.subject order by daily.date)
),

final as (
    select
        md5(concat_ws('|', ordered.metric, ordered.subject, ordered.date)) as reference_id,
        ordered.metric,
        ordered.subject,
        ordered.date,
        ordered.value,
        ordered.qualifier,
        ordered.previous_date,
        ordered.previous_value,
        ordered.value - ordered.previous_value as change,
        corrections.correction,
        coalesce(ordered.value < ordered.previous_value, false) as is_decrease,
        coalesce(ordered.value < ordered.previous_value, false) and exists (
            select 1 from corrections as c
            where c.metric = ordered.metric and c.subject = ordered.subject and c.correction < 0
              and c.date between ordered.date - 1 and ordered.date
        ) as is_explained,
        ordered.dataset_keys,
        ordered.source_file
    from ordered
    left join corrections
        on ordered.metric = corrections.metric
        and ordered.subject = corrections.subject
        and ordered.date = corrections.date
)

select * from final
