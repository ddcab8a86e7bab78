//! Smart punctuation by language, as pure decisions over the text of one block.
//!
//! The render walks comrak's tree and hands this room the inline content of one paragraph,
//! heading or table cell as a list of [`Piece`]s: the text a person typed, plus stand-ins for
//! what must never be touched (code spans, inline HTML, autolinked URLs, line breaks). This
//! room decides the curly quotes, apostrophes, dashes, ellipses and no-break spaces, and
//! returns the new text of each text piece. It knows nothing of comrak or HTML, so its rules
//! are tested on plain strings.
//!
//! Rules, by language (other languages use the English rules):
//!
//! - **Both:** `...` → `…`; `---` → `—`; apostrophes `’` inside and at the end of words and
//!   in elisions (`’90s`); single quotes `‘…’` as typed.
//! - **English:** `"…"` → `“…”` at every level (a writer who wants inner quotes types `'`);
//!   `--` → `–`.
//! - **Spanish** (`es`, `es-*`), after the RAE's *Ortografía* (2010) and Fundéu:
//!   double quotes become «angulares» at the first level, “inglesas” inside them and ‘simples’
//!   inside those; no space is kept just inside « » typed by hand (a French habit); `--` →
//!   `—` (raya), except between digits where it is the range dash `–`; a paragraph that opens
//!   with `-`, `--` or `—` is dialogue: the opening dash becomes a raya joined to the speech
//!   (no space after it), and inside that paragraph the narrator's `-dijo` / `él-.` dashes
//!   become rayas too (hyphens between letters, as in *franco-alemán*, are left alone);
//!   a space typed between a number and its unit or `%` (`25 %`, `100 km`, `3 °C`) becomes a
//!   no-break space U+00A0 so they never fall on two lines. No space is inserted where none
//!   was typed: RAE asks for `25 %`, many Spanish newsrooms write `25%`, and that is the
//!   house's choice, not the renderer's.

/// The typographic conventions of an article, chosen from its BCP 47 language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Spanish,
}

impl Lang {
    /// `es`, `es-MX`, `es_419` → Spanish; everything else uses the English rules.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("es") {
            Lang::Spanish
        } else {
            Lang::English
        }
    }
}

/// A stretch of one block's inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text the writer typed: the typographer may rewrite it.
    Text(String),
    /// Something shown but never rewritten and that reads like a word to its neighbours: a
    /// code span, inline HTML, an autolinked URL, a footnote mark.
    Atom,
    /// A line break: reads like a space to its neighbours.
    Break,
}

/// Stands in for an atom in the flattened text: a letter, so `"`code`"` closes its quote.
const ATOM: char = 'x';

/// Units and signs that Spanish keeps on the same line as the number before them.
const ES_UNITS: &[&str] = &[
    "%", "‰", "°C", "ºC", "°F", "°", "€", "$", "£", "¥", "km/h", "km²", "km2", "m²", "m2", "km",
    "cm", "mm", "m", "kg", "mg", "g", "t", "l", "ml", "h", "min", "s", "ha", "kW", "MW", "GW",
    "kWh", "MWh", "GWh", "GB", "MB", "TB",
];

/// Elisions that begin with an apostrophe in English ('tis, 'em, 'cause, rock 'n' roll).
const EN_ELISIONS: &[&str] = &["tis", "twas", "em", "cause", "n", "til", "round"];

/// Whether [`typeset`] could change any piece: false when no text holds a character any rule
/// starts at, so the caller can keep the block's text as it is without typesetting it.
pub fn needs_typesetting(pieces: &[Piece], lang: Lang) -> bool {
    let mut after_digit = false;
    for p in pieces {
        let Piece::Text(t) = p else {
            after_digit = false;
            continue;
        };
        let b = t.as_bytes();
        // The Spanish no-break space: a space after a digit, perhaps across pieces.
        if lang == Lang::Spanish && after_digit && b.first() == Some(&b' ') {
            return true;
        }
        let mut dots = 0;
        for (j, &c) in b.iter().enumerate() {
            match c {
                b'"' | b'\'' | b'-' => return true,
                b'.' => {
                    dots += 1;
                    if dots == 3 {
                        return true;
                    }
                    continue;
                }
                // — “ ” (E2 80 94/9C/9D) and « » (C2 AB/BB).
                0xE2 if b.get(j + 1) == Some(&0x80)
                    && matches!(b.get(j + 2), Some(0x94 | 0x9C | 0x9D)) =>
                {
                    return true
                }
                0xC2 if matches!(b.get(j + 1), Some(0xAB | 0xBB)) => return true,
                b' ' if lang == Lang::Spanish && j > 0 && b[j - 1].is_ascii_digit() => return true,
                _ => {}
            }
            dots = 0;
        }
        after_digit = b.last().is_some_and(u8::is_ascii_digit);
    }
    false
}

