-- Attach each claim to its canonical claimant: the claimant name the extractor resolved
-- through seeds/claimant_aliases.csv, keyed by a stable hash of the lower-cased name.
-- Incremental, by article (macros/not_yet_built.sql).
{{ config(materialized='incremental', on_schema_change='fail') }}

with claims as (
    select * from {{ ref('int_claims_deduplicated') }} as claims
    where {{ not_yet_built('claims.article_id') }}
),

aliases as (
    select distinct claimant, kind
    from {{ ref('claimant_aliases') }}
),

final as (
    select
        claims.*,
        md5(lower(claims.claimant)) as claimant_id,
        coalesce(aliases.kind, claims.claimant_kind) as claimant_kind_resolved
    from claims
    left join aliases on claims.claimant = aliases.claimant
)

select * from final
