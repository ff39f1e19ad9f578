//! A compact, read-only snapshot of a document.
//!
//! Every heuristic in the crate reads this arena and nothing else. The live page (through the
//! extension's one-pass walker, see [`wire`]) and HTML text (through html5ever, see `html`) both
//! end up as the same [`wire`] stream, and one decoder turns that stream into a [`Snapshot`], so the
//! two hosts cannot drift apart.
//!
//! Layout: nodes live in one `Vec` in document (pre-)order, linked by parent / first child / next
//! sibling indices; all strings (text, attribute names and values, foreign tag names) are spans of
//! one `String`. Nothing here recurses over the tree: every walk is a loop, so a 100,000-deep page
//! is as safe as a flat one.

mod dump;
#[cfg(feature = "html")]
pub mod html;
mod serialize;
#[cfg(feature = "html")]
mod shadow;
#[cfg(feature = "html")]
mod streamed;
mod tag;
pub mod wire;

pub use dump::dump;
pub use serialize::{escape_into as to_html_escape, to_html, HtmlOptions};
use std::borrow::Cow;
pub use tag::{Namespace, Tag};

/// Index of a node in its [`Snapshot`]. Node 0 is the document itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The document node.
    pub const ROOT: NodeId = NodeId(0);

    /// The index into per-node side tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Marks a missing link.
const NONE: u32 = u32::MAX;

/// A byte range into [`Snapshot::strings`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    fn len(self) -> usize {
        (self.end - self.start) as usize
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    pub name: Span,
    pub value: Span,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Document,
    /// `attrs` indexes [`Snapshot::attrs`]; `name` is the local name (kept for every element so
    /// that `Tag::Other` elements stay identifiable). `class` and `id` are the values of those
    /// attributes (empty when absent), found once at decoding: the heuristics ask for them on
    /// every element, and scanning the attributes each time was a tenth of extraction (perf).
    Element {
        tag: Tag,
        ns: Namespace,
        name: Span,
        attrs_start: u32,
        attrs_end: u32,
        class: Span,
        id: Span,
    },
    Text(Span),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    /// Position of the node among the ELEMENT and TEXT ops of the wire stream it came from.
    pub origin: u32,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    pub prev_sibling: u32,
    pub kind: Kind,
}

/// The arena. Build it with [`wire::decode`] or, natively, [`html::parse`].
#[derive(Debug, Default)]
pub struct Snapshot {
    pub(crate) nodes: Vec<Node>,
    pub(crate) attrs: Vec<Attr>,
    pub(crate) strings: String,
}

impl Snapshot {
    /// Number of nodes, the document node included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the snapshot holds only the document node.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The document node.
    pub fn root(&self) -> NodeRef<'_> {
        self.node(NodeId::ROOT)
    }

    /// A handle to a node. Panics on an id from another snapshot that is out of range.
    pub fn node(&self, id: NodeId) -> NodeRef<'_> {
        assert!(id.index() < self.nodes.len(), "node id out of range");
        NodeRef { doc: self, id }
    }

    /// Every node in document order.
    pub fn iter(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        (0..self.nodes.len() as u32).map(move |i| NodeRef { doc: self, id: NodeId(i) })
    }

    /// The first element with this tag in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeRef<'_>> {
        self.iter().find(|n| n.tag() == Some(tag))
    }

    /// `<html>`'s `lang` etc. live on the document element: the first element child of the root.
    pub fn document_element(&self) -> Option<NodeRef<'_>> {
        self.root().children().find(|n| n.is_element())
    }

    fn str(&self, span: Span) -> &str {
        &self.strings[span.start as usize..span.end as usize]
    }
}

/// A cheap handle to one node: navigation returns `Option`, questions return `bool`.
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    doc: &'a Snapshot,
    id: NodeId,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.raw().kind {
            Kind::Document => write!(f, "#document"),
            Kind::Text(_) => write!(f, "#text({:?})", self.text()),
            Kind::Element { .. } => write!(f, "<{}#{}>", self.name(), self.id.0),
        }
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.doc, other.doc)
    }
}

