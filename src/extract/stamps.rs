//! Lines that are only a timestamp ("Published 4:00 am CST, Wednesday, Nov. 20, 2019 | Updated
//! ...", "Updated 3 hours ago", "Posted October 30, 2025 (edited)", "Aktualisiert am 12. März
//! 2024, 14:30 Uhr"), a gallery counter ("1 of 12", "Image 3/8"), a tally of readers' responses
//! ("7 Likes", "27 comments 7 min read") or a reading time under its label ("Reading Time: 8
//! minutes", "Tempo de leitura: 2 minutos").
//!
//! Pages put them between the headline and the first paragraph, or under each slide, in boxes
//! with no telling class name. The reader shows the date in its header, and a counter means
//! nothing without the slideshow; a tally is a button's label or a link to the comments, so a
//! block whose whole text is one of these is furniture. Judged on the words alone: every word
//! must be a date or time part, or a label such as "Updated".
//! The lists cover English, German, French and Spanish, and the date units of Japanese and
//! Chinese ("最終更新:3/9(木) 18:45", "2024年3月9日").

/// Longest line (characters) that is judged at all: longer is a sentence that mentions a date.
pub const MAX_CHARS: usize = 100;

/// Month names and their abbreviations.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // German
    "januar",
    "jänner",
    "februar",
    "märz",
    "maerz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "mär",
    "okt",
    "dez",
    // French
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "janv",
    "févr",
    "fevr",
    "avr",
    "juil",
    "déc",
    // Spanish
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "abr",
    "ago",
    "dic",
];
/// Weekdays, the days named relative to today, and the CJK date units.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "today",
    "yesterday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "heute",
    "gestern",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "aujourd",
    "hier",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "hoy",
    "ayer",
    "年",
    "月",
    "日",
    "火",
    "水",
    "木",
    "金",
    "土",
];
/// Labels and small words of a date line, and the time of day.
const LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "edited",
    "last",
    "first",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "pt",
    "ct",
    "utc",
    "gmt",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    // Ordinal endings, split from their number ("November 20th", "le 1er mars").
    "st",
    "nd",
    "rd",
    "th",
    "er",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt",
    "geändert",
    "erstellt",
    "stand",
    "um",
    "uhr",
    "vom",
    "mez",
    "mesz",
    "publié",
    "publiée",
    "mis",
    "à",
    "jour",
    "le",
    "modifié",
    "modifiée",
    "actualisé",
    "h",
    "y",
    "a",
    "publicado",
    "actualizado",
    "modificado",
    "el",
    "de",
    "del",
    "las",
    "hs",
    "更新",
    "最終更新",
    "配信",
    "公開",
    "投稿",
    "時",
    "分",
    "午前",
    "午後",
];
/// Units of a relative time ("3 hours ago").
const UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "sekunde",
    "sekunden", "minuten", "stunde", "stunden", "std", "tag", "tage", "tagen", "woche", "wochen",
    "monat", "monaten", "jahr", "jahren", "seconde", "secondes", "heure", "heures", "jour",
    "jours", "semaine", "semaines", "mois", "an", "ans", "segundo", "segundos", "minuto",
    "minutos", "hora", "horas", "día", "dia", "días", "dias", "semana", "semanas", "mes", "meses",
    "año", "años",
];
/// The word that makes a number of units a time in the past: "ago", "vor", "il (y a)", "hace".
const AGO: &[&str] = &["ago", "vor", "il", "hace"];
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
    is_counter(&words) || is_timestamp(&words) || is_tally(&words) || is_reading_time(&words)
}

/// Longest line of an entry's credits ("Eric Berger – 3/7/2026 | 138"): an author, a date, a
/// source or a count, no sentence.
pub const CREDITS_MAX_CHARS: usize = 60;

/// True when a short line states a date beside a few other words: a listed story's credits
/// (its author, source or section, its date).
pub fn is_dated_credit(text: &str) -> bool {
    let text = super::collapse_text(text);
    if text.chars().count() > CREDITS_MAX_CHARS || text.trim_end().ends_with('.') {
        return false;
    }
    let words = words(&text);
    let dated = |w: &&str| {
        (is_number(w) && w.contains(['/', '-', '.']) && w.len() >= 6)
            || one_of(MONTHS, w)
            || one_of(AGO, w)
    };
    words.iter().any(dated)
}

/// What a story's or a post's tally line counts: its readers' responses and its reading time.
const TALLIED: &[&str] = &[
    "comment",
    "comments",
    "reaction",
    "reactions",
    "like",
    "likes",
    "share",
    "shares",
    "view",
    "views",
    "reply",
    "replies",
    "vote",
    "votes",
    "point",
    "points",
    "read",
];

/// Units of a reading time, which count only beside "read": "4 min" alone is a duration.
const READ_UNITS: &[&str] = &["min", "mins", "minute", "minutes", "minuten", "minutos", "minuti"];
/// The word that makes a label a reading time's: "Reading time", "Lesezeit", "Tempo de leitura".
const READING: &[&str] =
    &["reading", "read", "lesezeit", "leitura", "lectura", "lecture", "lettura"];
/// The other words of such a label: "Estimated reading time", "Temps de lecture".
const READING_LABEL: &[&str] = &["time", "estimated", "tempo", "tiempo", "temps", "de", "di"];

