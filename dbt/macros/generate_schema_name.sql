{#- Custom schemas are used as named (staging, intermediate, vocab); marts stay in main,
    where analysts and score.py look for them. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
