//! How deeply a Markdown text nests, measured on the text itself (no parse): quotes and list
//! items opened on one line (`> > - 1.`), link brackets open at once within a paragraph, and
//! runs of emphasis delimiters. Import uses it to refuse a file no article would be — 100,000
//! `>` is an attack or a damaged file, not a story — before storing anything. The render
//! itself never refuses: the editor cannot refuse a keystroke.

/// The deepest nesting an imported file may have: far beyond any article (quotes inside a
/// list inside a quote rarely go past five).
pub const MAX_NESTING: usize = 100;

/// The deepest nesting in `md`, and the 1-based line of `md` where it is first reached.
pub fn nesting(md: &str) -> (usize, usize) {
    let mut best = (0, 1);
    let mut note = |depth: usize, line: usize| {
        if depth > best.0 {
            best = (depth, line);
        }
    };
    let mut brackets = 0usize;
    for (i, line) in md.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            // Links never span paragraphs.
            brackets = 0;
            continue;
        }
        note(containers(line.as_bytes()), n);
        // A line of nothing but `*`, `_` or `-` (spaces between) is a thematic break.
        let mut marks = line.chars().filter(|c| !c.is_whitespace());
        let first = marks.next().unwrap_or(' ');
        let is_break = matches!(first, '*' | '_' | '-') && marks.all(|c| c == first);
        let mut chars = line.chars();
        let mut run = (' ', 0usize);
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '[' => brackets += 1,
                ']' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            note(brackets, n);
            if c == '*' || c == '_' {
                run = if run.0 == c { (c, run.1 + 1) } else { (c, 1) };
            } else {
                run = (' ', 0);
            }
            // A delimiter run opens about one emphasis per two characters.
            if run.1 > 2 && !is_break {
                note(run.1.div_ceil(2), n);
            }
        }
    }
    best
}

/// Block quotes and list items opened at the start of one line.
fn containers(b: &[u8]) -> usize {
    let mut at = 0;
    let mut depth = 0;
    loop {
        let mut k = at;
        while k < b.len() && (b[k] == b' ' || b[k] == b'\t') && k - at < 4 {
            k += 1;
        }
        if k < b.len() && b[k] == b'>' {
            depth += 1;
            at = k + 1;
            continue;
        }
        let space_after = |i: usize| i < b.len() && (b[i] == b' ' || b[i] == b'\t');
        if k < b.len() && matches!(b[k], b'-' | b'*' | b'+') && space_after(k + 1) {
            depth += 1;
            at = k + 2;
            continue;
        }
        let mut d = k;
        while d < b.len() && d - k < 9 && b[d].is_ascii_digit() {
            d += 1;
        }
        if d > k && d < b.len() && matches!(b[d], b'.' | b')') && space_after(d + 1) {
            depth += 1;
            at = d + 2;
            continue;
        }
        return depth;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(md: &str, depth: usize, line: usize) {
        assert_eq!(nesting(md), (depth, line), "{md:?}");
    }

    #[test]
    fn measures_what_an_article_nests() {
        check("", 0, 1);
        check("Plain text.", 0, 1);
        check("> A quote.", 1, 1);
        check("Intro.\n\n> > - 1. Deep", 4, 3);
        check("A [link](x) and [[wiki]].", 2, 1);
        check("**bold** and ***both***", 2, 1);
        check("Text\n\n---\n\n*****\n\n_ _ _", 0, 1);
        check(&">".repeat(1000), 1000, 1);
        check(&"- ".repeat(300), 300, 1);
        check(&"[".repeat(500), 500, 1);
        check(&format!("{}a{}", "*".repeat(400), "*".repeat(400)), 200, 1);
        check("\\[\\[\\[", 0, 1);
        check("[a\n\n[b", 1, 1);
    }
}
