//! JSON as JSON-LD scripts write it, read into a tree the extraction walks.
//!
//! Not serde_json's `Value`: its parser, its number conversion (with a table of powers of ten),
//! its error type and its `BTreeMap` were ~10 KB of the reader module's 150 KB gzip budget,
//! for scripts whose numbers are never read. No crate fitted: the small ones convert numbers
//! with core's float parser (whose tables session 10 took out of the module) or hold strings as
//! `Vec<char>`. This one accepts exactly what `serde_json::from_str::<Value>` accepts (the tests
//! compare the two), except a number between f64's largest and 1e309, which serde_json rejects
//! by the rounding of its own multiplication and this by the number's leading digits.

/// A JSON value. Numbers are only checked, never converted: nothing reads them.
#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in the order written; a repeated key keeps its last value, as
/// serde_json's map does.
#[derive(Debug, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl Value {
    /// An object's member; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

/// Arrays and objects nested this deep make the text unreadable, as serde_json's recursion
/// limit does.
const MAX_DEPTH: u32 = 128;

/// The value `text` holds (surrounded by JSON whitespace only), or `None` if it is no JSON.
pub fn parse(text: &str) -> Option<Value> {
    let mut p = Parser { text, at: 0, depth: 0 };
    let v = p.value()?;
    p.space();
    (p.at == text.len()).then_some(v)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.at += usize::from(hit);
        hit
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn value(&mut self) -> Option<Value> {
        self.space();
        let c = self.peek()?;
        match c {
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth >= MAX_DEPTH {
                    return None;
                }
                self.at += 1;
                let v = if c == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                v
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => {
                let (word, v) = match c {
                    b't' => ("true", Value::Bool(true)),
                    b'f' => ("false", Value::Bool(false)),
                    _ => ("null", Value::Null),
                };
                let hit = self.text[self.at..].starts_with(word);
                self.at += word.len();
                hit.then_some(v)
            }
        }
    }

    /// After `[`.
    fn array(&mut self) -> Option<Value> {
        let mut items = Vec::new();
        self.space();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                self.space();
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        Some(Value::Array(items))
    }

    /// After `{`.
    fn object(&mut self) -> Option<Value> {
        let mut members: Vec<(String, Value)> = Vec::new();
        self.space();
        if !self.eat(b'}') {
            loop {
                self.space();
                if !self.eat(b'"') {
                    return None;
                }
                let key = self.string()?;
                self.space();
                if !self.eat(b':') {
                    return None;
                }
                let v = self.value()?;
                match members.iter_mut().find(|(k, _)| *k == key) {
                    Some(m) => m.1 = v,
                    None => members.push((key, v)),
                }
                self.space();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        Some(Value::Object(Map(members)))
    }

    /// After the opening quote: the string up to its closing one, escapes decoded. A control
    /// character or a lone surrogate makes it no JSON.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let rest = &self.text.as_bytes()[self.at..];
            self.at += rest.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
            out.push_str(&self.text[start..self.at]);
            let c = self.peek()?;
            self.at += 1;
            match c {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
            start = self.at;
        }
    }

    /// After a backslash.
    fn escape(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let n = self.hex()?;
                let n = if (0xD800..0xDC00).contains(&n) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return None;
                    }
                    let low = self.hex()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    n
                };
                // A trailing surrogate alone is no char.
                return char::from_u32(n);
            }
            _ => return None,
        })
    }

    /// Four hex digits.
    fn hex(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(self.peek()?).to_digit(16)?;
            self.at += 1;
        }
        Some(n)
    }

    /// A number in JSON's grammar whose value is within f64's range.
    fn number(&mut self) -> Option<Value> {
        self.eat(b'-');
        let int = self.at;
        if self.eat(b'0') {
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
        } else if self.digits() == 0 {
            return None;
        }
        let int_len = self.at - int;
        if self.eat(b'.') && self.digits() == 0 {
            return None;
        }
        let mantissa = &self.text.as_bytes()[int..self.at];
        let mut exp: i64 = 0;
        if self.eat(b'e') || self.eat(b'E') {
            let negative = self.eat(b'-');
            if !negative {
                self.eat(b'+');
            }
            let start = self.at;
            if self.digits() == 0 {
                return None;
            }
            for &d in &self.text.as_bytes()[start..self.at] {
                exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
            }
            if negative {
                exp = -exp;
            }
        }
        // The power of ten of the first significant digit, and the digits from it on.
        let digits = mantissa.iter().filter(|c| c.is_ascii_digit());
        let Some(lead) = digits.clone().position(|&c| c != b'0') else {
            return Some(Value::Number);
        };
        let power = if lead < int_len {
            (int_len - 1 - lead) as i64
        } else {
            -((lead - int_len) as i64) - 1
        };
        let power = power + exp;
        if power > 308 {
            return None;
        }
        if power == 308 {
            // f64::MAX is 1.7976931348623157e308.
            let mut top: u64 = 0;
            for &d in digits.skip(lead).chain(std::iter::repeat(&b'0')).take(17) {
                top = top * 10 + u64::from(d - b'0');
            }
            if top > 17_976_931_348_623_157 {
                return None;
            }
        }
        Some(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Value};

    /// The same tree as serde_json's, numbers aside (this parser keeps none).
    fn same(a: &Value, b: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (a, b) {
            (Value::Null, J::Null) | (Value::Number, J::Number(_)) => true,
            (Value::Bool(x), J::Bool(y)) => x == y,
            (Value::String(x), J::String(y)) => x == y,
            (Value::Array(x), J::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
            }
            (Value::Object(x), J::Object(y)) => {
                x.0.len() == y.len() && y.iter().all(|(k, v)| x.get(k).is_some_and(|x| same(x, v)))
            }
            _ => false,
        }
    }

    fn agrees(text: &str) -> bool {
        match (parse(text), serde_json::from_str::<serde_json::Value>(text)) {
            (Some(a), Ok(b)) => same(&a, &b),
            (None, Err(_)) => true,
            _ => false,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let inputs = [
            r#"{"@type": "NewsArticle", "headline": "A \"quoted\" title", "author": [{"name": "A B"}]}"#,
            r#"[{"@graph": [{"@type": ["Product", "Thing"], "offers": {"price": 12.50}}]}]"#,
            " \t\n\r{}\r\n ",
            "[]",
            "[ ]",
            "{ }",
            "null",
            "true",
            "false",
            "\"s\"",
            "0",
            "-0",
            "12",
            "1.5",
            "-1.5e10",
            "1E+2",
            "1e-2",
            "0.000001",
            "1e-99999",
            "0e99999",
            "123456789012345678901234567890",
            r#""\u00e9\u4e2d\ud83d\ude00\n\t\/\\\"\b\f\r""#,
            r#""\u0000""#,
            "\"é中😀\u{7f}\"",
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": {"b": [1, {"c": null}]}, "d": "e"}"#,
            "1.7976931348623157e308",
            "-1.7e308",
            "1e308",
            "2e308",
            "1e309",
            "17976931348623158e292",
            "0.1e310",
            "1e400",
            "-1e400",
            // Not JSON, for either.
            "",
            " ",
            "{",
            "}",
            "[",
            "[1,]",
            "[,1]",
            "{,}",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a: 1}"#,
            "{1: 2}",
            "[1 2]",
            "01",
            "-",
            "-01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "NaN",
            "Infinity",
            "tru",
            "nul",
            "truex",
            "[true false]",
            "{} x",
            "{}{}",
            "\u{feff}{}",
            "\"a",
            "\"\\x\"",
            "\"\t\"",
            "\"\n\"",
            "\"\u{1f}\"",
            r#""\u12""#,
            r#""\u12G4""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            r#""\ud800\n""#,
            r#""\ud800x""#,
            r#""\ud800\udbff""#,
            "// c\n{}",
            "{\"a\":1}\u{a0}",
        ];
        for text in inputs {
            assert!(agrees(text), "{text:?}");
        }
    }

    #[test]
    fn nesting_as_deep_as_serde_json_allows() {
        for depth in [1, 126, 127, 128, 129, 200] {
            let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
            assert!(agrees(&arrays), "arrays {depth}");
            assert!(agrees(&objects), "objects {depth}");
        }
    }

    // proptest is a native dev-dependency; the wasm build of these tests runs the cases above.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_serde_json(text in r#"[\[\]{}",:\\ \nu0-9a-fA-Z.eE+\-tlnsé😀\u{1}]{0,24}"#) {
            proptest::prop_assert!(agrees(&text), "{:?}", text);
        }

        #[test]
        fn agrees_on_numbers(text in r"-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,4})?") {
            proptest::prop_assert!(agrees(&text), "{:?}", text);
        }
    }
}
