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
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let words = words(text);
    is_counter(&words) || is_timestamp(&words)
}

/// Lower-cased words, split at punctuation and where digits meet letters ("2019Updated", "1of4");
/// `:` `/` `.` `-` stay inside numbers ("10:48", "05/10/2018").
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_digit = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let joins_number = matches!(c, ':' | '/' | '.' | '-') && prev_digit == Some(true);
        if c.is_alphanumeric() || joins_number || (c == '.' && !cur.is_empty()) {
            let digit = c.is_ascii_digit();
            if c.is_alphanumeric() && prev_digit.is_some_and(|d| d != digit) && !cur.ends_with(['.', ':', '/', '-']) {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
            if c.is_alphanumeric() {
                prev_digit = Some(digit);
            }
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_digit = None;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.iter_mut().for_each(|w| *w = w.trim_end_matches(['.', ':', '/', '-']).to_owned());
    out.retain(|w| !w.is_empty());
    out
}

fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-'))
}

/// "1 of 12", "Image 3 / 8", "slide 2of9".
fn is_counter(words: &[String]) -> bool {
    let rest = match words.first() {
        Some(w) if COUNTED.contains(&w.as_str()) => &words[1..],
        _ => words,
    };
    match rest {
        [a, of, b] => of == "of" && a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()),
        [ab] => ab.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && a.len() <= 3 && b.len() <= 3 && (a.to_owned() + b).chars().all(|c| c.is_ascii_digit())
        }),
        _ => false,
    }
}

/// Only date and time words, with a month or weekday named or a date in figures ("05/10/2018").
fn is_timestamp(words: &[String]) -> bool {
    let mut named = false;
    let mut numbers = 0;
    let mut numeric_date = false;
    for w in words {
        if is_number(w) {
            numbers += 1;
            numeric_date |= w.contains(['/', '-', '.']) && w.len() >= 6;
        } else if MONTHS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str()) {
            named = true;
        } else if !LABELS.contains(&w.as_str()) {
            return false;
        }
    }
    numbers > 0 && (named || numeric_date)
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
