//! Lines that are only a timestamp ("Published 4:00 am CST, Wednesday, Nov. 20, 2019 | Updated
//! ...") or a gallery counter ("1 of 12", "Image 3/8").
//!
//! Pages put them between the headline and the first paragraph, or under each slide, in boxes
//! with no telling class name. The reader shows the date in its header, and a counter means
//! nothing without the slideshow, so a block whose whole text is one of these is furniture. Judged
//! on the words alone: every word must be a date or time part, or a label such as "Updated".

/// Longest line (characters) that is judged at all: longer is a sentence that mentions a date.
pub const MAX_CHARS: usize = 100;

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",
];
/// Labels and small words of a date line, and the time of day.
const LABELS: &[&str] = &[
    "published", "updated", "posted", "modified", "last", "first", "on", "at", "am", "pm", "a.m", "p.m", "et",
    "pt", "ct", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
];
/// Words that may name what a counter counts.
const COUNTED: &[&str] = &["image", "photo", "picture", "slide", "item"];

/// True when the whole text is a timestamp or a gallery counter.
pub fn is_stamp(text: &str) -> bool {
    // Markup indents a counter's parts over many lines: whitespace runs count once.
    let text = super::collapse_text(text);
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let words = words(&text);
    is_counter(&words) || is_timestamp(&words)
}

/// The ASCII words and numbers of a text, split where digits meet letters ("2019Updated", "1of4");
/// `:` `/` `.` `-` between digits stay in the number ("10:48", "05/10/2018"), a `.` between
/// letters stays in the word ("a.m"). Anything else separates, other scripts' letters included:
/// every word of the lists is ASCII.
fn words(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let joined = |i: usize, joiner: fn(u8) -> bool, part: fn(&u8) -> bool| joiner(b[i]) && b.get(i + 1).is_some_and(part);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_digit() || joined(i, |c| matches!(c, b':' | b'/' | b'.' | b'-'), u8::is_ascii_digit)) {
                i += 1;
            }
        } else if b[i].is_ascii_alphabetic() {
            while i < b.len() && (b[i].is_ascii_alphabetic() || joined(i, |c| c == b'.', u8::is_ascii_alphabetic)) {
                i += 1;
            }
        } else {
            i += 1;
            continue;
        }
        out.push(&text[start..i]);
    }
    out
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

fn one_of(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// "1 of 12", "Image 3 / 8", "slide 2of9".
fn is_counter(words: &[&str]) -> bool {
    let rest = match words.split_first() {
        Some((w, rest)) if one_of(COUNTED, w) => rest,
        _ => words,
    };
    let plain = |w: &str| w.bytes().all(|c| c.is_ascii_digit());
    match rest {
        [a, of, b] => of.eq_ignore_ascii_case("of") && plain(a) && plain(b),
        [ab] => ab.split_once('/').is_some_and(|(a, b)| a.len() <= 3 && b.len() <= 3 && plain(a) && plain(b)),
        _ => false,
    }
}

/// Only date and time words, with a month or weekday named or a date in figures ("05/10/2018").
fn is_timestamp(words: &[&str]) -> bool {
    let mut named = false;
    let mut numbers = false;
    for w in words {
        if is_number(w) {
            numbers = true;
            named |= w.contains(['/', '-', '.']) && w.len() >= 6;
        } else if one_of(MONTHS, w) || one_of(WEEKDAYS, w) {
            named = true;
        } else if !one_of(LABELS, w) {
            return false;
        }
    }
    numbers && named
}

#[cfg(test)]
mod tests {
    use super::is_stamp;

    #[test]
    fn timestamps_and_counters() {
        for s in [
            "Published 4:00 am CST, Wednesday, November 20, 2019",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
            "Nov. 20, 2019Updated Nov. 20, 2019 1:35 a.m.",
            "December 18, 2020",
            "05/10/2018",
            "1 of 12",
            "Image 3 of 8",
            "4/12",
            "1of4",
            "Image \n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t 1 \n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t of \n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t / \n\t\t\t 9",
        ] {
            assert!(is_stamp(s), "{s}");
        }
        for s in [
            "On March 3, the council voted to close the ferry.",
            "Posted by Jane Doe on May 1, 2020",
            "3 of the 12 passengers were rescued",
            "2019",
            "Chapter 4",
        ] {
            assert!(!is_stamp(s), "{s}");
        }
    }
}
