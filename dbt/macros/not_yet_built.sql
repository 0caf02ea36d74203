{#
  The incremental models hold one article's rows or none: an article's mentions are written once,
  with its text, by one extractor version. So a model built incrementally adds the rows of the
  articles (or claims) it does not hold yet, found by a key; an article already built never
  changes until the models, seeds, settings or extractor version do, and then the pipeline rebuilds
  everything (`--full-refresh`, newsclaims.stages.build_stage, on a changed build fingerprint).

  `not_yet_built('mentions.article_id')` is `true` when the model is built from scratch, and
  otherwise a test that {{ this }} holds no row of that key.
#}
{% macro not_yet_built(key, column=none) %}
    {%- if is_incremental() -%}
        not exists (
            select 1 from {{ this }} as built
            where built.{{ column or key.split('.')[-1] }} = {{ key }}
        )
    {%- else -%}
        true
    {%- endif -%}
{% endmacro %}
