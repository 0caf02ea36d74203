-- Running totals: one series per original claimant, metric, subject and place (a count local to
-- a city, region or country is its own series; no place means the country). Only cumulative
-- claims asserted by a named source (not an outlet's own voice, which mixes every source it
-- relays) with a confidence of at least var('series_min_confidence') enter (claims of the rules
-- alone, without a confidence, enter too). Claims with the same as_of are ordered by value, then
-- by publication: a day has no order within it, so only a drop across days is a decrease.
-- Each decrease is judged (decrease_kind):
--   correction       a correction covers it: one announced in seeds/announced_corrections.csv for
--                    the claimant, metric and subject, or, for a Ukrainian official, a negative
--                    correction of the reference series, dated between the two claims (a day's
--                    slack either side: the General Staff publishes the next morning);
--   consistent       both statements can be true of a total that never fell (the later figure a
--                    lower bound, the earlier an upper bound, within 10% of an approximate one);
--   different_total  more likely two totals than one revised (both in one article, or it fell by
--                    more than half);
--   unexplained      none of these: the claim_series suite fails on it (is_checked).
with claims as (
    select *
    from {{ ref('claims') }}
    where scope = 'cumulative'
      and stance = 'assert'
      and claimant_party not in ('media', 'unattributed')  -- an outlet's own voice mixes every source it relays
      and coalesce(confidence, 1.0) >= {{ var('series_min_confidence', 0.8) }}
),

ordered as (
    select
        claim_id,
        article_id,
        source_file,
        outlet,
        claimant_id,
        claimant,
        claimant_party,
        metric,
        subject,
        place,
        as_of,
        published_on,
        value,
        qualifier,
        confidence,
        row_number() over series as series_position,
        lag(value) over series as previous_value,
        lag(claim_id) over series as previous_claim_id,
        lag(article_id) over series as previous_article_id,
        lag(source_file) over series as previous_source_file,
        lag(as_of) over series as previous_as_of,
        lag(qualifier) over series as previous_qualifier,
        lag(confidence) over series as previous_confidence
    from claims
    window series as (
        partition by claimant_id, metric, subject, coalesce(place, '')
        order by as_of, value, published_on, claim_id
    )
),

steps as (
    select
        md5(concat_ws('|', claimant_id, metric, subject, coalesce(place, ''))) as series_id,
        *,
        value - previous_value as change,
        coalesce(value < previous_value, false) as is_decrease
    from ordered
),

announced as (
    select claimant, metric, subject, correction_date, reason, announced_in
    from {{ ref('announced_corrections') }}
),

reference_corrections as (
    select metric, subject, date, value as delta
    from {{ ref('int_reference_daily') }}
    where kind = 'correction' and value < 0
),

explanations as (
    select steps.claim_id, 'correction announced by ' || announced.claimant || ' on '
        || strftime(announced.correction_date, '%Y-%m-%d') || ': ' || announced.reason
        || ' (' || announced.announced_in || ')' as explanation
    from steps
    inner join announced
        on lower(steps.claimant) = lower(announced.claimant)
        and steps.metric = announced.metric
        and steps.subject = announced.subject
        and announced.correction_date between steps.previous_as_of - 1 and steps.as_of + 1
    where steps.is_decrease
    union all
    select steps.claim_id, 'the reference series was corrected by ' || cast(reference_corrections.delta as bigint)
        || ' on ' || strftime(reference_corrections.date, '%Y-%m-%d') as explanation
    from steps
    inner join reference_corrections
        on steps.metric = reference_corrections.metric
        and steps.subject = reference_corrections.subject
        and reference_corrections.date between steps.previous_as_of - 1 and steps.as_of + 1
    where steps.is_decrease and steps.claimant_party = 'ukraine'
),

explained as (
    select claim_id, string_agg(explanation, '; ' order by explanation) as explanation
    from explanations
    group by claim_id
),

judged as (
    select
        steps.*,
        explained.explanation,
        case
            when not steps.is_decrease then null
            when explained.explanation is not null then 'correction'
            -- both statements can be true of one total that never fell
            when steps.qualifier = 'at_least' or steps.previous_qualifier = 'at_most'
                or ((steps.qualifier = 'approx' or steps.previous_qualifier = 'approx')
                    and steps.value >= 0.9 * steps.previous_value)
                then 'consistent'
            -- more likely two different totals than one revised
            when steps.article_id = steps.previous_article_id or steps.value < 0.5 * steps.previous_value
                then 'different_total'
            else 'unexplained'
        end as decrease_kind
    from steps
    left join explained on steps.claim_id = explained.claim_id
),

final as (
    select
        * exclude (explanation),
        coalesce(decrease_kind = 'correction', false) as is_explained,
        coalesce(decrease_kind = 'unexplained', true) as is_checked,
        case decrease_kind
            when 'correction' then explanation
            when 'consistent' then case
                when qualifier = 'at_least' then 'the later figure is a lower bound ("at least")'
                when previous_qualifier = 'at_most' then 'the earlier figure is an upper bound ("up to")'
                else 'within 10% of an approximate figure' end
            when 'different_total' then case
                when article_id = previous_article_id then 'both figures are in one article: two totals, not a revision'
                else 'fell by more than half: more likely another total than a revision' end
            when 'unexplained' then concat_ws('; ', 'no correction on record',
                case when least(coalesce(confidence, 1), coalesce(previous_confidence, 1)) < 0.9
                     then 'a claim of confidence under 0.9' end,
                case when as_of - previous_as_of > 90 then 'more than 90 days apart' end)
        end as decrease_note
    from judged
)

select * from final
