//! A site's sign-off under the story: lines that only ask the reader to reach the writer or
//! follow the site ("Email Jane Doe at jane@example.com or follow her @janedoe.", "Follow us on
//! Twitter and Facebook.", "Have a tip? Jane may be reached at ...", "Like this story? Share
//! it with a friend!", "Subscribe to WIRED and stay smart with more of your favorite writers.").
//!
//! The reader is no place to follow anyone from, so such a paragraph is furniture. Judged on the
//! words alone: every sentence must be such a request, and the paragraph must name a way to reach
//! someone (an address, a handle, a network). A bio that ends in "Follow him on Twitter" opens
//! with a sentence about the writer and stays, like any sentence about the story.

/// Longest paragraph (characters) that is judged at all.
pub const MAX_CHARS: usize = 300;

/// Verbs a request to reach someone opens with: a request only when followed by whom ("Email
/// us", "Follow her") or, within a few words, where ("Email Jane Doe at", "Follow NBC on").
const VERBS: &[&str] = &[
    "follow",
    "email",
    "e-mail",
    "mail",
    "reach",
    "contact",
    "write",
    "folgen",
    "folge",
    "suivez",
    "síguenos",
    "siguenos",
    "sigue",
];
/// Whom a request names right after its verb.
const WHOM: &[&str] = &["us", "me", "him", "her", "them", "uns", "sie", "nous", "to"];
/// Where a request sends the reader, a few words after its verb.
const WHERE: &[&str] = &["at", "on", "via", "auf", "sur", "en"];
/// Words before "where" in a request ("Email Jane Doe at").
const WHERE_WITHIN: usize = 5;
/// Other openings of a request.
const OPENINGS: &[&[&str]] = &[
    &["have", "a", "tip"],
    &["got", "a", "tip"],
    &["like", "this", "story"],
    &["share", "it"],
    &["share", "this"],
    &["join", "our"],
    &["you", "can", "follow"],
    &["subscribe", "to"],
];
/// Words of a sentence that gives the address itself ("Jane may be reached at ...", "If you have
/// a tip, let us know at ...").
const REACHED: &[&[&str]] = &[
    &["be", "reached", "at"],
    &["be", "reached", "on"],
    &["let", "us", "know"],
    &["get", "in", "touch"],
];
/// Ways to reach someone or to follow the site, and a friend to pass the story to ("Share it
/// with a friend!"); an `@` (an address or a handle) counts too.
const CHANNELS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "mastodon",
    "bluesky",
    "threads",
    "email",
    "mail",
    "tiktok",
    "youtube",
    "friend",
    "friends",
    "subscribe",
];

/// True when the whole text asks the reader to reach the writer or follow the site.
pub fn is_signoff(text: &str) -> bool {
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    // Most short paragraphs name no channel: ruled out on the page's own text, before the
    // lower-case copy and the word lists (the copy for every short paragraph was most of the
    // cost of this check, callgrind). The channels are ASCII, so ASCII case is all there is.
    if !text.contains('@')
        && !super::class_words::alnum_words(text)
            .any(|w| CHANNELS.iter().any(|c| c.eq_ignore_ascii_case(w)))
    {
        return false;
    }
    let lower = super::class_words::lower(text);
    let mut sentences =
        sentences(&lower).filter(|s| s.chars().any(char::is_alphanumeric)).peekable();
    sentences.peek().is_some()
        && sentences.all(|s| {
            let w = words(s);
            is_request(s, &w) || REACHED.iter().any(|r| w.windows(r.len()).any(|x| x == *r))
        })
}

fn words(s: &str) -> Vec<&str> {
    super::class_words::alnum_words(s).collect()
}

/// A sentence that asks to be followed or reached: a verb and whom ("Follow us", "Email her"),
/// or a verb and, a few words on, where ("Email Jane Doe at jane@...", "Follow NBC on
/// Facebook"); "Follow the instructions on the screen" names no way to reach anyone.
fn is_request(sentence: &str, w: &[&str]) -> bool {
    if OPENINGS.iter().any(|o| w.starts_with(o)) {
        return true;
    }
    let tokens: Vec<&str> = sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '@'))
        .collect();
    let verb = tokens.first().is_some_and(|v| VERBS.contains(v));
    let whom = tokens.get(1).is_some_and(|x| WHOM.contains(x));
    let at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.contains('@') || t.starts_with("http") || t.starts_with("www") || CHANNELS.contains(t)
        })
    };
    verb && (whom
        || (1..=WHERE_WITHIN)
            .any(|k| tokens.get(k).is_some_and(|x| WHERE.contains(x)) && at(k + 1)))
}

/// The sentences of a text: each ends at a `.`, `?` or `!` before a blank or the end, so the
/// dots of an address or a domain ("jane@example.com") end none.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut chars = rest.char_indices().peekable();
        let mut end = rest.len();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '.' | '?' | '!') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
                end = i + c.len_utf8();
                break;
            }
        }
        let (s, r) = rest.split_at(end);
        rest = r;
        Some(s.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::is_signoff;

    #[test]
    fn requests_to_follow_or_reach() {
        for s in [
            "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom and on Facebook.",
            "Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.",
            "Reach the reporters on Twitter at http://twitter.com/janedoe and http://twitter.com/johndoe",
            "Like this story? Share it with a friend on Facebook!",
            "Like this story? Share it with a friend!",
            "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
            "Follow NBC Latino on Facebook, Twitter and Instagram.",
            "Join our Space Forums to keep talking space! And if you have a news tip, correction or comment, let us know at community@space.com.",
        ] {
            assert!(is_signoff(s), "{s}");
        }
    }

    #[test]
    fn bios_and_story_sentences_stay() {
        for s in [
            "Lucas Nolan is a reporter covering free speech. Follow him on Twitter @LucasNolan_ or email him at lnolan@example.com",
            "Follow the money, the prosecutor told the jury on Tuesday.",
            "\"Hey Twitter, the whole point of this campaign is to raise awareness,\" she tweeted. \"So I think that's working.\"",
            "Contact with the lander was lost at 14:02, the agency said on Twitter.",
            "Email is still the way most people reach their bank, a Facebook survey found.",
            "Follow the instructions on the screen, then email support@example.com.",
            "Mike Wall's book about the search for alien life is out now. Follow him on Twitter @michaeldwall.",
            "She shared it with a friend, who called the police.",
            "Millions subscribe to the newsletter, the company says.",
        ] {
            assert!(!is_signoff(s), "{s}");
        }
    }
}
