-- Drafts of incident notices written before prompts had a marker kept their prompts as italic
-- paragraphs, which nothing can tell from words a person wrote. The five prompts the draft
-- generator wrote then, where still untouched, become [Write: …] prompts (markdown.Prompts), so
-- that publishing such a draft is refused as a new one is. Published text is history: left alone.
UPDATE incident_notices SET draft = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(draft,
    '_Say in two or three plain sentences what customers went through, as they would put it: what did not work, for how long, and how it was put right._',
    '[Write: Say in two or three plain sentences what customers went through, as they would put it: what did not work, for how long, and how it was put right.]'),
    '_Say who was affected and how much: which features, what share of requests or customers. Say plainly whether any data was lost; if none was, say that too._',
    '[Write: Say who was affected and how much: which features, what share of requests or customers. Say plainly whether any data was lost; if none was, say that too.]'),
    '_Explain the cause in plain words, without jargon or blame. Own it, even if a supplier was involved._',
    '[Write: Explain the cause in plain words, without jargon or blame. Own it, even if a supplier was involved.]'),
    '_List the concrete changes that will stop this from happening again, each with when it will be done._',
    '[Write: List the concrete changes that will stop this from happening again, each with when it will be done.]'),
    '_Say sorry in your own words and mean it: name what this cost our customers, not only that it happened._',
    '[Write: Say sorry in your own words and mean it: name what this cost our customers, not only that it happened.]')
 WHERE draft LIKE '%Say in two or three plain sentences%' OR draft LIKE '%Say who was affected and how much%'
    OR draft LIKE '%Explain the cause in plain words%' OR draft LIKE '%List the concrete changes%'
    OR draft LIKE '%Say sorry in your own words%';