/// Marks a character of `chars` that no text piece owns (an atom or a break).
const NOBODY: u32 = u32::MAX;

/// Returns the new text of every [`Piece::Text`] of the block, in order.
pub fn typeset(pieces: &[Piece], lang: Lang) -> Vec<String> {
    // The block's characters, which text piece owns each and where it starts in that piece:
    // the rules look ahead across pieces, and stretches no rule touches are copied from the
    // piece's text whole rather than a character at a time.
    let capacity: usize = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.len(),
            _ => 1,
        })
        .sum();
    let mut chars: Vec<char> = Vec::with_capacity(capacity);
    let mut owner: Vec<u32> = Vec::with_capacity(capacity);
    let mut offset: Vec<u32> = Vec::with_capacity(capacity);
    let mut texts: Vec<&str> = Vec::new();
    for p in pieces {
        match p {
            Piece::Text(t) => {
                let k = texts.len() as u32;
                for (at, c) in t.char_indices() {
                    chars.push(c);
                    owner.push(k);
                    offset.push(at as u32);
                }
                texts.push(t);
            }
            Piece::Atom => {
                chars.push(ATOM);
                owner.push(NOBODY);
                offset.push(0);
            }
            Piece::Break => {
                chars.push(' ');
                owner.push(NOBODY);
                offset.push(0);
            }
        }
    }
    let mut out: Vec<String> = texts
        .iter()
        .map(|t| String::with_capacity(t.len()))
        .collect();

    // The quotes still open, innermost last: the typed character, or « and “ typed as such.
    let mut open: Vec<char> = Vec::new();
    // The last character shown, after rewriting; None at the start of the block.
    let mut prev: Option<char> = None;
    let mut dialogue = false;
    let same = |i: usize, j: usize| j < owner.len() && owner[j] != NOBODY && owner[j] == owner[i];
    let at = |j: usize| chars.get(j).copied();
    // Whether the character at `j`, shown after `prev`, is certain to be shown as typed with
    // nothing else changed: no rule below starts at it. Saying no is always safe.
    let plain = |j: usize, prev: Option<char>| match chars[j] {
        '.' => !(at(j + 1) == Some('.') && at(j + 2) == Some('.')),
        '-' | '—' | '"' | '\'' | '«' | '“' | '»' | '”' => false,
        ' ' => !(lang == Lang::Spanish && prev.is_some_and(|p| p.is_ascii_digit())),
        _ => true,
    };

    let mut i = 0;
    while i < chars.len() {
        if owner[i] == NOBODY {
            prev = Some(chars[i]);
            i += 1;
            continue;
        }
        let k = owner[i] as usize;
        if plain(i, prev) {
            let mut j = i + 1;
            while j < chars.len() && owner[j] == owner[i] && plain(j, Some(chars[j - 1])) {
                j += 1;
            }
            let from = offset[i] as usize;
            let to = if j < chars.len() && owner[j] == owner[i] {
                offset[j] as usize
            } else {
                texts[k].len()
            };
            out[k].push_str(&texts[k][from..to]);
            prev = Some(chars[j - 1]);
            i = j;
            continue;
        }
        let c = chars[i];
        let next = at(i + 1);
        let mut skip = 0;
        let emit = |s: char, out: &mut Vec<String>, prev: &mut Option<char>| {
            out[k].push(s);
            *prev = Some(s);
        };
        match c {
            '.' if same(i, i + 1)
                && same(i, i + 2)
                && next == Some('.')
                && at(i + 2) == Some('.') =>
            {
                emit('…', &mut out, &mut prev);
                skip = 2;
            }
            '-' | '—' => {
                let triple =
                    c == '-' && same(i, i + 2) && next == Some('-') && at(i + 2) == Some('-');
                let double = !triple && c == '-' && same(i, i + 1) && next == Some('-');
                let block_start = prev.is_none();
                let dash = if triple {
                    skip = 2;
                    Some('—')
                } else if double {
                    skip = 1;
                    let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && at(i + 2).is_some_and(|n| n.is_ascii_digit());
                    Some(match lang {
                        Lang::Spanish if !between_digits => '—',
                        _ => '–',
                    })
                } else if c == '—'
                    || (lang == Lang::Spanish
                        && (block_start || dialogue)
                        && is_dialogue_hyphen(prev, next, block_start))
                {
                    Some('—')
                } else {
                    None
                };
                match dash {
                    Some(d) => {
                        emit(d, &mut out, &mut prev);
                        if lang == Lang::Spanish && block_start && d == '—' {
                            dialogue = true;
                            // The raya of dialogue is joined to the speech it opens.
                            if same(i, i + skip + 1) && at(i + skip + 1) == Some(' ') {
                                skip += 1;
                            }
                        }
                    }
                    None => emit(c, &mut out, &mut prev),
                }
            }
            '"' => {
                let opening =
                    prev.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace());
                let closing = prev.is_some_and(|p| !p.is_whitespace()) && !opening;
                if opening {
                    let depth = depth(&open, lang);
                    open.push('"');
                    emit(open_glyph(lang, depth), &mut out, &mut prev);
                } else if closing {
                    match open.iter().rposition(|&q| q == '"') {
                        Some(pos) => {
                            open.truncate(pos);
                            let depth = depth(&open, lang);
                            emit(close_glyph(lang, depth), &mut out, &mut prev);
                        }
                        // An unmatched quote after a number is an inch or a second mark.
                        None if prev.is_some_and(|p| p.is_ascii_digit()) => {
                            emit('"', &mut out, &mut prev)
                        }
                        None => emit(close_glyph(lang, 0), &mut out, &mut prev),
                    }
                } else {
                    emit('"', &mut out, &mut prev);
                }
            }
            '\'' => {
                let after_word = prev.is_some_and(|p| !p.is_whitespace() && !opens_after(p));
                if after_word {
                    if let Some(pos) = open.iter().rposition(|&q| q == '\'') {
                        if !next.is_some_and(char::is_alphanumeric) {
                            open.truncate(pos);
                        }
                    }
                    emit('’', &mut out, &mut prev);
                } else if elision(&chars, i + 1, lang) {
                    emit('’', &mut out, &mut prev);
                } else if next.is_some_and(|n| !n.is_whitespace()) {
                    open.push('\'');
                    emit('‘', &mut out, &mut prev);
                } else {
                    emit('\'', &mut out, &mut prev);
                }
            }
            '«' | '“' => {
                open.push(c);
                emit(c, &mut out, &mut prev);
                if lang == Lang::Spanish && c == '«' && same(i, i + 1) && next == Some(' ') {
                    skip = 1;
                }
            }
            '»' | '”' => {
                let mate = if c == '»' { '«' } else { '“' };
                if let Some(pos) = open.iter().rposition(|&q| q == mate) {
                    open.truncate(pos);
                }
                if lang == Lang::Spanish && c == '»' && out[k].ends_with(' ') {
                    out[k].pop();
                }
                emit(c, &mut out, &mut prev);
            }
            ' ' if lang == Lang::Spanish
                && prev.is_some_and(|p| p.is_ascii_digit())
                && unit_follows(&chars, &owner, i + 1) =>
            {
                emit('\u{a0}', &mut out, &mut prev);
            }
            _ => emit(c, &mut out, &mut prev),
        }
        i += 1 + skip;
    }
    out
}

