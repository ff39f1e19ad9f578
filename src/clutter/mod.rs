//! Clutter classification: which elements of a page are ads, newsletter prompts, share widgets,
//! consent banners, recommendation rails or sticky overlays.
//!
//! Pure: reads a [`Snapshot`] and returns [`Hidden`] decisions; the wasm layer marks the elements
//! and one user stylesheet hides them. Never returns `html`, `head`, `body`, `main`, or an element
//! that holds the article's main text (see [`protect`]).
//!
//! Cost: three linear passes over the subtree being classified, all loops over its contiguous id
//! range (no recursion): counts per node bottom-up ([`stats`]), labels and their boxes
//! ([`labels`]), then one top-down pass that takes the outermost clutter element and skips its
//! subtree. Text is only read for small elements. So [`classify_subtree`] on a freshly inserted
//! modal costs the modal's size, not the page's.
//!
//! Signals come in two strengths. Strong ones are recognised by content or by ad-network markup
//! (share endpoints, an e-mail form with subscribe wording, `ins.adsbygoogle`, a dialog about
//! cookies...). Weak ones are class and id words ([`names`]); they only hide elements without prose.

mod ads;
mod consent;
mod hosts;
mod labels;
mod names;
mod newsletter;
mod protect;
mod share;
mod stats;
mod whole_words;

use crate::dom::{NodeId, NodeRef, Snapshot};
use serde::Serialize;
use stats::Stats;

/// The kinds of clutter, each switchable by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClutterKind {
    Ad,
    Newsletter,
    Share,
    Consent,
    Recommendation,
    Overlay,
}

impl ClutterKind {
    pub const ALL: [ClutterKind; 6] = [
        ClutterKind::Ad,
        ClutterKind::Newsletter,
        ClutterKind::Share,
        ClutterKind::Consent,
        ClutterKind::Recommendation,
        ClutterKind::Overlay,
    ];

    /// The kind with this [`as_str`](Self::as_str) name.
    pub fn from_name(name: &str) -> Option<ClutterKind> {
        ClutterKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The name used in settings, reports and the `data-declutter-hidden` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            ClutterKind::Ad => "ad",
            ClutterKind::Newsletter => "newsletter",
            ClutterKind::Share => "share",
            ClutterKind::Consent => "consent",
            ClutterKind::Recommendation => "recommendation",
            ClutterKind::Overlay => "overlay",
        }
    }
}

/// One element to hide, with the rule that decided it (shown to people in the extension's peek
/// mode and report, so they can tell a wrong rule from a wrong page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Hidden {
    pub node: NodeId,
    pub kind: ClutterKind,
    pub rule: Rule,
}

/// Which signal hid an element, one per detector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Rule {
    /// A box labelled "Advertisement", "Sponsored", "Recommended for you"...
    Label,
    /// Ad-network markup (`ins.adsbygoogle`, ad slot ids, ad iframes).
    AdMarkup,
    /// A bar of links to share endpoints.
    ShareLinks,
    /// An e-mail form with subscribe wording.
    SignupForm,
    /// A dialog or banner about cookies and consent.
    ConsentBanner,
    /// Class and id words.
    Names,
    /// A fixed box covering the page.
    FixedOverlay,
}

impl Rule {
    /// The rule's name in reports and the peek mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Label => "label",
            Rule::AdMarkup => "ad-markup",
            Rule::ShareLinks => "share-links",
            Rule::SignupForm => "signup-form",
            Rule::ConsentBanner => "consent-banner",
            Rule::Names => "class-id-words",
            Rule::FixedOverlay => "fixed-overlay",
        }
    }
}

/// Which kinds to look for.
#[derive(Clone, Debug)]
pub struct Options {
    pub kinds: Vec<ClutterKind>,
}

impl Default for Options {
    fn default() -> Self {
        Options { kinds: ClutterKind::ALL.to_vec() }
    }
}

/// How sure a signal is; decides how much prose protects an element from it (see [`protect`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strength {
    Weak,
    Strong,
}

/// Classifies a whole document. Results are outermost elements only, sorted by id.
pub fn classify(snap: &Snapshot, options: &Options) -> Vec<Hidden> {
    classify_subtree(snap.root(), options)
}

/// Classifies one subtree (the whole document, or nodes inserted after load). Results are
/// outermost elements only, sorted by id.
pub fn classify_subtree(root: NodeRef, options: &Options) -> Vec<Hidden> {
    let stats = Stats::new(root);
    let guard = protect::Guard::new(root, &stats);
    let base = root.id().0;
    let mut marks: Vec<Option<(ClutterKind, Strength, Rule)>> =
        vec![None; (stats.get(root).end - base + 1) as usize];
    for (n, kind, strength) in
        labels::mark_boxes(root, &stats, &|n| guard.is_main(n, stats.get(n).end))
    {
        marks[(n.id().0 - base) as usize].get_or_insert((kind, strength, Rule::Label));
    }
    let mut names = names::NameKinds::default();
    let mut out = Vec::new();
    let mut skip_until = None;
    for n in root.descendants() {
        if skip_until.is_some_and(|end| n.id().0 <= end) || !n.is_element() {
            continue;
        }
        let s = stats.get(n);
        let found = marks[(n.id().0 - base) as usize].or_else(|| detect(n, s, &mut names));
        let Some((kind, strength, rule)) = found.filter(|(k, ..)| options.kinds.contains(k)) else {
            continue;
        };
        if guard.protects(n, s, strength) {
            continue;
        }
        out.push(Hidden { node: n.id(), kind, rule });
        skip_until = Some(s.end);
    }
    out
}

/// The clutter kind an element shows by itself, strongest signals first.
fn detect<'a>(
    n: NodeRef<'a>,
    s: &stats::Stat,
    names: &mut names::NameKinds<'a>,
) -> Option<(ClutterKind, Strength, Rule)> {
    if let Some(st) = ads::detect(n) {
        return Some((ClutterKind::Ad, st, Rule::AdMarkup));
    }
    if share::is_bar(n, s) {
        return Some((ClutterKind::Share, Strength::Strong, Rule::ShareLinks));
    }
    if let Some(st) = newsletter::detect(n, s) {
        return Some((ClutterKind::Newsletter, st, Rule::SignupForm));
    }
    let fixed = consent::fixed_style(n);
    if let Some(st) = consent::detect_consent(n, s, fixed) {
        return Some((ClutterKind::Consent, st, Rule::ConsentBanner));
    }
    if let Some(kind) = names.get(n.class(), n.id_attr()) {
        return Some((kind, Strength::Weak, Rule::Names));
    }
    consent::detect_overlay(n, s, fixed).map(|st| (ClutterKind::Overlay, st, Rule::FixedOverlay))
}
