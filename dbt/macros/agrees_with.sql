{#- Whether a claimed figure agrees with a reference value: equal, or for an approximate figure
    within 2%, for "at least" at or up to 5% above, for "at most" at or up to 5% below. -#}
{% macro agrees_with(reference, value='value', qualifier='qualifier') -%}
    coalesce(
        {{ reference }} = {{ value }}
        or ({{ qualifier }} = 'approx' and abs({{ reference }} - {{ value }}) <= 0.02 * {{ reference }})
        or ({{ qualifier }} = 'at_least' and {{ reference }} >= {{ value }} and {{ reference }} <= {{ value }} * 1.05)
        or ({{ qualifier }} = 'at_most' and {{ reference }} <= {{ value }} and {{ reference }} >= {{ value }} * 0.95),
        false)
{%- endmacro %}