/// After these, a quote opens: the start of a word or of a bracketed or quoted phrase.
fn opens_after(p: char) -> bool {
    p.is_whitespace()
        || matches!(
            p,
            '(' | '[' | '{' | '«' | '“' | '‘' | '—' | '–' | '/' | '¿' | '¡'
        )
}

/// How many double quotes are open, which picks the glyph of the next one in Spanish.
fn depth(open: &[char], lang: Lang) -> usize {
    match lang {
        Lang::Spanish => open
            .iter()
            .filter(|&&q| matches!(q, '"' | '«' | '“'))
            .count(),
        Lang::English => 0,
    }
}

fn open_glyph(lang: Lang, depth: usize) -> char {
    match (lang, depth) {
        (Lang::English, _) => '“',
        (Lang::Spanish, 0) => '«',
        (Lang::Spanish, 1) => '“',
        (Lang::Spanish, _) => '‘',
    }
}

fn close_glyph(lang: Lang, depth: usize) -> char {
    match (lang, depth) {
        (Lang::English, _) => '”',
        (Lang::Spanish, 0) => '»',
        (Lang::Spanish, 1) => '”',
        (Lang::Spanish, _) => '’',
    }
}

/// A hyphen of Spanish dialogue: the opening one (`-¿Qué?`), one introducing the narrator
/// (` -dijo`) or one closing the narrator's words (`él-.`); never one between two letters.
fn is_dialogue_hyphen(prev: Option<char>, next: Option<char>, block_start: bool) -> bool {
    let next_word = next.is_some_and(|n| n.is_alphabetic() || matches!(n, '¿' | '¡' | ' '));
    if block_start {
        return next_word;
    }
    let prev_space = prev.is_some_and(char::is_whitespace);
    let prev_word =
        prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '?' | '!' | '»' | '”'));
    let next_punct = next.is_none_or(|n| matches!(n, '.' | ',' | ';' | ':' | ' '));
    (prev_space && next.is_some_and(char::is_alphabetic)) || (prev_word && next_punct)
}

