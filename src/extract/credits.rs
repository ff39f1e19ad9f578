//! Lines that are only a picture's credit: "Photo: Jane Doe/Reuters", "Image via NASA", "Photo
//! by James Martin/CNET", "Фото: личный архив автора".
//!
//! Pages set them under a picture in a plain paragraph, or leave them behind where a slideshow
//! was (its pictures load by script and never reach the reader). Next to their picture they are
//! its credit; alone they are noise between paragraphs. Judged on the words alone: a label that
//! names a picture, a word that hands it to someone ("by", ":", "/", "©"...), then a name, the
//! whole line short.

/// Longest line (characters) that is judged at all: longer is a sentence about a photo.
const MAX_CHARS: usize = 100;
/// Most words after the label: a name and an agency, not a sentence.
const MAX_NAME_WORDS: usize = 8;

/// Words that open a credit line (lower case).
const LABELS: &[&str] = &[
    "photo credit",
    "image credit",
    "picture credit",
    "photos",
    "photo",
    "photograph",
    "photography",
    "image",
    "images",
    "picture",
    "pictures",
    "illustration",
    "credit",
    "credits",
    "foto",
    "fotos",
    "fotografie",
    "bild",
    "bilder",
    "crédit photo",
    "crédits photo",
    "crédit",
    "фото",
    "фотография",
    "иллюстрация",
];
/// The ASCII letters that open one of [`LABELS`] (the others open with a Cyrillic letter).
const LABEL_INITIALS: &[u8] = b"bcfip";
/// Marks between the label and the name.
const MARKS: &[&str] = &[":", "/", "|", "©", "(c)", "-", "–", "—"];
/// Words between the label and the name.
const HANDS: &[&str] = &["courtesy of", "courtesy", "by", "via", "von", "de", "par", "di"];

/// True when the whole text is a picture's credit.
pub fn is_credit(text: &str) -> bool {
    // Every paragraph of the article is asked: most are ruled out by their first letter, which
    // must open a label, and a long one before any copy of it (a collapsed text is never shorter
    // than its non-blank characters). Counting every paragraph's characters first was 1% of the
    // analysis (callgrind, all corpus pages).
    let first = text.trim_start().trim_start_matches(['(', '[']).bytes().next();
    if first.is_some_and(|b| b.is_ascii() && !LABEL_INITIALS.contains(&b.to_ascii_lowercase())) {
        return false;
    }
    if crate::charcount::non_blank(text) as usize > MAX_CHARS {
        return false;
    }
    let text = super::collapse_text(text);
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let lower = super::class_words::lower(&text);
    let lower = lower.trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']);
    let Some(rest) = LABELS
        .iter()
        .find_map(|l| lower.strip_prefix(l).filter(|r| !r.starts_with(char::is_alphanumeric)))
    else {
        return false;
    };
    let rest = rest.trim_start();
    let name = MARKS
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .or_else(|| HANDS.iter().find_map(|h| rest.strip_prefix(h).filter(|r| r.starts_with(' '))));
    name.is_some_and(|n| {
        let words = n.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        (1..=MAX_NAME_WORDS).contains(&words)
    })
}

#[cfg(test)]
mod tests {
    use super::{is_credit, LABELS, LABEL_INITIALS};

    #[test]
    fn credit_lines() {
        for s in [
            "Photo: Jane Doe/Reuters",
            "Image: Hanwha Q cells",
            "Photo by James Martin/CNET",
            "(Photo credit: AP)",
            "Фото:\n   личный архив Андрея Рудькова",
            "Image via NASA",
            "Foto: dpa",
            "Photo courtesy of the artist",
            "Credit: Getty Images",
        ] {
            assert!(is_credit(s), "{s}");
        }
    }

    #[test]
    fn label_initials_open_every_ascii_label() {
        for l in LABELS.iter().filter(|l| l.is_ascii()) {
            assert!(LABEL_INITIALS.contains(&l.as_bytes()[0]), "{l}");
        }
    }

    #[test]
    fn sentences_about_pictures_are_not_credits() {
        for s in [
            "Photos show the damage to the bridge after the storm.",
            "Image processing is hard",
            "Photo:",
            "Photography by the sea: a weekend course for beginners who want to learn how to frame waves",
            "Pictured here is the team that built the first prototype",
            "Credit card debt reached a record high this year",
            "Images: the first one shows the old bridge, the second the new one, built in 2019 by the city of Lyon",
        ] {
            assert!(!is_credit(s), "{s}");
        }
    }
}