impl<'a> NodeRef<'a> {
    fn raw(&self) -> &'a Node {
        &self.doc.nodes[self.id.index()]
    }

    fn link(&self, i: u32) -> Option<NodeRef<'a>> {
        (i != NONE).then_some(NodeRef { doc: self.doc, id: NodeId(i) })
    }

    /// This node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The node's position in the walker's node list (the n-th ELEMENT or TEXT op of the wire
    /// stream). The decoder drops some nodes, so this differs from the id; the extension uses it
    /// to find the live DOM node a decision is about.
    pub fn origin(&self) -> u32 {
        self.raw().origin
    }

    /// The snapshot this node belongs to.
    pub fn snapshot(&self) -> &'a Snapshot {
        self.doc
    }

    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.link(self.raw().parent)
    }

    pub fn first_child(&self) -> Option<NodeRef<'a>> {
        self.link(self.raw().first_child)
    }

    pub fn last_child(&self) -> Option<NodeRef<'a>> {
        self.link(self.raw().last_child)
    }

    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.link(self.raw().next_sibling)
    }

    pub fn prev_sibling(&self) -> Option<NodeRef<'a>> {
        self.link(self.raw().prev_sibling)
    }

    /// The element just before this node among its siblings, past blank text only: `None` when
    /// text with something to read stands between them, or nothing does.
    pub fn prev_element(&self) -> Option<NodeRef<'a>> {
        self.element_sibling(NodeRef::prev_sibling)
    }

    /// The element just after this node among its siblings, past blank text only.
    pub fn next_element(&self) -> Option<NodeRef<'a>> {
        self.element_sibling(NodeRef::next_sibling)
    }

    fn element_sibling(
        &self,
        step: fn(&NodeRef<'a>) -> Option<NodeRef<'a>>,
    ) -> Option<NodeRef<'a>> {
        std::iter::successors(step(self), step)
            .find(|s| s.is_element() || !s.text().trim().is_empty())
            .filter(|s| s.is_element())
    }

    pub fn is_element(&self) -> bool {
        matches!(self.raw().kind, Kind::Element { .. })
    }

    pub fn is_text(&self) -> bool {
        matches!(self.raw().kind, Kind::Text(_))
    }

    /// The element's tag; `None` for text and the document.
    pub fn tag(&self) -> Option<Tag> {
        match self.raw().kind {
            Kind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// True when this is an element with this tag.
    pub fn is(&self, tag: Tag) -> bool {
        self.tag() == Some(tag)
    }

    /// The element's namespace (`Html` for non-elements).
    pub fn namespace(&self) -> Namespace {
        match self.raw().kind {
            Kind::Element { ns, .. } => ns,
            _ => Namespace::Html,
        }
    }

    /// The local name (`""` for text and the document).
    pub fn name(&self) -> &'a str {
        match self.raw().kind {
            Kind::Element { name, .. } => self.doc.str(name),
            _ => "",
        }
    }

    /// A text node's own text (`""` for elements).
    pub fn text(&self) -> &'a str {
        match self.raw().kind {
            Kind::Text(span) => self.doc.str(span),
            _ => "",
        }
    }

    fn raw_attrs(&self) -> &'a [Attr] {
        let (start, end) = match self.raw().kind {
            Kind::Element { attrs_start, attrs_end, .. } => (attrs_start, attrs_end),
            _ => (0, 0),
        };
        &self.doc.attrs[start as usize..end as usize]
    }

    /// The element's attributes in source order, as `(name, value)`.
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let doc = self.doc;
        self.raw_attrs().iter().map(move |a| (doc.str(a.name), doc.str(a.value)))
    }

    /// One attribute's value. Names compare ASCII case-insensitively, as HTML does.
    ///
    /// Names of another length are passed over before their text is looked at: the heuristics
    /// ask every element for several attributes it mostly lacks.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let doc = self.doc;
        self.raw_attrs()
            .iter()
            .find(|a| a.name.len() == name.len() && doc.str(a.name).eq_ignore_ascii_case(name))
            .map(|a| doc.str(a.value))
    }

    /// The `id` attribute, or `""`.
    pub fn id_attr(&self) -> &'a str {
        match self.raw().kind {
            Kind::Element { id, .. } => self.doc.str(id),
            _ => "",
        }
    }

    /// The `class` attribute, or `""`.
    pub fn class(&self) -> &'a str {
        match self.raw().kind {
            Kind::Element { class, .. } => self.doc.str(class),
            _ => "",
        }
    }

    /// True when the class list contains exactly this class.
    pub fn has_class(&self, class: &str) -> bool {
        self.class().split_ascii_whitespace().any(|c| c == class)
    }

    /// Direct children in order.
    pub fn children(&self) -> Children<'a> {
        Children { next: self.first_child() }
    }

    /// Element children in order.
    pub fn element_children(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.children().filter(|c| c.is_element())
    }

    /// Ancestors from the parent up to the document.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        std::iter::successors(self.parent(), |n| n.parent())
    }

    /// True when `self` is `other` or contains it. Nodes are stored in document order, so a
    /// subtree is the id range `self..=last descendant`: the cost is finding that last descendant,
    /// one step per level down `self`'s chain of last children, not a walk of the subtree.
    pub fn contains(&self, other: NodeRef<'_>) -> bool {
        other.id >= self.id && other.id <= self.last_descendant().id
    }

    /// The last node of this subtree in document order (the node itself when it has no children).
    pub fn last_descendant(&self) -> NodeRef<'a> {
        let mut n = *self;
        while let Some(c) = n.last_child() {
            n = c;
        }
        n
    }

    /// The node and all its descendants in document order. A contiguous id range, so no stack.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        let doc = self.doc;
        (self.id.0..=self.last_descendant().id.0).map(move |i| NodeRef { doc, id: NodeId(i) })
    }

    /// Concatenated text of all descendant text nodes, like DOM `textContent`.
    pub fn text_content(&self) -> String {
        let mut s = String::new();
        for n in self.descendants() {
            s.push_str(n.text());
        }
        s
    }

    /// [`text_content`](Self::text_content), borrowed when the node holds a single text node
    /// (most labels, links, buttons and short paragraphs): copying the text of every short link
    /// and label cost the classifier 22 M instructions, and borrowing saves 10 M of them
    /// (callgrind over all corpus pages).
    pub fn text_cow(&self) -> Cow<'a, str> {
        match self.first_child() {
            Some(c) if c.is_text() && self.last_child() == Some(c) => Cow::Borrowed(c.text()),
            _ => Cow::Owned(self.text_content()),
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    next: Option<NodeRef<'a>>,
}

