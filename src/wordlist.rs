//! Lists of lower-case words with an index from each first byte to the words that start with it,
//! built at compile time (a list must be sorted by first byte, or the build fails).
//!
//! Class names, ids and labels are matched against these lists for every element of a page. A
//! scan of the whole list per question was the largest single cost of both classification and
//! extraction (callgrind, all corpus pages); with the index a question looks at the few words
//! that share its first letter.

pub struct WordList {
    words: &'static [&'static str],
    /// `words[start[b]..start[b + 1]]` are the words starting with byte `b`.
    start: [u8; 257],
    /// `seconds[b]` has bit `c % 32` set when a word starts with bytes `b`, `c` (all bits for a
    /// one-byte word): a position of a class name where no word can start is passed over without
    /// looking at the words.
    seconds: [u32; 256],
}

const fn second_bit(byte: u8) -> u32 {
    1 << (byte % 32)
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        assert!(words.len() < 256, "too many words for a u8 index");
        let mut k = 0;
        while k < words.len() {
            assert!(!words[k].is_empty(), "empty word");
            let mut i = 0;
            while i < words[k].len() {
                assert!(!words[k].as_bytes()[i].is_ascii_uppercase(), "words must be lower case");
                i += 1;
            }
            assert!(
                k == 0 || words[k - 1].as_bytes()[0] <= words[k].as_bytes()[0],
                "words must be sorted"
            );
            k += 1;
        }
        let mut start = [0u8; 257];
        let mut b = 0;
        while b < 257 {
            let mut n = 0;
            while n < words.len() && (words[n].as_bytes()[0] as usize) < b {
                n += 1;
            }
            start[b] = n as u8;
            b += 1;
        }
        let mut seconds = [0u32; 256];
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            seconds[w[0] as usize] |= if w.len() == 1 { u32::MAX } else { second_bit(w[1]) };
            k += 1;
        }
        WordList { words, start, seconds }
    }

    fn starting_with(&self, byte: u8) -> &[&'static str] {
        let b = byte as usize;
        &self.words[self.start[b] as usize..self.start[b + 1] as usize]
    }

    /// True when `word` is one of the words, ignoring ASCII case.
    pub fn has(&self, word: &str) -> bool {
        let Some(first) = word.as_bytes().first() else { return false };
        self.starting_with(first.to_ascii_lowercase()).iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// True when `hay` (already lower-case) contains one of the words anywhere.
    ///
    /// Extraction asks this of every class name and id four times (one list each), so it avoids
    /// work: positions where no word starts are passed over by their first two bytes, and the
    /// words are compared byte by byte, not with a library compare per word (callgrind).
    pub fn found_in(&self, hay: &str) -> bool {
        let h = hay.as_bytes();
        (0..h.len()).any(|i| {
            let rest = &h[i..];
            if rest.len() > 1 && self.seconds[rest[0] as usize] & second_bit(rest[1]) == 0 {
                return false;
            }
            self.starting_with(rest[0])
                .iter()
                .any(|w| w.len() <= rest.len() && w.bytes().zip(rest).all(|(a, b)| a == *b))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: WordList = WordList::new(&["-ad-", "ad", "ads", "banner", "share"]);

    #[test]
    fn whole_words_and_substrings() {
        assert!(LIST.has("Ad") && LIST.has("SHARE") && LIST.has("-ad-"));
        assert!(!LIST.has("adv") && !LIST.has("") && !LIST.has("é"));
        assert!(LIST.found_in("top-banners") && LIST.found_in("x-ad-y"));
        assert!(!LIST.found_in("hello") && !LIST.found_in(""));
    }
}