/// "Reading Time: 8 minutes", "Lesezeit: 3 Min.": a label, a number and its unit, nothing else.
fn is_reading_time(words: &[&str]) -> bool {
    words.iter().any(|w| one_of(READING, w))
        && words.iter().any(|w| one_of(READ_UNITS, w))
        && words.iter().any(|w| is_number(w))
        && words.iter().all(|w| {
            is_number(w) || one_of(READING, w) || one_of(READING_LABEL, w) || one_of(READ_UNITS, w)
        })
}

/// "44 reactions", "27 comments", "7 min read", "1.2K views": numbers and what they count,
/// nothing else.
fn is_tally(words: &[&str]) -> bool {
    let read = words.iter().any(|w| w.eq_ignore_ascii_case("read"));
    words.first().is_some_and(|w| is_number(w))
        && words.iter().all(|w| {
            is_number(w)
                || w.eq_ignore_ascii_case("k")
                || one_of(TALLIED, w)
                || (read && one_of(READ_UNITS, w))
        })
        && words.iter().any(|w| one_of(TALLIED, w))
}

/// The words and numbers of a text, split where digits meet letters ("2019Updated", "1of4");
/// `:` `/` `.` `-` between digits stay in the number ("10:48", "05/10/2018"), a `.` between
/// letters stays in the word ("a.m"). Anything else separates.
fn words(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let next = |k: usize| chars.get(k + 1).map(|c| c.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let keep: fn(char) -> bool = if c.is_ascii_digit() {
            |c| c.is_ascii_digit()
        } else if c.is_alphabetic() {
            |c| c.is_alphabetic()
        } else {
            k += 1;
            continue;
        };
        let joiners: &[char] = if c.is_ascii_digit() { &[':', '/', '.', '-'] } else { &['.'] };
        while k < chars.len()
            && (keep(chars[k].1) || (joiners.contains(&chars[k].1) && next(k).is_some_and(keep)))
        {
            k += 1;
        }
        out.push(&text[start..chars.get(k).map_or(text.len(), |c| c.0)]);
    }
    out
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

fn one_of(list: &[&str], w: &str) -> bool {
    if w.is_ascii() {
        return list.iter().any(|l| l.eq_ignore_ascii_case(w));
    }
    let w = super::class_words::lower(w);
    list.contains(&w.as_str())
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
        [ab] => ab
            .split_once('/')
            .is_some_and(|(a, b)| a.len() <= 3 && b.len() <= 3 && plain(a) && plain(b)),
        _ => false,
    }
}

/// Only date and time words, with a month or weekday named, a date in figures ("05/10/2018"),
/// or a number of units ago ("3 hours ago", "vor 2 Stunden", "il y a 5 minutes", "hace 1 día").
fn is_timestamp(words: &[&str]) -> bool {
    let mut named = false;
    let mut numbers = false;
    let mut unit = false;
    let mut ago = false;
    for w in words {
        if is_number(w) {
            numbers = true;
            named |= w.contains(['/', '-', '.']) && w.len() >= 6;
        } else if one_of(MONTHS, w) || one_of(DAYS, w) {
            named = true;
        } else if one_of(UNITS, w) {
            unit = true;
        } else if one_of(AGO, w) {
            ago = true;
        } else if !one_of(LABELS, w) {
            return false;
        }
    }
    numbers && (named || (unit && ago))
}

#[cfg(test)]
mod tests {
    use super::is_stamp;

    #[test]
    fn dated_credits() {
        use super::is_dated_credit;
        for s in [
            "Eric Berger – 3/7/2026 | 138",
            "22 December 2025The Villa GroupLeisure Travel",
            "58 mins ago",
        ] {
            assert!(is_dated_credit(s), "{s}");
        }
        for s in [
            "More in this category",
            "The council met on 3 March and voted to close the ferry.",
            "A long line about what happened in March, which runs on past the length of credits",
        ] {
            assert!(!is_dated_credit(s), "{s}");
        }
    }

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
            "Updated 3 hours ago",
            "Published November 20th, 2019 - 07:29 GMT",
            "Veröffentlicht am 12. März 2024, 14:30 Uhr",
            "Aktualisiert vor 2 Stunden",
            "Publié le 3 février 2024 à 14h30, mis à jour le 4 février 2024 à 9h",
            "il y a 5 minutes",
            "Publicado el miércoles, 12 de marzo de 2024 a las 14:30",
            "Actualizado hace 1 día",
            "最終更新:3/9(木) 18:45",
            "2024年3月9日 18:45",
            "44 reactions",
            "7 min read",
            "27 comments 7 min read",
            "Reading Time: 8 minutes",
            "Tempo de leitura: 2 minutos",
            "Estimated reading time: 5 min",
            "Posted October 30, 2025 (edited)",
            "Last edited: Jul 6, 2024",
            "1.2K views",
            "3 Likes",
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
            "Open 8 hours a day",
            "3 Tage Urlaub am Meer",
            "Le 12 mars, le conseil a voté",
            "金100万円",
            "4 min",
            "60 - Minute",
            "3 comments on the draft",
            "Read for 10 minutes a day",
            "Edited by Jane Doe",
        ] {
            assert!(!is_stamp(s), "{s}");
        }
    }
}
