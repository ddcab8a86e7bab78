-- Dateline desk, format 2: the photo desk's code replacements. Typing a code such as `=rtr=`
-- in a photo's fields expands to its text ("Reuters") when the fields are saved.

CREATE TABLE code_replacements (
    code        TEXT PRIMARY KEY,
    expansion   TEXT NOT NULL
);
