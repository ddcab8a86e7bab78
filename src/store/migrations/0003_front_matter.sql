-- Dateline desk, format 3: the front matter of an imported Markdown file that Dateline does
-- not use (Jekyll's `layout`, Zola's `[extra]`…), kept verbatim with its fences so that an
-- export writes it back. NULL for articles written in Dateline.

ALTER TABLE articles ADD COLUMN front_matter_extra TEXT;