impl<'a> Iterator for Children<'a> {
    type Item = NodeRef<'a>;
    fn next(&mut self) -> Option<NodeRef<'a>> {
        let n = self.next?;
        self.next = n.next_sibling();
        Some(n)
    }
}

impl NodeRef<'_> {
    /// A CSS selector path from `html` to this element (`tag#id` where the id is unique enough to
    /// read, else `tag.class:nth-of-type(n)`), for reports and debugging.
    pub fn css_path(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut cur = Some(*self).filter(|n| n.is_element());
        while let Some(n) = cur {
            let id = n.id_attr();
            if !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                parts.push(format!("{}#{id}", n.name()));
                break;
            }
            let mut part = n.name().to_owned();
            if let Some(c) = n.class().split_ascii_whitespace().next() {
                part.push('.');
                part.push_str(c);
            }
            let same = |s: &NodeRef| s.is_element() && s.name() == n.name();
            let index =
                std::iter::successors(n.prev_sibling(), |s| s.prev_sibling()).filter(same).count();
            let later =
                std::iter::successors(n.next_sibling(), |s| s.next_sibling()).any(|s| same(&s));
            if index > 0 || later {
                part.push_str(&format!(":nth-of-type({})", index + 1));
            }
            parts.push(part);
            cur = n.parent().filter(|p| p.is_element());
        }
        parts.reverse();
        parts.join(" > ")
    }
}
