//! Words of class names, ids and short texts, matched as whole words, never as substrings.
//!
//! `ad-slot`, `AdSlot`, `ad_slot` and `ad2` all hold the word `ad`; `header`, `shadow`, `download`,
//! `load`, `read` and `badge` do not. Splitting happens on the fly over borrowed slices (no
//! allocation), and comparisons ignore ASCII case, because every vocabulary here is ASCII.

use crate::charcount;
use crate::wordlist::WordList;

/// Splits an identifier or a text into words: runs of letters, broken at any other character and
/// where a lower-case letter is followed by an upper-case one (camelCase humps).
pub fn words(s: &str) -> impl Iterator<Item = &str> + Clone + '_ {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to the next letter; after a blank, the blanks that follow eight bytes at a time
        // (short texts of real pages can hold kilobytes of indentation between their words).
        loop {
            let c = Letter::at(s, at)?;
            if c.alphabetic {
                break;
            }
            at += c.len;
            if c.len == 1 && b[at - 1] <= b' ' {
                at = charcount::skip_blank_chunks(b, at);
            }
        }
        let start = at;
        let mut prev_lower = false;
        loop {
            // Runs of ASCII lower-case letters, most of every word, in a tight loop (32 M
            // instructions less than classifying each letter, callgrind over all corpus pages).
            while b.get(at).is_some_and(u8::is_ascii_lowercase) {
                at += 1;
                prev_lower = true;
            }
            let Some(c) = Letter::at(s, at) else { break };
            if !c.alphabetic || (prev_lower && c.upper) {
                break;
            }
            prev_lower = c.lower;
            at += c.len;
        }
        Some(&s[start..at])
    })
}

/// What [`words`] needs to know of one character. ASCII is classified byte by byte: class names,
/// ids and most labels are ASCII, and decoding every character for the Unicode tables made
/// splitting the largest cost of `classify` after the word lists (perf, native).
struct Letter {
    len: usize,
    alphabetic: bool,
    lower: bool,
    upper: bool,
}

impl Letter {
    #[inline(always)]
    fn at(s: &str, i: usize) -> Option<Letter> {
        let b = *s.as_bytes().get(i)?;
        if b.is_ascii() {
            return Some(Letter {
                len: 1,
                alphabetic: b.is_ascii_alphabetic(),
                lower: b.is_ascii_lowercase(),
                upper: b.is_ascii_uppercase(),
            });
        }
        let c = s[i..].chars().next()?;
        Some(Letter {
            len: c.len_utf8(),
            alphabetic: c.is_alphabetic(),
            lower: c.is_lowercase(),
            upper: c.is_uppercase(),
        })
    }
}

/// True when `word` equals one of `list`, ignoring ASCII case: for short lists asked rarely; the
/// lists asked for every class word are [`WordList`]s.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when any word of `s` is in `list`.
pub fn any_word_in(s: &str, list: &[&str]) -> bool {
    words(s).any(|w| is_one_of(w, list))
}

/// True when any word of `s` is in the indexed `list`.
pub fn any_word_listed(s: &str, list: &WordList) -> bool {
    words(s).any(|w| list.has(w))
}

/// True when the words of `phrase` (space separated, lower case) occur consecutively in `s`.
pub fn has_phrase(s: &str, phrase: &str) -> bool {
    // Tries the phrase at each word of `s` in turn, on a copy of the word iterator: no buffer of
    // words is built (two vectors per call were most of the cost of the share-label check).
    let mut at = words(s);
    loop {
        let mut got = at.clone();
        if phrase.split(' ').all(|w| got.next().is_some_and(|g| g.eq_ignore_ascii_case(w))) {
            return true;
        }
        if at.next().is_none() {
            return false;
        }
    }
}

/// True when `s`, read as words, is exactly one of `phrases` (so `"- Advertisement -"` and
/// `"ADVERTISEMENT"` both read as `advertisement`).
///
/// `s` is split into words once, not once per phrase: labels come with long runs of blanks around
/// them, and re-scanning those for each of ~40 phrases was three quarters of `classify` on the
/// mathjax test page (perf). A text with more words than [`PHRASE_MAX_WORDS`] matches no phrase.
pub fn is_phrase(s: &str, phrases: &[&str]) -> bool {
    phrase_list(s, &[phrases]).is_some()
}

