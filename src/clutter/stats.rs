//! Per-node counts for one subtree, computed in one reverse pass.
//!
//! Nodes are stored in document order, so every child has a larger id than its parent: walking the
//! subtree's id range backwards visits all children before their parent, and each node adds its
//! counts to its parent. No recursion, no `text_content()` per node. Tables are indexed by
//! `id - root id`, so classifying a freshly inserted subtree costs only its own size.

use super::share;
use crate::charcount::non_blank;
use crate::dom::{NodeRef, Tag};

/// A text node at least this long (non-blank characters, outside links and controls) reads as a
/// sentence of prose rather than a label, a button or a headline; about ten words.
const PROSE_RUN: u32 = 50;

/// Counts for one node's subtree. Text lengths count non-blank characters.
#[derive(Clone, Copy, Default)]
pub struct Stat {
    /// All text.
    pub text: u32,
    /// Text inside links, buttons and form labels.
    pub link_text: u32,
    /// Text in runs of at least [`PROSE_RUN`] outside links and controls.
    pub prose: u32,
    /// Id of the subtree's last node.
    pub end: u32,
    /// Links and buttons.
    pub controls: u16,
    /// Links and buttons that share the page (see [`share::is_share_control`]).
    pub share: u16,
    /// Links to a social network's profile pages (follow buttons).
    pub social: u16,
    /// Inputs for an e-mail address.
    pub email: u16,
    /// Password inputs, text areas and search inputs: a login, comment or search form.
    pub other_inputs: u16,
    /// Buttons and submit inputs.
    pub buttons: u16,
    /// `h1`-`h6`.
    pub headings: u16,
    /// Images, pictures, videos, figures.
    pub media: u16,
}

/// Side table of [`Stat`] for the subtree at `root`.
pub struct Stats {
    base: u32,
    rows: Vec<Stat>,
}

impl Stats {
    pub fn new(root: NodeRef) -> Stats {
        let base = root.id().0;
        let end = root.last_descendant().id().0;
        let snap = root.snapshot();
        let mut rows = vec![Stat::default(); (end - base + 1) as usize];
        for i in (base..=end).rev() {
            let n = snap.node(crate::dom::NodeId(i));
            // Counted in place: copying each row out and back was 16 M instructions (callgrind,
            // all corpus pages). A parent's row lies before its children's.
            let (before, from) = rows.split_at_mut((i - base) as usize);
            let s = &mut from[0];
            if s.end == 0 {
                s.end = i;
            }
            count_self(n, s);
            if i == base {
                break;
            }
            if let Some(p) = n.parent() {
                add(&mut before[(p.id().0 - base) as usize], s);
            }
        }
        Stats { base, rows }
    }

    /// The counts of a node inside the subtree.
    pub fn get(&self, n: NodeRef) -> &Stat {
        &self.rows[(n.id().0 - self.base) as usize]
    }

    /// True when `n` lies in the subtree these counts cover.
    pub fn covers(&self, n: NodeRef) -> bool {
        n.id().0 >= self.base && ((n.id().0 - self.base) as usize) < self.rows.len()
    }
}

fn count_self(n: NodeRef, s: &mut Stat) {
    if n.is_text() {
        let len = non_blank(n.text());
        s.text += len;
        if len >= PROSE_RUN {
            s.prose += len;
        }
        return;
    }
    let Some(tag) = n.tag() else { return };
    match tag {
        Tag::Script | Tag::Style | Tag::Noscript | Tag::Template => {
            *s = Stat { end: s.end, ..Stat::default() }
        }
        Tag::A | Tag::Button | Tag::Label | Tag::Select => {
            s.link_text = s.text;
            s.prose = 0;
            if tag != Tag::Label && tag != Tag::Select {
                s.controls = s.controls.saturating_add(1);
            }
            if tag == Tag::Button {
                s.buttons = s.buttons.saturating_add(1);
            }
        }
        Tag::Input => match n.attr("type").unwrap_or("text").to_ascii_lowercase().as_str() {
            "email" => s.email = s.email.saturating_add(1),
            "password" | "search" => s.other_inputs = s.other_inputs.saturating_add(1),
            "submit" | "button" | "image" => s.buttons = s.buttons.saturating_add(1),
            "text" if names_email(n) => s.email = s.email.saturating_add(1),
            _ => {}
        },
        Tag::Textarea => s.other_inputs = s.other_inputs.saturating_add(1),
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
            s.headings = s.headings.saturating_add(1)
        }
        Tag::Img | Tag::Picture | Tag::Video | Tag::Figure => s.media = s.media.saturating_add(1),
        _ => {}
    }
    // The role is looked up once for both questions (callgrind over all corpus pages: 10 M
    // instructions less than a second lookup in `is_share_control`).
    let role_button = n.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("button"));
    if role_button && tag != Tag::Button {
        s.controls = s.controls.saturating_add(1);
    }
    if (tag == Tag::A || tag == Tag::Button || role_button) && share::is_share_control(n) {
        s.share = s.share.saturating_add(1);
    } else if tag == Tag::A && n.attr("href").is_some_and(share::is_profile_url) {
        s.social = s.social.saturating_add(1);
    }
}

/// A text input whose name or placeholder asks for an e-mail address.
fn names_email(n: NodeRef) -> bool {
    ["name", "id", "placeholder", "autocomplete"].iter().any(|a| {
        n.attr(a).is_some_and(|v| {
            v.contains('@')
                || super::whole_words::has_phrase(v, "email")
                || super::whole_words::has_phrase(v, "e mail")
        })
    })
}

fn add(p: &mut Stat, c: &Stat) {
    p.text += c.text;
    p.link_text += c.link_text;
    p.prose += c.prose;
    p.end = p.end.max(c.end);
    p.controls = p.controls.saturating_add(c.controls);
    p.share = p.share.saturating_add(c.share);
    p.social = p.social.saturating_add(c.social);
    p.email = p.email.saturating_add(c.email);
    p.other_inputs = p.other_inputs.saturating_add(c.other_inputs);
    p.buttons = p.buttons.saturating_add(c.buttons);
    p.headings = p.headings.saturating_add(c.headings);
    p.media = p.media.saturating_add(c.media);
}
