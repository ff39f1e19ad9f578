//! The toolbar badge's question, "is there an article here at all?", answered fast: one pass
//! that adds up the long visible paragraphs, without choosing or converting anything.
//!
//! A sign-in or sign-up page is never an article, however its form is worded: it has a password
//! field and little running text besides the form (labels, buttons, "Forgot your password?" and
//! links). Counting words alone cannot tell it from a short news brief, which has no password
//! field; the field alone cannot either, since article pages carry login boxes too, but those come
//! with paragraphs of prose that outweigh the form. Sign-in pages that ask for the e-mail address
//! first (the password, or a one-time link, comes on the next page) have no password field: there
//! an e-mail field counts when the form, its buttons or the page title say "sign in" (in the
//! languages of [`SIGN_IN_WORDS`]); a newsletter box asks for an e-mail address too, but to
//! subscribe.

use super::class_words::{has_token, lower};
use super::node_tables::Base;
use crate::charcount::collapsed_len;
use crate::dom::{NodeId, NodeRef, Snapshot, Tag};

/// Paragraphs shorter than this (characters) say nothing about being an article.
const MIN_PARAGRAPH_CHARS: u32 = 140;
/// Sum of sqrt(characters beyond the minimum) over paragraphs that makes a page an article:
/// about two solid paragraphs.
const MIN_SCORE: f32 = 20.0;
/// Running text (characters outside forms, links, headings and page furniture) below which a page
/// with a password field is a sign-in page: less than two short paragraphs.
const SIGN_IN_MAX_PROSE: u32 = 400;
/// ...and below this many times the text of the password's form: a login box beside a short brief
/// says little next to the brief; a sign-in page's form says as much as the rest of the page.
const SIGN_IN_PROSE_PER_FORM_CHAR: u32 = 2;

/// True when the page probably has an article worth a reader view.
pub fn readerable(snap: &Snapshot) -> bool {
    let skip = Base::new(snap).furniture(snap);
    if is_sign_in(snap, &inputs(snap), &skip) {
        return false;
    }
    let len = snap.len();
    let mut text = vec![0u32; len];
    for i in (1..len).rev() {
        if skip[i] {
            continue;
        }
        let n = snap.node(NodeId(i as u32));
        if n.is_text() {
            text[i] = collapsed_len(n.text());
        }
        if let Some(p) = n.parent() {
            text[p.id().index()] += text[i];
        }
    }
    let mut score = 0.0;
    for n in snap.iter() {
        let i = n.id().index();
        if skip[i] {
            continue;
        }
        let counts = match n.tag() {
            Some(Tag::P | Tag::Pre | Tag::Article) => {
                !(n.is(Tag::P) && n.parent().is_some_and(|p| p.is(Tag::Li)))
            }
            Some(Tag::Div) => n.children().any(|c| c.is(Tag::Br)),
            _ => false,
        };
        if counts && text[i] >= MIN_PARAGRAPH_CHARS {
            score += ((text[i] - MIN_PARAGRAPH_CHARS) as f32).sqrt();
            if score > MIN_SCORE {
                return true;
            }
        }
    }
    false
}

/// What a sign-in form, its buttons or its page title say, lower case: "Sign in", "Log in",
/// "Anmelden", "Se connecter", "Iniciar sesión"...
const SIGN_IN_WORDS: &[&str] = &[
    "sign in",
    "sign-in",
    "signin",
    "log in",
    "log-in",
    "login",
    "log on",
    "anmelden",
    "einloggen",
    "se connecter",
    "connexion",
    "iniciar sesión",
    "inicia sesión",
    "acceder",
    "accedi",
    "entrar",
];

/// An e-mail or user-name field: its type, autocomplete token, or name says so.
fn is_email_field(n: NodeRef) -> bool {
    let says = |v: Option<&str>, words: &[&str]| {
        v.is_some_and(|v| words.iter().any(|w| lower(v).contains(w)))
    };
    n.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("email"))
        || says(n.attr("autocomplete"), &["email", "username"])
        || says(n.attr("name"), &["email", "login", "user"])
}