/// The first of `lists` with a phrase that `s` reads as (see [`is_phrase`]), splitting `s` once
/// for all of them: labels are tried as ad phrases, then as recommendation phrases, and splitting
/// them a second time cost 11 M instructions (callgrind over all corpus pages). Phrases are lower
/// case.
pub fn phrase_list(s: &str, lists: &[&[&str]]) -> Option<usize> {
    let mut rest = words(s);
    let first = rest.next()?;
    // Most labels are no phrase at all: their first word rules out every phrase in a few
    // comparisons (mostly of the first byte) before the rest of the label or a phrase is split
    // (splitting every phrase for every short label was an eighth of classification; splitting
    // the whole label and a slice compare per phrase cost 7 M instructions more than this, and
    // folding the case of both first bytes 5 M, callgrind over all corpus pages).
    #[inline(always)]
    fn starts_with_word(p: &str, f: &[u8]) -> bool {
        debug_assert!(!p.bytes().any(|b| b.is_ascii_uppercase()), "phrase not lower case: {p}");
        let p = p.as_bytes();
        p.first() == Some(&f[0].to_ascii_lowercase())
            && p.get(..f.len()).is_some_and(|h| h.eq_ignore_ascii_case(f))
            && p.get(f.len()).is_none_or(|&b| b == b' ')
    }
    let starts = |p: &str| starts_with_word(p, first.as_bytes());
    if !lists.iter().any(|phrases| phrases.iter().any(|p| starts(p))) {
        return None;
    }
    let mut got = [first; PHRASE_MAX_WORDS];
    let mut n = 1;
    for w in rest {
        if n == PHRASE_MAX_WORDS {
            return None;
        }
        got[n] = w;
        n += 1;
    }
    let got = &got[..n];
    lists.iter().position(|phrases| {
        phrases.iter().any(|p| {
            debug_assert!(p.split(' ').count() <= PHRASE_MAX_WORDS, "phrase too long: {p}");
            let mut want = p.split(' ');
            starts(p)
                && got.iter().all(|g| want.next().is_some_and(|w| g.eq_ignore_ascii_case(w)))
                && want.next().is_none()
        })
    })
}

/// Most words in any phrase given to [`is_phrase`] (the longest label has four).
const PHRASE_MAX_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_identifiers() {
        let got: Vec<&str> = words("topAdSlot ad_unit-2 ADSlot").collect();
        assert_eq!(got, ["top", "Ad", "Slot", "ad", "unit", "ADSlot"]);
        let got: Vec<&str> = words("  «Été» señorÁrbol 12 日本語-x ").collect();
        assert_eq!(got, ["Été", "señor", "Árbol", "日本語", "x"]);
    }

    #[test]
    fn words_not_substrings() {
        for ok in ["header", "shadow", "download", "load", "read", "badge", "masthead"] {
            assert!(!any_word_in(ok, &["ad"]), "{ok}");
        }
        assert!(any_word_in("ad-slot", &["ad"]));
    }

    #[test]
    fn phrases() {
        assert!(is_phrase("- ADVERTISEMENT -", &["advertisement"]));
        assert!(!is_phrase("Advertisement feature story", &["advertisement"]));
        // The first word must be the phrase's whole first word.
        assert!(!is_phrase("Ad", &["ads", "advertisement"]) && !is_phrase("Ads", &["ad"]));
        assert!(
            !is_phrase("Related", &["related articles"])
                && is_phrase("RELATED  articles", &["related", "related articles"])
        );
        assert!(!is_phrase("", &["ad"]));
        assert!(
            has_phrase("copy the link, copy link", "copy link") && !has_phrase("copy", "copy link")
        );
        assert!(has_phrase("By clicking Sign up, you agree", "sign up"));
        assert!(!has_phrase("signed upward", "sign up"));
    }
}