/// Whether an apostrophe at a word's start is an elision: ’90s, ’20, and in English ’tis,
/// ’em, rock ’n’ roll.
fn elision(chars: &[char], from: usize, lang: Lang) -> bool {
    let word: String = chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    if digits == 2 && (word.len() == 2 || word[2..].eq_ignore_ascii_case("s")) {
        return true;
    }
    lang == Lang::English && EN_ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
}

/// Whether a unit or sign from [`ES_UNITS`] starts at `from`, followed by the end of a word.
fn unit_follows(chars: &[char], owner: &[u32], from: usize) -> bool {
    let Some(k) = owner.get(from).copied().filter(|&k| k != NOBODY) else {
        return false;
    };
    ES_UNITS.iter().any(|unit| {
        let n = unit.chars().count();
        let end = from + n;
        end <= chars.len()
            && owner[from..end].iter().all(|&o| o == k)
            && chars[from..end].iter().copied().eq(unit.chars())
            && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lang: &str, input: &str, expected: &str) {
        let out = typeset(&[Piece::Text(input.to_string())], Lang::from_tag(lang));
        assert_eq!(out.concat(), expected, "{lang}: {input}");
    }

    #[test]
    fn english() {
        let cases = [
            ("He said \"yes\".", "He said “yes”."),
            ("\"Quote\" at the start", "“Quote” at the start"),
            ("don't, won't, it's", "don’t, won’t, it’s"),
            ("in the '90s", "in the ’90s"),
            ("'Tis the season", "’Tis the season"),
            ("rock 'n' roll", "rock ’n’ roll"),
            ("the students' desks", "the students’ desks"),
            ("'single' quotes", "‘single’ quotes"),
            ("\"She said 'no' twice\"", "“She said ‘no’ twice”"),
            ("(\"in brackets\")", "(“in brackets”)"),
            ("pages 10--12", "pages 10–12"),
            ("wait --- what", "wait — what"),
            ("and so...", "and so…"),
            ("a 12\" record", "a 12\" record"),
            ("a - b", "a - b"),
            ("well-known", "well-known"),
            ("already “curly”", "already “curly”"),
            ("25 %", "25 %"),
        ];
        for (input, expected) in cases {
            check("en", input, expected);
        }
    }

    #[test]
    fn other_languages_use_the_english_rules() {
        check("de", "\"Ja\"", "“Ja”");
        check("pt-BR", "isn't", "isn’t");
    }

    #[test]
    fn spanish() {
        let cases = [
            ("Dijo \"sí\".", "Dijo «sí»."),
            ("\"Hola\", dijo.", "«Hola», dijo."),
            ("\"Me dijo \"no\" dos veces\"", "«Me dijo “no” dos veces»"),
            (
                "\"Él dijo \"ella gritó \"fuego\" y huyó\" ayer\"",
                "«Él dijo “ella gritó ‘fuego’ y huyó” ayer»",
            ),
            ("«Dijo \"basta\" y se fue»", "«Dijo “basta” y se fue»"),
            ("« espacios »", "«espacios»"),
            ("-¿Vienes? -preguntó Ana.", "—¿Vienes? —preguntó Ana."),
            (
                "--Sí --respondió él--. Ya voy.",
                "—Sí —respondió él—. Ya voy.",
            ),
            ("— Hola", "—Hola"),
            ("-Vamos -dijo-, es tarde.", "—Vamos —dijo—, es tarde."),
            ("un acuerdo franco-alemán", "un acuerdo franco-alemán"),
            ("-El acuerdo franco-alemán", "—El acuerdo franco-alemán"),
            ("Ella -la ministra- habló", "Ella -la ministra- habló"),
            ("Ella --la ministra-- habló", "Ella —la ministra— habló"),
            ("de 1990--2000", "de 1990–2000"),
            ("-5 grados", "-5 grados"),
            ("subió un 25 %", "subió un 25\u{a0}%"),
            ("subió un 25%", "subió un 25%"),
            ("a 100 km de la costa", "a 100\u{a0}km de la costa"),
            ("hace 3 °C", "hace 3\u{a0}°C"),
            ("cuesta 20 €", "cuesta 20\u{a0}€"),
            ("los 3 mosqueteros", "los 3 mosqueteros"),
            ("unos 5 mil", "unos 5 mil"),
            ("y entonces...", "y entonces…"),
            ("l'Eixample", "l’Eixample"),
            ("la década de los '90", "la década de los ’90"),
            ("'significado'", "‘significado’"),
        ];
        for (input, expected) in cases {
            check("es", input, expected);
        }
        check("es-MX", "\"Ya\"", "«Ya»");
    }

    #[test]
    fn quotes_pair_across_pieces() {
        // `"*palabra*"`: the quotes are in the pieces around the emphasis.
        let pieces = [
            Piece::Text("Dijo \"".into()),
            Piece::Text("palabra".into()),
            Piece::Text("\" y \"".into()),
            Piece::Atom,
            Piece::Text("\".".into()),
        ];
        assert_eq!(
            typeset(&pieces, Lang::Spanish),
            vec!["Dijo «", "palabra", "» y «", "»."]
        );
        assert_eq!(
            typeset(&pieces, Lang::English),
            vec!["Dijo “", "palabra", "” y “", "”."]
        );
    }

    #[test]
    fn a_break_reads_as_a_space() {
        let pieces = [
            Piece::Text("end".into()),
            Piece::Break,
            Piece::Text("\"new\"".into()),
        ];
        assert_eq!(typeset(&pieces, Lang::English), vec!["end", "“new”"]);
    }

    /// What `needs_typesetting` lets a block skip, `typeset` would have left as it was.
    #[test]
    fn a_block_said_to_need_nothing_is_left_as_typed() {
        let texts = [
            "plain words. Two dots.. and a digit 25 then",
            "25",
            " %",
            "x 25 km",
            "ok 9",
            "a - b",
            "well-known",
            "\"q\"",
            "it's",
            "so...",
            "«a»",
            "“a”",
            "—a",
            "Ella –b",
            "25 %",
            "no . . . dots",
            "ñandú 1.5 kg",
            "0",
            " ",
            "",
        ];
        let mut skipped = 0;
        for lang in [Lang::English, Lang::Spanish] {
            for a in texts {
                for b in texts {
                    for middle in [None, Some(Piece::Atom), Some(Piece::Break)] {
                        let mut pieces = vec![Piece::Text(a.to_string())];
                        pieces.extend(middle);
                        pieces.push(Piece::Text(b.to_string()));
                        if !needs_typesetting(&pieces, lang) {
                            skipped += 1;
                            assert_eq!(typeset(&pieces, lang), vec![a, b], "{lang:?}: {a:?} {b:?}");
                        }
                    }
                }
            }
        }
        assert!(skipped > 0);
    }

    #[test]
    fn dashes_do_not_join_across_pieces() {
        let pieces = [
            Piece::Text("a -".into()),
            Piece::Atom,
            Piece::Text("- b".into()),
        ];
        assert_eq!(typeset(&pieces, Lang::English), vec!["a -", "- b"]);
    }
}