/// The form of a field, or where scripts do without one, the box that holds it and its button.
fn form_of(field: NodeRef) -> Option<NodeRef> {
    let controls = |a: &NodeRef| {
        a.descendants()
            .filter(|d| matches!(d.tag(), Some(Tag::Input | Tag::Button)))
            .nth(1)
            .is_some()
    };
    field.ancestors().find(|a| a.is(Tag::Form)).or_else(|| field.ancestors().find(controls))
}

/// True when the form's text, its buttons' labels or the page title read as signing in.
fn says_sign_in(snap: &Snapshot, form: NodeRef) -> bool {
    let mut said = snap.find(Tag::Title).map(|t| t.text_content()).unwrap_or_default();
    said.push(' ');
    said.push_str(&form.text_content());
    for d in form.descendants().filter(|d| d.is(Tag::Input)) {
        said.push(' ');
        said.push_str(d.attr("value").unwrap_or(""));
    }
    let said = lower(&said);
    SIGN_IN_WORDS.iter().any(|w| has_token(&said, w))
}

/// True when the page is a sign-in (or sign-up) form rather than something to read.
///
/// Most pages have no input field at all; they are answered before the page furniture is worked
/// out for the fields' visibility.
pub fn is_sign_in_page(snap: &Snapshot, base: &Base) -> bool {
    let inputs = inputs(snap);
    !inputs.is_empty() && is_sign_in(snap, &inputs, &base.furniture(snap))
}

/// The page's `<input>` elements in document order.
fn inputs(snap: &Snapshot) -> Vec<NodeRef<'_>> {
    snap.iter().filter(|n| n.is(Tag::Input)).collect()
}

/// A visible password field (or an e-mail field in a form that says "sign in"), and little
/// running text outside forms, links and headings: less than the form itself holds (labels,
/// hints, buttons) times [`SIGN_IN_PROSE_PER_FORM_CHAR`]. `inputs` are the page's input fields.
fn is_sign_in(snap: &Snapshot, inputs: &[NodeRef], skip: &[bool]) -> bool {
    let visible_input = |n: &NodeRef, types: &[&str]| {
        !skip[n.id().index()]
            && types.iter().any(|t| n.attr("type").unwrap_or("text").trim().eq_ignore_ascii_case(t))
    };
    let form = match inputs.iter().find(|n| visible_input(n, &["password"])) {
        Some(&password) => form_of(password),
        None => inputs
            .iter()
            .copied()
            .filter(|n| visible_input(n, &["email", "text"]) && is_email_field(*n))
            .filter_map(form_of)
            .find(|f| says_sign_in(snap, *f)),
    };
    let Some(form) = form else { return false };
    let form_text: u32 = form
        .descendants()
        .filter(|d| d.is_text() && !skip[d.id().index()])
        .map(|d| collapsed_len(d.text()))
        .sum();
    let limit = SIGN_IN_MAX_PROSE.min(form_text * SIGN_IN_PROSE_PER_FORM_CHAR);
    let mut not_prose = vec![false; snap.len()];
    let mut prose = 0;
    for n in snap.iter().skip(1) {
        let i = n.id().index();
        let p = n.parent().map_or(0, |p| p.id().index());
        use Tag::*;
        not_prose[i] = skip[i]
            || not_prose[p]
            || matches!(
                n.tag(),
                Some(
                    Form | A
                        | Button
                        | Label
                        | Select
                        | Nav
                        | Header
                        | Footer
                        | Aside
                        | H1
                        | H2
                        | H3
                        | H4
                        | H5
                        | H6
                )
            );
        if n.is_text() && !not_prose[i] {
            prose += collapsed_len(n.text());
            if prose >= limit {
                return false;
            }
        }
    }
    true
}
