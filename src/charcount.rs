//! Character counts of page text: the lengths that the classifier and the extractor compare with
//! their thresholds.
//!
//! Every text node of a page is counted two or three times (non-blank characters for the
//! classifier, the whitespace-collapsed length and the commas for the extractor), and counting
//! char by char was a sixth of the analysis (callgrind, all corpus pages). So the counts read
//! eight bytes at a time while the text is ASCII, with bit tricks on one `u64` per chunk, and
//! decode only the characters outside ASCII.
//!
//! "Blank" is `char::is_whitespace`, except that ASCII control characters count as blank too:
//! they are invisible, and the eight-byte test is "at most 0x20".

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at `i` as one little-endian word, when they are all ASCII.
#[inline(always)]
fn ascii_chunk(b: &[u8], i: usize) -> Option<u64> {
    let chunk = u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?);
    (chunk & HIGH_BITS == 0).then_some(chunk)
}

/// The high bit of every byte of an all-ASCII chunk that is above 0x20 (visible). For a byte
/// below 0x80, adding 0x5F sets its high bit exactly when it is at least 0x21, and never carries
/// into the next byte.
#[inline(always)]
fn visible_bits(chunk: u64) -> u64 {
    chunk.wrapping_add(ONES * 0x5F) & HIGH_BITS
}

/// The character starting at byte `i` of `s` (a character boundary), and whether it is blank.
#[inline(always)]
fn char_at(s: &str, i: usize) -> (char, bool) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, b <= 0x20)
    } else {
        let c = s[i..].chars().next().unwrap_or_default();
        (c, c.is_whitespace())
    }
}

/// Characters of `s` that are not blank.
pub fn non_blank(s: &str) -> u32 {
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        if let Some(chunk) = ascii_chunk(b, i) {
            n += visible_bits(chunk).count_ones();
            i += 8;
        } else {
            let (c, blank) = char_at(s, i);
            n += u32::from(!blank);
            i += c.len_utf8();
        }
    }
    n
}

/// Characters of `s` with each run of blanks counted once; 0 when all of it is blank.
pub fn collapsed_len(s: &str) -> u32 {
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    let mut any = false;
    // The high bit of the byte before the current position when that byte was blank.
    let mut blank_before = 0u64;
    while i < b.len() {
        if let Some(chunk) = ascii_chunk(b, i) {
            let visible = visible_bits(chunk);
            let blank = !visible & HIGH_BITS;
            // A blank byte whose previous byte is blank too continues a run: not counted.
            let continued = blank & ((blank << 8) | (blank_before >> 56));
            n += visible.count_ones() + (blank & !continued).count_ones();
            any |= visible != 0;
            blank_before = blank & (0x80 << 56);
            i += 8;
        } else {
            let (c, blank) = char_at(s, i);
            n += u32::from(!blank || blank_before == 0);
            any |= !blank;
            blank_before = if blank { 0x80 << 56 } else { 0 };
            i += c.len_utf8();
        }
    }
    if any { n } else { 0 }
}

/// Occurrences in `s` of the ASCII byte `ascii` and of the non-ASCII characters `wide` accepts.
pub fn count(s: &str, ascii: u8, wide: impl Fn(char) -> bool) -> u32 {
    debug_assert!(ascii.is_ascii());
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        if let Some(chunk) = ascii_chunk(b, i) {
            // Bytes equal to `ascii` become zero; for a byte below 0x80, adding 0x7F sets its
            // high bit exactly when it is not zero.
            let x = chunk ^ (ONES * u64::from(ascii));
            n += 8 - ((x.wrapping_add(ONES * 0x7F) | x) & HIGH_BITS).count_ones();
            i += 8;
        } else {
            let (c, _) = char_at(s, i);
            n += u32::from(if c.is_ascii() { c as u32 == u32::from(ascii) } else { wide(c) });
            i += c.len_utf8();
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(c: char) -> bool {
        c.is_whitespace() || c.is_ascii_control()
    }

    /// The char-by-char definitions the fast counts must agree with.
    fn slow_non_blank(s: &str) -> u32 {
        s.chars().filter(|c| !blank(*c)).count() as u32
    }

    fn slow_collapsed(s: &str) -> u32 {
        if s.chars().all(blank) {
            return 0;
        }
        let mut n = 0;
        let mut prev_blank = false;
        for c in s.chars() {
            if !blank(c) || !prev_blank {
                n += 1;
            }
            prev_blank = blank(c);
        }
        n
    }

    #[test]
    fn counts_across_chunks_and_scripts() {
        let s = "  Hello,   world, \u{a0}\u{3000}さようなら、世界\u{FF0C}x \t\n end ,";
        assert_eq!(non_blank(s), slow_non_blank(s));
        assert_eq!(collapsed_len(s), slow_collapsed(s));
        assert_eq!(count(s, b',', |c| c == '\u{FF0C}'), 4);
        assert_eq!(collapsed_len("         "), 0);
        assert_eq!(collapsed_len("a        b"), 3);
        assert_eq!(non_blank(""), 0);
    }

    // proptest is a native dev-dependency; the wasm build of these tests runs the case above.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agree_with_char_by_char(s in "[a-c ,\t\n\u{0}\u{a0}\u{2003}é中、]{0,40}") {
            proptest::prop_assert_eq!(non_blank(&s), slow_non_blank(&s));
            proptest::prop_assert_eq!(collapsed_len(&s), slow_collapsed(&s));
            proptest::prop_assert_eq!(count(&s, b',', |c| c == '、'), s.chars().filter(|&c| c == ',' || c == '、').count() as u32);
        }
    }
}
