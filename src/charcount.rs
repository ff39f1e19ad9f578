//! Character counts of page text: the lengths that the classifier and the extractor compare with
//! their thresholds, and the byte lengths of the walker's UTF-16 counted strings.
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
    if any {
        n
    } else {
        0
    }
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

/// The first position from `i` on where the eight bytes starting there are not all ASCII blanks
/// (at most 0x20): skips indentation without looking at it byte by byte.
#[inline(always)]
pub fn skip_blank_chunks(b: &[u8], mut i: usize) -> usize {
    while ascii_chunk(b, i).is_some_and(|chunk| visible_bits(chunk) == 0) {
        i += 8;
    }
    i
}

/// Bytes of the first `units` UTF-16 code units of `s`: how the wire decoder turns JavaScript's
/// string lengths into byte offsets. `None` when `s` holds fewer units, or when the count ends
/// between the two halves of a surrogate pair (a character outside the BMP).
///
/// Every name, value and text of a page goes through here, and the char-by-char count was 70% of
/// decoding a wire stream (callgrind, all corpus pages): pages are mostly ASCII with a few curly
/// quotes, so ASCII runs are skipped eight bytes at a time and only the rest is decoded.
pub fn utf16_prefix_len(s: &str, units: u32) -> Option<usize> {
    let b = s.as_bytes();
    let (mut need, mut i) = (units as usize, 0);
    while need > 0 {
        if let Some(chunk) = b.get(i..i + 8) {
            // The ASCII bytes leading the next eight are one unit each (little-endian: the
            // first byte is the lowest, so the first high bit set marks the first non-ASCII byte).
            let high = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGH_BITS;
            let step = ((high.trailing_zeros() / 8) as usize).min(need);
            if step > 0 {
                i += step;
                need -= step;
                continue;
            }
        }
        let lead = *b.get(i)?;
        let (len, wide) = match lead {
            0..0x80 => (1, 1),
            0xC0..0xE0 => (2, 1),
            0xE0..0xF0 => (3, 1),
            _ => (4, 2),
        };
        if wide > need {
            return None;
        }
        i += len;
        need -= wide;
    }
    Some(i)
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

    /// UTF-16 units to bytes, char by char: `None` past the end or inside a surrogate pair.
    fn slow_utf16_prefix(s: &str, units: u32) -> Option<usize> {
        let (mut u, mut bytes) = (0, 0);
        for c in s.chars() {
            if u >= units {
                break;
            }
            u += c.len_utf16() as u32;
            bytes += c.len_utf8();
        }
        (u == units).then_some(bytes)
    }

    #[test]
    fn utf16_prefixes() {
        let s = "Straße “quoted” 😀 over eight bytes";
        assert_eq!(utf16_prefix_len(s, 0), Some(0));
        assert_eq!(utf16_prefix_len(s, 6), Some("Straße".len()));
        // The emoji is two units: stopping between them is refused.
        let before_emoji = s.find('😀').map(|i| s[..i].encode_utf16().count() as u32).unwrap();
        assert_eq!(utf16_prefix_len(s, before_emoji + 1), None);
        assert_eq!(utf16_prefix_len(s, before_emoji + 2), Some(s.find('😀').unwrap() + 4));
        assert_eq!(utf16_prefix_len(s, s.encode_utf16().count() as u32), Some(s.len()));
        assert_eq!(utf16_prefix_len(s, s.encode_utf16().count() as u32 + 1), None);
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

        #[test]
        fn utf16_prefix_agrees_with_char_by_char(s in "[a-c ,\u{a0}é中😀]{0,40}", units in 0u32..60) {
            proptest::prop_assert_eq!(utf16_prefix_len(&s, units), slow_utf16_prefix(&s, units));
        }
    }
}
